// The team corpus as a layer of the corpus the rules read: its registry entries merged into the local
// registry (facts the bundled registry vouches for still win, as for the user's own registry files),
// and its texts of the documents a draft cites fetched on demand and added to the local texts (a
// text of the same symbol in the user's own corpus folders wins). Everything else, the rules, hover,
// completion and the CLI, reads the resulting Corpus as before: nothing changes for the user.
import type { DraftAnalysis } from '../../analysis';
import { Corpus, CorpusDocument, mergeRegistries, Registry, type RegistryEntry, symbolKey } from '../../corpus';
import { TEAM_SCHEME } from '../../protocol';

/** Team texts are known by TEAM_SCHEME: they have no file on a drafter's machine. */
export { TEAM_SCHEME } from '../../protocol';

/** A team text's URI and id, from its path inside the folder it was pushed from ("A-RES-79-1.md"). */
export function teamTextUri(path: string): string {
  return `${TEAM_SCHEME}:/${path.split(/[\\/]/).map(encodeURIComponent).join('/')}`;
}

/** The documents a draft cites: whose texts the team corpus is asked for. */
export function citedSymbolsOf(analysis: Pick<DraftAnalysis, 'references'>): string[] {
  const symbols = new Set<string>();
  for (const reference of analysis.references) if (reference.symbol) symbols.add(reference.symbol);
  return [...symbols];
}

/** What the layer reads of the team corpus (PgCorpusStore has it). */
export interface TeamCorpusSource {
  allRegistryEntries(): Promise<RegistryEntry[]>;
  documentsWithText(symbols: readonly string[]): Promise<{ id: string; symbol: string | undefined; uri: string; title?: string; date?: string; text: string }[]>;
}

/** The local corpus with the team's registry entries merged in. */
export function withTeamRegistry(local: Corpus, team: readonly RegistryEntry[], generation = local.generation): Corpus {
  if (team.length === 0) return local;
  const registry = new Registry(mergeRegistries([...local.registry.all()], team), local.registry.reach);
  return new Corpus(registry, local.documents, local.problems, generation, local.folders);
}

/**
 * Fetches the team's texts of these symbols that the corpus does not hold in its own folders
 * (bundled texts give way to the team's, as to the user's), keeping what was fetched before.
 */
export class TeamTexts {
  private readonly fetched = new Map<string, CorpusDocument | null>();

  constructor(
    private readonly source: TeamCorpusSource,
    /** Where the texts come from, as hovers name it: "the team corpus at 127.0.0.1:5432/corpus". */
    private readonly origin?: string,
  ) {}

  /** A fetched text by its URI. */
  byUri(uri: string): CorpusDocument | undefined {
    for (const document of this.fetched.values()) if (document?.uri === uri) return document;
    return undefined;
  }

  /** Forgets every text fetched (the team corpus changed: a push): they are fetched again when cited. */
  forget(): void {
    this.fetched.clear();
  }

  /** The corpus plus every team text fetched so far; `changed` when this call fetched a new one. */
  async corpusFor(corpus: Corpus, symbols: readonly string[], generation?: () => number): Promise<{ corpus: Corpus; changed: boolean }> {
    const wanted = [...new Set(symbols.map(symbolKey))].filter((key) => !this.fetched.has(key) && corpus.lookup(key)?.document?.layer !== 'workspace');
    if (wanted.length) {
      const found = await this.source.documentsWithText(wanted);
      for (const key of wanted) this.fetched.set(key, null);
      for (const stored of found) {
        if (!stored.symbol) continue;
        this.fetched.set(symbolKey(stored.symbol), new CorpusDocument(stored.symbol, stored.symbol, stored.uri, 'team', stored.text, stored.title, stored.date, this.origin));
      }
    }
    // The layer's texts replace those it gave the corpus before (a push may have changed them); a
    // symbol the user's own folders hold is theirs.
    const local = corpus.documents.filter((document) => document.layer !== 'team');
    const before = corpus.documents.filter((document) => document.layer === 'team');
    const own = new Set(local.filter((document) => document.layer === 'workspace' && document.symbol).map((document) => symbolKey(document.symbol!)));
    const team = [...this.fetched.values()].filter((document): document is CorpusDocument => document !== null && !own.has(symbolKey(document.symbol!)));
    if (team.length === before.length && team.every((document, k) => document === before[k])) return { corpus, changed: false };
    const changed = wanted.some((key) => this.fetched.get(key)) || before.some((document) => !team.includes(document));
    // A new generation only for a corpus that differs: analyses made against the old one are then stale.
    return { corpus: new Corpus(corpus.registry, [...local, ...team], corpus.problems, changed && generation ? generation() : corpus.generation, corpus.folders), changed };
  }
}
