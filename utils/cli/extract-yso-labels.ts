/**
 * One-off (re-run when yso-rules.json or the concepts change): extracts the YSO concepts the need
 * vocabulary uses from Annif's YSO label files (fi/sv/en preferred labels aligned by concept URI,
 * YSO 2017, CC BY 4.0, National Library of Finland; NatLibFi/Annif-corpora vocab/yso-{fi,sv,en}.tsv)
 * into data/vocabulary/sources/yso-labels.json: every YSO concept with a label equal to a
 * concept's term, and every one a compound-part rule selects (see utils/vocabulary/yso.ts).
 * Usage: tsx utils/cli/extract-yso-labels.ts <folder with yso-fi.tsv, yso-sv.tsv, yso-en.tsv>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { queryWordsFileSchema } from '../search/lexicon-files';
import { buildNeeds } from '../vocabulary/build-needs';
import { curatedFileSchema, sourceExtractSchema, type SourceExtract } from '../vocabulary/schema';
import { conceptKeys, isExcluded, linkedConcepts, parseYsoTsv, selectedBy, ysoRulesFileSchema } from '../vocabulary/yso';

const folder = process.argv[2];
if (!folder) throw new Error('usage: extract-yso-labels <folder with yso-fi.tsv, yso-sv.tsv, yso-en.tsv>');
const ROOT = resolve(import.meta.dirname, '../..');
const DIR = resolve(ROOT, 'data/vocabulary');
const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const [fi, sv, en] = (['fi', 'sv', 'en'] as const).map((language) => parseYsoTsv(readFileSync(resolve(folder, `yso-${language}.tsv`), 'utf8')));
const rules = ysoRulesFileSchema.parse(read(resolve(DIR, 'yso-rules.json')));
const queryWords = queryWordsFileSchema.parse(read(resolve(ROOT, 'data/query-words.json')));
// The concepts before YSO: curated and PTV terms are what YSO labels link to.
const needs = buildNeeds({
  curated: curatedFileSchema.parse(read(resolve(DIR, 'curated.json'))),
  ptvClasses: sourceExtractSchema.parse(read(resolve(DIR, 'sources/ptv-service-classes.json'))),
  ptvTargetGroups: sourceExtractSchema.parse(read(resolve(DIR, 'sources/ptv-target-groups.json'))),
  genericWords: [...queryWords.generic.fi, ...queryWords.generic.sv, ...queryWords.generic.en],
});
const keys = conceptKeys(needs.concepts);

const codes: SourceExtract['codes'] = [];
for (const [id, { uri, label }] of fi!) {
  const svLabel = sv!.get(id)?.label;
  const enLabel = en!.get(id)?.label;
  if (!svLabel || !enLabel) continue;
  const code = { code: id, uri, broader: null, fi: label, sv: svLabel, en: enLabel };
  if (isExcluded(code, rules)) continue;
  if (linkedConcepts(code, keys).length > 0 || selectedBy(code, rules)) codes.push(code);
}
codes.sort((a, b) => Number(a.code.slice(1)) - Number(b.code.slice(1)));
const extract = sourceExtractSchema.parse({
  about: 'YSO (General Finnish Ontology) concepts used by the need vocabulary: preferred labels in Finnish, Swedish and English aligned by concept URI (YSO 2017, via NatLibFi/Annif-corpora vocab/yso-*.tsv). © National Library of Finland, Semantic Computing Research Group (SeCo), The Finnish Terminology Centre TSK; CC BY 4.0. Selected by data/vocabulary/yso-rules.json; written by utils/cli/extract-yso-labels.ts.',
  codes,
});
writeFileSync(resolve(DIR, 'sources/yso-labels.json'), JSON.stringify(extract, null, 1) + '\n');
console.log(`${codes.length} YSO concepts`);
