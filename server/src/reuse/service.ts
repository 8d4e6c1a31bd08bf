// The reuse index for a corpus, and the matches of a draft against it: built once per corpus,
// updated document by document when the corpus changes, kept on disk between sessions. The rule,
// the hover, the matches request and the CLI all read the matches from here.

import { createHash } from 'node:crypto';
import type { DraftAnalysis } from '../analysis';
import { type Corpus, type CorpusDocument, symbolKey } from '../corpus';
import { readMetadata, readFrontMatter } from '../corpus/metadata';
import { PARSER_FINGERPRINT } from '../corpus/modelCache';
import type { ReuseDiskCache } from './diskCache';
import { type ReuseIndex as ReuseIndexType, ReuseIndex, type ReuseSourceDocument } from './index';
import { withPassages } from './passages';
import { type ReuseMatch, scanDraft } from './scan';
import { BoundedScanCache } from './scanCache';
import type { ReuseLookup } from '../store/corpusStore';
import { EmbeddedCorpusStore } from '../store/embedded/lmdbStore';
import { StoreRecordError } from '../store/embedded/records';
import { AUTO_STORE_CHARS, foldersOfDocuments, openStore, storeFileFor, syncSources, type StoreOptions } from '../store/reuseStore';
import { entriesOfRecord, fileTableRecord, type FileEntry, type FileTables } from '../corpus/fileTable';
import { existsSync } from 'node:fs';

/** The thresholds of a match; both are settings. */
export interface ReuseSettings {
  /** Matched words a passage needs (25). */
  readonly minWords: number;
  /** Share of the passage's words that must match (0.8). */
  readonly minSimilarity: number;
}

export const DEFAULT_REUSE_SETTINGS: ReuseSettings = { minWords: 25, minSimilarity: 0.8 };

/** Bumped when what the index holds changes shape (fingerprints, units, the file's layout). */
const INDEX_VERSION = 2;

interface Indexed {
  /** The in-memory index, or the embedded store's lookup (then `store` is set). */
  readonly index: ReuseIndexType | ReuseLookup;
  readonly store?: EmbeddedCorpusStore;
  /** Per indexed document (by URI): the hash of its text. */
  readonly hashes: Map<string, string>;
}

/**
 * One per process (the server's, the CLI's): the index of the latest corpus, updated in place
 * when a new corpus differs from it by a few documents.
 */
export class ReuseService {
  private latest: Indexed | undefined;
  /** A store opened for the corpus's tables of files before its index was asked for (adopted by indexInStore). */
  private opened: EmbeddedCorpusStore | undefined;
  /** Tables of files to write into a store not created yet (`auto`: only once the corpus turns out large): by store file, then folder. */
  private pendingTables = new Map<string, Map<string, readonly FileEntry[]>>();
  private byCorpus = new WeakMap<Corpus, Indexed>();
  private matchesByAnalysis = new WeakMap<DraftAnalysis, { key: string; matches: ReuseMatch[] }>();
  private scanCache = new BoundedScanCache();

  constructor(
    private readonly diskCache?: ReuseDiskCache,
    /** Problems (a cache not usable). */
    private readonly log: (message: string) => void = () => {},
    /** What was done and how long it took (the server's output channel; the CLI keeps quiet). */
    private readonly info: (message: string) => void = log,
    /** Where the embedded store lives and when it is used; none: the index is always in memory. */
    private storeOptions?: StoreOptions,
    /** The store asked for cannot be had (its engine does not load): said once per setting, the server also shows it. */
    private readonly unavailable: (message: string) => void = log,
  ) {}

  /**
   * Where the store lives and when it is used, from now on (compactDrafter.corpus.store and
   * storePath changed): the store in use is closed and every index forgotten, so the next indexFor
   * builds in the new place. Whether anything changed.
   */
  configureStore(options: StoreOptions | undefined): boolean {
    if (JSON.stringify(options) === JSON.stringify(this.storeOptions)) return false;
    this.latest?.store?.closeSync();
    this.latest = undefined;
    this.opened?.closeSync();
    this.opened = undefined;
    this.pendingTables.clear();
    this.byCorpus = new WeakMap();
    this.matchesByAnalysis = new WeakMap();
    this.scanCache = new BoundedScanCache();
    this.storeFailed = false;
    this.storeOptions = options;
    this.info(`corpus store: ${options ? `${options.mode} (${options.dir})` : 'memory'} from now on; the reuse index is built again`);
    return true;
  }

  /** The store in use, once the corpus is indexed there (for status and the bench). */
  get store(): EmbeddedCorpusStore | undefined {
    return this.latest?.store;
  }

  /**
   * Whether this corpus is (to be) indexed in the embedded store rather than in memory: then its
   * texts need not all be parsed first (the store parses only those it does not hold yet).
   */
  usesStore(corpus: Corpus): boolean {
    return this.wantsStore(servedDocuments(corpus));
  }

