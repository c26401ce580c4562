import { AREAS, AUDIENCES, LANGUAGES, type Catalogue, type Organisation, type Service } from '../../catalogue/schema';
import { createTextIndexer, FIELD_WEIGHTS, isSearchable } from '../collect-postings';
import type { CompiledLexicon } from '../lexicon';
import { foldDiacritics, tokenise } from '../normalise';
import { stemTerms } from '../stem';
import { compileSynonyms, type SynonymFile } from '../synonyms';
import { conceptTerm, createServiceTagger, servedVocabularyGroups } from '../vocabulary';
import { crisisKeys } from '../crisis';
import { fromBinaryIndex } from './binary-index';
import { COMPACT_FORMAT, COMPACT_VERSION, type BinaryPackedIndex, type PackedCatalogue, type RecordShard } from './format';
import { GrowableUint32 } from './growable';
import { PostingLog } from './posting-log';

/** Services per record shard: small enough that showing 30 results reads little, large enough to keep files few. */
export const DEFAULT_SHARD_SIZE = 32;
/** A concept tag's preferred terms weigh as much as a word of the description. */
const CONCEPT_TAG_WEIGHT = FIELD_WEIGHTS.description;
/** The concept's own term on a service whose name or keywords carry the concept's terms
 *  (the tagger's `named`): a service about the need before one that mentions it. A tag through
 *  the organisation's needs weighs as a mention: weighing it less was measured and lost answers
 *  (an organisation's keywords say what it is for). */
const NAMED_CONCEPT_WEIGHT = 1.2 * FIELD_WEIGHTS.description;

const bitOf = <T>(list: readonly T[], value: T) => 2 ** list.indexOf(value);

export interface ChunkedPacker {
  /** Feeds the next services in catalogue order; returns the record shards these completed (write them now). */
  add(services: Service[]): RecordShard[];
  /** The index and the last (partial) shards. */
  finish(): PackedCatalogue;
  /**
   * The same with the index's arrays as typed arrays (binary-index.ts): what the synced feed
   * stores, without encoding them to base64 and decoding them again.
   */
  finishBinary(): { index: BinaryPackedIndex; shards: RecordShard[] };
}

/**
 * The builder: catalogue → packed index + record shards, with the services streamed in chunks
 * of any size (the feed sync packs 100,000 services a part at a time) and the whole catalogue
 * at once (packCatalogue) alike: the output is byte-identical however the services are chunked.
 * Pure (no I/O, no clock). Everything but the services (organisations, categories, sessions,
 * vocabulary) is known up front; per service the packer keeps only numbers (postings in a
 * block log, masks in typed arrays) and its name (for the name order), and hands its record on
 * in the shard it completes. What depends on every service — the term order, the weight table,
 * compound splits against the catalogue's words, an organisation's unclaimed needs, the
 * categories in use, the name order — is settled in finish().
 *
 * The catalogue must already be validated (parseCatalogue). The lexicon (crisis needs, generic
 * and place words, derivations) is compiled from data/ by bundledLexicon(); without it the index
 * searches without those rules.
 *
 * finishBinary() is the synced feed's finish: the index's arrays as typed arrays, as IndexedDB
 * keeps them (no base64 made and decoded again at 100,000 services).
 */
