/**
 * The test oracle for the chunked packer: packCatalogue and collectPostings exactly as they were
 * before the packer streamed (commit 697f82f, utils/search/compact/pack.ts and
 * utils/search/collect-postings.ts), whole catalogue in memory. The equivalence test
 * (tests/unit/chunked-pack.test.ts) requires the shipping packer to give byte-identical JSON, so
 * any change of output shows as a failing test. Test-only: nothing outside tests/ imports it;
 * tagServices and vocabularyGroups are inlined too, as they were.
 */
import { AREAS, AUDIENCES, LANGUAGES, type Catalogue, type Organisation } from '@/utils/catalogue/schema';
import { collectPostings, FIELD_WEIGHTS } from './reference-collect-postings';
import type { CompiledLexicon } from '@/utils/search/lexicon';
import { foldDiacritics, tokenise } from '@/utils/search/normalise';
import { stemTerms } from '@/utils/search/stem';
import { compileSynonyms, type SynonymFile } from '@/utils/search/synonyms';
import { conceptTerm, namedConcepts, tagServices, vocabularyGroups } from './reference-vocabulary';
import { crisisKeys } from '@/utils/search/crisis';
import { uint32ToBase64, bytesToBase64 } from '@/utils/base64';
import { COMPACT_FORMAT, COMPACT_VERSION, type PackedCatalogue, type RecordShard } from '@/utils/search/compact/format';
import { VarintWriter } from '@/utils/search/compact/varint';

/** Services per record shard: small enough that showing 30 results reads little, large enough to keep files few. */
const DEFAULT_SHARD_SIZE = 32;
/** A concept tag's preferred terms weigh as much as a word of the description. */
const CONCEPT_TAG_WEIGHT = FIELD_WEIGHTS.description;
const NAMED_CONCEPT_WEIGHT = 1.2 * FIELD_WEIGHTS.description;

const bitOf = <T>(list: readonly T[], value: T) => 2 ** list.indexOf(value);

/**
 * The builder: catalogue → packed index + record shards. Pure (no I/O, no clock), so the build
 * (wxt.config.ts), the CLI, the tests and the feed sync all make byte-identical output from the
 * same catalogue. The catalogue must already be validated (parseCatalogue). The lexicon (crisis
 * needs, generic and place words, derivations) is compiled from data/ by bundledLexicon() at
 * build time; a feed packed in the popup reuses the bundled index's. Without it the index
 * searches without those rules.
 */
