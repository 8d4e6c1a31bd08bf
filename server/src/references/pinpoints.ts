// Pinpoints: which part of a document a citation points at. Paragraph numbers are what UN texts
// cite ("para.", "paras."); pages are kept apart (a page of a PDF is not a stable address); an
// annex is named by its roman numeral or is unnumbered ("resolution 66/288, annex").
import type { OffsetRange } from '../parse/model';
import type { PagePinpoint, Reference, SymbolProblem } from './model';
import { INSERTION_SOURCE, MONTH_SOURCE } from '../vocabulary';
import { execAt, range } from './text';

export interface Pinpoint {
  readonly range: OffsetRange;
  readonly annex?: string;
  readonly paragraphs: string[];
  readonly pages?: PagePinpoint;
  readonly problems: SymbolProblem[];
}

// A number that is not part of a decimal, a fraction or a date ("paragraph 8 June" is no pinpoint).
const NUMBER = String.raw`\d{1,4}(?![\d\/]|\.\d|[ \t]+(?:${MONTH_SOURCE})\b)`;
const LABEL = String.raw`${NUMBER}(?:[ \t]?(?:${INSERTION_SOURCE})\b)?(?:[ \t]?\([a-z]{1,5}\)){0,2}`;
const SEPARATOR = String.raw`(?:[ \t]?,[ \t]?(?:and[ \t]+)?|[ \t]+(?:and|to)[ \t]+|[ \t]?[-–][ \t]?)`;

const PARAGRAPHS_AT = new RegExp(String.raw`\b[Pp]ara(?:graphs?\b|s?\.|s?\b)[ \t\u00a0]*(${LABEL}(?:${SEPARATOR}${LABEL})*)`, 'dy');
const PAGES_AT = new RegExp(String.raw`\b(?:pp?\.|pp?(?=[ \t]\d)|pages?\b)[ \t\u00a0]*(${NUMBER}(?:${SEPARATOR}${NUMBER})*)`, 'dy');
const ANNEX_AT = /\b[Aa]nnex\b(?:[ \t]+([IVX]{1,6}|\d{1,2})\b)?/y;
const FOOTNOTES_AT = new RegExp(String.raw`\b[Ff]ootnotes?[ \t\u00a0]+(${NUMBER}(?:${SEPARATOR}${NUMBER})*)`, 'dy');

// Tokens of a list: a label, or a range separator between two labels.
const LIST_TOKEN = new RegExp(String.raw`(\d{1,4})(?:[ \t]?(${INSERTION_SOURCE})\b)?(?:[ \t]?\([a-z]{1,5}\)){0,2}|([ \t]?[-–][ \t]?|[ \t]+to[ \t]+)`, 'g');

/** A range longer than this is more likely a typo than a pinpoint; its ends are kept as written. */
const LONGEST_RANGE = 200;

export interface NumberList {
  readonly labels: string[];
  readonly problems: SymbolProblem[];
}

/** "89-91" → 89, 90, 91 (with a range-hyphen problem); "12, 14 and 15"; "5 bis". `offset` places the list in the text. */
export function expandList(list: string, offset: number): NumberList {
  const labels: string[] = [];
  const problems: SymbolProblem[] = [];
  let pendingRange = false;
  LIST_TOKEN.lastIndex = 0;
  for (let m = LIST_TOKEN.exec(list); m; m = LIST_TOKEN.exec(list)) {
    if (m[3] !== undefined) {
      pendingRange = true;
      if (m[3].includes('-')) {
        problems.push({
          kind: 'range-hyphen',
          message: 'A range of numbers takes an en dash (“89–91”), not a hyphen.',
          range: range(offset + m.index, offset + m.index + m[3].length),
          replacement: '–',
        });
      }
      continue;
    }
    const label = m[2] ? `${m[1]} ${m[2]}` : m[1];
    const previous = labels[labels.length - 1];
    if (pendingRange && previous !== undefined && /^\d+$/.test(previous) && !m[2]) {
      const from = Number(previous);
      const to = Number(m[1]);
      if (to > from && to - from <= LONGEST_RANGE) {
        for (let n = from + 1; n <= to; n++) labels.push(String(n));
        pendingRange = false;
        continue;
      }
    }
    pendingRange = false;
    labels.push(label);
  }
  return { labels, problems };
}

interface ListRead {
  readonly range: OffsetRange;
  readonly list: NumberList;
}

function readList(pattern: RegExp, text: string, at: number): ListRead | undefined {
  const m = execAt(pattern, text, at);
  if (!m) return undefined;
  const listStart = m.indices![1][0];
  return { range: range(at, at + m[0].length), list: expandList(m[1], listStart) };
}

export function readParagraphs(text: string, at: number): ListRead | undefined {
  return readList(PARAGRAPHS_AT, text, at);
}

export function readPages(text: string, at: number): ListRead | undefined {
  return readList(PAGES_AT, text, at);
}

export function readFootnotes(text: string, at: number): ListRead | undefined {
  return readList(FOOTNOTES_AT, text, at);
}

export function readAnnex(text: string, at: number): { range: OffsetRange; annex: string } | undefined {
  const m = execAt(ANNEX_AT, text, at);
  return m ? { range: range(at, at + m[0].length), annex: m[1] ?? '' } : undefined;
}

const COMMA_AT = /\s*,\s*/y;
// The pinpoint belongs to what follows: "…, paragraphs 8 and 9 of resolution 71/1".
// Not `[ \t]*,?[ \t]+`: that splits a long run of spaces every way (quadratic), see dates.ts.
const OF_NEXT_AT = /(?:\s*,\s+|\s+)of\b/y;

