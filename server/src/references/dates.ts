// What a citation may say about the document right after naming it: its date ("of 6 April 2017",
// "(18 December 1990)") and its title ("entitled “…”"). Rules compare these with the registry.
import type { OffsetRange } from '../parse/model';
import { MONTHS, MONTH_SOURCE } from '../vocabulary';
import { execAt, groupRange, range } from './text';

export interface StatedDate {
  readonly iso: string;
  readonly range: OffsetRange;
}

export interface StatedTitle {
  readonly text: string;
  readonly range: OffsetRange;
}

export interface Tail {
  readonly date?: StatedDate;
  readonly title?: StatedTitle;
  /** Where the citation ends once the tail is read (unchanged when there is none). */
  readonly end: number;
}

// Spaces, then a comma and spaces or just spaces: written `[ \t]*,?[ \t]+`, a run of spaces could be
// split between the two quantifiers in every way, and 40,000 spaces after a citation took 6 seconds.
// PDF text layers break lines anywhere ("of \n21 December 1993"), so a line break counts as a space.
const SPACES_COMMA = String.raw`(?:\s*,\s+|\s+)`;
// A footnote number may be glued to the year ("12 July 20233": 2023, footnote 3), as PDF text layers print it.
const DATE_OF_AT = new RegExp(String.raw`${SPACES_COMMA}of\s+(\d{1,2})\s+(${MONTH_SOURCE})\s+(\d{4})(?:\d{1,3})?(?!\d)`, 'dy');
const DATE_IN_PARENS_AT = new RegExp(String.raw`\s*\((\d{1,2})\s+(${MONTH_SOURCE})\s+(\d{4})\)`, 'dy');
// Straight and single quotes double as apostrophes ("Women's"), so those titles end at a quote followed by a non-letter.
const ENTITLED_AT = new RegExp(
  String.raw`${SPACES_COMMA}entitled\s+(?:“([^”]{1,600})”|"([^"\n]{1,600})"|‘([^\n]{1,600}?)’(?![\p{L}\p{N}])|'([^\n]{1,600}?)'(?![\p{L}\p{N}]))`,
  'duy',
);
// The title may stand right after the symbol without "entitled": "In resolution A/RES/71/280 “Modalities …”, the …".
const QUOTED_AT = /\s+“([^”]{1,600})”/dy;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function dateFrom(m: RegExpExecArray): StatedDate | undefined {
  const day = Number(m[1]);
  const month = MONTHS.indexOf(m[2] as (typeof MONTHS)[number]);
  if (month < 0 || day < 1 || day > DAYS_IN_MONTH[month]) return undefined;
  const first = groupRange(m, 1)!;
  const last = groupRange(m, 3)!;
  return { iso: `${m[3]}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`, range: range(first.start, last.end) };
}

function readDate(text: string, at: number): { date: StatedDate; end: number } | undefined {
  for (const pattern of [DATE_OF_AT, DATE_IN_PARENS_AT]) {
    const m = execAt(pattern, text, at);
    const date = m && dateFrom(m);
    if (m && date) return { date, end: at + m[0].length };
  }
  return undefined;
}

const FOOTNOTE_RULE = /\n[ \t]*_{6,}/;

function readTitle(text: string, at: number): { title: StatedTitle; end: number } | undefined {
  for (const pattern of [ENTITLED_AT, QUOTED_AT]) {
    const m = execAt(pattern, text, at);
    if (!m) continue;
    const group = [1, 2, 3, 4].find((g) => m[g] !== undefined)!;
    // A title broken by the page's footnotes (a PDF text layer's rule "_____" inside the quotes) is not
    // the title as written, and what follows it is the footnotes' own citations: no title then.
    if (FOOTNOTE_RULE.test(m[group])) return undefined;
    return { title: { text: m[group], range: groupRange(m, group)! }, end: at + m[0].length };
  }
  return undefined;
}

/** Reads a stated date and a stated title, in either order, right after a citation ending at `at`. */
export function readTail(text: string, at: number): Tail {
  let end = at;
  let date: StatedDate | undefined;
  let title: StatedTitle | undefined;
  for (let round = 0; round < 2; round++) {
    const d = date ? undefined : readDate(text, end);
    if (d) {
      date = d.date;
      end = d.end;
      continue;
    }
    const t = title ? undefined : readTitle(text, end);
    if (t) {
      title = t.title;
      end = t.end;
      continue;
    }
    break;
  }
  return { ...(date ? { date } : {}), ...(title ? { title } : {}), end };
}
