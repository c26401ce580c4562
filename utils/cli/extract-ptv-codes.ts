/**
 * One-off: extracts the PTV service classes (ptvserclass2) and target groups (ptvkohderyhmat)
 * from koodistot.suomi.fi code-list JSON (the API's own format; a copy is in
 * vrk-kpa/auroraai-core-components demo_ui/src/resources/) into the small committed files under
 * data/vocabulary/sources/ that `npm run vocabulary` reads. Only codes, labels and broader codes
 * are kept. Usage: tsx utils/cli/extract-ptv-codes.ts <ptv_classes.json> <target_groups.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const label = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const code = z.object({
  codeValue: z.string(),
  uri: z.string(),
  status: z.string(),
  prefLabel: label,
  broaderCode: z.object({ codeValue: z.string() }).optional(),
});
const classesFile = z.object({ results: z.array(code) });
const groupsFile = z.object({ uri: z.string(), codes: z.array(code) });

const [classesPath, groupsPath] = process.argv.slice(2);
if (!classesPath || !groupsPath) throw new Error('usage: extract-ptv-codes <ptv_classes.json> <target_groups.json>');
const trim = (text: string) => text.trim().replace(/\s+/g, ' ');
const extract = (codes: z.infer<typeof code>[]) =>
  codes
    .filter((entry) => entry.status === 'VALID')
    .map((entry) => ({
      code: entry.codeValue,
      uri: entry.uri,
      broader: entry.broaderCode?.codeValue ?? null,
      fi: trim(entry.prefLabel.fi),
      sv: trim(entry.prefLabel.sv),
      en: trim(entry.prefLabel.en),
    }))
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));

const out = resolve(import.meta.dirname, '../../data/vocabulary/sources');
const about = (what: string, uri: string) =>
  `${what} (${uri}), from koodistot.suomi.fi (Digital and Population Data Services Agency, CC BY 4.0), via the copy in vrk-kpa/auroraai-core-components demo_ui/src/resources/. Extracted by utils/cli/extract-ptv-codes.ts: code, URI, broader code and fi/sv/en labels.`;
writeFileSync(
  resolve(out, 'ptv-service-classes.json'),
  JSON.stringify({ about: about('PTV service classes', 'http://uri.suomi.fi/codelist/ptv/ptvserclass2'), codes: extract(classesFile.parse(JSON.parse(readFileSync(classesPath, 'utf8'))).results) }, null, 1) + '\n',
);
const groups = groupsFile.parse(JSON.parse(readFileSync(groupsPath, 'utf8')));
writeFileSync(
  resolve(out, 'ptv-target-groups.json'),
  JSON.stringify({ about: about('PTV target groups', groups.uri), codes: extract(groups.codes) }, null, 1) + '\n',
);
