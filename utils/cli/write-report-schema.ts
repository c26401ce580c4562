/**
 * `npm run report-schema`: writes data/report.schema.json from the zod schema, the one source
 * of the report format. A unit test fails when the file and the schema differ.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPORT_JSON_SCHEMA_PATH, reportJsonSchema } from '../reports/json-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
writeFileSync(path.join(root, REPORT_JSON_SCHEMA_PATH), `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${REPORT_JSON_SCHEMA_PATH}\n`);
