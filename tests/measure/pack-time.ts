/**
 * Build time of packing (issue 22): packCatalogue (the chunked packer fed whole, as the build
 * packs the bundled catalogue) against the packer it replaced (tests/unit/reference/), the two
 * interleaved in one process so that machine load falls on both.
 *
 *   npx tsx tests/measure/pack-time.ts [generated services, 0 = data/catalogue.json] [rounds=8]
 */
import { readFileSync } from 'node:fs';
import { catalogueSchema } from '@/utils/catalogue/schema';
import { packCatalogue } from '@/utils/search/compact/pack';
import { bundledLexicon } from '@/utils/search/lexicon-files';
import { synonymFileSchema } from '@/utils/search/synonyms';
import { withBundledVocabulary } from '@/utils/search/bundled-vocabulary';
import { referencePackCatalogue } from '../unit/reference/reference-pack';
import { generateCatalogue } from '../bench/generate-catalogue';
const real = catalogueSchema.parse(JSON.parse(readFileSync('data/catalogue.json', 'utf8')));
const size = Number(process.argv[2] ?? 0);
const catalogue = size ? generateCatalogue(size, 20261123, real.categories) : real;
const rounds = Number(process.argv[3] ?? 8);
const synonyms = withBundledVocabulary(synonymFileSchema.parse(JSON.parse(readFileSync('data/synonyms.json', 'utf8'))));
const lexicon = bundledLexicon();
const times: Record<string, number[]> = { old: [], new: [] };
for (let round = 0; round < rounds; round++) {
  for (const [name, pack] of [['old', referencePackCatalogue], ['new', packCatalogue]] as const) {
    const start = performance.now();
    pack(catalogue, synonyms, undefined, lexicon);
    times[name]!.push(performance.now() - start);
  }
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;
console.log(`${catalogue.services.length} services, ${rounds} rounds: median ${median(times.old!).toFixed(0)} ms before, ${median(times.new!).toFixed(0)} ms now (${(median(times.new!) / median(times.old!)).toFixed(2)}×)`);
