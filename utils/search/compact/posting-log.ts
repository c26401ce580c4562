import { PairLog, RunLog } from './growable';
import { VarintWriter } from './varint';

/** Distinct weights a log can tell apart: position (or term number) × 64 + weight code stays a uint32 up to 67 million. */
const CODES = 64;
const MAX_IDS = 2 ** 32 / CODES;

/** The postings part of a packed index (see format.ts), before base64. */
export interface EncodedPostings {
  terms: string[];
  weights: number[];
  postingStarts: Uint32Array;
  postingCounts: Uint32Array;
  postings: Uint8Array;
}

/**
 * The inverted index while services stream in: every (term, weight) of a service as one uint32
 * (term number × 64 + weight code) in a block log that stores each service's position once,
 * instead of a map per term with an entry per service; additions made at the end (compound
 * parts, an organisation's needs) as (term, position × 64 + code) pairs. A term may get a service several times (each field, a
 * compound part, a concept tag added at the end); the best weight counts, as the packed format
 * keeps one weight per term and service. Terms, the weight table and the varint stream are only
 * settled in encode(), when every service is in: their order depends on the whole catalogue.
 */
export class PostingLog {
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private termCounts = new Uint32Array(1024);
  private readonly codes = new Map<number, number>();
  private readonly weightsByCode: number[] = [];
  private streamed = new RunLog();
  private added = new PairLog();
  /** The service being added: term → best weight so far, written out by end(). */
  private readonly current = new Map<string, number>();
  private position = 0;

  /** The code a weight is stored under (provisional: encode() numbers the weights in use). */
  codeOf(weight: number): number {
    let code = this.codes.get(weight);
    if (code === undefined) {
      code = this.weightsByCode.length;
      if (code >= CODES) throw new Error(`more than ${CODES} distinct posting weights`);
      this.codes.set(weight, code);
      this.weightsByCode.push(weight);
    }
    return code;
  }

  weightOf(code: number): number {
    return this.weightsByCode[code]!;
  }

  /** Starts the postings of the service at `position` (positions come in ascending order). */
  begin(position: number): void {
    this.current.clear();
    this.position = position;
  }

  /** A term of the current service, kept at its best weight. */
  add(term: string, weight: number): void {
    if ((this.current.get(term) ?? 0) < weight) this.current.set(term, weight);
  }

  /** Writes the current service's postings to the log. */
  end(): void {
    for (const [term, weight] of this.current) this.streamed.push(this.count(term) * CODES + this.codeOf(weight));
    this.streamed.endRun(this.position);
    this.current.clear();
  }

  /** A posting for any position (the end's additions); encode() keeps the best weight per term and service. */
  addAt(term: string, position: number, weight: number): void {
    if (position >= MAX_IDS) throw new Error(`more than ${MAX_IDS} services`);
    this.added.push(this.count(term), position * CODES + this.codeOf(weight));
  }

  /** The term's number, counting one more posting for it. */
  private count(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(term, id);
      this.termNames.push(term);
      if (id >= this.termCounts.length) {
        const grown = new Uint32Array(this.termCounts.length * 2);
        grown.set(this.termCounts);
        this.termCounts = grown;
      }
    }
    if (id >= MAX_IDS) throw new Error(`more than ${MAX_IDS} terms`);
    this.termCounts[id]!++;
    return id;
  }

  /** Sorted terms, the weights in use (heaviest first) and the varint stream of format.ts. */
  encode(): EncodedPostings {
    const terms = [...this.termNames].sort();
    const ordinalOf = new Uint32Array(terms.length);
    terms.forEach((term, ordinal) => (ordinalOf[this.termIds.get(term)!] = ordinal));
    // Counting sort of the log by term: each term's entries end up next to each other.
    const starts = new Uint32Array(terms.length + 1);
    for (let id = 0; id < terms.length; id++) starts[ordinalOf[id]! + 1] = this.termCounts[id]!;
    for (let ordinal = 0; ordinal < terms.length; ordinal++) starts[ordinal + 1]! += starts[ordinal]!;
    const entries = new Uint32Array(starts[terms.length]!);
    const cursor = starts.slice(0, terms.length);
    this.streamed.forEach((position, value) => {
      entries[cursor[ordinalOf[Math.floor(value / CODES)]!]!++] = position * CODES + (value % CODES);
    });
    this.added.forEach((id, value) => (entries[cursor[ordinalOf[id]!]!++] = value));
    this.streamed.clear();
    this.added.clear();

    // Per term: ascending positions, one entry per position with its best weight.
    const merged = new Uint32Array(terms.length);
    const used = new Set<number>();
    for (let ordinal = 0; ordinal < terms.length; ordinal++) {
      const segment = entries.subarray(starts[ordinal]!, starts[ordinal + 1]!).sort();
      let kept = 0;
      for (let at = 0; at < segment.length; at++) {
        const value = segment[at]!;
        const previous = kept > 0 ? segment[kept - 1]! : -1;
        if (kept > 0 && Math.floor(previous / CODES) === Math.floor(value / CODES)) {
          if (this.weightOf(value % CODES) > this.weightOf(previous % CODES)) segment[kept - 1] = value;
        } else segment[kept++] = value;
      }
      merged[ordinal] = kept;
      for (let at = 0; at < kept; at++) used.add(segment[at]! % CODES);
    }

    const weights = [...used].map((code) => this.weightOf(code)).sort((a, b) => b - a);
    const finalCode = new Uint8Array(CODES);
    weights.forEach((weight, code) => (finalCode[this.codes.get(weight)!] = code));
    const postingStarts = new Uint32Array(terms.length);
    const stream = new VarintWriter();
    for (let ordinal = 0; ordinal < terms.length; ordinal++) {
      postingStarts[ordinal] = stream.length;
      let previous = 0;
      for (let at = starts[ordinal]!, end = at + merged[ordinal]!; at < end; at++) {
        const position = Math.floor(entries[at]! / CODES);
        stream.write((position - previous) * weights.length + finalCode[entries[at]! % CODES]!);
        previous = position;
      }
    }
    return { terms, weights, postingStarts, postingCounts: merged, postings: stream.result() };
  }
}
