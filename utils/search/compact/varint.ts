/** LEB128 unsigned varints: postings are small deltas, mostly one or two bytes each. */
export class VarintWriter {
  private bytes = new Uint8Array(1024);
  length = 0;

  write(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.length = writeVarint(this.bytes, this.length, value);
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Bytes the varint of `value` takes (values below 2^35). */
export function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** Writes the varint of `value` into `bytes` at `at` (room checked by the caller); returns where the next one goes. */
export function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  let rest = value;
  while (rest >= 0x80) {
    bytes[at++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 128);
  }
  bytes[at++] = rest;
  return at;
}

/** Reads `count` varints from `bytes` starting at `offset`, calling `each` with every value. */
export function readVarints(bytes: Uint8Array, offset: number, count: number, each: (value: number, ordinal: number) => void): void {
  let at = offset;
  for (let ordinal = 0; ordinal < count; ordinal++) {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
    }
    each(value, ordinal);
  }
}
