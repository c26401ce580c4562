import type { FuseResult } from 'fuse.js';
import type { Category } from '../catalogue/schema';
import { base64ToBytes, base64ToUint32 } from '../base64';
import { isBinaryIndex } from './compact/binary-index';
import { binaryPackedIndexSchema, packedIndexSchema, type PackedIndex } from './compact/format';
import type { RecordStore } from './compact/records';
import { readVarints } from './compact/varint';
import { createVocabularyMatcher } from './fuzzy-terms';
import type { CompiledLexicon } from './lexicon';
import type { SynonymTable } from './synonyms';

/**
 * The search index the core reads, opened from the packed form without rebuilding anything:
 * terms and known words are sorted lists searched by bisection, postings are decoded per term
 * on first use, fuse.js looks at the vocabulary only when a typo needs it.
 */
export interface SearchIndex {
  catalogue: PackedIndex['catalogue'];
  /** Sites, info sessions and the organisations (with services) they name. */
  sessions: PackedIndex['sessions'];
  serviceCount: number;
  organisationCount: number;
  /** Categories at least one service has, in catalogue order. */
  categories: Category[];
  /** Sorted index terms. */
  terms: string[];
  hasTerm(term: string): boolean;
  /** Services and weights of a term (empty for an unknown term). */
  postings(term: string): Postings;
  idf(term: string): number;
  isKnownWord(word: string): boolean;
  /** fuse.js over the vocabulary, for a word that matched nothing (a typo); see fuzzy-terms.ts. */
  fuzzyTerms(word: string, limit: number): Array<FuseResult<string>>;
  synonyms: SynonymTable;
  /** Crisis needs, generic and place words, derivations (absent in older packed indexes). */
  lexicon?: CompiledLexicon;
  facts: ServiceFacts;
  records: RecordStore;
}

interface Postings {
  positions: Uint32Array;
  weights: Float64Array;
}

/** Per service position: what ranking and filtering need, nothing more. */
interface ServiceFacts {
  organisationOf: Uint32Array;
  areaMasks: Uint32Array;
  audienceMasks: Uint32Array;
  languageMasks: Uint32Array;
  categoryMasks: Uint32Array;
  categoryWords: number;
  nameOrder: Uint32Array;
  /** Per service: crisis needs it is crisis help for, as bits over lexicon.crisisNeeds. */
  crisisMasks?: Uint32Array;
}

const EMPTY: Postings = { positions: new Uint32Array(0), weights: new Float64Array(0) };

/** The first position in `sorted` whose value is not below `value`. */
export function bisect(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const lines = (text: string) => (text === '' ? [] : text.split('\n'));

export class PackedIndexError extends Error {}

const asBytes = (value: string | Uint8Array) => (typeof value === 'string' ? base64ToBytes(value) : value);
const asUint32 = (value: string | Uint32Array) => (typeof value === 'string' ? base64ToUint32(value) : value);

/**
 * Opens a packed index (validated: it may come from storage or a feed) over a record store:
 * the base64 JSON form (bundled, packed in memory) or the binary form (a synced feed from
 * IndexedDB), whose arrays are used as they are.
 */
export function openSearchIndex(data: unknown, records: RecordStore): SearchIndex {
  const parsed = isBinaryIndex(data) ? binaryPackedIndexSchema.safeParse(data) : packedIndexSchema.safeParse(data);
  if (!parsed.success) {
    throw new PackedIndexError(`packed index: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const packed = parsed.data;
  const terms = lines(packed.terms);
  const knownWords = lines(packed.knownWords);
  const serviceCount = packed.serviceCount;
  let starts: Uint32Array;
  let counts: Uint32Array;
  let stream: Uint8Array;
  let facts: ServiceFacts;
  try {
    starts = asUint32(packed.postingStarts);
    counts = asUint32(packed.postingCounts);
    stream = asBytes(packed.postings);
    const categoryWords = Math.max(1, Math.ceil(packed.categories.length / 32));
    facts = {
      organisationOf: asUint32(packed.organisationOf),
      areaMasks: asUint32(packed.areaMasks),
      audienceMasks: asUint32(packed.audienceMasks),
      languageMasks: asUint32(packed.languageMasks),
      categoryMasks: asUint32(packed.categoryMasks),
      categoryWords,
      nameOrder: asUint32(packed.nameOrder),
      ...(packed.crisisMasks ? { crisisMasks: asUint32(packed.crisisMasks) } : {}),
    };
    const perService = [facts.organisationOf, facts.areaMasks, facts.audienceMasks, facts.languageMasks, facts.nameOrder, ...(facts.crisisMasks ? [facts.crisisMasks] : [])];
    if (starts.length !== terms.length || counts.length !== terms.length) throw new Error('postings do not match the terms');
    if (perService.some((array) => array.length !== serviceCount) || facts.categoryMasks.length !== serviceCount * categoryWords) {
      throw new Error('service facts do not match the service count');
    }
  } catch (error) {
    throw new PackedIndexError(`packed index: ${(error as Error).message}`);
  }

  const weightCount = packed.weights.length;
  const decoded = new Map<number, Postings>();
  const termOrdinal = (term: string) => {
    const at = bisect(terms, term);
    return terms[at] === term ? at : -1;
  };
  const postingsAt = (ordinal: number): Postings => {
    let found = decoded.get(ordinal);
    if (!found) {
      const count = counts[ordinal]!;
      const positions = new Uint32Array(count);
      const weights = new Float64Array(count);
      let position = 0;
      readVarints(stream, starts[ordinal]!, count, (value, at) => {
        const code = value % weightCount;
        position += (value - code) / weightCount;
        if (position >= serviceCount) throw new PackedIndexError('packed index: a posting points past the last service');
        positions[at] = position;
        weights[at] = packed.weights[code]!;
      });
      decoded.set(ordinal, (found = { positions, weights }));
    }
    return found;
  };

  return {
    catalogue: packed.catalogue,
    sessions: packed.sessions,
    serviceCount,
    organisationCount: packed.organisationCount,
    categories: packed.categories,
    terms,
    hasTerm: (term) => termOrdinal(term) >= 0,
    postings: (term) => {
      const ordinal = termOrdinal(term);
      return ordinal < 0 ? EMPTY : postingsAt(ordinal);
    },
    idf: (term) => {
      const ordinal = termOrdinal(term);
      return ordinal < 0 ? 1 : 1 + Math.log(serviceCount / counts[ordinal]!);
    },
    isKnownWord: (word) => knownWords[bisect(knownWords, word)] === word,
    // Concept terms ("~debt", see vocabulary.ts) are not words a typo could mean.
    fuzzyTerms: createVocabularyMatcher(terms.filter((term) => !term.startsWith('~'))),
    synonyms: {
      groupsByStem: new Map(packed.synonyms.groupsByStem),
      phrases: packed.synonyms.phrases,
      termsByGroup: packed.synonyms.termsByGroup,
      ...(packed.synonyms.vocabularyFrom !== undefined ? { vocabularyFrom: packed.synonyms.vocabularyFrom } : {}),
    },
    ...(packed.lexicon ? { lexicon: packed.lexicon } : {}),
    facts,
    records,
  };
}
