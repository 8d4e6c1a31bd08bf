// How Compact Drafter names things in what it writes (messages, hovers, completions, fixes), as a UN
// editor would: dates, documents, lists of paragraph numbers, and the addresses of official texts.
// Below rules, language and features, so they all say the same thing the same way.
import type { RegistryEntry } from '../corpus';
import { MONTHS, numberedSeriesOf } from '../vocabulary';

/** "2017-04-06" → "6 April 2017", "2012-08" → "August 2012", as the UN Editorial Manual writes dates. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (!month) return year;
  const name = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** The registry date as users may rely on it: only the year when the facts do not vouch for the day. */
export function displayDate(entry: Pick<RegistryEntry, 'date' | 'unverified'>): string {
  if (entry.unverified?.includes('date')) return `${entry.date.slice(0, 4)} (exact date not verified)`;
  return formatDate(entry.date);
}

/** The number a resolution is cited by ("67/172", "2240 (2015)"); undefined for other documents. */
export function resolutionNumber(symbol: string): string | undefined {
  const series = numberedSeriesOf(symbol);
  return series && symbol.slice(series.prefix.length);
}

/** "resolution 67/172", "Security Council resolution 2240 (2015)", or the symbol itself ("A/71/728"). */
export function documentName(symbol: string): string {
  const series = numberedSeriesOf(symbol);
  return series ? `${series.citedAs} ${symbol.slice(series.prefix.length)}` : symbol;
}

/** A message's first word: "resolution 67/172 …" → "Resolution 67/172 …". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "8", "8 and 9", "8, 10 and 12", "89–91". */
export function listLabels(labels: readonly string[], dash = '–'): string {
  const numbers = labels.map(Number);
  const consecutive = labels.length >= 3 && numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n === numbers[i - 1] + 1));
  if (consecutive) return `${labels[0]}${dash}${labels[labels.length - 1]}`;
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** "paragraph 8", "paragraphs 8 and 9". */
export function paragraphWords(labels: readonly string[], dash = '–'): string {
  return `${labels.length > 1 ? 'paragraphs' : 'paragraph'} ${listLabels(labels, dash)}`;
}

/** The official text of a document on undocs.org (the symbol's slashes kept as the address's path). */
export function officialDocumentUrl(symbol: string): string {
  return `https://undocs.org/${encodeURIComponent(symbol).replace(/%2F/g, '/')}`;
}

/** A search of the UN Digital Library for the symbol as a phrase. */
export function digitalLibrarySearchUrl(symbol: string): string {
  return `https://digitallibrary.un.org/search?ln=en&p=${encodeURIComponent(`"${symbol}"`)}`;
}
