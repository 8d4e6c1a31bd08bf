// The reuse service's side of the embedded store: which file serves a corpus, opening it (a
// corrupt one deleted and rebuilt, an engine that cannot load reported once and the in-memory
// index used instead), and bringing it up to the corpus's served documents.
import { createHash } from 'node:crypto';
import { makeFolderSync } from '../files/makeFolder';
import { dirname, join } from 'node:path';
import { URI } from 'vscode-uri';
import type { CorpusDocument } from '../corpus';
import { unitsOf } from '../reuse/index';
import { StoreUnavailableError } from './corpusStore';
import { EmbeddedCorpusStore, StoreCorruptError } from './embedded/lmdbStore';
import type { SyncSource } from './sync';

/** `compactDrafter.corpus.store`: auto uses the store for corpora of at least AUTO_STORE_CHARS characters. */
export type StoreMode = 'auto' | 'embedded' | 'memory';

/**
 * Below this much text (about 100,000 paragraphs: the generated corpora average 500 characters a
 * paragraph) the in-memory index is small (~40 MB) and what was always used. Counted in characters,
 * known when a text is loaded, rather than paragraphs, which would take parsing every text first.
 */
export const AUTO_STORE_CHARS = 50_000_000;

export interface StoreOptions {
  readonly mode: StoreMode;
  /** The folder of the stores (one file per corpus: the folders its texts are in). */
  readonly dir: string;
}

/**
 * The store options of a server or CLI: the mode as set, its files in `storePath` (when set) or
 * under the cache folder; none (always in memory) when there is neither.
 */
export function storeOptionsFor(mode: StoreMode, storePath: string | undefined, cacheDir: string | undefined): StoreOptions | undefined {
  const dir = storePath || (cacheDir ? join(cacheDir, 'store') : undefined);
  return dir && mode !== 'memory' ? { mode, dir } : undefined;
}

/**
 * One store per set of corpus folders: two workspaces open at once do not rebuild each other's.
 * Known before any file is read (the corpus reads its table of files from it: corpus/fileTable.ts).
 * The key is the folders' URIs, which for a folder without subfolders is what the key was when
 * it was taken from the texts' folders: a store built before is found again.
 */
export function storeFileFor(dir: string, folders: readonly string[]): string {
  const key = createHash('sha256').update([...new Set(folders.map((folder) => URI.file(folder).toString()))].sort().join('\n')).digest('hex').slice(0, 16);
  return join(dir, `corpus-${key}.lmdb`);
}

/** The folders of a corpus's texts, for a corpus that does not say which folders it was loaded from. */
export function foldersOfDocuments(documents: readonly CorpusDocument[]): string[] {
  return [...new Set(documents.filter((d) => d.layer === 'workspace' && d.uri.startsWith('file:')).map((d) => dirname(URI.parse(d.uri).fsPath)))];
}

/**
 * Opens the store; a corrupt one is deleted and created anew. Undefined when the engine cannot
 * load, said through `unavailable` (the server also shows it: the user asked for a store and has none).
 */
export function openStore(file: string, log: (message: string) => void, unavailable: (message: string) => void = log): EmbeddedCorpusStore | undefined {
  makeFolderSync(dirname(file));
  try {
    return EmbeddedCorpusStore.open(file);
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      unavailable(`corpus store: ${error.message.split('\n')[0]}; the reuse index is kept in memory`);
      return undefined;
    }
    if (!(error instanceof StoreCorruptError)) throw error;
    log(`corpus store: ${error.message}; deleted, rebuilding it`);
    EmbeddedCorpusStore.remove(file);
    return EmbeddedCorpusStore.open(file);
  }
}

export function syncSources(documents: readonly CorpusDocument[], hashes: ReadonlyMap<string, string>): SyncSource[] {
  return documents.map((document) => ({
    id: document.uri,
    contentHash: hashes.get(document.uri)!,
    input: () => ({
      id: document.uri,
      symbol: document.symbol,
      uri: document.uri,
      title: document.title,
      date: document.date,
      text: document.text,
      units: unitsOf({ id: document.uri, symbol: document.symbol, uri: document.uri, model: document.model }),
      contentHash: hashes.get(document.uri)!,
    }),
  }));
}
