import { basename } from 'node:path';
import { URI } from 'vscode-uri';
import { CorpusDocument, type CorpusLayer } from './document';
import { blankFrontMatter, readFrontMatter, readMetadata } from './metadata';
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readRegularFile, readRegularFileSync, type RegularFile, TooLargeError } from '../files/regularFile';
import { walkFolder } from '../files/walk';
import { type FileEntry, type FileStat, isUnchanged } from './fileTable';

/** A corpus file that could not be used, and why; reported, never fatal. */
export interface CorpusProblem {
  readonly uri: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export interface LoadedDocuments {
  readonly documents: CorpusDocument[];
  readonly problems: CorpusProblem[];
}

export interface LoadedFolder extends LoadedDocuments {
  /** The folder's table now (fileTable.ts): an entry per document. */
  readonly entries: FileEntry[];
  /** Files read (the others were taken from the table as they were). */
  readonly read: number;
  /** Whether the table differs from the one given (a file read, gone or new): it is worth writing. */
  readonly changed: boolean;
}

/** How the loader reaches the file system: tests count the reads through it. */
export interface CorpusFileSystem {
  readFile(path: string, maxBytes: number): Promise<RegularFile>;
  stat(path: string): Promise<FileStat>;
}

const nodeFileSystem: CorpusFileSystem = {
  readFile: readRegularFile,
  stat: async (path) => {
    const s = await stat(path, { bigint: true });
    return { size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs, ino: s.ino, isFile: () => s.isFile() };
  },
};

export interface FolderLoadOptions {
  /** The folder's table from the last session: files whose stat is as recorded are not read. */
  readonly known?: readonly FileEntry[];
  readonly fileSystem?: CorpusFileSystem;
}

/** Stats taken this many at a time: each is a round trip to libuv's thread pool. */
const STAT_CONCURRENCY = 64;

export const CORPUS_EXTENSIONS = ['.md', '.markdown', '.txt'];
/** Larger files are skipped: a corpus file that big is almost always a mistake (a PDF dump, a log). */
export const MAX_CORPUS_FILE_BYTES = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/** Word and Notepad save "Unicode text" as UTF-16 with a byte-order mark: read it rather than call it binary. */
function utf16Decoder(bytes: Uint8Array): typeof utf8 | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be;
  return undefined;
}

/** Turns one file's bytes into a corpus document, or says why it cannot be one. */
export function documentFromBytes(bytes: Uint8Array, uri: string, layer: CorpusLayer): CorpusDocument | CorpusProblem {
  const read = readCorpusText(bytes, uri);
  if ('message' in read) return read;
  return new CorpusDocument(read.id, read.symbol, uri, layer, read.body, read.title, read.date);
}

/**
 * A workspace corpus file as a document whose text is read again from the file when needed (and
 * kept while recent: corpus/documentMemory.ts), so a large corpus is not held in memory. A file
 * that changed meanwhile is reloaded by the watcher; one that can no longer be read throws, as a
 * missing file would, rather than pass for an empty text. The walker checked the path when it was
 * listed; by the time the text is read again (minutes later, once other texts pushed it out of
 * memory) a checkout may have made it, or a folder above it, a link out of the corpus: the path
 * must still be its own real path, or the file is not read (a hover showed a token file's text so).
 */
function documentOnDemand(entry: Omit<FileEntry, 'path' | 'size' | 'mtimeNs' | 'ctimeNs' | 'ino' | 'readAt'>, uri: string, layer: CorpusLayer, loaded?: string): CorpusDocument {
  // The fields are the table's: the front matter is blanked, not parsed again (its YAML was 30 ms
  // of the 40 cited texts read again before a draft's first diagnostics; bench:server-scale --profile).
  const reread = () => {
    const now = realpathSync(entry.realPath);
    if (now !== entry.realPath) throw new Error(`${uri}: now a link to ${now}: not read again (the corpus reads it when it is loaded again)`);
    const again = decodeCorpusText(readRegularFileSync(entry.realPath, MAX_CORPUS_FILE_BYTES).bytes, uri);
    if (typeof again !== 'string') throw new Error(`${uri}: ${again.message}`);
    return blankFrontMatter(again);
  };
  return new CorpusDocument(entry.id, entry.symbol, uri, layer, { read: reread, length: entry.length, contentHash: entry.contentHash, loaded }, entry.title, entry.date);
}

/** A file read now: its document and table entry, or why it is not a document. */
function readDocument(file: RegularFile, path: string, realPath: string, readAt: number, uri: string, layer: CorpusLayer): { document: CorpusDocument; entry: FileEntry } | CorpusProblem {
  const read = readCorpusText(file.bytes, uri);
  if ('message' in read) return read;
  const { stats } = file;
  const entry: FileEntry = {
    path,
    realPath,
    size: Number(stats.size),
    mtimeNs: String(stats.mtimeNs),
    ctimeNs: String(stats.ctimeNs),
    ino: String(stats.ino),
    readAt,
    id: read.id,
    symbol: read.symbol,
    title: read.title,
    date: read.date,
    length: read.body.length,
    contentHash: createHash('sha256').update(read.body).digest('hex'),
  };
  return { document: documentOnDemand(entry, uri, layer, read.body), entry };
}

