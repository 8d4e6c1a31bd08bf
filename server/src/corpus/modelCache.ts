// Parsed corpus texts on disk, keyed by content hash: a reopened workspace does not re-parse
// (remark reads ~1 MB/s) the texts it parsed last time. A cache file is only a hint: one that is
// truncated, corrupt, from another parser or for other text is deleted and the text parsed again.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { describeCacheFailure } from '../files/cacheFailure';
import { NotRegularFileError, readRegularFileSync } from '../files/regularFile';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DraftModel, TextSpan } from '../parse/model';
import { makeFolderSync } from '../files/makeFolder';

/**
 * 2: the file is ASCII (JSON with every character above U+007F written as \uXXXX), so a read
 * decodes its bytes as Latin-1: decoding the 40 cited texts' 4.6 MB of models as UTF-8 took 24 ms
 * of a draft's first diagnostics (bench:server-scale at 100,000 paragraphs), as Latin-1 3 ms. A file
 * of format 1 is refused by its header, as any other format is.
 */
const FORMAT = 2;
/**
 * Bounds on the cache: more texts than any corpus a drafter keeps, and a size in bytes. When either
 * is passed, files not used for STALE_MS go, least recently used first (a read touches its file),
 * down to 90 % of the bound. If that is not enough, the corpus in use is bigger than the cache:
 * what is cached stays and the texts beyond it are parsed without being cached. Evicting the
 * oldest instead made a corpus just above the cap miss on every text, every session (the warm-up
 * reads texts in the same order, so each eviction removed the next text to be read: a warm
 * second session 6× slower than a cold one, 5,000 files rewritten).
 */
export const MAX_CACHE_FILES = 5_000;
export const MAX_CACHE_BYTES = 512 * 1024 * 1024;
/** The folder is listed for pruning at the first write and then every this many writes, not at each. */
const PRUNE_EVERY = 64;
/** Files unused this long are the ones evicted. */
const STALE_MS = 30 * 24 * 3600 * 1000;

/** A new random id at every build, set by scripts/build.mjs (esbuild's define); undefined when run from the sources. */
declare const COMPACT_DRAFTER_BUILD_ID: string | undefined;

/**
 * The code that parsed a cached model. Any rebuild of the bundle changes it, so a cache written by
 * an older parser is never read as if it were current. A bundle has its build's id: hashing its own
 * 2 MB at every start took 5 ms of it. From the sources (tsx), the hash of this file.
 */
export const PARSER_FINGERPRINT =
  typeof COMPACT_DRAFTER_BUILD_ID === 'string'
    ? COMPACT_DRAFTER_BUILD_ID
    : (() => {
        try {
          return createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 16);
        } catch {
          return 'unknown';
        }
      })();

/** $XDG_CACHE_HOME/compact-drafter (~/.cache/compact-drafter): for the CLI and editors that give no storage folder. */
export function defaultCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'compact-drafter');
}

interface Header {
  readonly format: number;
  readonly key: string;
  readonly textLength: number;
  readonly bodyLength: number;
  readonly checksum: string;
}

export class ModelDiskCache {
  private writes = 0;
  private failed = false;
  /** Over its bounds with nothing stale to evict: new texts are not cached this session. */
  private full = false;

  constructor(
    private readonly dir: string,
    private readonly log: (message: string) => void = () => {},
    private readonly fingerprint: string = PARSER_FINGERPRINT,
    private readonly limits: { readonly files: number; readonly bytes: number; readonly pruneEvery?: number } = { files: MAX_CACHE_FILES, bytes: MAX_CACHE_BYTES },
  ) {}

  /** The cached model of this text, or undefined (nothing cached, or a cache file not to be trusted, now deleted). */
  read(text: string): DraftModel | undefined {
    const key = this.keyOf(text);
    const path = this.pathOf(key);
    let raw: string;
    try {
      // Only a regular file: a FIFO planted as a cache entry would block the server forever. ASCII
      // as written (FORMAT); a byte above 0x7F (damage) changes the body, which the checksum sees.
      raw = readRegularFileSync(path).bytes.toString('latin1');
    } catch (error) {
      if (error instanceof NotRegularFileError) {
        this.log(`model cache: ${error.message}; parsing the text again`);
        this.remove(path);
      }
      return undefined;
    }
    try {
      const newline = raw.indexOf('\n');
      if (newline < 0) throw new Error('no header');
      const header = JSON.parse(raw.slice(0, newline)) as Header;
      const body = raw.slice(newline + 1);
      if (header.format !== FORMAT) throw new Error(`format ${header.format}, expected ${FORMAT}`);
      if (header.key !== key || header.textLength !== text.length) throw new Error('written for another text');
      if (header.bodyLength !== body.length) throw new Error(`truncated: ${body.length} of ${header.bodyLength} characters`);
      if (header.checksum !== checksum(body)) throw new Error('checksum mismatch');
      const model = decodeModel(text, JSON.parse(body));
      this.touch(path);
      return model;
    } catch (error) {
      this.log(`model cache: ${path} is not usable (${(error as Error).message}); parsing the text again`);
      this.remove(path);
      return undefined;
    }
  }

