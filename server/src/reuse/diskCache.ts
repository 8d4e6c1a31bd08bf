// The reuse index on disk, so a reopened workspace does not fingerprint its corpus again. One file
// per corpus content: a JSON header line (format, corpus hash, lengths, checksum), the units as
// JSON, then the postings as raw little-endian 32-bit words. A file that fails any check is deleted
// and the index rebuilt; it is never trusted because it parses.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReuseSnapshot } from './index';

const FORMAT = 1;
const MAGIC = 'compact-drafter reuse index';
const KEEP = 4;

interface Header {
  readonly magic: string;
  readonly format: number;
  readonly corpusHash: string;
  readonly unitsLength: number;
  readonly postings: number;
  readonly checksum: string;
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
      bytes = readFileSync(path);
    } catch {
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
      const expected = header.unitsLength + header.postings * 8;
      if (body.length !== expected) throw new Error(`truncated or padded: ${body.length} bytes, expected ${expected}`);
      if (createHash('sha256').update(body).digest('hex') !== header.checksum) throw new Error('checksum mismatch');
      const documents = JSON.parse(body.subarray(0, header.unitsLength).toString('utf8')) as ReuseSnapshot['documents'];
      if (!Array.isArray(documents)) throw new Error('no documents');
      const postings = body.subarray(header.unitsLength);
      // Copied out: typed arrays need aligned memory, and the file's buffer is not ours to keep.
      const keys = new Uint32Array(header.postings);
      const units = new Uint32Array(header.postings);
      for (let i = 0; i < header.postings; i++) {
        keys[i] = postings.readUInt32LE(i * 4);
        units[i] = postings.readUInt32LE((header.postings + i) * 4);
      }
      return { documents, keys, units };
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
      const units = Buffer.from(JSON.stringify(snapshot.documents), 'utf8');
      const postings = Buffer.alloc(snapshot.keys.length * 8);
      for (let i = 0; i < snapshot.keys.length; i++) {
        postings.writeUInt32LE(snapshot.keys[i]!, i * 4);
        postings.writeUInt32LE(snapshot.units[i]!, (snapshot.keys.length + i) * 4);
      }
      const body = Buffer.concat([units, postings]);
      const header: Header = {
        magic: MAGIC,
        format: FORMAT,
        corpusHash,
        unitsLength: units.length,
        postings: snapshot.keys.length,
        checksum: createHash('sha256').update(body).digest('hex'),
      };
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]));
      renameSync(temporary, path);
      this.prune();
    } catch (error) {
      this.log(`reuse index cache: could not write ${path} (${(error as Error).message})`);
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