  /** Whether these documents go to the embedded store: by their size, known without parsing them. */
  private wantsStore(documents: readonly CorpusDocument[]): boolean {
    const mode = this.storeOptions?.mode ?? 'memory';
    if (mode === 'memory' || this.storeFailed) return false;
    if (mode === 'embedded') return true;
    let chars = 0;
    for (const document of documents) {
      chars += document.textLength;
      if (chars >= AUTO_STORE_CHARS) return true;
    }
    return false;
  }

  private storeFailed = false;

  /**
   * Where the tables of files of these corpus folders are kept between sessions (corpus/fileTable.ts):
   * in their store, read when the store exists (a corrupt one is deleted and rebuilt, as for the
   * index), written when it exists or is wanted (`embedded`), else kept until indexInStore creates
   * it. None when the index is kept in memory: every file is read, as before.
   */
  fileTables(folders: readonly string[]): FileTables | undefined {
    if (!this.storeOptions || this.storeOptions.mode === 'memory' || this.storeFailed) return undefined;
    const file = storeFileFor(this.storeOptions.dir, folders);
    const create = this.storeOptions.mode === 'embedded';
    // A store that cannot be had or read costs the corpus its table (every file is read), never its load.
    const attempt = <T>(what: string, work: () => T): T | undefined => {
      try {
        return work();
      } catch (error) {
        this.log(`corpus store: the table of files could not be ${what} (${(error as Error).message}); the corpus files are read`);
        return undefined;
      }
    };
    return {
      read: (folder) =>
        attempt('read', () => {
          const record = this.storeAt(file, false)?.fileTableSync(folder);
          return record === undefined ? undefined : entriesOfRecord(record);
        }),
      write: (folder, entries) =>
        attempt('written', () => {
          const store = this.storeAt(file, create);
          if (store) store.putFileTableSync(folder, fileTableRecord(entries));
          else this.pendingTables.set(file, new Map([...(this.pendingTables.get(file) ?? []), [folder, entries]]));
        }),
    };
  }

  /** The open store of this file, or opened now if it exists (or `create`). */
  private storeAt(file: string, create: boolean): EmbeddedCorpusStore | undefined {
    for (const store of [this.latest?.store, this.opened]) if (store?.path === file) return store;
    if (this.storeFailed || (!create && !existsSync(file))) return undefined;
    this.opened?.closeSync();
    this.opened = openStore(file, this.log, this.unavailable);
    if (!this.opened) this.storeFailed = true;
    return this.opened;
  }

  /** The corpus in the embedded store: opened (rebuilt when corrupt) and brought up to date. */
  private indexInStore(documents: readonly CorpusDocument[], hashes: Map<string, string>, folders: readonly string[]): Indexed | undefined {
    const file = storeFileFor(this.storeOptions!.dir, folders);
    const previous = this.latest?.store;
    let store = previous?.path === file ? previous : undefined;
    if (!store) {
      previous?.closeSync();
      if (this.opened?.path === file) store = this.opened;
      else {
        this.opened?.closeSync();
        store = openStore(file, this.log, this.unavailable);
      }
      this.opened = undefined;
    }
    if (!store) {
      this.storeFailed = true;
      return undefined;
    }
    for (const [folder, entries] of this.pendingTables.get(file) ?? []) store.putFileTableSync(folder, fileTableRecord(entries));
    this.pendingTables.delete(file);
    const started = performance.now();
    const status = store.statusSync();
    if (status.state === 'building') this.info(`corpus store: resuming the build left at ${status.documents} texts`);
    const result = store.syncSync(syncSources(documents, hashes));
    this.info(`corpus store: ${store.statusSync().units} paragraphs of ${documents.length} texts in ${file} (${result.added} put, ${result.removed} removed, ${result.unchanged} unchanged) in ${Math.round(performance.now() - started)} ms`);
    return { index: store.reuse, store, hashes };
  }

  /** A store that failed a check while serving: closed, deleted, rebuilt at the next indexFor. */
  private discardStore(corpus: Corpus, error: Error): void {
    const store = this.latest?.store;
    this.log(`corpus store: ${error.message}; deleting it, it is rebuilt`);
    if (store) {
      store.closeSync();
      EmbeddedCorpusStore.remove(store.path);
      if (this.opened?.path === store.path) this.opened = undefined;
    }
    this.latest = undefined;
    this.byCorpus.delete(corpus);
  }

  /** Whether the index of this corpus is ready (asking for matches would not build it now). */
  isReady(corpus: Corpus): boolean {
    return this.byCorpus.has(corpus);
  }

