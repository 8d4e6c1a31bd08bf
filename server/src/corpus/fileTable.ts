// The table of a corpus folder's files: what the corpus needs of each text before the text itself
// is asked for (its id, symbol, title, date, length and content hash), with the file's stat when it
// was read. Kept between sessions in the folders' embedded store (ReuseService.fileTables in
// reuse/service.ts), so that a server starting on a folder it has seen reads only the files whose
// stat changed: 1,000 files of 50 MB were read, decoded, hashed and their front matter parsed at
// every start (1.1 s of the 2.5 s to the first diagnostics at 100,000 paragraphs; bench/serverScale.ts).
//
// When a file counts as unchanged (all of these, else it is read again):
//   - it is listed under the same path with the same real path (the walker's rules, files/walk.ts,
//     are applied as on every start: a link that now leads outside the folder is not followed);
//   - its size, modification time, change time and inode (nanosecond times, as fstat gave them on
//     the descriptor read) are the ones recorded. The change time cannot be set by a program, so a
//     file rewritten and given its old modification time back (`touch -d`, `rsync -t`, a checkout)
//     is still seen;
//   - it is not "racily clean" (git's term): a file whose modification time is within RACY_MS of
//     when it was read may have been written again in the same clock tick after the read, leaving
//     size and times as recorded (coarse file systems: FAT keeps 2 s). Such a file is read again at
//     the next start, and is then recorded with a later read time, so it is read once more at most.
// What is left: a file changed on a file system whose clock runs more than RACY_MS behind this
// machine's, in the same tick, to the same size. The watcher (lsp/fileWatching.ts) still reloads
// a file saved while the server runs.
import { PARSER_FINGERPRINT } from './modelCache';

/** Files modified this close (ms) to when they were read are read again at the next start. */
export const RACY_MS = 2000;

/** What the corpus knows of one file without reading it, and the stat it was read with. */
export interface FileEntry {
  /** The path as listed (the walker's `path`). */
  readonly path: string;
  readonly realPath: string;
  readonly size: number;
  /** Nanosecond times and inode, as decimal strings (bigint stat). */
  readonly mtimeNs: string;
  readonly ctimeNs: string;
  readonly ino: string;
  /** Date.now() just before the file was read. */
  readonly readAt: number;
  readonly id: string;
  readonly symbol?: string;
  readonly title?: string;
  readonly date?: string;
  /** The text's length (UTF-16 code units). */
  readonly length: number;
  readonly contentHash: string;
}

/** A file's stat as the walker's stat gives it (bigint: nanoseconds). */
export interface FileStat {
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
  readonly ino: bigint;
  isFile(): boolean;
}

/** Where the tables of corpus folders are kept between sessions (the folders' embedded store: ReuseService.fileTables). */
export interface FileTables {
  /** The folder's table as last written, or undefined (none, or of another version of the server). */
  read(folder: string): readonly FileEntry[] | undefined;
  write(folder: string, entries: readonly FileEntry[]): void;
}

/** The record kept: entries are only trusted by the code that wrote them. */
export interface FileTableRecord {
  readonly fingerprint: string;
  readonly entries: readonly FileEntry[];
}

export function fileTableRecord(entries: readonly FileEntry[]): FileTableRecord {
  return { fingerprint: PARSER_FINGERPRINT, entries };
}

/** The entries of a record this server wrote, each checked for shape; undefined for anything else. */
export function entriesOfRecord(record: unknown): FileEntry[] | undefined {
  const r = record as FileTableRecord | undefined;
  if (!r || typeof r !== 'object' || r.fingerprint !== PARSER_FINGERPRINT || !Array.isArray(r.entries)) return undefined;
  const strings = ['path', 'realPath', 'mtimeNs', 'ctimeNs', 'ino', 'id', 'contentHash'] as const;
  const numbers = ['size', 'readAt', 'length'] as const;
  const ok = r.entries.every((e) => e && typeof e === 'object' && strings.every((k) => typeof e[k] === 'string') && numbers.every((k) => Number.isFinite(e[k])));
  if (!ok) return undefined;
  // An absent symbol, title or date is undefined, whatever the record's encoding made of it.
  const optional = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return r.entries.map((e) => ({ ...e, symbol: optional(e.symbol), title: optional(e.title), date: optional(e.date) }));
}

/** Whether the file behind `entry` can be taken as the one recorded, without reading it (rules above). */
export function isUnchanged(entry: FileEntry | undefined, realPath: string, stat: FileStat): entry is FileEntry {
  if (!entry || entry.realPath !== realPath || !stat.isFile()) return false;
  if (BigInt(entry.size) !== stat.size || entry.mtimeNs !== String(stat.mtimeNs) || entry.ctimeNs !== String(stat.ctimeNs) || entry.ino !== String(stat.ino)) return false;
  const modifiedMs = Number(stat.mtimeNs / 1_000_000n);
  return modifiedMs < entry.readAt - RACY_MS;
}