export function referencePackCatalogue(
  catalogue: Catalogue,
  synonymFile: SynonymFile,
  shardSize = DEFAULT_SHARD_SIZE,
  lexicon?: CompiledLexicon,
): PackedCatalogue {
  const { services, organisations, postings, knownWords } = collectPostings(catalogue);
  // The need vocabulary: services tagged with concepts carry the concept's own term and its
  // preferred words (at the description's weight, so a tag never outweighs the service's own
  // words), and each served concept's terms call up its term (see vocabulary.ts).
  const vocabulary = synonymFile.vocabulary;
  const tags = vocabulary ? tagServices(catalogue, vocabulary) : {};
  const named = vocabulary ? namedConcepts(catalogue, vocabulary, tags) : {};
  const extraGroups = vocabulary ? vocabularyGroups(vocabulary, tags) : [];
  // A vocabulary phrase's words are not need words of their own ("itsemurhien ehkäisy" does not
  // make "ehkäisy" a known compound part): only its single-word terms join the known words.
  const groups = [...synonymFile.groups, ...extraGroups.map((group) => group.triggers.filter((term) => !/\s/.test(term.trim())))];
  if (vocabulary) {
    const preferred = new Map(vocabulary.concepts.map((concept) => [concept.id, concept.preferred]));
    services.forEach((service, position) => {
      for (const id of tags[service.id] ?? []) {
        let byConcept = postings.get(conceptTerm(id));
        if (!byConcept) postings.set(conceptTerm(id), (byConcept = new Map()));
        byConcept.set(position, named[service.id]?.includes(id) ? NAMED_CONCEPT_WEIGHT : CONCEPT_TAG_WEIGHT);
        for (const term of preferred.get(id) ?? []) {
          const tokens = tokenise(term);
          if (tokens.length !== 1) continue;
          for (const stem of stemTerms(tokens[0]!)) {
            let byService = postings.get(stem);
            if (!byService) postings.set(stem, (byService = new Map()));
            if ((byService.get(position) ?? 0) < CONCEPT_TAG_WEIGHT) byService.set(position, CONCEPT_TAG_WEIGHT);
          }
        }
      }
    });
  }
  // Query compounds may also split into the curated need words ("missbruk-s-problem").
  for (const member of groups.flat()) {
    for (const token of tokenise(member)) {
      if (token.length < 3) continue;
      knownWords.add(foldDiacritics(token));
      for (const stem of stemTerms(token)) if (stem.length >= 3) knownWords.add(stem);
    }
  }
  const crisisMasks = new Uint32Array(services.length);
  services.forEach((service, position) => {
    if (!lexicon) return;
    for (const need of service.crisisHelp ?? []) {
      const bit = lexicon.crisisNeeds.indexOf(need);
      if (bit < 0) throw new Error(`service ${service.id}: crisisHelp "${need}" is not a need in data/crisis-needs.json`);
      crisisMasks[position]! |= 2 ** bit;
    }
  });

  const terms = [...postings.keys()].sort();
  const weights = [...new Set([...postings.values()].flatMap((byService) => [...byService.values()]))].sort((a, b) => b - a);
  const weightCode = new Map(weights.map((weight, code) => [weight, code]));
  const postingStarts = new Uint32Array(terms.length);
  const postingCounts = new Uint32Array(terms.length);
  const stream = new VarintWriter();
  terms.forEach((term, ordinal) => {
    const byService = [...postings.get(term)!].sort((a, b) => a[0] - b[0]);
    postingStarts[ordinal] = stream.length;
    postingCounts[ordinal] = byService.length;
    let previous = 0;
    for (const [position, weight] of byService) {
      stream.write((position - previous) * weights.length + weightCode.get(weight)!);
      previous = position;
    }
  });

  const categories = catalogue.categories.filter((category) => services.some((service) => service.categories.includes(category.id)));
  const categoryWords = Math.max(1, Math.ceil(categories.length / 32));
  const organisationOrdinal = new Map<string, number>();
  const organisationOf = new Uint32Array(services.length);
  const areaMasks = new Uint32Array(services.length);
  const audienceMasks = new Uint32Array(services.length);
  const languageMasks = new Uint32Array(services.length);
  const categoryMasks = new Uint32Array(services.length * categoryWords);
  services.forEach((service, position) => {
    if (!organisationOrdinal.has(service.organisationId)) organisationOrdinal.set(service.organisationId, organisationOrdinal.size);
    organisationOf[position] = organisationOrdinal.get(service.organisationId)!;
    for (const area of service.areas) areaMasks[position]! |= bitOf(AREAS, area);
    for (const audience of service.audiences) audienceMasks[position]! |= bitOf(AUDIENCES, audience);
    // The sources name languages only where a service offers more than Finnish (see filters.ts).
    for (const language of service.languages.length > 0 ? service.languages : (['fi'] as const)) {
      languageMasks[position]! |= bitOf(LANGUAGES, language);
    }
    for (const id of service.categories) {
      const bit = categories.findIndex((category) => category.id === id);
      if (bit >= 0) categoryMasks[position * categoryWords + (bit >> 5)]! |= 2 ** (bit & 31);
    }
  });
  // The order of the unfiltered list (filters but no words): by name, as the Finnish alphabet has it.
  const nameOrder = Uint32Array.from(
    services.map((_, position) => position).sort((a, b) => services[a]!.name.localeCompare(services[b]!.name, 'fi')),
  );

  const shards: RecordShard[] = [];
  for (let start = 0; start < services.length; start += shardSize) {
    const slice = services.slice(start, start + shardSize);
    const ids = [...new Set(slice.map((service) => service.organisationId))];
    shards.push({ services: slice, organisations: ids.map((id) => organisations.get(id) as Organisation) });
  }

  const keysOf = lexicon ? (word: string) => crisisKeys(lexicon, word) : undefined;
  const synonyms = compileSynonyms({ about: synonymFile.about, groups: synonymFile.groups }, extraGroups, keysOf);
  const sessionOrganisationIds = new Set(catalogue.infoSessions.flatMap((session) => session.organisationIds));
  return {
    index: {
      format: COMPACT_FORMAT,
      version: COMPACT_VERSION,
      catalogue: {
        revision: catalogue.revision,
        publishedAt: catalogue.publishedAt,
        region: catalogue.region,
        maintainer: catalogue.maintainer,
      },
      serviceCount: services.length,
      organisationCount: organisationOrdinal.size,
      shardSize,
      shardCount: shards.length,
      categories,
      terms: terms.join('\n'),
      knownWords: [...knownWords].sort().join('\n'),
      weights,
      postingStarts: uint32ToBase64(postingStarts),
      postingCounts: uint32ToBase64(postingCounts),
      postings: bytesToBase64(stream.result()),
      organisationOf: uint32ToBase64(organisationOf),
      areaMasks: uint32ToBase64(areaMasks),
      audienceMasks: uint32ToBase64(audienceMasks),
      languageMasks: uint32ToBase64(languageMasks),
      categoryMasks: uint32ToBase64(categoryMasks),
      nameOrder: uint32ToBase64(nameOrder),
      ...(lexicon ? { lexicon, crisisMasks: uint32ToBase64(crisisMasks) } : {}),
      synonyms: {
        groupsByStem: [...synonyms.groupsByStem],
        phrases: synonyms.phrases,
        termsByGroup: synonyms.termsByGroup,
        ...(synonyms.vocabularyFrom !== undefined ? { vocabularyFrom: synonyms.vocabularyFrom } : {}),
      },
      sessions: {
        sites: catalogue.sites,
        infoSessions: catalogue.infoSessions,
        organisations: catalogue.organisations.filter((organisation) => sessionOrganisationIds.has(organisation.id)),
        services: services.filter((service) => sessionOrganisationIds.has(service.organisationId)),
      },
    },
    shards,
  };
}
