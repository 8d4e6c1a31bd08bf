// The language server's side of `compactDrafter.corpus.server`: the team corpus on PostgreSQL as a
// layer over the local corpus (teamCorpus.ts). The team's registry is read once per corpus load;
// the texts a draft cites are fetched after its analysis, and when new ones came the server swaps
// in the richer corpus and checks the drafts again, so no request ever waits for the network. Not
// used in Restricted Mode (the setting is a restricted one, and credentials are never read from
// workspace settings at all: connection.ts). A server that is down or slow is said once in the
// output channel and the local layers answer (pgStore.ts).
import type { DraftAnalysis } from '../../analysis';
import type { Corpus, RegistryEntry } from '../../corpus';
import { StoreUnavailableError } from '../corpusStore';
import { corpusServerConnection, CorpusServerConfigError, INTERACTIVE_TIMEOUTS } from './connection';
import { PgCorpusStore } from './pgStore';
import { citedSymbolsOf, TeamTexts, withTeamRegistry } from './teamCorpus';

export class TeamCorpusLayer {
  private target = '';
  private store: PgCorpusStore | undefined;
  private texts: TeamTexts | undefined;
  private registry: RegistryEntry[] | undefined;

  constructor(private readonly log: (message: string) => void) {}

  get active(): boolean {
    return this.store !== undefined;
  }

  /** Follows the setting ("" = none; none in Restricted Mode). Returns whether it changed. */
  configure(target: string, trusted: boolean): boolean {
    const next = trusted ? target.trim() : '';
    if (next === this.target) return false;
    void this.store?.close();
    this.store = this.texts = this.registry = undefined;
    this.target = next;
    if (!next) return true;
    try {
      this.store = new PgCorpusStore(corpusServerConnection(next, INTERACTIVE_TIMEOUTS), { report: this.log });
      this.texts = new TeamTexts(this.store);
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

  close(): Promise<void> {
    return this.store?.close() ?? Promise.resolve();
  }
}
