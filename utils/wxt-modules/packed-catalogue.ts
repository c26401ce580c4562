import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineWxtModule } from 'wxt/modules';
import { formatIssues, parseCatalogue } from '../catalogue/load';
import { PACKED_HEADER_FILE, PACKED_INDEX_FILE, packedShardFile } from '../catalogue/packed';
import { packCatalogue } from '../search/compact/pack';
import { bundledLexicon } from '../search/lexicon-files';
import { synonymFileSchema } from '../search/synonyms';
import { withBundledVocabulary } from '../search/bundled-vocabulary';

/**
 * Packs the bundled catalogue at build time: the popup ships `catalogue/index.json` (the
 * search index) and `catalogue/shard-N.json` (service records, read only for results shown)
 * instead of the catalogue itself. An invalid catalogue fails the build with every problem.
 *
 * `JARJESTOOPAS_CATALOGUE=<file>` packs another catalogue instead; only the benchmark uses it
 * (with `JARJESTOOPAS_OUT_DIR`, see wxt.config.ts). The demo build (`wxt build --mode demo`,
 * npm run build:demo) packs .output/demo-catalogue.json, the catalogue with the example info
 * sessions. Production builds use data/catalogue.json.
 */
/** Written by `npm run catalogue -- import-sessions … --out` before the demo build. */
export const DEMO_CATALOGUE_FILE = '.output/demo-catalogue.json';

export default defineWxtModule({
  name: 'packed-catalogue',
  setup(wxt) {
    wxt.hook('build:publicAssets', (_wxt, files) => {
      const root = wxt.config.root;
      const file = resolve(
        root,
        process.env.JARJESTOOPAS_CATALOGUE ?? (wxt.config.mode === 'demo' ? DEMO_CATALOGUE_FILE : 'data/catalogue.json'),
      );
      const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const parsed = parseCatalogue(data);
      if (!parsed.success) {
        throw new Error(`${file} is not a valid catalogue:\n${formatIssues(parsed.data, parsed.issues).join('\n')}`);
      }
      const synonyms = withBundledVocabulary(synonymFileSchema.parse(JSON.parse(readFileSync(resolve(root, 'data/synonyms.json'), 'utf8'))));
      const { index, shards } = packCatalogue(parsed.catalogue, synonyms, undefined, bundledLexicon());
      // The header alone, so that choosing between this catalogue and a synced feed reads a few bytes.
      files.push({ relativeDest: PACKED_HEADER_FILE, contents: JSON.stringify(index.catalogue) });
      files.push({ relativeDest: PACKED_INDEX_FILE, contents: JSON.stringify(index) });
      shards.forEach((shard, at) => files.push({ relativeDest: packedShardFile(at), contents: JSON.stringify(shard) }));
    });
  },
});
