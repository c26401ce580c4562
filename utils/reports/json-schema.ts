import { z } from 'zod';
import { reportSchema } from './schema';

/** The report format as JSON Schema (draft 2020-12), for endpoints written in any language. */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(reportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

export const REPORT_JSON_SCHEMA_PATH = 'data/report.schema.json';
