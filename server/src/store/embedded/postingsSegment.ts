// A postings segment: an immutable file holding the reuse index's postings (fingerprint → the units
// having it) of some units, read with positional reads (fs.readSync) rather than a memory map.
// Read through the page cache, its pages never count in the server's RSS; mapped (store format 1,
// postings in LMDB), a scan of a 1.5-million-paragraph store faulted 849 MB of the file into the
// process. Postings are grouped by fingerprint into 2^18 buckets (by its top 18 bits): a lookup is
// one read of one bucket's block (~0.5 KB at 1.5 million paragraphs, ~2 µs), found through the
// bucket directory, which the reader holds in memory (1 MB).
//
//   header (dataFile.ts): version, bucket bits, postings, data bytes, directory checksum
//   directory: BUCKETS + 1 offsets (uint32 LE) into the data; bucket b is [dir[b], dir[b + 1])
//   data: per non-empty bucket a block: CRC-32 of the rest, then its fingerprints, ascending, each
//         as fingerprint (uint32 LE), unit count and byte length of its units (varints), and the
//         units, ascending, as varint deltas.
// The block's checksum is checked on every read: a damaged block is a StoreRecordError, and the
// server rebuilds the store.
import { openSync, closeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { checkedBlock, DataFileError, encodeHeader, HEADER_BYTES, readAt, readCheckedSection, readHeader, syncAndClose, writeAll } from './dataFile';

const MAGIC = 'CD-POSTS';
const VERSION = 1;
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
  /** Where the open block starts in `out` (its checksum goes there). */
  private blockAt = -1;
  private scratch = Buffer.allocUnsafe(65536);
  postings = 0;
  private lastFingerprint = -1;

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
      this.startBlock(bucket);
    }
    // The units as deltas first: their byte length precedes them.
    if (this.scratch.length < count * 5) this.scratch = Buffer.allocUnsafe(count * 5 * 2);
    let n = 0;
    let previous = 0;
    for (let i = 0; i < count; i++) {
      n = writeVarint(this.scratch, n, units[i]! - previous);
      previous = units[i]!;
    }
    this.ensure(4 + 10 + n);
    this.out.writeUInt32LE(fingerprint, this.used);
    this.used = writeVarint(this.out, this.used + 4, count);
    this.used = writeVarint(this.out, this.used, n);
    this.scratch.copy(this.out, this.used, 0, n);
    this.used += n;
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
      writeAll(this.fd, encodeHeader(MAGIC, [VERSION, BUCKET_BITS, this.postings, end, crc32(directory)]), 0);
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

  private startBlock(bucket: number): void {
    const at = this.written + this.used;
    for (let b = this.nextBucket; b <= bucket; b++) this.directory[b] = at;
    this.nextBucket = bucket + 1;
    this.bucket = bucket;
    this.ensure(4);
    this.blockAt = this.used;
    this.used += 4;
  }

  private closeBlock(): void {
    if (this.blockAt < 0) return;
    this.out.writeUInt32LE(crc32(this.out.subarray(this.blockAt + 4, this.used)), this.blockAt);
    this.blockAt = -1;
    if (this.used >= FLUSH_BYTES) this.flush();
  }

  /** Room for `bytes` more in the buffer (an open block stays whole in it, for its checksum). */
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
    readonly postings: number,
  ) {}

  /** Opens and checks a segment (header, length, directory); DataFileError when it fails. */
  static open(path: string): PostingsSegment {
    const fd = openSync(path, 'r');
    try {
      const [version, bits, postings, dataBytes, directorySum] = readHeader(fd, path, MAGIC, 5, ([, , , data]) => DATA_AT + data!);
      if (version !== VERSION || bits !== BUCKET_BITS) throw new DataFileError(`${path}: version ${version}, ${bits} bucket bits`);
      const bytes = readCheckedSection(fd, path, HEADER_BYTES, DIRECTORY_BYTES, directorySum!);
      const directory = new Uint32Array(BUCKETS + 1);
      Buffer.from(directory.buffer).set(bytes);
      if (directory[BUCKETS] !== dataBytes) throw new DataFileError(`${path}: its directory does not end at its data's end`);
      return new PostingsSegment(path, fd, directory, postings!);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Calls visit with each unit having this fingerprint, ascending. */
  visit(fingerprint: number, visit: (unit: number) => void): void {
    const bucket = fingerprint >>> SHIFT;
    const start = this.directory[bucket]!;
    const length = this.directory[bucket + 1]! - start;
    if (length === 0) return;
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(Math.max(length, this.scratch.length * 2));
    const read = readAt(this.fd, DATA_AT + start, length, this.scratch);
    if (!read) throw new DataFileError(`${this.path} ends inside a block`);
    const block = checkedBlock(read, `a postings block of ${this.path}`);
    forEntry(block, fingerprint, visit);
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

/** The units of one fingerprint in a block (none when it is not there). */
function forEntry(block: Buffer, fingerprint: number, visit: (unit: number) => void): void {
  let p = 0;
  while (p < block.length) {
    const fp = block.readUInt32LE(p);
    p += 4;
    let count = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = block[p++]!;
      count += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    let bytes = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = block[p++]!;
      bytes += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    if (fp === fingerprint) {
      let unit = 0;
      for (let i = 0; i < count; i++) {
        let delta = 0;
        for (let shift = 0; ; shift += 7) {
          const byte = block[p++]!;
          delta += (byte & 0x7f) * 2 ** shift;
          if (byte < 0x80) break;
        }
        unit += delta;
        visit(unit);
      }
      return;
    }
    if (fp > fingerprint) return;
    p += bytes;
  }
}

function forEachEntry(block: Buffer, visit: (fingerprint: number, units: number[]) => void): void {
  let p = 0;
  while (p < block.length) {
    const fp = block.readUInt32LE(p);
    p += 4;
    let count = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = block[p++]!;
      count += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    for (let shift = 0; ; shift += 7) if (block[p++]! < 0x80) break;
    const units = new Array<number>(count);
    let unit = 0;
    for (let i = 0; i < count; i++) {
      let delta = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = block[p++]!;
        delta += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) break;
      }
      unit += delta;
      units[i] = unit;
    }
    visit(fp, units);
  }
}

export const SEGMENT_BUCKETS = BUCKETS;
