/**
 * Typed-array storage that grows while a catalogue streams through the packer: numbers held
 * four bytes each instead of as JS objects, so 100,000 services' postings fit in tens of MB.
 */

/** One number per position (masks, ordinals), grown by doubling. */
export class GrowableUint32 {
  private data: Uint32Array<ArrayBuffer>;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }

  /** Makes room for `length` entries (new ones are 0). */
  ensure(length: number): void {
    if (length <= this.data.length) {
      this.length = Math.max(this.length, length);
      return;
    }
    let capacity = this.data.length;
    while (capacity < length) capacity *= 2;
    const grown = new Uint32Array(capacity);
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
    this.length = length;
  }

  get(at: number): number {
    return this.data[at]!;
  }

  or(at: number, bits: number): void {
    this.data[at]! |= bits;
  }

  set(at: number, value: number): void {
    this.data[at] = value;
  }

  /** The entries as an exact-length copy. */
  result(): Uint32Array<ArrayBuffer> {
    return this.data.slice(0, this.length);
  }
}

const BLOCK = 65_536;

/**
 * An append-only list of number pairs in fixed blocks: growing never copies what is stored
 * (a doubled array would briefly hold the log twice), and a pair costs eight bytes.
 */
export class PairLog {
  private firsts: Uint32Array[] = [];
  private seconds: Uint32Array[] = [];
  length = 0;

  push(first: number, second: number): void {
    const slot = this.length % BLOCK;
    if (slot === 0) {
      this.firsts.push(new Uint32Array(BLOCK));
      this.seconds.push(new Uint32Array(BLOCK));
    }
    this.firsts[this.firsts.length - 1]![slot] = first;
    this.seconds[this.seconds.length - 1]![slot] = second;
    this.length++;
  }

  forEach(each: (first: number, second: number) => void): void {
    for (let block = 0; block < this.firsts.length; block++) {
      const firsts = this.firsts[block]!;
      const seconds = this.seconds[block]!;
      const end = Math.min(BLOCK, this.length - block * BLOCK);
      for (let slot = 0; slot < end; slot++) each(firsts[slot]!, seconds[slot]!);
    }
  }

  /** Drops the storage (the log is read once). */
  clear(): void {
    this.firsts = [];
    this.seconds = [];
    this.length = 0;
  }
}

/**
 * Numbers written service by service (positions 0, 1, 2 … in order), four bytes each, the
 * position stored once per service rather than with every number: the streamed postings.
 */
export class RunLog {
  private blocks: Uint32Array[] = [];
  private length = 0;
  /** ends[p]: how many numbers services 0…p wrote. */
  private ends = new GrowableUint32();

  push(value: number): void {
    const slot = this.length % BLOCK;
    if (slot === 0) this.blocks.push(new Uint32Array(BLOCK));
    this.blocks[this.blocks.length - 1]![slot] = value;
    this.length++;
  }

  /** Closes the numbers of service `position` (each position once, ascending from 0). */
  endRun(position: number): void {
    this.ends.ensure(position + 1);
    this.ends.set(position, this.length);
  }

  forEach(each: (position: number, value: number) => void): void {
    let position = 0;
    for (let at = 0; at < this.length; at++) {
      while (this.ends.get(position) <= at) position++;
      each(position, this.blocks[Math.floor(at / BLOCK)]![at % BLOCK]!);
    }
  }

  clear(): void {
    this.blocks = [];
    this.length = 0;
    this.ends = new GrowableUint32();
  }
}
