import type { AliasEntry } from '../references';

/** A field the facts do not vouch for: shown to users as uncertain. */
export type UncertainField = 'date' | 'title' | 'draft';

/**
 * Where one fact about a document came from. Shown in hovers in a drafter's words ("date as
 * printed on A/RES/80/218", "title as cited in A/RES/79/163"), and weighed when sources disagree:
 * verified facts, then the document's own cover page and heading, then a Digital Library record,
 * then what other adopted texts say of it.
 */
export interface FactSource {
  /**
   * verified: the project's checked facts (shared/facts); printed: the document's own cover page
   * or heading; library: a UN Digital Library record (imported export or a lookup the user asked
   * for); cited: stated about it by another adopted text; derived: reasoned from other facts
   * (a series from resolutions of one title, a draft matched to the resolution of its title).
   */
  readonly kind: 'verified' | 'printed' | 'library' | 'cited' | 'derived';
  /** What states it: a symbol ("A/RES/80/218"), "UN Digital Library record 4029134", "shared/facts". */
  readonly from: string;
  /** How many texts state it, where more than the one named (cited facts and aliases). */
  readonly count?: number;
}

/** The fields whose sources an entry keeps. */
export type SourcedField = 'title' | 'date' | 'body' | 'kind' | 'draft' | 'series' | 'aliases' | 'committee' | 'agendaItem' | 'report' | 'subject';

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
  /** The Main Committee that recommended it ("Third Committee"), or "plenary" (without reference to a Main Committee). */
  readonly committee?: string;
  /** The agenda item it was adopted under, as printed ("Promotion and protection of human rights"). */
  readonly agendaItem?: string;
  /** The committee report it was adopted on ("A/78/481/Add.2"). */
  readonly report?: string;
  /**
   * Where no title is known: what the citing texts say the document is about, in their words ("the
   * proclamation of international years", from "its resolutions 53/199 … on the proclamation of
   * international years"). Not a title: shown as the texts' words, never checked against a quote.
   */
  readonly subject?: string;
  /** Where each field came from; a field without sources is from the verified facts. */
  readonly provenance?: Partial<Record<SourcedField, readonly FactSource[]>>;
}

/** How far the registry's knowledge reaches: what "latest known" can honestly mean. */
export interface RegistryReach {
  /** The newest General Assembly session whose resolutions it holds. */
  readonly newestSession: number;
  /** The newest date it vouches for. */
  readonly newestDate: string;
}

export class Registry {
  private readonly bySymbol = new Map<string, RegistryEntry>();
  private readonly byDraft = new Map<string, RegistryEntry>();
  private readonly bySeries = new Map<string, RegistryEntry[]>();

  constructor(
    entries: readonly RegistryEntry[],
    readonly reach?: RegistryReach,
  ) {
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

  /** The resolution adopted from this draft, where the registry knows it. */
  adoptedFrom(draft: string): RegistryEntry | undefined {
    return this.byDraft.get(symbolKey(draft));
  }

  /** The members of a series, oldest first. */
  seriesMembers(series: string): readonly RegistryEntry[] {
    return this.bySeries.get(series) ?? [];
  }

  private aliasEntries: AliasEntry[] | undefined;

  /**
   * Every name of every document, listed once per registry (which never changes once built): the
   * same list for every reader, so the grammar compiles its matcher for it once (references/aliases.ts).
   */
  aliases(): AliasEntry[] {
    if (!this.aliasEntries) {
      const result: AliasEntry[] = [];
      for (const entry of this.bySymbol.values()) {
        for (const alias of entry.aliases ?? []) result.push({ alias, symbol: entry.symbol });
      }
      this.aliasEntries = result;
    }
    return this.aliasEntries;
  }
}

/** Symbols compare without regard to case or spacing, so "A/RES/71/280" finds "a/res/71/280". */
export function symbolKey(symbol: string): string {
  return symbol.replace(/\s+/g, '').toUpperCase();
}
