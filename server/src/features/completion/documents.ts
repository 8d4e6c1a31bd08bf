// The documents completion lists, and how they are ranked and kept: each document of the corpus with
// what completion shows of it (title, date, how it is cited by number), computed once per corpus;
// the listings a context filters from them, kept per corpus and query as the drafter types on within
// one prefix; and the cut to the best-ranked MAX_DOCUMENT_ITEMS (cited in the draft first, then the
// newest), since a registry of thousands is not listed whole.
import { symbolKey, type Corpus, type CorpusEntry } from '../../corpus';
import { entryDisplayDate, entrySortDate, entryTitle, shortFormOf } from '../../language/citations';
import { byCodeUnits, type Request } from './request';

/** Documents listed at most in one answer; the list is then incomplete, and asked again as the drafter types on. */
export const MAX_DOCUMENT_ITEMS = 50;

export interface KnownDocument {
  readonly symbol: string;
  readonly key: string;
  readonly entry: CorpusEntry;
  readonly title?: string;
  /** As users may rely on it ("2012 (exact date not verified)"). */
  readonly date?: string;
  /** "20170406" for ranking, newest first. */
  readonly recency: string;
  /** Newest first, then by symbol: the rank of an uncited document, computed once per corpus. */
  readonly order: string;
  /** How the document is cited by number ("71/280"), where it is: computed once per corpus. */
  readonly short: ReturnType<typeof shortFormOf>;
}

const knownByCorpus = new WeakMap<Corpus, readonly KnownDocument[]>();

export function knownDocuments(corpus: Corpus): readonly KnownDocument[] {
  let known = knownByCorpus.get(corpus);
  if (!known) {
    known = corpus.symbols().flatMap((symbol): KnownDocument[] => {
      const entry = corpus.lookup(symbol);
      if (!entry) return [];
      const title = entryTitle(entry);
      const date = entryDisplayDate(entry);
      const sortDate = entrySortDate(entry) ?? '';
      const recency = /^\d{4}/.test(sortDate) ? sortDate.replace(/-/g, '').padEnd(8, '0').slice(0, 8) : '00000000';
      return [
        {
          symbol: entry.symbol,
          key: symbolKey(entry.symbol),
          entry,
          ...(title ? { title } : {}),
          ...(date ? { date } : {}),
          recency,
          order: `${String(99999999 - Number(recency)).padStart(8, '0')}${entry.symbol}`,
          short: shortFormOf(entry.symbol),
        },
      ];
    });
    knownByCorpus.set(corpus, known);
  }
  return known;
}

/** Cited first, then newest first, then by symbol. */
export function rank(document: KnownDocument, cited: boolean): string {
  return `${cited ? 0 : 1}${document.order}`;
}

/**
 * The best-ranked documents of a list already ranked newest first: those the draft cites, then the
 * rest, at most MAX_DOCUMENT_ITEMS of them.
 */
export function bestRanked(request: Request, ranked: readonly KnownDocument[]): { documents: readonly KnownDocument[]; cut: boolean } {
  if (ranked.length <= MAX_DOCUMENT_ITEMS) return { documents: ranked, cut: false };
  const cited = request.cited();
  const first = ranked.filter((d) => cited.has(d.key));
  const documents = first.length >= MAX_DOCUMENT_ITEMS ? first.slice(0, MAX_DOCUMENT_ITEMS) : [...first, ...ranked.filter((d) => !cited.has(d.key)).slice(0, MAX_DOCUMENT_ITEMS - first.length)];
  return { documents, cut: true };
}

/**
 * The documents a completion context lists, ranked newest first, kept per corpus and query: a
 * drafter types on within one prefix ("A/RES/", "A/RES/7", "A/RES/79/"), and a registry of
 * thousands is not filtered, ranked and grouped again at every keystroke.
 */
export interface Listing {
  readonly ranked: readonly KnownDocument[];
  /** Groups below a symbol prefix ("A/RES/71/"), with what their items show. */
  readonly groups: readonly { readonly label: string; readonly detail: string; readonly documentation: string; readonly sortText: string }[];
}

const LISTINGS_KEPT = 256;
const listingsByCorpus = new WeakMap<Corpus, Map<string, Listing>>();

export function listing(corpus: Corpus, key: string, make: () => Listing): Listing {
  let listings = listingsByCorpus.get(corpus);
  if (!listings) listingsByCorpus.set(corpus, (listings = new Map()));
  let found = listings.get(key);
  if (!found) {
    if (listings.size >= LISTINGS_KEPT) listings.clear();
    listings.set(key, (found = make()));
  }
  return found;
}

export function rankedNewestFirst(documents: KnownDocument[]): KnownDocument[] {
  return documents.sort((a, b) => byCodeUnits(a.order, b.order));
}
