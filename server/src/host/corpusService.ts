// The corpus service: loads the three layers (bundled registry and texts, the user's registry and
// corpus folders) for the configured folders, again on every change (one reload per burst of file
// events), watches for folders that do not exist yet, parses the texts in the drafter's pauses
// (warm-up) and then builds the reuse index (in the embedded store or memory, as the settings say
// at each load). Listeners hear when a corpus is loaded and when its
// reuse index is ready: the server checks its drafts again then.
import { existsSync } from 'node:fs';
import { loadCorpus, warmCorpus, type Corpus, type ModelDiskCache } from '../corpus';
import type { ReuseService } from '../reuse/service';
import { storeOptionsFor } from '../store/reuseStore';
import type { TeamCorpusLayer } from '../store/postgres/teamLayer';
import type { ConfigurationStore } from './configuration';

/** Corpus texts are parsed in the background this long after the corpus loads. */
const WARM_UP_DELAY_MS = 1000;
/** Corpus file events within this pause are one reload; a saved corpus text reaches the hover well within a second. */
const CORPUS_RELOAD_DELAY_MS = 100;
const MISSING_FOLDER_CHECK_MS = 2000;

export interface CorpusServiceOptions {
  readonly configuration: ConfigurationStore;
  readonly reuse: ReuseService;
  /** compactDrafter.corpus.server: the team corpus on PostgreSQL, a layer over the local corpus. */
  readonly team: TeamCorpusLayer;
  readonly modelCache?: ModelDiskCache;
  /** The server's cache folder: the embedded store's default place (compactDrafter.corpus.storePath empty). */
  readonly cacheDir?: string;
  readonly log: (message: string) => void;
  readonly warn: (message: string) => void;
  /** Work not awaited by anyone: its failure is logged. */
  readonly background: (what: string, work: Promise<unknown>) => void;
  /** Resolves in the drafter's next pause: the warm-up works only then. */
  readonly whenIdle: () => Promise<void>;
}

export interface CorpusListeners {
  /** A reload starts: what was computed against the old corpus is stale. */
  readonly reloading?: () => void;
  /** The folders a reload reads (for file watchers). */
  readonly folders?: (corpusFolders: string[]) => void;
  readonly loaded?: (corpus: Corpus, corpusFolders: string[]) => void;
  /** Every text is parsed and the reuse index built. */
  readonly indexed?: (corpus: Corpus) => void;
}

export class CorpusService {
  private corpus: Corpus | undefined;
  private loading: Promise<Corpus> | undefined;
  private generation = 0;
  /** Corpus folders already reported missing: said once, not at every reload. */
  private readonly reportedMissing = new Set<string>();
  private missingFolderCheck: NodeJS.Timeout | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  private listeners: CorpusListeners = {};

  constructor(private readonly options: CorpusServiceOptions) {}

  listen(listeners: CorpusListeners): void {
    this.listeners = listeners;
  }

  /** The corpus once loaded: the first call starts the load. */
  async current(): Promise<Corpus> {
    return this.corpus ?? (await (this.loading ?? this.reload()));
  }

  /** A generation for a corpus built outside a reload (the team layer adding texts): analyses can tell it is new. */
  nextGeneration(): number {
    return ++this.generation;
  }

  /** Serves `next` instead of `current`, unless a reload replaced `current` meanwhile; whether it did. */
  replace(current: Corpus, next: Corpus): boolean {
    if (this.corpus !== current) return false;
    this.corpus = next;
    return true;
  }

  /** A save writes several events (and editors save several files at once): one reload for the burst. */
  reloadSoon(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.options.background('corpus load', this.reload()), CORPUS_RELOAD_DELAY_MS);
  }

  reload(): Promise<Corpus> {
    const { configuration, log, warn, background, whenIdle, reuse, modelCache, team } = this.options;
    this.listeners.reloading?.();
    const folders = configuration.corpusFolders();
    const missing = folders.filter((folder) => !existsSync(folder));
    for (const folder of missing) {
      if (this.reportedMissing.has(folder)) continue;
      this.reportedMissing.add(folder);
      warn(`corpus: the folder ${folder} (compactDrafter.corpus.paths) does not exist; its texts are not read until it is created.`);
    }
    // A watcher set up before its folder exists can miss the first file written into a new folder
    // (seen in VS Code): a missing folder is looked for every 2 s, and read as soon as it is there.
    clearInterval(this.missingFolderCheck);
    this.missingFolderCheck = missing.length ? setInterval(() => missing.some((folder) => existsSync(folder)) && this.reloadSoon(), MISSING_FOLDER_CHECK_MS) : undefined;
    this.missingFolderCheck?.unref();
    this.listeners.folders?.(folders);
    // The corpus settings apply at every reload, a change of them included: no restart.
    team.configure(configuration.settings.corpus.server, configuration.trusted);
    reuse.configureStore(storeOptionsFor(configuration.settings.corpus.store, configuration.settings.corpus.storePath, this.options.cacheDir));
    const loading: Promise<Corpus> = loadCorpus({ folders, registryFolders: configuration.registryFolders(), generation: ++this.generation, modelCache, fileTables: reuse.fileTables(folders) })
      .then((local) => team.layer(local))
      .then((loaded) => {
      if (loading !== this.loading) return this.corpus ?? loaded;
      this.corpus = loaded;
      log(`corpus: ${loaded.registry.size} registry entries, ${loaded.documents.length} texts (${folders.length ? folders.join(', ') : 'bundled only'})`);
      for (const problem of loaded.problems) warn(`corpus: ${problem.uri}: ${problem.message}`);
      if (!configuration.trusted) log('Restricted Mode: the workspace corpus folders are not read; only the bundled corpus is used.');
      this.listeners.loaded?.(loaded, folders);
      // Texts are parsed when first needed; parsing them now, between requests, keeps the first hover fast.
      // After a pause, so the drafts opened with the editor get their diagnostics first.
      setTimeout(
        () =>
          background(
            'corpus warm-up',
            // A corpus indexed in the embedded store is not parsed whole: the store parses the texts it
            // does not hold yet, and a hover the few it reads (corpus/documentMemory.ts keeps them).
            (reuse.usesStore(loaded) ? Promise.resolve() : warmCorpus(loaded, () => loading !== this.loading, whenIdle)).then(async () => {
              await whenIdle();
              // The reuse index needs every text parsed: built here, in a pause, so no request waits for it.
              if (loading !== this.loading) return;
              reuse.indexFor(loaded);
              this.listeners.indexed?.(loaded);
            }),
          ),
        WARM_UP_DELAY_MS,
      );
      return loaded;
    });
    this.loading = loading;
    return loading;
  }
}
