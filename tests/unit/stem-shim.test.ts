/**
 * The popup's stemmer is @nlpjs/lang-fi's without the rest of @nlpjs/core
 * (utils/wxt-modules/nlpjs-stemmer.ts): built with that plugin, as the extension is, it must
 * give exactly the library's stems for every word of the catalogue, the synonyms and the
 * query sets, and leave @nlpjs/core's container and compiler out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { tokenise } from '@/utils/search/normalise';
import { stemmerOnlyPlugin } from '@/utils/wxt-modules/nlpjs-stemmer';
import { ROOT, readJson } from './helpers';

const require = createRequire(import.meta.url);

function words(): string[] {
  const texts = [JSON.stringify(readJson('data/catalogue.json')), JSON.stringify(readJson('data/synonyms.json'))];
  for (const set of ['shared-queries', 'regression-queries', 'situation-queries']) texts.push(JSON.stringify(readJson(`tests/unit/fixtures/${set}.json`)));
  return [...new Set(texts.flatMap((text) => tokenise(text)))];
}

describe.each([
  { language: 'Finnish', stemmer: '@nlpjs/lang-fi/src/stemmer-fi.js' },
  { language: 'Swedish', stemmer: '@nlpjs/lang-sv/src/stemmer-sv.js' },
])('the $language stemmer as the extension builds it', ({ stemmer }) => {
  it('gives the library’s stems for every word, without @nlpjs/core’s container', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stem-shim-'));
    try {
      const result = await build({
        root: ROOT,
        logLevel: 'silent',
        configFile: false,
        plugins: [stemmerOnlyPlugin(ROOT)],
        build: {
          outDir: out,
          write: false,
          minify: false,
          lib: { entry: join(ROOT, 'node_modules', stemmer), formats: ['es'], fileName: 'stemmer' },
        },
      });
      const chunk = (Array.isArray(result) ? result[0]! : result) as { output: Array<{ type: string; code?: string; fileName: string }> };
      const code = chunk.output.find((file) => file.type === 'chunk')!.code!;
      expect(code).not.toContain('default-compiler');
      expect(code).not.toContain('class Container');
      const file = join(out, 'stemmer.mjs');
      writeFileSync(file, code);
      const Built = ((await import(pathToFileURL(file).href)) as { default: new () => { stem(word: string): string } }).default;
      const Library = require(stemmer) as new () => { stem(word: string): string };
      const [built, library] = [new Built(), new Library()];
      const all = words();
      expect(all.length).toBeGreaterThan(1000);
      expect(all.filter((word) => built.stem(word) !== library.stem(word))).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
