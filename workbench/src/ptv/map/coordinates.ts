import proj4 from 'proj4';

/**
 * EPSG:3067, ETRS89 / TM35FIN(E,N): transverse Mercator on GRS80, central meridian 27° E, scale
 * 0.9996, false easting 500 000 m (the EPSG registry's definition). ETRS89 and WGS84 differ by
 * well under a metre in Finland, less than PTV's own precision, so no datum shift is applied
 * (as PROJ's default EPSG:3067 → EPSG:4326 transformation does not either).
 */
const TM35FIN = '+proj=utm +zone=35 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
const toWgs84 = proj4(TM35FIN, 'WGS84');

/** Finland's extent in TM35FIN, with a margin: anything outside is a typo, not a place. */
const NORTHING = { min: 6_600_000, max: 7_800_000 };
const EASTING = { min: 40_000, max: 800_000 };

/**
 * PTV v11's `latitude` and `longitude` hold EPSG:3067 northing and easting as strings
 * ("6685590", "391874.049"). Returns WGS84 degrees rounded to 6 decimals (~0.1 m), or null
 * when either is missing, not a number, or outside Finland.
 */
export function tm35finToWgs84(northingText: string | null, eastingText: string | null): { lat: number; lon: number } | null {
  if (!northingText || !eastingText) return null;
  const northing = Number(northingText.replace(',', '.'));
  const easting = Number(eastingText.replace(',', '.'));
  if (!Number.isFinite(northing) || !Number.isFinite(easting)) return null;
  if (northing < NORTHING.min || northing > NORTHING.max || easting < EASTING.min || easting > EASTING.max) return null;
  const [lon, lat] = toWgs84.forward([easting, northing]) as [number, number];
  return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
}
