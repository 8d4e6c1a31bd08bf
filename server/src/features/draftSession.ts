// The General Assembly session a draft belongs to, and the session after it in the words drafts use
// ("eighty-first session"): the default of the snippets that ask for a report or put an item on a
// later agenda, so the placeholder follows the draft instead of a fixed "seventy-fourth".
//
// The draft's own symbol says it ("A/C.3/80/L.12" → 80); else its date (front matter, adoption
// heading or cover page: the Nth session opens in September of 1945+N); else today.
import { readDraftIdentity } from '../analysis/draftIdentity';
import { gaSessionOfDocument } from '../corpus/sessions';

/** The session of a draft's text, as of `today` when the draft says nothing. */
export function draftSession(text: string, today: Date = new Date()): number {
  const identity = readDraftIdentity(text);
  const bySymbol = identity.symbol ? gaSessionOfDocument(identity.symbol) : undefined;
  if (bySymbol !== undefined) return bySymbol;
  return sessionAt(identity.date ?? today.toISOString().slice(0, 10));
}

/**
 * The session sitting on an ISO date. A session opens in the second or third week of September;
 * September is counted as the new one, since a draft dated then is written for it.
 */
export function sessionAt(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return year - 1945 - (month >= 9 ? 0 : 1);
}

const UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const FIRST_NINETEEN = [
  '', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TENS_ORDINAL = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/** A session's ordinal as UN documents write it: 74 → "seventy-fourth", 80 → "eightieth", 101 → "one hundred and first". */
export function sessionOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`no session ${n}`);
  if (n >= 100) {
    const hundreds = `${UNITS[Math.floor(n / 100)]} hundred`;
    return n % 100 === 0 ? `${hundreds}th` : `${hundreds} and ${sessionOrdinal(n % 100)}`;
  }
  if (n < 20) return FIRST_NINETEEN[n];
  const tens = Math.floor(n / 10);
  return n % 10 === 0 ? TENS_ORDINAL[tens] : `${TENS[tens]}-${FIRST_NINETEEN[n % 10]}`;
}
