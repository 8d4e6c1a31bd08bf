// The reuse index on disk, so a reopened workspace does not fingerprint its corpus again. One file
// per corpus content: a JSON header line (format, corpus hash, lengths, checksum), the documents and
// their paragraph labels as JSON, then raw little-endian 32-bit words (each paragraph's text length,
// the postings' fingerprints and units) and the paragraphs' texts as one UTF-8 block. A file that
// fails any check is deleted and the index rebuilt; it is never trusted because it parses.

import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { describeCacheFailure } from '../files/cacheFailure';
import { NotRegularFileError, readRegularFileSync } from '../files/regularFile';
import { endianness } from 'node:os';
import { join } from 'node:path';
import type { ReuseSnapshot } from './index';
import { makeFolderSync } from '../files/makeFolder';

const FORMAT = 2;
const MAGIC = 'compact-drafter reuse index';
const KEEP = 4;

interface Header {
  readonly magic: string;
  readonly format: number;
  readonly corpusHash: string;
  /** Bytes of the documents' JSON. */
  readonly documentsLength: number;
  /** Paragraphs (units) indexed. */
  readonly units: number;
  /** Bytes of the texts' block. */
  readonly textBytes: number;
  readonly postings: number;
  /** SHA-256 of everything after the header line. */
  readonly checksum: string;
}

const LITTLE_ENDIAN = endianness() === 'LE';

/** The words as little-endian bytes (a view when the machine is little-endian). */
function wordsToBytes(words: Uint32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(words.buffer, words.byteOffset, words.byteLength);
  const out = Buffer.alloc(words.length * 4);
  for (let i = 0; i < words.length; i++) out.writeUInt32LE(words[i]!, i * 4);
  return out;
}

/** Little-endian words copied out of bytes (typed arrays need aligned memory of their own). */
function bytesToWords(bytes: Buffer, count: number): Uint32Array {
  const words = new Uint32Array(count);
  if (LITTLE_ENDIAN) new Uint8Array(words.buffer).set(bytes.subarray(0, count * 4));
  else for (let i = 0; i < count; i++) words[i] = bytes.readUInt32LE(i * 4);
  return words;
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

export class ReuseDiskCache {
  constructor(
    private readonly dir: string,
    private readonly log: (message: string) => void = () => {},
  ) {}

  private pathOf(corpusHash: string): string {
    return join(this.dir, `${corpusHash.slice(0, 32)}.reuse`);
  }

  /** The snapshot stored for this corpus content, or undefined (none, or one not to be trusted: deleted). */
  read(corpusHash: string): ReuseSnapshot | undefined {
    const path = this.pathOf(corpusHash);
    let bytes: Buffer;
    try {
      // Only a regular file: a FIFO planted as the cache entry would block the server forever.
      bytes = readRegularFileSync(path).bytes;
    } catch (error) {
      if (error instanceof NotRegularFileError) {
        this.log(`reuse index cache: ${error.message}; rebuilding the index`);
        this.remove(path);
      }
      return undefined;
    }
    try {
      const newline = bytes.indexOf(0x0a);
      if (newline < 0) throw new Error('no header');
      const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Header;
      if (header.magic !== MAGIC) throw new Error('not a reuse index');
      if (header.format !== FORMAT) throw new Error(`format ${header.format}, expected ${FORMAT}`);
      if (header.corpusHash !== corpusHash) throw new Error('written for another corpus');
      const body = bytes.subarray(newline + 1);
      for (const field of ['documentsLength', 'units', 'textBytes', 'postings'] as const) {
        if (!Number.isSafeInteger(header[field]) || header[field] < 0) throw new Error(`bad ${field} in the header`);
      }
      const expected = header.documentsLength + header.units * 4 + header.postings * 8 + header.textBytes;
      if (body.length !== expected) throw new Error(`truncated or padded: ${body.length} bytes, expected ${expected}`);
      if (createHash('sha256').update(body).digest('hex') !== header.checksum) throw new Error('checksum mismatch');
      let at = 0;
      const take = (length: number) => body.subarray(at, (at += length));
      const documents = JSON.parse(take(header.documentsLength).toString('utf8')) as ReuseSnapshot['documents'];
      if (!Array.isArray(documents)) throw new Error('no documents');
      const textLengths = bytesToWords(take(header.units * 4), header.units);
      const keys = bytesToWords(take(header.postings * 4), header.postings);
      const units = bytesToWords(take(header.postings * 4), header.postings);
      // Copied, so the file's buffer (postings and all) is not kept alive by the texts.
      const texts = Buffer.from(take(header.textBytes));
      return { documents, texts, textLengths, keys, units };
    } catch (error) {
      this.log(`reuse index cache: ${path} is not usable (${(error as Error).message}); rebuilding the index`);
      this.remove(path);
      return undefined;
    }
  }

  write(corpusHash: string, snapshot: ReuseSnapshot): void {
    const path = this.pathOf(corpusHash);
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      const parts = [
        Buffer.from(JSON.stringify(snapshot.documents), 'utf8'),
        wordsToBytes(snapshot.textLengths),
        wordsToBytes(snapshot.keys),
        wordsToBytes(snapshot.units),
        Buffer.from(snapshot.texts.buffer, snapshot.texts.byteOffset, snapshot.texts.byteLength),
      ];
      const hash = createHash('sha256');
      for (const part of parts) hash.update(part);
      const header: Header = {
        magic: MAGIC,
        format: FORMAT,
        corpusHash,
        documentsLength: parts[0]!.length,
        units: snapshot.textLengths.length,
        textBytes: snapshot.texts.byteLength,
        postings: snapshot.keys.length,
        checksum: hash.digest('hex'),
      };
      makeFolderSync(this.dir);
      // Written part by part: the texts and postings are tens of megabytes, not worth a joined copy.
      const fd = openSync(temporary, 'w');
      try {
        for (const part of [Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), ...parts]) writeAll(fd, part);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, path);
      this.prune();
    } catch (error) {
      this.log(`reuse index cache: could not write ${path}: ${describeCacheFailure(this.dir, error)}`);
      this.remove(temporary);
    }
  }

  /** A few corpora (a few workspaces) are kept; the least recently written go. */
  private prune(): void {
    const files = readdirSync(this.dir)
      .filter((name) => name.endsWith('.reuse'))
      .map((name) => ({ path: join(this.dir, name), mtime: statSync(join(this.dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const file of files.slice(KEEP)) this.remove(file.path);
  }

  private remove(path: string): void {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
}