export function createChunkedPacker(
  base: Omit<Catalogue, 'services'>,
  synonymFile: SynonymFile,
  lexicon?: CompiledLexicon,
  shardSize = DEFAULT_SHARD_SIZE,
  /** Postings the finish sorts at a time (posting-log.ts); tests take a small one to cover several ranges. */
  rangeEntries?: number,
): ChunkedPacker {
  const organisations = new Map(base.organisations.map((organisation) => [organisation.id, organisation]));
  const log = new PostingLog(rangeEntries);
  const text = createTextIndexer(base.categories, log);
  // The need vocabulary: services tagged with concepts carry the concept's own term and its
  // preferred words (at the description's weight, so a tag never outweighs the service's own
  // words), and each served concept's terms call up its term (see vocabulary.ts).
  const vocabulary = synonymFile.vocabulary;
  const tagger = vocabulary ? createServiceTagger(base.organisations, base.categories, vocabulary) : undefined;
  const preferredStems = new Map(
    (vocabulary?.concepts ?? []).map((concept) => [
      concept.id,
      concept.preferred.flatMap((term) => {
        const tokens = tokenise(term);
        return tokens.length === 1 ? stemTerms(tokens[0]!) : [];
      }),
    ]),
  );
  const postTag = (id: string, post: (term: string, weight: number) => void, named = false) => {
    post(conceptTerm(id), named ? NAMED_CONCEPT_WEIGHT : CONCEPT_TAG_WEIGHT);
    for (const stem of preferredStems.get(id) ?? []) post(stem, CONCEPT_TAG_WEIGHT);
  };

  // Categories by their first place in the catalogue; bits are renumbered to the categories in use at the end.
  const categoryBit = new Map<string, number>();
  base.categories.forEach((category, at) => {
    if (!categoryBit.has(category.id)) categoryBit.set(category.id, at);
  });
  const allCategoryWords = Math.max(1, Math.ceil(base.categories.length / 32));
  const categoriesInUse = new Set<string>();

  const organisationOrdinal = new Map<string, number>();
  const organisationOf = new GrowableUint32();
  const areaMasks = new GrowableUint32();
  const audienceMasks = new GrowableUint32();
  const languageMasks = new GrowableUint32();
  const crisisMasks = new GrowableUint32();
  const categoryMasks = new GrowableUint32();
  const names: string[] = [];
  /** Overrides that remove concepts, by position: they also hold against the organisation's unclaimed needs. */
  const removedAt = new Map<number, readonly string[]>();
  const sessionOrganisationIds = new Set(base.infoSessions.flatMap((session) => session.organisationIds));
  const sessionServices: Service[] = [];
  let pending: Service[] = [];
  let shardCount = 0;
  /** The log is consumed by finish(): a packer packs one catalogue once. */
  let finished = false;
  const open = () => {
    if (finished) throw new Error('this packer has finished: create another for the next catalogue');
  };

  const shardOf = (slice: Service[]): RecordShard => {
    shardCount++;
    const ids = [...new Set(slice.map((service) => service.organisationId))];
    return { services: slice, organisations: ids.map((id) => organisations.get(id) as Organisation) };
  };

  const addService = (service: Service) => {
    const direct = tagger?.see(service) ?? [];
    if (!isSearchable(service, organisations)) return;
    const position = names.length;
    names.push(service.name);
    log.begin(position);
    text.add(service, organisations.get(service.organisationId)!, position);
    const named = new Set(tagger?.named(service, direct) ?? []);
    for (const id of direct) postTag(id, (term, weight) => log.add(term, weight), named.has(id));
    log.end();
    const removed = vocabulary?.remove[service.id];
    if (removed && removed.length > 0) removedAt.set(position, removed);

    for (const list of [organisationOf, areaMasks, audienceMasks, languageMasks, crisisMasks]) list.ensure(position + 1);
    if (!organisationOrdinal.has(service.organisationId)) organisationOrdinal.set(service.organisationId, organisationOrdinal.size);
    organisationOf.set(position, organisationOrdinal.get(service.organisationId)!);
    for (const area of service.areas) areaMasks.or(position, bitOf(AREAS, area));
    for (const audience of service.audiences) audienceMasks.or(position, bitOf(AUDIENCES, audience));
    // The sources name languages only where a service offers more than Finnish (see filters.ts).
    for (const language of service.languages.length > 0 ? service.languages : (['fi'] as const)) {
      languageMasks.or(position, bitOf(LANGUAGES, language));
    }
    if (lexicon) {
      for (const need of service.crisisHelp ?? []) {
        const bit = lexicon.crisisNeeds.indexOf(need);
        if (bit < 0) throw new Error(`service ${service.id}: crisisHelp "${need}" is not a need in data/crisis-needs.json`);
        crisisMasks.or(position, 2 ** bit);
      }
    }
    categoryMasks.ensure((position + 1) * allCategoryWords);
    for (const id of service.categories) {
      categoriesInUse.add(id);
      const bit = categoryBit.get(id);
      if (bit !== undefined) categoryMasks.or(position * allCategoryWords + (bit >> 5), 2 ** (bit & 31));
    }
    if (sessionOrganisationIds.has(service.organisationId)) sessionServices.push(service);
    pending.push(service);
  };

  return {
    add(services) {
      open();
      const completed: RecordShard[] = [];
      for (const service of services) {
        addService(service);
        if (pending.length === shardSize) {
          completed.push(shardOf(pending));
          pending = [];
        }
      }
      return completed;
    },

    finish() {
      const { index, shards } = this.finishBinary();
      return { index: fromBinaryIndex(index), shards };
    },

    finishBinary() {
      open();
      finished = true;
      const serviceCount = names.length;
      const shards = pending.length > 0 ? [shardOf(pending)] : [];
      pending = [];
      text.finish();
      let extraGroups: ReturnType<typeof servedVocabularyGroups> = [];
      if (tagger && vocabulary) {
        // An organisation's needs that none of its services' own fields name go to all its services.
        const organisationIds = [...organisationOrdinal.keys()];
        const unclaimed = organisationIds.map((id) => tagger.unclaimed(id));
        for (let position = 0; position < serviceCount; position++) {
          const removed = removedAt.get(position);
          for (const id of unclaimed[organisationOf.get(position)]!) {
            if (!removed?.includes(id)) postTag(id, (term, weight) => log.addAt(term, position, weight));
          }
        }
        extraGroups = servedVocabularyGroups(vocabulary, tagger.served());
      }
      // A vocabulary phrase's words are not need words of their own ("itsemurhien ehkäisy" does not
      // make "ehkäisy" a known compound part): only its single-word terms join the known words.
      const groups = [...synonymFile.groups, ...extraGroups.map((group) => group.triggers.filter((term) => !/\s/.test(term.trim())))];
      const knownWords = text.knownWords;
      // Query compounds may also split into the curated need words ("missbruk-s-problem").
      for (const member of groups.flat()) {
        for (const token of tokenise(member)) {
          if (token.length < 3) continue;
          knownWords.add(foldDiacritics(token));
          for (const stem of stemTerms(token)) if (stem.length >= 3) knownWords.add(stem);
        }
      }
      const encoded = log.encode();

      const categories = base.categories.filter((category) => categoriesInUse.has(category.id));
      const categoryWords = Math.max(1, Math.ceil(categories.length / 32));
      const bitInUse = base.categories.map((category) => categories.findIndex((candidate) => candidate.id === category.id));
      const rawMasks = categoryMasks.result();
      const masks = new Uint32Array(serviceCount * categoryWords);
      for (let position = 0; position < serviceCount; position++) {
        for (let word = 0; word < allCategoryWords; word++) {
          let bits = rawMasks[position * allCategoryWords + word]!;
          while (bits !== 0) {
            const low = 31 - Math.clz32(bits & -bits);
            bits &= bits - 1;
            const bit = bitInUse[word * 32 + low]!;
            masks[position * categoryWords + (bit >> 5)]! |= 2 ** (bit & 31);
          }
        }
      }
      // The order of the unfiltered list (filters but no words): by name, as the Finnish alphabet has it.
      const collator = new Intl.Collator('fi');
      const nameOrder = Uint32Array.from(names.map((_, position) => position).sort((a, b) => collator.compare(names[a]!, names[b]!)));

      const keysOf = lexicon ? (word: string) => crisisKeys(lexicon, word) : undefined;
      const synonyms = compileSynonyms({ about: synonymFile.about, groups: synonymFile.groups }, extraGroups, keysOf);
      return {
        index: {
          format: COMPACT_FORMAT,
          version: COMPACT_VERSION,
          catalogue: {
            revision: base.revision,
            publishedAt: base.publishedAt,
            region: base.region,
            maintainer: base.maintainer,
          },
          serviceCount,
          organisationCount: organisationOrdinal.size,
          shardSize,
          shardCount,
          categories,
          terms: encoded.terms.join('\n'),
          knownWords: [...knownWords].sort().join('\n'),
          weights: encoded.weights,
          postingStarts: encoded.postingStarts,
          postingCounts: encoded.postingCounts,
          postings: encoded.postings,
          organisationOf: organisationOf.result(),
          areaMasks: areaMasks.result(),
          audienceMasks: audienceMasks.result(),
          languageMasks: languageMasks.result(),
          categoryMasks: masks,
          nameOrder,
          ...(lexicon ? { lexicon, crisisMasks: crisisMasks.result() } : {}),
          synonyms: {
            groupsByStem: [...synonyms.groupsByStem],
            phrases: synonyms.phrases,
            termsByGroup: synonyms.termsByGroup,
            ...(synonyms.vocabularyFrom !== undefined ? { vocabularyFrom: synonyms.vocabularyFrom } : {}),
          },
          sessions: {
            sites: base.sites,
            infoSessions: base.infoSessions,
            organisations: base.organisations.filter((organisation) => sessionOrganisationIds.has(organisation.id)),
            services: sessionServices,
          },
        },
        shards,
      };
    },
  };
}
