import { PairLog, RunLog } from './growable';
import { varintSize, writeVarint } from './varint';

/** Distinct weights a log can tell apart: position (or term number) × 64 + weight code stays a uint32 up to 67 million. */
const CODES = 64;
const MAX_IDS = 2 ** 32 / CODES;
/** Postings sorted at a time in encode(): 2^21 entries, an 8 MB buffer. */
const RANGE_ENTRIES = 2 ** 21;

/** The postings part of a packed index (see format.ts), before base64. */
export interface EncodedPostings {
  terms: string[];
  weights: number[];
  postingStarts: Uint32Array<ArrayBuffer>;
  postingCounts: Uint32Array<ArrayBuffer>;
  postings: Uint8Array<ArrayBuffer>;
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

  /** `rangeEntries`: postings sorted at a time by encode() (smaller in tests, to take several ranges). */
  constructor(private readonly rangeEntries = RANGE_ENTRIES) {}

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

  /**
   * Sorted terms, the weights in use (heaviest first) and the varint stream of format.ts.
   *
   * Memory, not just time: at 100,000 services the log holds tens of millions of postings, and
   * sorting a copy of it whole held it twice (issue 22: the browser sync's peak came here). So
   * the terms are taken in ranges of at most `rangeEntries` postings (a term with more is a range alone): the log is read once per
   * range (the range's postings counting-sorted into one reused buffer), twice over — first for
   * the weights in use (the codes depend on how many there are), then to write — and the stream
   * is written at its exact size, range by range. The log is dropped at the end.
   */
  encode(): EncodedPostings {
    const terms = [...this.termNames].sort();
    const ordinalOf = new Uint32Array(terms.length);
    terms.forEach((term, ordinal) => (ordinalOf[this.termIds.get(term)!] = ordinal));
    const countOf = new Uint32Array(terms.length);
    for (let id = 0; id < terms.length; id++) countOf[ordinalOf[id]!] = this.termCounts[id]!;
    // Ranges of whole terms: [bounds[r], bounds[r + 1]) in term order.
    const bounds = [0];
    let largest = 0;
    for (let ordinal = 0, inRange = 0; ordinal < terms.length; ordinal++) {
      if (inRange > 0 && inRange + countOf[ordinal]! > this.rangeEntries) {
        bounds.push(ordinal);
        inRange = 0;
      }
      inRange += countOf[ordinal]!;
      largest = Math.max(largest, inRange);
    }
    bounds.push(terms.length);
    const ranges = bounds.length - 1;
    const buffer = new Uint32Array(largest);
    /** Where each term's postings start in the buffer (for the range in it). */
    const starts = new Uint32Array(terms.length + 1);
    const merged = new Uint32Array(terms.length);
    let inBuffer = -1;

    /** Per term of range r, in the buffer: ascending positions, one entry per position with its best weight. */
    const fill = (range: number) => {
      if (inBuffer === range) return;
      inBuffer = range;
      const from = bounds[range]!;
      const to = bounds[range + 1]!;
      starts[from] = 0;
      for (let ordinal = from; ordinal < to; ordinal++) starts[ordinal + 1] = starts[ordinal]! + countOf[ordinal]!;
      const cursor = starts.slice(0, to);
      this.streamed.forEach((position, value) => {
        const ordinal = ordinalOf[Math.floor(value / CODES)]!;
        if (ordinal >= from && ordinal < to) buffer[cursor[ordinal]!++] = position * CODES + (value % CODES);
      });
      this.added.forEach((id, value) => {
        const ordinal = ordinalOf[id]!;
        if (ordinal >= from && ordinal < to) buffer[cursor[ordinal]!++] = value;
      });
      for (let ordinal = from; ordinal < to; ordinal++) {
        const segment = buffer.subarray(starts[ordinal]!, starts[ordinal + 1]!).sort();
        let kept = 0;
        for (let at = 0; at < segment.length; at++) {
          const value = segment[at]!;
          const previous = kept > 0 ? segment[kept - 1]! : -1;
          if (kept > 0 && Math.floor(previous / CODES) === Math.floor(value / CODES)) {
            if (this.weightOf(value % CODES) > this.weightOf(previous % CODES)) segment[kept - 1] = value;
          } else segment[kept++] = value;
        }
        merged[ordinal] = kept;
      }
    };

    const used = new Uint8Array(CODES);
    for (let range = 0; range < ranges; range++) {
      fill(range);
      for (let ordinal = bounds[range]!; ordinal < bounds[range + 1]!; ordinal++) {
        for (let at = starts[ordinal]!, end = at + merged[ordinal]!; at < end; at++) used[buffer[at]! % CODES] = 1;
      }
    }
    const weights: number[] = [];
    used.forEach((inUse, code) => {
      if (inUse) weights.push(this.weightOf(code));
    });
    weights.sort((a, b) => b - a);
    const finalCode = new Uint8Array(CODES);
    weights.forEach((weight, code) => (finalCode[this.codes.get(weight)!] = code));

    // Backwards, so that the range still in the buffer is not read again; each range's bytes at their exact size.
    const postingStarts = new Uint32Array(terms.length);
    const pieces = new Array<Uint8Array<ArrayBuffer>>(ranges);
    for (let range = ranges - 1; range >= 0; range--) {
      fill(range);
      const from = bounds[range]!;
      const to = bounds[range + 1]!;
      const valueAt = (at: number, previous: number) => (Math.floor(buffer[at]! / CODES) - previous) * weights.length + finalCode[buffer[at]! % CODES]!;
      let size = 0;
      for (let ordinal = from; ordinal < to; ordinal++) {
        let previous = 0;
        for (let at = starts[ordinal]!, end = at + merged[ordinal]!; at < end; at++) {
          size += varintSize(valueAt(at, previous));
          previous = Math.floor(buffer[at]! / CODES);
        }
      }
      const piece = new Uint8Array(size);
      let written = 0;
      for (let ordinal = from; ordinal < to; ordinal++) {
        postingStarts[ordinal] = written;
        let previous = 0;
        for (let at = starts[ordinal]!, end = at + merged[ordinal]!; at < end; at++) {
          written = writeVarint(piece, written, valueAt(at, previous));
          previous = Math.floor(buffer[at]! / CODES);
        }
      }
      pieces[range] = piece;
    }
    this.streamed.clear();
    this.added.clear();
    // The ranges' offsets become offsets in the whole stream; one range (a small catalogue) needs no copy.
    let postings = pieces[0] ?? new Uint8Array(0);
    if (ranges > 1) {
      postings = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
      let offset = 0;
      for (let range = 0; range < ranges; range++) {
        postings.set(pieces[range]!, offset);
        for (let ordinal = bounds[range]!; ordinal < bounds[range + 1]!; ordinal++) postingStarts[ordinal]! += offset;
        offset += pieces[range]!.length;
        pieces[range] = new Uint8Array(0);
      }
    }
    return { terms, weights, postingStarts, postingCounts: merged, postings };
  }
}