/** A corpus file's text (front matter blanked out) and metadata, or why it cannot be read as one. */
function readCorpusText(bytes: Uint8Array, uri: string): { id: string; symbol?: string; title?: string; date?: string; body: string } | CorpusProblem {
  const text = decodeCorpusText(bytes, uri);
  if (typeof text !== 'string') return text;
  const fileName = basename(URI.parse(uri).path);
  try {
    const { body, fields } = readFrontMatter(text);
    const meta = readMetadata(fields, body, fileName);
    return { id: meta.symbol ?? fileName, symbol: meta.symbol, title: meta.title, date: meta.date, body };
  } catch (error) {
    return { uri, message: `skipped: ${(error as Error).message}`, severity: 'error' };
  }
}

/** A corpus file's bytes as text (UTF-8, or UTF-16 with a byte-order mark; a leading BOM becomes a space), or why they are not. */
function decodeCorpusText(bytes: Uint8Array, uri: string): string | CorpusProblem {
  const problem = (message: string, severity: CorpusProblem['severity'] = 'error'): CorpusProblem => ({ uri, message, severity });
  if (bytes.length > MAX_CORPUS_FILE_BYTES) {
    return problem(`skipped: ${(bytes.length / 1048576).toFixed(1)} MB is more than the ${MAX_CORPUS_FILE_BYTES / 1048576} MB a corpus file may have`);
  }
  const utf16 = utf16Decoder(bytes);
  if (!utf16 && bytes.includes(0)) return problem('skipped: a binary file (it contains NUL bytes), not text');
  let text: string;
  try {
    text = (utf16 ?? utf8).decode(bytes);
  } catch {
    return problem(utf16 ? 'skipped: not valid UTF-16 text, though it starts with a UTF-16 byte-order mark' : 'skipped: not valid UTF-8 text (save it as UTF-8)');
  }
  if (text.includes('\0')) return problem('skipped: a binary file (it contains NUL characters), not text');
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1);
  return text;
}

/**
 * Every corpus file under a folder, recursively, through the one walker (files/walk.ts): links
 * are followed only inside the folder, each folder and file is read once, only regular files are
 * opened, and whatever was not read is reported. A missing folder is no problem: most workspaces
 * have none. With the folder's table of the last session (`known`), a file whose stat is as
 * recorded is not read (fileTable.ts says when); only changed and new files are.
 */
export async function loadCorpusFolder(folder: string, layer: CorpusLayer, options: FolderLoadOptions = {}): Promise<LoadedFolder> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const documents: CorpusDocument[] = [];
  const problems: CorpusProblem[] = [];
  const entries: FileEntry[] = [];
  const walked = await walkFolder(folder, { include: isCorpusFileName });
  for (const { path, reason } of walked.skipped) problems.push({ uri: URI.file(path).toString(), severity: 'warning', message: `skipped: ${reason}` });
  const known = new Map((options.known ?? []).map((entry) => [entry.path, entry]));
  const stats = options.known ? await statAll(walked.files.map((f) => f.realPath), fileSystem) : [];
  let read = 0;
  for (const [k, { path, realPath }] of walked.files.entries()) {
    const uri = URI.file(path).toString();
    const entry = known.get(path);
    const stat = stats[k];
    if (stat && isUnchanged(entry, realPath, stat)) {
      documents.push(documentOnDemand(entry, uri, layer));
      entries.push(entry);
      continue;
    }
    try {
      const readAt = Date.now();
      read++;
      const result = readDocument(await fileSystem.readFile(realPath, MAX_CORPUS_FILE_BYTES), path, realPath, readAt, uri, layer);
      if ('message' in result) problems.push(result);
      else {
        documents.push(result.document);
        entries.push(result.entry);
      }
    } catch (error) {
      if (error instanceof TooLargeError) {
        problems.push({ uri, severity: 'error', message: `skipped: ${(error.size / 1048576).toFixed(1)} MB is more than the ${MAX_CORPUS_FILE_BYTES / 1048576} MB a corpus file may have` });
      } else {
        problems.push({ uri, severity: 'error', message: `could not be read: ${(error as Error).message}` });
      }
    }
  }
  const changed = !options.known || read > 0 || entries.length !== options.known.length;
  return { documents, problems, entries, read, changed };
}

/** Each path's stat (undefined where it cannot be had: the file is then read, and says why). */
async function statAll(paths: readonly string[], fileSystem: CorpusFileSystem): Promise<(FileStat | undefined)[]> {
  const out: (FileStat | undefined)[] = [];
  for (let from = 0; from < paths.length; from += STAT_CONCURRENCY) {
    out.push(...(await Promise.all(paths.slice(from, from + STAT_CONCURRENCY).map((path) => fileSystem.stat(path).catch(() => undefined)))));
  }
  return out;
}

function isCorpusFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return CORPUS_EXTENSIONS.some((ext) => lower.endsWith(ext)) && lower !== 'readme.md';
}
