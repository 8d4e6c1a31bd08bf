// The language server's side of `compactDrafter.corpus.server`: the team corpus on PostgreSQL as a
// layer over the local corpus (teamCorpus.ts). The team's registry is read once per corpus load;
// the texts a draft cites are fetched after its analysis, and when new ones came the server swaps
// in the richer corpus and checks the drafts again, so no request ever waits for the network. Not
// used in Restricted Mode (the setting is a restricted one, and credentials are never read from
// workspace settings at all: connection.ts). A server that is down or slow is said once in the
// output channel and the local layers answer (pgStore.ts).
//
// The drafts' reused passages are also asked of the whole team index (teamReuse.ts), in the
// background, one request at a time. What was read is kept for the session; the store's generation
// (bumped by every push) is read again at most every PUSH_CHECK_MS while drafts are edited, and a
// change forgets it all and reloads the corpus: a push reaches the drafters without a restart.
import type { DraftAnalysis } from '../../analysis';
import type { Corpus, RegistryEntry } from '../../corpus';
import { StoreUnavailableError } from '../corpusStore';
import { corpusServerConnection, CorpusServerConfigError, INTERACTIVE_TIMEOUTS } from './connection';
import { PgCorpusStore } from './pgStore';
import { citedSymbolsOf, TeamTexts, withTeamRegistry } from './teamCorpus';
import { TeamReuse, type TeamScan } from './teamReuse';
import type { ReuseMatch } from '../../reuse/scan';

/** How often, at most, the store is asked whether a push changed it (while drafts are being edited). */
export const PUSH_CHECK_MS = 10_000;

export interface TeamLayerListeners {
  /** The team's reused passages of an open draft came or changed: check it again. */
  readonly reuseChanged?: (uri: string) => void;
  /** Someone pushed to the team corpus: what was read of it is forgotten; reload the corpus. */
  readonly pushed?: () => void;
}

/** "the team corpus at db.example.org:5432/team_corpus": where a team text comes from, in hovers. */
export function teamOrigin(config: { host?: string; port?: number; database?: string }): string {
  const host = config.host?.includes(':') ? `[${config.host}]` : config.host;
  return `the team corpus at ${host}:${config.port}/${config.database}`;
}

export class TeamCorpusLayer {
  private target = '';
  private store: PgCorpusStore | undefined;
  private texts: TeamTexts | undefined;
  private registry: RegistryEntry[] | undefined;
  private reuse: TeamReuse | undefined;
  private generation: number | undefined;
  private lastPushCheck = 0;
  private listeners: TeamLayerListeners = {};
  /** "the team corpus at host:port/database", while one is configured. */
  origin: string | undefined;

  constructor(
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  listen(listeners: TeamLayerListeners): void {
    this.listeners = listeners;
  }

  get active(): boolean {
    return this.store !== undefined;
  }

  /** Follows the setting ("" = none; none in Restricted Mode). Returns whether it changed. */
  configure(target: string, trusted: boolean): boolean {
    const next = trusted ? target.trim() : '';
    if (next === this.target) return false;
    void this.store?.close();
    this.store = this.texts = this.registry = this.reuse = this.generation = this.origin = undefined;
    this.target = next;
    if (!next) return true;
    try {
      const store = (this.store = new PgCorpusStore(corpusServerConnection(next, INTERACTIVE_TIMEOUTS), { report: this.log }));
      const origin = (this.origin = teamOrigin(store.connection.config));
      this.texts = new TeamTexts(store, origin);
      this.reuse = new TeamReuse(store, (uri) => this.listeners.reuseChanged?.(uri), origin, (error) => this.log(`team corpus: reuse scan failed: ${(error as Error)?.stack ?? error}`));
      this.log(`team corpus: ${this.store.connection.description} (compactDrafter.corpus.server)`);
    } catch (error) {
      if (!(error instanceof CorpusServerConfigError)) throw error;
      this.log(`compactDrafter.corpus.server: ${error.message}; using the local corpus only`);
    }
    return true;
  }

  /** A freshly loaded local corpus with the team's registry and the team texts fetched so far. */
  async layer(local: Corpus): Promise<Corpus> {
    if (!this.store || !this.texts) return local;
    try {
      // Read again at every load (a corpus change, a restart): a push meanwhile is then seen.
      this.noteGeneration(await this.store.generation());
      this.registry = await this.store.allRegistryEntries();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      if (!this.registry) return local;
    }
    return (await this.texts.corpusFor(withTeamRegistry(local, this.registry), [])).corpus;
  }

  /** The corpus with the team's texts of what this draft cites, or undefined when none came that it lacked. */
  async withCited(corpus: Corpus, analysis: Pick<DraftAnalysis, 'references'>, generation: () => number): Promise<Corpus | undefined> {
    if (!this.texts) return undefined;
    try {
      const fetched = await this.texts.corpusFor(corpus, citedSymbolsOf(analysis), generation);
      return fetched.changed ? fetched.corpus : undefined;
    } catch (error) {
      if (error instanceof StoreUnavailableError) return undefined;
      throw error;
    }
  }

  /** Asks the whole team index for a draft version's reused passages, in the background (teamReuse.ts). */
  scanReuse(scan: TeamScan): void {
    if (!this.reuse) return;
    this.checkForPush();
    this.reuse.request(scan);
  }

  /** The team's reused passages of this draft version, once they came (undefined before, or without a team corpus). */
  reuseMatches(scan: Omit<TeamScan, 'text' | 'model'>): ReuseMatch[] | undefined {
    return this.reuse?.matchesOf(scan);
  }

  /** A team text by its URI: the copy fetched for the corpus, else asked of the store (undefined when it cannot answer). */
  async textOf(uri: string): Promise<string | undefined> {
    const fetched = this.texts?.byUri(uri);
    if (fetched) return fetched.text;
    try {
      return await this.store?.documentText(uri);
    } catch (error) {
      if (error instanceof StoreUnavailableError) return undefined;
      throw error;
    }
  }

  /** A draft closed. */
  forgetDraft(uri: string): void {
    this.reuse?.forget(uri);
  }

  /** At most every PUSH_CHECK_MS, in the background: has a push changed the team corpus? */
  private checkForPush(): void {
    const store = this.store;
    if (!store || this.now() - this.lastPushCheck < PUSH_CHECK_MS) return;
    this.lastPushCheck = this.now();
    store.generation().then(
      (generation) => {
        if (store === this.store && this.noteGeneration(generation)) this.listeners.pushed?.();
      },
      (error) => {
        if (!(error instanceof StoreUnavailableError)) this.log(`team corpus: ${(error as Error)?.stack ?? error}`);
      },
    );
  }

  /** The store's generation as read now; whether it changed since last read (then what was read of it is forgotten). */
  private noteGeneration(generation: number): boolean {
    const changed = this.generation !== undefined && generation !== this.generation;
    this.generation = generation;
    if (changed) {
      this.texts?.forget();
      this.reuse?.invalidate();
    }
    return changed;
  }

  close(): Promise<void> {
    return this.store?.close() ?? Promise.resolve();
  }
}
