import * as z from 'zod/mini';
import { missingServiceReportSchema, reportSchema, staleContactReportSchema } from './schema';

type Docs = { $id?: string; title?: string; description: string };

/**
 * What the report format says to people writing an endpoint: a title and what each field
 * means. Kept here, with the generator, rather than on the schema: the popup validates reports
 * and need not carry the prose.
 */
function reportDocs(): z.core.$ZodRegistry<Docs> {
  const docs = z.registry<Docs>();
  const field = staleContactReportSchema.shape;
  docs.add(reportSchema, {
    $id: 'https://jarjestoopas.invalid/report.schema.json',
    title: 'Järjestöopas report',
    description:
      'A stale-contact report (no "kind") or a missing-service report ("kind": "missing-service"). Sent by POST as application/json with an Idempotency-Key header equal to id. Reply 2xx once stored; the same id may arrive again after a lost reply and must be stored once.',
  });
  docs.add(staleContactReportSchema, { title: 'Stale-contact report', description: 'A nurse reports that a catalogue service\'s contact detail is wrong.' });
  docs.add(field.schemaVersion, { description: 'Format version of this report.' });
  docs.add(field.id, { description: 'Unique report id; also sent as the Idempotency-Key header. A retry repeats it.' });
  docs.add(field.createdAt, { description: 'When the nurse sent the report (ISO 8601).' });
  docs.add(field.region, { description: 'Region of the catalogue the report is about, e.g. "vake".' });
  docs.add(field.catalogueRevision, { description: 'Revision of the catalogue the nurse was looking at.' });
  docs.add(field.serviceId, { description: 'Catalogue id of the service.' });
  docs.add(field.serviceName, { description: 'Name of the service, for people reading the report.' });
  docs.add(field.organisationId, { description: 'Catalogue id of the organisation.' });
  docs.add(field.organisationName, { description: 'Name of the organisation, for people reading the report.' });
  docs.add(field.field, {
    description: 'What is wrong: phone, email, address, website, hours (opening hours), ended (the service has ended) or other.',
  });
  docs.add(field.suggestion, { description: 'The corrected value, when the nurse knows it.' });
  docs.add(field.comment, { description: 'Free comment.' });
  docs.add(field.extensionVersion, { description: 'Version of Järjestöopas that sent the report.' });
  const missing = missingServiceReportSchema.shape;
  docs.add(missingServiceReportSchema, {
    title: 'Missing-service report',
    description: 'A nurse\'s search found no direct match and she reported the search words. Holds no patient data and names no service.',
  });
  // The fields both kinds share are described the same way.
  for (const name of ['schemaVersion', 'id', 'createdAt', 'region', 'catalogueRevision', 'extensionVersion'] as const) {
    const description = docs.get(field[name])?.description;
    if (description) docs.add(missing[name], { description });
  }
  docs.add(missing.kind, { description: 'The kind of report.' });
  docs.add(missing.words, { description: 'The search words as the nurse typed them (checked for personal identity codes).' });
  docs.add(missing.language, { description: 'The language of the extension\'s user interface: fi, sv or en.' });
  docs.add(missing.guessedConcepts, { description: 'Ids of the need concepts the extension\'s vocabulary found in the words (data/vocabulary/needs.json); may be empty.' });
  docs.add(missing.filters, { description: 'The search filters that were on: city, category id, audience, service language, open now.' });
  return docs;
}

/** The report format as JSON Schema (draft 2020-12), for endpoints written in any language. */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(reportSchema, { target: 'draft-2020-12', metadata: reportDocs() }) as Record<string, unknown>;
}

export const REPORT_JSON_SCHEMA_PATH = 'data/report.schema.json';