  /** Stores a model; a cache that cannot be written is logged and otherwise ignored. */
  write(text: string, model: DraftModel): void {
    if (this.full) return;
    const key = this.keyOf(text);
    const body = asciiJson(encodeModel(model));
    const header: Header = { format: FORMAT, key, textLength: text.length, bodyLength: body.length, checksum: checksum(body) };
    const path = this.pathOf(key);
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      makeFolderSync(this.dir);
      // Written beside and renamed over: a crash mid-write leaves a stray .tmp, never a half file.
      writeFileSync(temporary, `${JSON.stringify(header)}\n${body}`);
      renameSync(temporary, path);
      if (this.writes++ % (this.limits.pruneEvery ?? PRUNE_EVERY) === 0) this.prune(path);
    } catch (error) {
      // Said once: a folder that cannot be written fails every write the same way.
      if (!this.failed) this.log(`model cache: could not write ${path}: ${describeCacheFailure(this.dir, error)}`);
      this.failed = true;
      this.remove(temporary);
    }
  }

  /** Marks a file as used now: eviction goes by last use, not by when the file was written. */
  private touch(path: string): void {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // a read-only cache is still read
    }
  }

  private keyOf(text: string): string {
    return createHash('sha256').update(this.fingerprint).update('\0').update(text).digest('hex');
  }

  private pathOf(key: string): string {
    return join(this.dir, `${key}.model.json`);
  }

  private remove(path: string): void {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }

  /** Over either bound: stale files go, least recently used first, down to 90 % of both; else `justWritten` goes and the cache is full. */
  private prune(justWritten: string): void {
    const files = readdirSync(this.dir)
      .filter((name) => name.endsWith('.model.json'))
      .flatMap((name) => {
        try {
          const info = statSync(join(this.dir, name));
          return info.isFile() ? [{ name, used: info.mtimeMs, bytes: info.size }] : [];
        } catch {
          return [];
        }
      });
    let bytes = files.reduce((sum, file) => sum + file.bytes, 0);
    if (files.length <= this.limits.files && bytes <= this.limits.bytes) return;
    let count = files.length;
    const staleBefore = Date.now() - STALE_MS;
    files.sort((a, b) => a.used - b.used);
    for (const file of files) {
      if ((count <= this.limits.files * 0.9 && bytes <= this.limits.bytes * 0.9) || file.used > staleBefore) break;
      this.remove(join(this.dir, file.name));
      count--;
      bytes -= file.bytes;
    }
    if (count > this.limits.files || bytes > this.limits.bytes) {
      this.remove(justWritten);
      this.full = true;
      this.log(`model cache: ${this.dir} is full (${count} files, ${Math.round(bytes / 1048576)} MB) of texts in use; further texts are parsed without being cached`);
    }
  }
}

/** JSON.stringify with every character above U+007F escaped (each UTF-16 unit: a surrogate pair as two escapes). */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function checksum(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

// A span maps each character of its plain text to a source offset: mostly runs of consecutive
// offsets, stored as [start, length] pairs (a 100 KB text is then a few KB of offsets, not 600).

type EncodedSpan = { text: string; range: TextSpan['range']; runs: number[] };

function encodeSpan(span: TextSpan): EncodedSpan {
  const runs: number[] = [];
  const offsets = span.sourceOffsets;
  for (let i = 0; i < offsets.length; ) {
    let j = i + 1;
    while (j < offsets.length && offsets[j] === offsets[j - 1]! + 1) j++;
    runs.push(offsets[i]!, j - i);
    i = j;
  }
  return { text: span.text, range: span.range, runs };
}

function decodeSpan(encoded: EncodedSpan, textLength: number): TextSpan {
  if (typeof encoded?.text !== 'string' || !Array.isArray(encoded.runs)) throw new Error('malformed span');
  const sourceOffsets: number[] = [];
  for (let i = 0; i < encoded.runs.length; i += 2) {
    const start = encoded.runs[i]!;
    const length = encoded.runs[i + 1]!;
    if (!Number.isInteger(start) || !Number.isInteger(length) || start < 0 || length < 0 || start + length > textLength + 1) {
      throw new Error('span offsets outside the text');
    }
    for (let k = 0; k < length; k++) sourceOffsets.push(start + k);
  }
  if (sourceOffsets.length !== encoded.text.length + 1) throw new Error('span offsets do not match its text');
  checkRange(encoded.range, textLength);
  return { text: encoded.text, range: encoded.range, sourceOffsets };
}

function checkRange(range: { start: number; end: number } | undefined, textLength: number): void {
  if (!range || !Number.isInteger(range.start) || !Number.isInteger(range.end) || range.start < 0 || range.end < range.start || range.end > textLength) {
    throw new Error('a range outside the text');
  }
}

function encodeModel(model: DraftModel) {
  return {
    sections: model.sections,
    paragraphs: model.paragraphs.map((p) => ({ ...p, spans: p.spans.map(encodeSpan) })),
    footnotes: model.footnotes,
    footnoteMarkers: model.footnoteMarkers,
    spans: model.spans.map(encodeSpan),
  };
}

type Encoded = ReturnType<typeof encodeModel>;

function decodeModel(text: string, encoded: Encoded): DraftModel {
  for (const field of ['sections', 'paragraphs', 'footnotes', 'footnoteMarkers', 'spans'] as const) {
    if (!Array.isArray(encoded?.[field])) throw new Error(`no ${field}`);
  }
  for (const item of [...encoded.paragraphs, ...encoded.footnotes, ...encoded.footnoteMarkers]) checkRange(item.range, text.length);
  const checkSections = (sections: DraftModel['sections']) => {
    for (const section of sections) {
      checkRange(section.range, text.length);
      checkSections(section.children ?? []);
    }
  };
  checkSections(encoded.sections);
  return {
    text,
    sections: encoded.sections,
    paragraphs: encoded.paragraphs.map((p) => ({ ...p, spans: (p.spans as unknown as EncodedSpan[]).map((s) => decodeSpan(s, text.length)) })),
    footnotes: encoded.footnotes,
    footnoteMarkers: encoded.footnoteMarkers,
    spans: (encoded.spans as unknown as EncodedSpan[]).map((s) => decodeSpan(s, text.length)),
  };
}
