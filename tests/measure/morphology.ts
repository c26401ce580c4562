/**
 * `npm run measure:morphology`: the morphology options of issue 11 measured on the query sets.
 * For each option: coverage (share of the sets' need words that find a direct match on their
 * own), hit@3 and no-match accuracy on the blind client-situation set, and the time to pack
 * the bundled catalogue. Options:
 *   snowball        Snowball stems and catalogue-vocabulary compound splitting only
 *   + derivations   the derivational endings and consonant gradation of data/morphology.json
 *   + links         compound parts joined by linking letters and through derivations (chosen)
 *   + voikko        the chosen option, plus Voikko's base forms and compound parts of every
 *                   catalogue word added to the index (needs Debian libvoikko1 voikko-fi
 *                   python3-libvoikko; skipped when /usr/bin/python3 cannot import libvoikko)
 * Bundle sizes are measured on the build (docs/search.md), not here.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogueSchema, type Catalogue } from '../../utils/catalogue/schema';
import { buildSearchIndex } from '../../utils/search/build-index';
import type { CompiledLexicon } from '../../utils/search/lexicon';
import { bundledLexicon } from '../../utils/search/lexicon-files';
import { isStopword, tokenise } from '../../utils/search/normalise';
import { measureSet, querySetSchema } from '../../utils/search/relevance';
import { rankServices } from '../../utils/search/search';
import { stemTerms } from '../../utils/search/stem';
import { synonymFileSchema } from '../../utils/search/synonyms';

const ROOT = resolve(import.meta.dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8')) as unknown;
const catalogue = catalogueSchema.parse(read('data/catalogue.json'));
const synonyms = synonymFileSchema.parse(read('data/synonyms.json'));
const sets = ['shared-queries', 'regression-queries', 'situation-queries'].map(
  (name) => querySetSchema.parse(read(`tests/unit/fixtures/${name}.json`)).queries,
);
const situations = sets[2]!;
const chosen = bundledLexicon();

/** Need words of every query that expects a match: no stopwords, generic words or places. */
const words = [
  ...new Set(
    sets
      .flat()
      .filter((entry) => !entry.noMatch)
      .flatMap((entry) => tokenise(entry.query))
      .filter((word) => word.length >= 3 && !isStopword(word))
      .filter((word) => !stemTerms(word).some((stem) => chosen.generic.includes(stem) || chosen.places.some(([place]) => place === stem))),
  ),
];

function voikkoCatalogue(): Catalogue | null {
  const text = [catalogue.services.flatMap((service) => [service.name, service.description, ...service.targetGroups]), catalogue.organisations.flatMap((organisation) => organisation.keywords)]
    .flat()
    .join(' ');
  const vocabulary = [...new Set(tokenise(text).filter((word) => word.length >= 4))];
  const started = performance.now();
  const run = spawnSync('/usr/bin/python3', [resolve(ROOT, 'tests/measure/voikko-bases.py')], { input: vocabulary.join('\n'), encoding: 'utf8' });
  if (run.status !== 0) return null;
  const bases = JSON.parse(run.stdout) as Record<string, string[]>;
  console.log(`voikko: ${vocabulary.length} catalogue words analysed in ${Math.round(performance.now() - started)} ms, ${Object.keys(bases).length} with base forms or parts`);
  const organisations = new Map(catalogue.organisations.map((organisation) => [organisation.id, organisation]));
  return {
    ...catalogue,
    services: catalogue.services.map((service) => {
      const own = tokenise([service.name, service.description, ...service.targetGroups, ...organisations.get(service.organisationId)!.keywords].join(' '));
      const extra = [...new Set(own.flatMap((word) => bases[word] ?? []))];
      return { ...service, keywords: [...service.keywords, ...extra] };
    }),
  };
}

function measure(name: string, data: Catalogue, lexicon: CompiledLexicon) {
  const started = performance.now();
  const index = buildSearchIndex(data, synonyms, lexicon);
  const packMs = performance.now() - started;
  const direct = words.filter((word) => rankServices(index, word, { limit: 3 }).some((hit) => !hit.weak));
  const figures = measureSet(situations, (query) =>
    rankServices(index, query, { limit: 10 }).map((hit) => ({ organisationId: index.records.get(hit.position)!.organisation.id, weak: hit.weak })),
  );
  const percent = (part: number, whole: number) => `${part}/${whole} (${Math.round((100 * part) / whole)} %)`;
  console.log(
    `| ${name} | ${percent(direct.length, words.length)} | ${percent(figures.hit3, figures.matchQueries)} | ${figures.allWeak} | ${percent(figures.noMatchCorrect, figures.noMatchQueries)} | ${Math.round(packMs)} ms |`,
  );
  return new Set(direct);
}

buildSearchIndex(catalogue, synonyms, chosen); // warm-up: the stemmer's cache, the JIT
console.log(`${words.length} need words from the match queries of all sets`);
console.log('| option | coverage (need words with a direct match) | hit@3 situations | only weak | no-match accuracy | pack (build) time |');
console.log('| --- | --- | --- | --- | --- | --- |');
measure('snowball', catalogue, { ...chosen, derivations: [], gradation: [], linkLetters: [] });
measure('+ derivations', catalogue, { ...chosen, linkLetters: [] });
const best = measure('+ links (chosen)', catalogue, chosen);
const voikko = voikkoCatalogue();
if (voikko) {
  const withVoikko = measure('+ voikko (index side)', voikko, chosen);
  const gained = [...withVoikko].filter((word) => !best.has(word));
  console.log(`voikko adds direct matches for: ${gained.join(', ') || '(none)'}`);
} else console.log('voikko: not installed (apt-get install libvoikko1 voikko-fi python3-libvoikko)');
console.log(`still without a direct match: ${words.filter((word) => !best.has(word)).join(', ')}`);

