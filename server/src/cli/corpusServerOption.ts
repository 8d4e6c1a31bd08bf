// `--corpus-server URL` for refs, check and reuse: the team corpus on PostgreSQL as one more layer
// (store/postgres/teamCorpus.ts): its registry merged in, the texts the drafts cite fetched, and for
// `reuse` its reused passages found alongside the local ones. A server that cannot be used (down,
// slow, refusing the login, empty) is reported on stderr and the run goes on with the local corpus.
import { analyzeDraft } from '../analysis';
import type { Corpus } from '../corpus';
import { readFrontMatter, readMetadata } from '../corpus/metadata';
import type { DraftModel } from '../parse/model';
import type { ReuseMatch } from '../reuse/scan';
import { StoreUnavailableError } from '../store/corpusStore';
import { corpusServerConnection, CorpusServerConfigError } from '../store/postgres/connection';
import { PgCorpusStore } from '../store/postgres/pgStore';
import { citedSymbolsOf, TeamTexts, withTeamRegistry } from '../store/postgres/teamCorpus';
import { scanDraftInStore } from '../store/storeScan';

/** The CLI waits longer than a hover, but not forever. */
export const CLI_TIMEOUTS = { connectMs: 5000, queryMs: 30_000 };

export interface TeamCorpusRun {
  /** The local corpus with the team's layer, or the local corpus alone when the server could not be used. */
  readonly corpus: Corpus;
  /** The team's reused passages of a draft, [] once the server failed. */
  matches(model: DraftModel, options: { minWords: number; minSimilarity: number; excludeSymbol?: string }): Promise<ReuseMatch[]>;
  close(): Promise<void>;
}

/** Opens the team corpus for these drafts; a URL that cannot be used at all is a usage error (a string). */
export async function openTeamCorpus(target: string, local: Corpus, drafts: readonly string[], warn: (message: string) => void): Promise<TeamCorpusRun | string> {
  let store: PgCorpusStore;
  try {
    store = new PgCorpusStore(corpusServerConnection(target, CLI_TIMEOUTS));
  } catch (error) {
    if (error instanceof CorpusServerConfigError) return `--corpus-server: ${error.message}`;
    throw error;
  }
  let failed = false;
  const degrade = (error: unknown) => {
    if (!(error instanceof StoreUnavailableError)) throw error;
    if (!failed) warn(`${error.message}; using the local corpus only`);
    failed = true;
  };
  let corpus = local;
  try {
    corpus = withTeamRegistry(local, await store.allRegistryEntries());
    const symbols = drafts.flatMap((text) => citedSymbolsOf(analyzeDraft(text, corpus)));
    corpus = (await new TeamTexts(store).corpusFor(corpus, symbols)).corpus;
  } catch (error) {
    degrade(error);
    corpus = local;
  }
  return {
    corpus,
    matches: async (model, options) => {
      if (failed) return [];
      try {
        return await scanDraftInStore(model, store, options);
      } catch (error) {
        degrade(error);
        return [];
      }
    },
    close: () => store.close(),
  };
}

export { mergeMatches } from '../store/postgres/teamReuse';

/** A draft that declares its own symbol (front matter, cover page, file name) is not its own source, as in ReuseService. */
export function draftSymbolOf(text: string, uri: string): string | undefined {
  try {
    const { body, fields } = readFrontMatter(text);
    return readMetadata(fields, body, decodeURIComponent(uri.split('/').pop() ?? '')).symbol;
  } catch {
    return undefined;
  }
}
