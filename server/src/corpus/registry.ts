import type { AliasEntry } from '../references';

/** A field the facts do not vouch for: shown to users as uncertain. */
export type UncertainField = 'date' | 'title' | 'draft';

/** One document of the bundled registry (built from shared/facts by scripts/build-registry.mjs). */
export interface RegistryEntry {
  readonly symbol: string;
  readonly title: string;
  /** ISO date, or a year or year-month where the day is not known. */
  readonly date: string;
  readonly body: string;
  readonly kind: string;
  /** The draft (L.) document this resolution was adopted from. */
  readonly draft?: string;
  /** Recurring series id; the latest date in a series supersedes the earlier ones. */
  readonly series?: string;
  readonly aliases?: readonly string[];
  readonly unverified?: readonly UncertainField[];
  /** The title is a description (Security Council resolutions bear no title). */
  readonly titleIsDescription?: boolean;
  readonly confidence?: string;
  readonly source?: string;
}

export type Succession =
  | { readonly reason: 'series'; readonly successor: RegistryEntry }
  | { readonly reason: 'adopted'; readonly successor: RegistryEntry };

export class Registry {
  private readonly bySymbol = new Map<string, RegistryEntry>();
  private readonly byDraft = new Map<string, RegistryEntry>();
  private readonly bySeries = new Map<string, RegistryEntry[]>();

  constructor(entries: readonly RegistryEntry[]) {
    for (const entry of entries) {
      this.bySymbol.set(symbolKey(entry.symbol), entry);
      if (entry.draft) this.byDraft.set(symbolKey(entry.draft), entry);
      if (entry.series) {
        const members = this.bySeries.get(entry.series) ?? [];
        members.push(entry);
        this.bySeries.set(entry.series, members);
      }
    }
    for (const members of this.bySeries.values()) members.sort((a, b) => a.date.localeCompare(b.date));
  }

  get size(): number {
    return this.bySymbol.size;
  }

  get(symbol: string): RegistryEntry | undefined {
    return this.bySymbol.get(symbolKey(symbol));
  }

  all(): IterableIterator<RegistryEntry> {
    return this.bySymbol.values();
  }

  /** What replaced this document, if anything: a later resolution of its series, or the resolution a draft became. */
  successorOf(symbol: string): Succession | undefined {
    const adopted = this.byDraft.get(symbolKey(symbol));
    if (adopted) return { reason: 'adopted', successor: adopted };
    const entry = this.get(symbol);
    if (!entry?.series) return undefined;
    const members = this.bySeries.get(entry.series)!;
    const latest = members[members.length - 1];
    return latest.symbol === entry.symbol ? undefined : { reason: 'series', successor: latest };
  }

  aliases(): AliasEntry[] {
    const result: AliasEntry[] = [];
    for (const entry of this.bySymbol.values()) {
      for (const alias of entry.aliases ?? []) result.push({ alias, symbol: entry.symbol });
    }
    return result;
  }
}

/** Symbols compare without regard to case or spacing, so "A/RES/71/280" finds "a/res/71/280". */
export function symbolKey(symbol: string): string {
  return symbol.replace(/\s+/g, '').toUpperCase();
}
