// Checks an LMDB file before lmdb opens it. LMDB trusts its file: lmdb-js crashes the process
// (SIGSEGV) opening a file that is not LMDB's, and a page past the end of a file cut short is read
// through the memory map (SIGBUS). Its two meta pages say what it is and how far its pages go, so
// they are read here first (node:fs, no mapping): a file that fails is deleted and rebuilt, never
// handed to the engine. Damage inside the B-tree's pages is beyond this check; the units' own
// checksums (records.ts) catch damaged paragraphs.
//
// The meta page layout of lmdb-js's LMDB (format version 2): a 24-byte page header, then the
// magic 0xBEEFC0DE, the version, the map address and size, the free and main databases' records
// (the free one's second word is the page size), the last page number and the transaction id.
import { closeSync, openSync, readSync, statSync } from 'node:fs';

const MAGIC = 0xbeefc0de;
const OFFSET = { magic: 24, version: 28, pageSize: 48, lastPage: 144, txnId: 152 } as const;

/** Why the file is not a sound LMDB file, or undefined when it is (or is absent or empty: a new store). */
export function lmdbFileProblem(path: string): string | undefined {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return 'not a regular file';
    size = stat.size;
  } catch {
    return undefined;
  }
  if (size === 0) return undefined;
  const fd = openSync(path, 'r');
  try {
    const read = (at: number, length: number) => {
      const buffer = Buffer.alloc(length);
      return readSync(fd, buffer, 0, length, at) === length ? buffer : undefined;
    };
    const first = read(0, 256);
    if (!first || first.readUInt32LE(OFFSET.magic) !== MAGIC) return 'not an LMDB file (no magic number)';
    if (first.readUInt32LE(OFFSET.version) !== 2) return undefined; // another LMDB format: left to the engine
    const pageSize = first.readUInt32LE(OFFSET.pageSize);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return `a page size of ${pageSize}`;
    const second = read(pageSize, 256);
    if (!second || second.readUInt32LE(OFFSET.magic) !== MAGIC) return 'its second meta page is damaged';
    const meta = second.readBigUInt64LE(OFFSET.txnId) > first.readBigUInt64LE(OFFSET.txnId) ? second : first;
    const end = (Number(meta.readBigUInt64LE(OFFSET.lastPage)) + 1) * pageSize;
    if (end > size) return `cut short: ${size} bytes, its pages run to ${end}`;
    return undefined;
  } finally {
    closeSync(fd);
  }
}
