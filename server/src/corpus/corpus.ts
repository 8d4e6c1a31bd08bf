import type { AliasEntry } from '../references';
import type { CorpusDocument } from './document';
import type { CorpusProblem } from './loader';
import { type Registry, type RegistryEntry, symbolKey } from './registry';
import { servedCopies } from './servedCopy';

/** What the corpus knows of one symbol: registry facts, text, or both. */
export interface CorpusEntry {
  readonly symbol: string;
  readonly registry?: RegistryEntry;
  readonly document?: CorpusDocument;
}

/**
 * The three layers merged: the bundled registry (facts), the bundled seed texts and the
 * user's own corpus folders. Which copy of a text is served when a symbol is held twice is
 * decided once, by servedCopies (servedCopy.ts: the user's text wins over a bundled text of
 * the same symbol); registry facts are kept either way.
 */
export class Corpus {
  private readonly textBySymbol: ReadonlyMap<string, CorpusDocument>;
  readonly problems: CorpusProblem[];

  constructor(
    readonly registry: Registry,
    readonly documents: readonly CorpusDocument[],
    problems: readonly CorpusProblem[] = [],
    /** Bumped on every reload, so analyses can tell their resolution is stale. */
    readonly generation = 0,
    /** The user's corpus folders it was loaded from (the embedded store is one per set of folders). */
    readonly folders?: readonly string[],
  ) {
    const served = servedCopies(documents);
    this.textBySymbol = served.served;
    // A corpus built over another (the team layer) is handed that corpus's problems, its duplicates
    // among them: each is said once, not again at every layer.
    const given = new Set(problems.map((p) => `${p.uri}\u0000${p.message}`));
    this.problems = [...problems, ...served.problems.filter((p) => !given.has(`${p.uri}\u0000${p.message}`))];
  }

  /** The registry's facts of a symbol and the copy of its text the corpus serves. */
  lookup(symbol: string): CorpusEntry | undefined {
    const key = symbolKey(symbol);
    const registry = this.registry.get(symbol);
    const document = this.textBySymbol.get(key);
    if (!registry && !document) return undefined;
    return { symbol: registry?.symbol ?? document!.symbol!, registry, document };
  }

  /** Whether this is the copy served for its symbol (servedCopy.ts); a text without a symbol always is. */
  serves(document: CorpusDocument): boolean {
    return !document.symbol || this.textBySymbol.get(symbolKey(document.symbol)) === document;
  }

  documentByUri(uri: string): CorpusDocument | undefined {
    return this.documents.find((document) => document.uri === uri);
  }

  aliases(): AliasEntry[] {
    return this.registry.aliases();
  }

  /** Every symbol the corpus knows (registry and texts), for completion and workspace symbols. */
  symbols(): string[] {
    const seen = new Map<string, string>();
    for (const entry of this.registry.all()) seen.set(symbolKey(entry.symbol), entry.symbol);
    for (const document of this.documents) if (document.symbol) seen.set(symbolKey(document.symbol), seen.get(symbolKey(document.symbol)) ?? document.symbol);
    return [...seen.values()];
  }
}