  /** The index of this corpus: from memory, updated from the previous corpus's, from disk, or built. */
  indexFor(corpus: Corpus): ReuseLookup {
    const known = this.byCorpus.get(corpus);
    if (known) return known.index;
    const documents = servedDocuments(corpus);
    const hashes = new Map(documents.map((document) => [document.uri, document.contentHash]));
    let indexed: Indexed | undefined;
    if (this.storeOptions && this.wantsStore(documents)) indexed = this.indexInStore(documents, hashes, corpus.folders ?? foldersOfDocuments(documents));
    else if (this.latest?.store) {
      // The corpus no longer wants the store (it shrank, or the store failed): the index goes back to memory.
      this.latest.store.closeSync();
      this.latest = undefined;
    }
    if (indexed) {
      // Indexed in the store.
    } else if (this.latest) {
      indexed = this.update(this.latest, documents, hashes);
    } else {
      const corpusHash = hashCorpus(hashes);
      const byUri = new Map(documents.map((document) => [document.uri, document]));
      const snapshot = this.diskCache?.read(corpusHash);
      let index: ReuseIndexType | undefined;
      const started = performance.now();
      if (snapshot) {
        try {
          index = ReuseIndex.fromSnapshot(snapshot, (uri) => {
            const document = byUri.get(uri);
            return document && sourceOf(document);
          });
          this.info(`reuse index: ${index.unitCount} paragraphs of ${documents.length} texts read from the cache in ${Math.round(performance.now() - started)} ms`);
        } catch (error) {
          this.log(`reuse index cache: not usable (${(error as Error).message}); rebuilding the index`);
        }
      }
      if (!index) {
        index = ReuseIndex.build({ documents: documents.map(sourceOf) });
        this.info(`reuse index: ${index.unitCount} paragraphs of ${documents.length} texts indexed in ${Math.round(performance.now() - started)} ms`);
        this.diskCache?.write(corpusHash, index.toSnapshot());
      }
      indexed = { index, hashes };
    }
    this.latest = indexed;
    this.byCorpus.set(corpus, indexed);
    return indexed.index;
  }

  /** A new corpus from the previous one's index: documents gone or changed out, new or changed in. */
  private update(previous: Indexed, documents: readonly CorpusDocument[], hashes: Map<string, string>): Indexed {
    const index = previous.index as ReuseIndexType;
    for (const [uri, hash] of previous.hashes) if (hashes.get(uri) !== hash) index.removeDocument(uri);
    let changed = 0;
    for (const document of documents) {
      if (previous.hashes.get(document.uri) === hashes.get(document.uri)) continue;
      index.addDocument(sourceOf(document));
      changed++;
    }
    const removed = [...previous.hashes.keys()].filter((uri) => !hashes.has(uri)).length;
    this.info(`reuse index: updated (${changed} texts added or changed, ${removed} removed)`);
    return { index, hashes };
  }

  /** A draft closed: the scans of its paragraphs become history in the scan cache (scanCache.ts). */
  closeDraft(draftUri: string): void {
    this.scanCache.forgetDraft(draftUri);
  }

  /** The reused passages of a draft, computed once per analysis (and settings). */
  matches(analysis: DraftAnalysis, corpus: Corpus, settings: ReuseSettings = DEFAULT_REUSE_SETTINGS, draftUri?: string): ReuseMatch[] {
    const index = this.indexFor(corpus);
    const excludeSymbol = (draftUri ? corpus.documentByUri(draftUri)?.symbol : undefined) ?? draftSymbol(analysis.model.text, draftUri);
    const key = `${index.generation}\u0000${settings.minWords}\u0000${settings.minSimilarity}\u0000${excludeSymbol ?? ''}`;
    const cached = this.matchesByAnalysis.get(analysis);
    if (cached?.key === key) return cached.matches;
    let scanned: ReuseMatch[];
    try {
      scanned = scanDraft(analysis.model, index, { minWords: settings.minWords, minSimilarity: settings.minSimilarity, excludeSymbol, pruneCache: false, draft: draftUri }, this.scanCache);
    } catch (error) {
      if (!(error instanceof StoreRecordError)) throw error;
      this.discardStore(corpus, error);
      return [];
    }
    const kept = scanned.filter((match) => !excludeSymbol || !match.source.symbol || symbolKey(match.source.symbol) !== symbolKey(excludeSymbol));
    // Each match knows the passage of consecutive paragraphs it is part of: the hover names the passage.
    const matches = withPassages(analysis.model.text, kept);
    this.matchesByAnalysis.set(analysis, { key, matches });
    return matches;
  }
}

/** The texts the corpus serves (servedCopy.ts decides among the layers: the user's, the team's, the bundled ones). */
function servedDocuments(corpus: Corpus): CorpusDocument[] {
  return corpus.documents.filter((document) => corpus.serves(document));
}

/** Documents are told apart by URI in the index: two folders may hold texts without symbols of the same name. */
function sourceOf(document: CorpusDocument): ReuseSourceDocument {
  return {
    id: document.uri,
    symbol: document.symbol,
    uri: document.uri,
    get model() {
      return document.model;
    },
  };
}

function hashCorpus(hashes: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256').update(`${INDEX_VERSION}\u0000${PARSER_FINGERPRINT}\u0000`);
  for (const uri of [...hashes.keys()].sort()) hash.update(`${uri}\u0000${hashes.get(uri)}\u0000`);
  return hash.digest('hex');
}

/** A draft that declares its own symbol (front matter, cover page, file name) is not its own source. */
export function draftSymbol(text: string, uri: string | undefined): string | undefined {
  try {
    const { body, fields } = readFrontMatter(text);
    const fileName = uri ? decodeURIComponent(uri.split('/').pop() ?? '') : '';
    return readMetadata(fields, body, fileName).symbol;
  } catch {
    return undefined;
  }
}
