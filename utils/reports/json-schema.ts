import * as z from 'zod/mini';
import { reportSchema } from './schema';

type Docs = { $id?: string; title?: string; description: string };

/**
 * What the report format says to people writing an endpoint: a title and what each field
 * means. Kept here, with the generator, rather than on the schema: the popup validates reports
 * and need not carry the prose.
 */
function reportDocs(): z.core.$ZodRegistry<Docs> {
  const docs = z.registry<Docs>();
  const field = reportSchema.shape;
  docs.add(reportSchema, {
    $id: 'https://jarjestoopas.invalid/report.schema.json',
    title: 'Järjestöopas stale-contact report',
    description:
      'Sent by POST as application/json with an Idempotency-Key header equal to id. Reply 2xx once stored; the same id may arrive again after a lost reply and must be stored once.',
  });
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
  return docs;
}

/** The report format as JSON Schema (draft 2020-12), for endpoints written in any language. */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(reportSchema, { target: 'draft-2020-12', metadata: reportDocs() }) as Record<string, unknown>;
}

export const REPORT_JSON_SCHEMA_PATH = 'data/report.schema.json';
