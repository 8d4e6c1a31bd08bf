import { realpath, stat } from 'node:fs/promises';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { findDraftReferences } from '../analysis';
import { symbolKey, type Corpus } from '../corpus';
import { readRegularFile } from '../files/regularFile';
import { type SkippedEntry, walkFolder, type WalkResult } from '../files/walk';
import { parseDraft } from '../parse';
import { lspRange } from '../text/lspRange';

const DRAFT_EXTENSIONS = ['.md', '.markdown'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.cache', 'dist', 'out']);
/** Bounds on the background scan, so a huge workspace cannot stall the server. */
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

interface CitedRange {
  readonly symbol?: string;
  readonly kind: string;
  readonly range: { readonly start: number; readonly end: number };
}

/** Where a draft cites each document: offset ranges per symbol key, and the text to turn them into positions. */
interface DraftCitations {
  readonly ranges: ReadonlyMap<string, readonly { readonly start: number; readonly end: number }[]>;
  readonly document: Pick<TextDocument, 'positionAt'>;
}

interface FileCitations extends DraftCitations {
  readonly mtimeMs: number;
}

/**
 * The citations of every draft in the workspace, for the hover's "cited N times in the
 * workspace" and for Find All References. Files on disk are read in the background; open drafts
 * report their live analysis instead (setLive), so unsaved edits count.
 */
export class WorkspaceDrafts {
  private readonly onDisk = new Map<string, FileCitations>();
  private readonly live = new Map<string, DraftCitations>();
  private scanned = false;
  /** What the scan did not read, and why (links out of the workspace, cycles, limits). */
  readonly skipped: SkippedEntry[] = [];
  private scanning: Promise<void> | undefined;

  constructor(
    private readonly folders: readonly string[],
    /** Corpus folders hold sources, not drafts: they are not counted. */
    private readonly excluded: readonly string[],
  ) {}

  get ready(): boolean {
    return this.scanned;
  }

  /** Reads the workspace once; yields between files so requests are answered meanwhile. */
  scan(corpus: Corpus, isCancelled: () => boolean = () => false): Promise<void> {
    this.scanning ??= this.scanFolders(corpus, isCancelled);
    return this.scanning;
  }

  /** Resolves when the background scan is over (at once if none was started). */
  get whenScanned(): Promise<void> {
    return this.scanning ?? Promise.resolve();
  }

  private async scanFolders(corpus: Corpus, isCancelled: () => boolean): Promise<void> {
    let seen = 0;
    for (const folder of this.folders) {
      const listed = await listDrafts(folder, this.excluded, MAX_FILES - seen);
      this.skipped.push(...listed.skipped);
      for (const { path, realPath } of listed.files) {
        if (isCancelled()) break;
        seen++;
        await this.refreshFile(path, corpus, realPath);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    this.scanned = true;
  }

  /** Reads one draft (`realPath`: where the walker found it really is; only regular files are opened). */
  async refreshFile(path: string, corpus: Corpus, realPath = path): Promise<void> {
    const uri = URI.file(path).toString();
    try {
      const info = await stat(realPath);
      if (info.size > MAX_FILE_BYTES) return;
      if (this.onDisk.get(uri)?.mtimeMs === info.mtimeMs) return;
      const text = (await readRegularFile(realPath, MAX_FILE_BYTES)).bytes.toString('utf8');
      const document = TextDocument.create(uri, 'markdown', 0, text);
      this.onDisk.set(uri, { mtimeMs: info.mtimeMs, document, ranges: rangesBySymbol(findDraftReferences(parseDraft(text), corpus)) });
    } catch {
      this.onDisk.delete(uri);
    }
  }

  setLive(uri: string, references: readonly CitedRange[], document: Pick<TextDocument, 'positionAt'>): void {
    this.live.set(uri, { ranges: rangesBySymbol(references), document });
  }

  closeLive(uri: string): void {
    this.live.delete(uri);
  }

  /** Citations of a symbol across the workspace, open drafts counted from their live text. */
  count(symbol: string): { citations: number; files: number } {
    let citations = 0;
    let files = 0;
    for (const [, ranges] of this.citationsOf(symbol)) {
      citations += ranges.length;
      files++;
    }
    return { citations, files };
  }

  /** Every citation of a symbol in the workspace's drafts, open ones from their live text; in file order. */
  locations(symbol: string): Location[] {
    const locations: Location[] = [];
    for (const [uri, ranges, document] of this.citationsOf(symbol)) {
      for (const range of ranges) locations.push({ uri, range: lspRange(document, range) });
    }
    return locations;
  }

  private *citationsOf(symbol: string) {
    const key = symbolKey(symbol);
    const entries: [string, DraftCitations][] = [...[...this.onDisk].filter(([uri]) => !this.live.has(uri)), ...this.live];
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [uri, draft] of entries) {
      const ranges = draft.ranges.get(key);
      if (ranges?.length) yield [uri, ranges, draft.document] as const;
    }
  }
}

function rangesBySymbol(references: readonly CitedRange[]): Map<string, { start: number; end: number }[]> {
  const bySymbol = new Map<string, { start: number; end: number }[]>();
  for (const ref of references) {
    if (!ref.symbol || ref.kind === 'internal') continue;
    const key = symbolKey(ref.symbol);
    let ranges = bySymbol.get(key);
    if (!ranges) bySymbol.set(key, (ranges = []));
    ranges.push({ start: ref.range.start, end: ref.range.end });
  }
  return bySymbol;
}

/** The drafts under a workspace folder, through the one walker (files/walk.ts): corpus folders and tool folders left out. */
async function listDrafts(folder: string, excluded: readonly string[], maxFiles: number): Promise<WalkResult> {
  const excludeRealPaths = (await Promise.all(excluded.map((dir) => realpath(dir).catch(() => undefined)))).filter((dir): dir is string => !!dir);
  return walkFolder(folder, {
    include: (name) => DRAFT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)),
    skipFolders: SKIPPED_FOLDERS,
    excludeRealPaths,
    maxFiles,
  });
}