/** Paragraphs or pages at `at`, as one pinpoint. */
export function readParagraphsOrPages(text: string, at: number): Pinpoint | undefined {
  const paragraphs = readParagraphs(text, at);
  if (paragraphs) return { range: paragraphs.range, paragraphs: paragraphs.list.labels, problems: paragraphs.list.problems };
  const pages = readPages(text, at);
  if (pages) {
    return {
      range: pages.range,
      paragraphs: [],
      pages: { pages: pages.list.labels.map(Number), range: pages.range },
      problems: pages.list.problems,
    };
  }
  return undefined;
}

// Parts of a report, as Official Records citations give them: "part one", "chap. III", "chaps. VII–XI",
// "chapter X", "sect. II.B", "sect. B.3 (a)". They are kept in the pinpoint's range (the citation
// reads on through them to an annex or paragraph: "part one, annex I", "chap. IV, sect. C, para. 5");
// paragraphs and annexes stay the only parts rules check.
// A conference's report holds its resolutions and its decisions: "(Sales No. E.02.II.A.7), chap. I,
// resolution 1, annex", "FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex", "CBD/COP/15/17, decision 15/4, annex".
const STRUCTURE_AT =
  /\b(?:[Pp]art\s+(?:one|two|three|four|five|six|[IVX]{1,5})|resolution\s+\d{1,2}(?![\d/.])|decision\s+\d{1,2}\/(?:(?:CP|CMA|CMP|COP|MOP|COP-MOP)\.\d{1,2}|\d{1,2}(?![\d/]))|(?:[Cc]haps?\.|[Cc]hapters?)\s+[IVXL]{1,7}(?:\s?[-–]\s?[IVXL]{1,7})?(?:\.[A-Z](?:\.\d{1,2})?)?|(?:[Ss]ects?\.|[Ss]ections?)\s+(?:[IVX]{1,6}(?:\.[A-Z](?:\.\d{1,2})?)?|[A-Z](?:\.\d{1,2})?)(?:\s?\([a-z]\))?)(?![\p{L}\p{N}])/uy;
const STRUCTURE_SEPARATOR_AT = /\s*,\s*(?:and\s+)?/y;

/** "part one, annex I", "chap. IV, sect. B.2, and annex I", "chap. III": the structural units from `at`, then what follows them. */
function readStructure(text: string, at: number): { end: number; next: number } | undefined {
  let end = at;
  let next = at;
  for (let m = execAt(STRUCTURE_AT, text, next); m; m = execAt(STRUCTURE_AT, text, next)) {
    end = next + m[0].length;
    const separator = execAt(STRUCTURE_SEPARATOR_AT, text, end);
    next = separator ? end + separator[0].length : end;
  }
  return end > at ? { end, next } : undefined;
}

/** "annex II, paragraph 8", "annex", "paras. 89–91", "p. 5", "chap. III, sect. A": what may follow a comma after a citation, or precede "of". */
export function readPinpoint(text: string, at: number): Pinpoint | undefined {
  const structure = readStructure(text, at);
  if (!structure) return readUnitPinpoint(text, at);
  const rest = structure.next > structure.end ? readUnitPinpoint(text, structure.next) : undefined;
  if (!rest) return { range: range(at, structure.end), paragraphs: [], problems: [] };
  return { ...rest, range: range(at, rest.range.end) };
}

function readUnitPinpoint(text: string, at: number): Pinpoint | undefined {
  const annex = readAnnex(text, at);
  if (!annex) return readParagraphsOrPages(text, at);
  const comma = execAt(COMMA_AT, text, annex.range.end);
  const rest = comma ? readParagraphsOrPages(text, annex.range.end + comma[0].length) : undefined;
  if (!rest) return { range: annex.range, annex: annex.annex, paragraphs: [], problems: [] };
  return { ...rest, range: range(annex.range.start, rest.range.end), annex: annex.annex };
}

/** The pinpoint after a citation: ", paragraph 8", ", annex", ", paras. 89-91", ", p. 5". */
export function readSuffixPinpoint(text: string, at: number): Pinpoint | undefined {
  const comma = execAt(COMMA_AT, text, at);
  if (!comma) return undefined;
  const pinpoint = readPinpoint(text, at + comma[0].length);
  if (!pinpoint || execAt(OF_NEXT_AT, text, pinpoint.range.end)) return undefined;
  return pinpoint;
}

// Editing a pinpoint: where each number of it is printed, for a fix that rewrites one.

const PRINTED_LABEL = new RegExp(String.raw`(\d{1,4})(?:[ \t\u00a0]?(${INSERTION_SOURCE})\b)?`, 'g');

/** The numbers printed in a pinpoint ("paras. 4–6 bis"), each with the label it stands for and its digits' range. */
export function printedLabels(text: string, pinpoint: OffsetRange): { label: string; digits: OffsetRange; whole: OffsetRange }[] {
  const slice = text.slice(pinpoint.start, pinpoint.end);
  const found: { label: string; digits: OffsetRange; whole: OffsetRange }[] = [];
  PRINTED_LABEL.lastIndex = 0;
  for (let m = PRINTED_LABEL.exec(slice); m; m = PRINTED_LABEL.exec(slice)) {
    const start = pinpoint.start + m.index;
    found.push({
      label: m[2] ? `${Number(m[1])} ${m[2]}` : String(Number(m[1])),
      digits: { start, end: start + m[1].length },
      whole: { start, end: start + m[0].length },
    });
  }
  return found;
}

/** Where to write another paragraph number for a citation of one paragraph: that number as printed. */
export function singleCitedNumber(text: string, ref: Reference): OffsetRange | undefined {
  if (ref.paragraphs.length !== 1 || !ref.pinpointRange) return undefined;
  const printed = printedLabels(text, ref.pinpointRange);
  return printed.length === 1 && printed[0].label === ref.paragraphs[0] ? printed[0].whole : undefined;
}
