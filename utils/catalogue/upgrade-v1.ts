/**
 * schemaVersion 1 → 2, before validation (catalogueSchema runs this first). Pure and total:
 * anything that is not a recognisable v1 catalogue is returned unchanged, for the v2 schema to
 * report. What changes:
 * - a service's `url` is now `website`, `locations` are `addresses`, `phones` always a list;
 * - printed hours (service, phone lines) become `text` hours: shown as printed, never read as
 *   open or closed (v1 had no timetable; reading words is the importer's work, and this runs
 *   in the popup too, which should not carry the parser);
 * - `verifiedAt` of v1 meant "a person confirmed the contacts": it stays, with
 *   `verifiedBy: "schemaVersion 1"` and the contact fields as `verifiedFields`;
 * - every service is `active`.
 */

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export const V1_VERIFIER = 'schemaVersion 1';
const V1_VERIFIED_FIELDS = ['phones', 'email', 'website', 'addresses'];

function upgradeHours(hours: unknown): unknown {
  return typeof hours === 'string' && hours.trim() !== '' ? { kind: 'text', rules: [], holidays: 'closed', exceptions: [], text: hours.trim() } : hours;
}

function upgradePhones(phones: unknown): unknown {
  if (!Array.isArray(phones)) return phones;
  return phones.map((phone) => {
    if (!isRecord(phone) || phone.hours === undefined) return phone;
    return { ...phone, hours: upgradeHours(phone.hours) };
  });
}

function upgradeVerification(record: Json): Json {
  if (typeof record.verifiedAt !== 'string') return record;
  return { ...record, verifiedBy: V1_VERIFIER, verifiedFields: V1_VERIFIED_FIELDS };
}

function upgradeOrganisation(organisation: unknown): unknown {
  if (!isRecord(organisation)) return organisation;
  return upgradeVerification({ ...organisation, phones: upgradePhones(organisation.phones) });
}

function upgradeService(service: unknown): unknown {
  if (!isRecord(service)) return service;
  const { url, locations, phones, hours, ...rest } = service;
  return upgradeVerification({
    ...rest,
    status: 'active',
    phones: upgradePhones(phones ?? []),
    ...(url !== undefined ? { website: url } : {}),
    addresses: locations ?? [],
    ...(hours !== undefined ? { hours: upgradeHours(hours) } : {}),
  });
}

export function upgradeCatalogue(data: unknown): unknown {
  if (!isRecord(data) || data.schemaVersion !== 1) return data;
  return {
    ...data,
    schemaVersion: 2,
    organisations: Array.isArray(data.organisations) ? data.organisations.map(upgradeOrganisation) : data.organisations,
    services: Array.isArray(data.services) ? data.services.map(upgradeService) : data.services,
  };
}
