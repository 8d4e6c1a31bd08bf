// What the embedded store's data files (postingsSegment.ts, textFile.ts) share: a 64-byte header
// with a magic string, a checksum of its own and of the section the reader holds in memory; reads
// at a position (fs.readSync), and writes made durable before the LMDB transaction that names the
// file commits. A file that fails any check is a damaged store: StoreCorruptError when it is
// opened, StoreRecordError when a damaged block is met while serving (the server deletes the store
// and rebuilds it either way).
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { StoreRecordError } from './records';

export const HEADER_BYTES = 64;
/** Header layout: magic (8 ASCII bytes), then fields as 64-bit floats from byte 8, the header's CRC-32 in its last 4 bytes. */
const FIELDS_AT = 8;
const MAX_FIELDS = (HEADER_BYTES - FIELDS_AT - 4) / 8;

/**
 * A data file that does not hold together. A StoreRecordError: met while serving, the server
 * deletes the store and rebuilds it; met on open, EmbeddedCorpusStore.open reports it as corrupt.
 */
export class DataFileError extends StoreRecordError {
  override name = 'DataFileError';
}

export function encodeHeader(magic: string, fields: readonly number[]): Buffer {
  if (magic.length !== 8 || fields.length > MAX_FIELDS) throw new Error('a data file header holds an 8-byte magic and at most 6 fields');
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(magic, 0, 'latin1');
  fields.forEach((value, k) => header.writeDoubleLE(value, FIELDS_AT + 8 * k));
  header.writeUInt32LE(crc32(header.subarray(0, HEADER_BYTES - 4)), HEADER_BYTES - 4);
  return header;
}

/** The header's fields, after checking its magic and checksum and that the file has `expectedBytes(fields)` bytes. */
export function readHeader(fd: number, path: string, magic: string, count: number, expectedBytes: (fields: number[]) => number): number[] {
  const header = readAt(fd, 0, HEADER_BYTES);
  if (!header || header.toString('latin1', 0, 8) !== magic) throw new DataFileError(`${path} is not a ${magic.trim()} file`);
  if (header.readUInt32LE(HEADER_BYTES - 4) !== crc32(header.subarray(0, HEADER_BYTES - 4))) throw new DataFileError(`${path}: its header fails its checksum`);
  const fields = Array.from({ length: count }, (_, k) => header.readDoubleLE(FIELDS_AT + 8 * k));
  const size = fstatSync(fd).size;
  const expected = expectedBytes(fields);
  if (size !== expected) throw new DataFileError(`${path} has ${size} bytes, its header says ${expected}`);
  return fields;
}

/** `length` bytes at `position`, or undefined when the file ends before. */
export function readAt(fd: number, position: number, length: number, into: Buffer = Buffer.allocUnsafe(length)): Buffer | undefined {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, into, done, length - done, position + done);
    if (n === 0) return undefined;
    done += n;
  }
  return into.subarray(0, length);
}

/** A section read at open and checked against the checksum its header holds. */
export function readCheckedSection(fd: number, path: string, position: number, length: number, checksum: number): Buffer {
  const bytes = readAt(fd, position, length);
  if (!bytes || crc32(bytes) !== checksum) throw new DataFileError(`${path}: a section fails its checksum`);
  return bytes;
}

/** A block read while serving, whose first 4 bytes are the CRC-32 of the rest; the rest. */
export function checkedBlock(bytes: Buffer, what: string): Buffer {
  const body = bytes.subarray(4);
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== crc32(body)) throw new StoreRecordError(`${what} fails its checksum`);
  return body;
}

export function writeAll(fd: number, bytes: Uint8Array, position?: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position === undefined ? null : position + done);
}

/** Flushes a written file to the disk and closes it: only then may a transaction name it. */
export function syncAndClose(fd: number): void {
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (a new file's name survives a power cut once this returns). */
export function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return; // Windows opens no folder as a file; its files themselves are synced
  }
  try {
    fsyncSync(fd);
  } catch {
    // some file systems cannot fsync a folder; the files themselves are synced
  } finally {
    closeSync(fd);
  }
}
