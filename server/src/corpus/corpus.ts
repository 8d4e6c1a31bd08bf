import type { AliasEntry } from '../references';
import type { CorpusDocument } from './document';
import type { CorpusProblem } from './loader';
import { type Registry, type RegistryEntry, symbolKey } from './registry';

/** What the corpus knows of one symbol: registry facts, text, or both. */
export interface CorpusEntry {
  readonly symbol: string;
  readonly registry?: RegistryEntry;
  readonly document?: CorpusDocument;
}

/**
 * The three layers merged: the bundled registry (facts), the bundled seed texts and the
 * user's own corpus folders. The user's text wins over a bundled text of the same symbol;
 * registry facts are kept either way.
 */
export class Corpus {
  private readonly textBySymbol = new Map<string, CorpusDocument>();
  readonly problems: CorpusProblem[];

  constructor(
    readonly registry: Registry,
    readonly documents: readonly CorpusDocument[],
    problems: readonly CorpusProblem[] = [],
    /** Bumped on every reload, so analyses can tell their resolution is stale. */
    readonly generation = 0,
  ) {
    this.problems = [...problems];
    const layerRank = { workspace: 0, bundled: 1 } as const;
    const ordered = [...documents].sort((a, b) => layerRank[a.layer] - layerRank[b.layer]);
    for (const document of ordered) {
      if (!document.symbol) continue;
      const key = symbolKey(document.symbol);
      const existing = this.textBySymbol.get(key);
      if (!existing) {
        this.textBySymbol.set(key, document);
      } else if (existing.layer === document.layer) {
        this.problems.push({
          uri: document.uri,
          severity: 'warning',
          message: `duplicate symbol ${document.symbol}: also in ${existing.uri}; that file is used`,
        });
      }
    }
  }

  lookup(symbol: string): CorpusEntry | undefined {
    const key = symbolKey(symbol);
    const registry = this.registry.get(symbol);
    const document = this.textBySymbol.get(key);
    if (!registry && !document) return undefined;
    return { symbol: registry?.symbol ?? document!.symbol!, registry, document };
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
