// A postings segment: an immutable file holding the reuse index's postings (fingerprint → the units
// having it) of some units, read with positional reads (fs.readSync) rather than a memory map.
// Read through the page cache, its pages never count in the server's RSS; mapped (store format 1,
// postings in LMDB), a scan of a 1.5-million-paragraph store faulted 849 MB of the file into the
// process. Postings are grouped by fingerprint into 2^18 buckets (by its top 18 bits): a lookup is
// one read of one bucket's block (~0.7 KB at 1.5 million paragraphs, a few µs), found through the
// bucket directory, which the reader holds in memory (1 MB), then a binary search of the block's
// fingerprints: at 1.5 million paragraphs a bucket holds ~63 fingerprints (16.5 million in all,
// 15 million of them with one unit: the mutated copies' own word runs), and walking them entry by
// entry was a quarter of a scan's CPU time.
//
// A Bloom filter of the segment's fingerprints (fingerprintFilter.ts), also held in memory, spares
// the read of a fingerprint the segment does not have (most of a draft's).
//
//   header (dataFile.ts): version, postings, data bytes, directory checksum, filter bits, filter checksum
//   directory: BUCKETS + 1 offsets (uint32 LE) into the data; bucket b is [dir[b], dir[b + 1])
//   data: per non-empty bucket a block: CRC-32 of the rest; n, its fingerprint count; the n
//         fingerprints, ascending; the n ends of their units' bytes (all uint32 LE); the units of
//         each fingerprint, ascending, as varint deltas.
//   filter: the Bloom filter's bits (uint32 LE words)
// The block's checksum is checked on every read: a damaged block is a StoreRecordError, and the
// server rebuilds the store.
import { openSync, closeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { buildFilter, filterBits, mayHold } from './fingerprintFilter';
import { checkedBlock, DataFileError, encodeHeader, HEADER_BYTES, readAt, readCheckedSection, readHeader, syncAndClose, writeAll } from './dataFile';

const MAGIC = 'CD-POSTS';
/** 3: the filter; 2: blocks searched by halves; 1: blocks walked entry by entry. */
const VERSION = 3;
export const BUCKET_BITS = 18;
const BUCKETS = 1 << BUCKET_BITS;
const SHIFT = 32 - BUCKET_BITS;
const DIRECTORY_BYTES = (BUCKETS + 1) * 4;
const DATA_AT = HEADER_BYTES + DIRECTORY_BYTES;
/** Written data is flushed to the file in chunks of this size (a merge streams hundreds of MB). */
const FLUSH_BYTES = 4 << 20;

/** Writes a segment, fingerprints in ascending order; `end` makes it durable. */
export class SegmentWriter {
  private readonly fd: number;
  private readonly directory = new Uint32Array(BUCKETS + 1);
  /** The next bucket whose start is not yet in the directory. */
  private nextBucket = 0;
  private bucket = -1;
  private written = 0;
  private out = Buffer.allocUnsafe(FLUSH_BYTES + 65536);
  private used = 0;
  /** The open bucket's fingerprints, the ends of their units' bytes, and those bytes. */
  private readonly fingerprints: number[] = [];
  private readonly ends: number[] = [];
  private deltas = Buffer.allocUnsafe(65536);
  private deltaBytes = 0;
  postings = 0;
  private lastFingerprint = -1;
  /** Every fingerprint written, for the filter. */
  private allFingerprints = new Uint32Array(1 << 16);
  private fingerprintCount = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx');
  }

  /** The units of a fingerprint, ascending; fingerprints come in ascending order. */
  add(fingerprint: number, units: ArrayLike<number>, count = units.length): void {
    if (count === 0) return;
    if (fingerprint <= this.lastFingerprint) throw new Error('fingerprints must come in ascending order');
    this.lastFingerprint = fingerprint;
    const bucket = fingerprint >>> SHIFT;
    if (bucket !== this.bucket) {
      this.closeBlock();
      this.bucket = bucket;
    }
    if (this.deltas.length < this.deltaBytes + count * 5) {
      const bigger = Buffer.allocUnsafe(Math.max(this.deltas.length * 2, this.deltaBytes + count * 5));
      this.deltas.copy(bigger, 0, 0, this.deltaBytes);
      this.deltas = bigger;
    }
    let previous = 0;
    for (let i = 0; i < count; i++) {
      this.deltaBytes = writeVarint(this.deltas, this.deltaBytes, units[i]! - previous);
      previous = units[i]!;
    }
    this.fingerprints.push(fingerprint);
    this.ends.push(this.deltaBytes);
    if (this.fingerprintCount === this.allFingerprints.length) {
      const bigger = new Uint32Array(this.allFingerprints.length * 2);
      bigger.set(this.allFingerprints);
      this.allFingerprints = bigger;
    }
    this.allFingerprints[this.fingerprintCount++] = fingerprint;
    this.postings += count;
  }

  /** Writes the directory and header, flushes the file to the disk; the postings written. */
  end(): number {
    try {
      this.closeBlock();
      this.flush();
      const end = this.written;
      for (let b = this.nextBucket; b <= BUCKETS; b++) this.directory[b] = end;
      const directory = Buffer.from(this.directory.buffer, this.directory.byteOffset, DIRECTORY_BYTES);
      writeAll(this.fd, directory, HEADER_BYTES);
      const filter = buildFilter(this.allFingerprints, this.fingerprintCount);
      const filterBytes = Buffer.from(filter.buffer, filter.byteOffset, filter.byteLength);
      writeAll(this.fd, filterBytes, DATA_AT + end);
      writeAll(this.fd, encodeHeader(MAGIC, [VERSION, this.postings, end, crc32(directory), filter.length * 32, crc32(filterBytes)]), 0);
    } catch (error) {
      closeSync(this.fd);
      throw error;
    }
    syncAndClose(this.fd);
    return this.postings;
  }

  /** Closes the file without finishing it (the caller deletes it). */
  abandon(): void {
    closeSync(this.fd);
  }

  /** Writes the open bucket's block (fingerprints, ends, deltas) with its checksum. */
  private closeBlock(): void {
    const n = this.fingerprints.length;
    if (n === 0) return;
    const at = this.written + this.used;
    for (let b = this.nextBucket; b <= this.bucket; b++) this.directory[b] = at;
    this.nextBucket = this.bucket + 1;
    const bytes = 8 + 8 * n + this.deltaBytes;
    // The directory's offsets are 32-bit: 1.5 million paragraphs take 226 MB of data.
    if (at + bytes > 0xffffffff) throw new Error(`${this.path}: a postings segment holds at most 4 GB`);
    this.ensure(bytes);
    const block = this.used;
    let p = block + 4;
    this.out.writeUInt32LE(n, p);
    p += 4;
    for (const fp of this.fingerprints) p = this.out.writeUInt32LE(fp, p);
    for (const end of this.ends) p = this.out.writeUInt32LE(end, p);
    this.deltas.copy(this.out, p, 0, this.deltaBytes);
    this.used = block + bytes;
    this.out.writeUInt32LE(crc32(this.out.subarray(block + 4, this.used)), block);
    this.fingerprints.length = 0;
    this.ends.length = 0;
    this.deltaBytes = 0;
    if (this.used >= FLUSH_BYTES) this.flush();
  }

  /** Room for `bytes` more in the buffer (a block is written whole in it, for its checksum). */
  private ensure(bytes: number): void {
    if (this.used + bytes <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.used + bytes));
    this.out.copy(bigger, 0, 0, this.used);
    this.out = bigger;
  }

  private flush(): void {
    writeAll(this.fd, this.out.subarray(0, this.used), DATA_AT + this.written);
    this.written += this.used;
    this.used = 0;
  }
}

