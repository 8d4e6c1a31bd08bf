// The indexed units' texts as UTF-8 in large shared buffers. As JS strings, 100,000 paragraphs
// cost two bytes a character as soon as one typographic quote appears, plus a header each and
// the collector's slack; as bytes outside the JS heap they cost about their length, and the disk
// cache stores and loads them as one block.

/** Appended texts go into buffers of this size (a longer text gets one of its own). */
const CHUNK_BYTES = 4 << 20;

function grown<T extends Uint32Array | Uint16Array>(array: T, needed: number, make: (size: number) => T): T {
  if (needed <= array.length) return array;
  const next = make(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

export class TextStore {
  private readonly chunks: Buffer[] = [];
  /** Bytes used in the last chunk. */
  private used = 0;
  private chunkOf = new Uint16Array(1024);
  private offsetOf = new Uint32Array(1024);
  private lengthOf = new Uint32Array(1024);
  private count = 0;
  /** Bytes held in texts (not counting unused chunk space). */
  byteLength = 0;

  get size(): number {
    return this.count;
  }

  /** Stores a text; returns its number (texts are numbered in the order added). */
  add(text: string): number {
    const bytes = Buffer.byteLength(text, 'utf8');
    let chunk = this.chunks.length - 1;
    if (chunk < 0 || this.used + bytes > this.chunks[chunk]!.length) {
      if (this.chunks.length >= 0xffff) throw new Error('text store full');
      this.chunks.push(Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, bytes)));
      chunk++;
      this.used = 0;
    }
    this.chunks[chunk]!.write(text, this.used, bytes, 'utf8');
    return this.place(chunk, this.used, bytes, () => (this.used += bytes));
  }

  private place(chunk: number, offset: number, length: number, commit?: () => void): number {
    const id = this.count;
    this.chunkOf = grown(this.chunkOf, id + 1, (n) => new Uint16Array(n));
    this.offsetOf = grown(this.offsetOf, id + 1, (n) => new Uint32Array(n));
    this.lengthOf = grown(this.lengthOf, id + 1, (n) => new Uint32Array(n));
    this.chunkOf[id] = chunk;
    this.offsetOf[id] = offset;
    this.lengthOf[id] = length;
    this.count++;
    this.byteLength += length;
    commit?.();
    return id;
  }

  /** The text of a number. */
  get(id: number): string {
    const offset = this.offsetOf[id]!;
    return this.chunks[this.chunkOf[id]!]!.toString('utf8', offset, offset + this.lengthOf[id]!);
  }

  /** The UTF-8 bytes of a number's text (a view, not a copy). */
  bytes(id: number): Buffer {
    const offset = this.offsetOf[id]!;
    return this.chunks[this.chunkOf[id]!]!.subarray(offset, offset + this.lengthOf[id]!);
  }

  /**
   * A store holding texts given as one block of UTF-8 (the disk cache's): lengths[k] bytes each,
   * one after another. Throws when the lengths do not add up to the block.
   */
  static fromBytes(block: Uint8Array, lengths: Uint32Array): TextStore {
    const store = new TextStore();
    const chunk = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
    store.chunks.push(chunk);
    let offset = 0;
    for (let k = 0; k < lengths.length; k++) {
      const length = lengths[k]!;
      if (offset + length > chunk.length) throw new Error('text lengths run past the texts');
      store.place(0, offset, length);
      offset += length;
    }
    if (offset !== chunk.length) throw new Error('texts longer than their lengths');
    // Texts added later go into a chunk of their own: this one is full.
    store.used = chunk.length;
    return store;
  }
}
