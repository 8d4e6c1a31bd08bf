import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { URI } from 'vscode-uri';
import { findDraftReferences } from '../analysis';
import { symbolKey, type Corpus } from '../corpus';
import { parseDraft } from '../parse';

const DRAFT_EXTENSIONS = ['.md', '.markdown'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.cache', 'dist', 'out']);
/** Bounds on the background scan, so a huge workspace cannot stall the server. */
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

interface FileCitations {
  readonly mtimeMs: number;
  /** Citations per symbol key. */
  readonly counts: ReadonlyMap<string, number>;
}

/**
 * Citation counts of every draft in the workspace, for the hover's "cited N times in the
 * workspace". Files on disk are read in the background; open drafts report their live
 * analysis instead (set), so unsaved edits count.
 */
export class WorkspaceDrafts {
  private readonly onDisk = new Map<string, FileCitations>();
  private readonly live = new Map<string, ReadonlyMap<string, number>>();
  private scanned = false;

  constructor(
    private readonly folders: readonly string[],
    /** Corpus folders hold sources, not drafts: they are not counted. */
    private readonly excluded: readonly string[],
  ) {}

  get ready(): boolean {
    return this.scanned;
  }

  /** Reads the workspace once; yields between files so requests are answered meanwhile. */
  async scan(corpus: Corpus, isCancelled: () => boolean = () => false): Promise<void> {
    let seen = 0;
    for (const folder of this.folders) {
      for (const path of await listDrafts(folder, this.excluded)) {
        if (isCancelled() || ++seen > MAX_FILES) break;
        await this.refreshFile(path, corpus);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    this.scanned = true;
  }

  async refreshFile(path: string, corpus: Corpus): Promise<void> {
    const uri = URI.file(path).toString();
    try {
      const info = await stat(path);
      if (info.size > MAX_FILE_BYTES) return;
      if (this.onDisk.get(uri)?.mtimeMs === info.mtimeMs) return;
      const text = await readFile(path, 'utf8');
      this.onDisk.set(uri, { mtimeMs: info.mtimeMs, counts: countSymbols(findDraftReferences(parseDraft(text), corpus)) });
    } catch {
      this.onDisk.delete(uri);
    }
  }

  setLive(uri: string, references: readonly { symbol?: string; kind: string }[]): void {
    this.live.set(uri, countSymbols(references));
  }

  closeLive(uri: string): void {
    this.live.delete(uri);
  }

  /** Citations of a symbol across the workspace, open drafts counted from their live text. */
  count(symbol: string): { citations: number; files: number } {
    const key = symbolKey(symbol);
    let citations = 0;
    let files = 0;
    const visit = (counts: ReadonlyMap<string, number>) => {
      const n = counts.get(key) ?? 0;
      citations += n;
      if (n) files++;
    };
    for (const [uri, file] of this.onDisk) if (!this.live.has(uri)) visit(file.counts);
    for (const counts of this.live.values()) visit(counts);
    return { citations, files };
  }
}

export function countSymbols(references: readonly { symbol?: string; kind: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ref of references) {
    if (!ref.symbol || ref.kind === 'internal') continue;
    const key = symbolKey(ref.symbol);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

async function listDrafts(folder: string, excluded: readonly string[]): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(folder, { recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => DRAFT_EXTENSIONS.some((ext) => entry.toLowerCase().endsWith(ext)))
    .filter((entry) => !entry.split(sep).some((part) => SKIPPED_FOLDERS.has(part)))
    .map((entry) => join(folder, entry))
    .filter((path) => !excluded.some((dir) => !relative(dir, path).startsWith('..')))
    .sort();
}
