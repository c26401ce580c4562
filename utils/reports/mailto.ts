import { isMissingServiceReport, type MissingServiceReport, type Report, type ReportField } from './schema';

/**
 * The e-mail fallback when no endpoint is configured: the same report, prefilled for the
 * maintainer. The body is in Finnish (the maintainer's language) and ends with the JSON, so
 * a maintainer can paste it into the same tools that read the POSTed reports.
 */
const FIELD_NAMES_FI: Record<ReportField, string> = {
  phone: 'puhelinnumero',
  email: 'sähköposti',
  address: 'osoite',
  website: 'verkkosivu',
  hours: 'aukioloajat',
  ended: 'palvelu on päättynyt',
  other: 'muu',
};

export function reportSubject(report: Report): string {
  if (isMissingServiceReport(report)) return `Puuttuva palvelu tai hakusana: ${report.words}`;
  return `Vanhentunut tieto: ${report.serviceName} (${report.organisationName})`;
}

const FILTER_NAMES_FI: Record<keyof MissingServiceReport['filters'], string> = {
  city: 'kunta',
  category: 'aihe',
  audience: 'kenelle',
  language: 'kieli',
  openNow: 'auki nyt',
};

function missingServiceLines(report: MissingServiceReport): string[] {
  const filters = Object.entries(report.filters).map(([name, value]) => `${FILTER_NAMES_FI[name as keyof typeof FILTER_NAMES_FI]}: ${value === true ? 'kyllä' : value}`);
  return [
    'Järjestöoppaan käyttäjä ei löytänyt palvelua näillä hakusanoilla ja ilmoittaa siitä.',
    '',
    `Hakusanat: ${report.words}`,
    `Käyttökieli: ${report.language}`,
    `Arvatut tarpeet: ${report.guessedConcepts.length > 0 ? report.guessedConcepts.join(', ') : '–'}`,
    `Suodattimet: ${filters.length > 0 ? filters.join(', ') : '–'}`,
  ];
}

export function reportEmailBody(report: Report): string {
  const lines = [
    ...(isMissingServiceReport(report) ? missingServiceLines(report) : staleContactLines(report)),
    `Luettelon versio: ${report.catalogueRevision} (${report.region})`,
    '',
    'Sama ilmoitus koneluettavana (JSON):',
    JSON.stringify(report),
  ];
  // E-mail wants CRLF line ends; mail clients turn them into their own.
  return lines.join('\r\n');
}

function staleContactLines(report: Exclude<Report, MissingServiceReport>): string[] {
  return [
    'Järjestöoppaan käyttäjä ilmoittaa vanhentuneesta tiedosta.',
    '',
    `Palvelu: ${report.serviceName} (${report.serviceId})`,
    `Järjestö: ${report.organisationName} (${report.organisationId})`,
    `Mikä on vialla: ${FIELD_NAMES_FI[report.field]}`,
    ...(report.suggestion ? [`Korjattu tieto: ${report.suggestion}`] : []),
    ...(report.comment ? [`Kommentti: ${report.comment}`] : []),
  ];
}

/** A `mailto:` link per RFC 6068: every part percent-encoded as UTF-8. */
export function reportMailto(report: Report, to: string): string {
  const query = `subject=${encodeURIComponent(reportSubject(report))}&body=${encodeURIComponent(reportEmailBody(report))}`;
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?${query}`;
}