function writeVarint(buffer: Buffer, at: number, value: number): number {
  while (value >= 0x80) {
    buffer[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  buffer[at++] = value;
  return at;
}

/** A segment open for reading: its directory in memory, its blocks read when asked. */
export class PostingsSegment {
  private scratch = Buffer.allocUnsafe(16384);

  private constructor(
    readonly path: string,
    private readonly fd: number,
    private readonly directory: Uint32Array,
    private readonly filter: Uint32Array,
    readonly postings: number,
  ) {}

  /** Opens and checks a segment (header, length, directory); DataFileError when it fails. */
  static open(path: string): PostingsSegment {
    const fd = openSync(path, 'r');
    try {
      const [version, postings, dataBytes, directorySum, bits, filterSum] = readHeader(fd, path, MAGIC, 6, ([, , data, , filter]) => DATA_AT + data! + filter! / 8);
      if (version !== VERSION) throw new DataFileError(`${path}: version ${version}, expected ${VERSION}`);
      if (!Number.isSafeInteger(bits) || bits! % 32 !== 0 || bits! < filterBits(0)) throw new DataFileError(`${path}: a filter of ${bits} bits`);
      const bytes = readCheckedSection(fd, path, HEADER_BYTES, DIRECTORY_BYTES, directorySum!);
      const directory = new Uint32Array(BUCKETS + 1);
      Buffer.from(directory.buffer).set(bytes);
      if (directory[BUCKETS] !== dataBytes) throw new DataFileError(`${path}: its directory does not end at its data's end`);
      const filter = new Uint32Array(bits! / 32);
      Buffer.from(filter.buffer).set(readCheckedSection(fd, path, DATA_AT + dataBytes!, bits! / 8, filterSum!));
      return new PostingsSegment(path, fd, directory, filter, postings!);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Counts each unit having this fingerprint into the tally. */
  count(fingerprint: number, tally: Tally): void {
    if (!mayHold(this.filter, fingerprint)) return;
    const bucket = fingerprint >>> SHIFT;
    const start = this.directory[bucket]!;
    const length = this.directory[bucket + 1]! - start;
    if (length === 0) return;
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(Math.max(length, this.scratch.length * 2));
    const read = readAt(this.fd, DATA_AT + start, length, this.scratch);
    if (!read) throw new DataFileError(`${this.path} ends inside a block`);
    const block = checkedBlock(read, `a postings block of ${this.path}`);
    const [from, to] = entryOf(block, fingerprint);
    countUnits(block, from, to, tally);
  }

  /** Reads the blocks in bucket order, in large reads (what a merge needs). */
  sequential(): SequentialBlocks {
    return new SequentialBlocks(this);
  }

  /** Where a bucket's block is in the data: [start, end). */
  blockRange(bucket: number): [number, number] {
    return [this.directory[bucket]!, this.directory[bucket + 1]!];
  }

  readData(at: number, length: number): Buffer {
    const bytes = readAt(this.fd, DATA_AT + at, length);
    if (!bytes) throw new DataFileError(`${this.path} ends inside its data`);
    return bytes;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A segment's blocks read bucket after bucket through a window of a few megabytes. */
export class SequentialBlocks {
  private window: Buffer = Buffer.alloc(0);
  private windowAt = 0;

  constructor(private readonly segment: PostingsSegment) {}

  /** Calls visit with each fingerprint of the bucket and its units (a fresh array each). */
  forEach(bucket: number, visit: (fingerprint: number, units: number[]) => void): void {
    const [start, end] = this.segment.blockRange(bucket);
    if (start === end) return;
    if (start < this.windowAt || end > this.windowAt + this.window.length) {
      this.window = this.segment.readData(start, Math.max(end - start, Math.min(FLUSH_BYTES, this.segment.blockRange(BUCKETS - 1)[1]! - start)));
      this.windowAt = start;
    }
    const block = checkedBlock(this.window.subarray(start - this.windowAt, end - this.windowAt), `a postings block of ${this.segment.path}`);
    forEachEntry(block, visit);
  }
}

/** Where the units of one fingerprint are in a block ([0, 0] when it is not there): a binary search of its fingerprints. */
function entryOf(block: Buffer, fingerprint: number): [number, number] {
  const n = block.readUInt32LE(0);
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (block.readUInt32LE(4 + 4 * mid) < fingerprint) lo = mid + 1;
    else hi = mid;
  }
  if (lo === n || block.readUInt32LE(4 + 4 * lo) !== fingerprint) return [0, 0];
  const deltasAt = 4 + 8 * n;
  return [deltasAt + (lo === 0 ? 0 : block.readUInt32LE(4 + 4 * n + 4 * (lo - 1))), deltasAt + block.readUInt32LE(4 + 4 * n + 4 * lo)];
}

/**
 * Counts of units sharing a query's fingerprints (the store's candidates: reuseReads.ts), and the
 * units counted, in the order first counted. Counted here in the decoding loop, not through a
 * callback per unit: a scan at 1.5 million paragraphs decodes ~190,000 postings, most of them in a
 * fresh process before the code is optimised.
 */
export interface Tally {
  readonly counts: Uint16Array;
  readonly touched: Int32Array;
  touchedCount: number;
}

// decodeUnits's loop with the counting written in (why: Tally); the two must decode alike.
function countUnits(block: Buffer, from: number, to: number, tally: Tally): void {
  const { counts, touched } = tally;
  let touchedCount = tally.touchedCount;
  let unit = 0;
  let p = from;
  while (p < to) {
    let byte = block[p++]!;
    let delta = byte & 0x7f;
    for (let k = 1; byte >= 0x80; k++) {
      byte = block[p++]!;
      delta += (byte & 0x7f) * SEVEN_BITS[k]!;
    }
    unit += delta;
    if (counts[unit]!++ === 0) touched[touchedCount++] = unit;
  }
  tally.touchedCount = touchedCount;
}

/** 2^(7k): the weight of a varint's k-th byte (units are below 2^32: five bytes at most). */
const SEVEN_BITS = [1, 2 ** 7, 2 ** 14, 2 ** 21, 2 ** 28];

/** Calls visit with each unit of the varint deltas in block[from, to). */
function decodeUnits(block: Buffer, from: number, to: number, visit: (unit: number) => void): void {
  let unit = 0;
  let p = from;
  while (p < to) {
    let byte = block[p++]!;
    let delta = byte & 0x7f;
    for (let k = 1; byte >= 0x80; k++) {
      byte = block[p++]!;
      delta += (byte & 0x7f) * SEVEN_BITS[k]!;
    }
    unit += delta;
    visit(unit);
  }
}

function forEachEntry(block: Buffer, visit: (fingerprint: number, units: number[]) => void): void {
  const n = block.readUInt32LE(0);
  const deltasAt = 4 + 8 * n;
  let from = deltasAt;
  for (let i = 0; i < n; i++) {
    const to = deltasAt + block.readUInt32LE(4 + 4 * n + 4 * i);
    const units: number[] = [];
    decodeUnits(block, from, to, (unit) => units.push(unit));
    visit(block.readUInt32LE(4 + 4 * i), units);
    from = to;
  }
}

export const SEGMENT_BUCKETS = BUCKETS;
