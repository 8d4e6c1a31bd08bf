import type { RegistryEntry } from '../corpus';
import { MONTHS } from '../vocabulary';

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

export function officialDocumentUrl(symbol: string): string {
  return `https://undocs.org/${encodeURIComponent(symbol).replace(/%2F/g, '/')}`;
}

export function digitalLibrarySearchUrl(symbol: string): string {
  return `https://digitallibrary.un.org/search?ln=en&p=${encodeURIComponent(`"${symbol}"`)}`;
}
