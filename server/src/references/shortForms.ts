// Resolutions and decisions cited by number ("resolution 67/172", "Human Rights Council resolution
// 35/17", "resolutions 70/1 and 71/1", "resolution 2240 (2015)"), and by symbol after the same
// keyword ("its resolution A/RES/71/1"). The organ named before the keyword decides the symbol;
// without one, "NN/NNN" is a General Assembly resolution. A number whose organ cannot be told
// (a GA decision, "Council resolution 35/17", "WHO resolution …") gives no reference. A body
// that publishes its resolutions without a UN document symbol, named in full ("Commission on the
// Status of Women resolution 60/2"), and a conference's decision numbered in its series ("decision
// 1/CMA.5") give a reference to a numbered text (bodies.ts): never a General Assembly symbol.
import type { OffsetRange } from '../parse/model';
import type { NumberedText, SymbolProblem } from './model';
import { namedBodyBefore } from './bodies';
import { readSymbolAt } from './symbols';
import { execAt, range } from './text';
import { ORGAN_FULL_NAMES, ORGAN_NAMES, type Organ } from '../vocabulary';

/** The first and last General Assembly sessions numbered "NN/NNN" (sessions 1-30 used "NNN (XXX)"). */
const GA_SESSIONS = { first: 31, last: 120 };
const YEARS = { first: 1946, last: 2100 };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A name may be broken across lines ("Economic and Social \nCouncil"), as PDF text layers break them.
const ORGAN_ALTERNATIVES = ORGAN_NAMES.map(([name]) => escape(name).replace(/ /g, '\\s+')).join('|');
// Any other acronym right before "resolution" is another organization's (WHO, ILO, IOM).
const ORGAN_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(${ORGAN_ALTERNATIVES})|([A-Z]{2,8}))(?:['’]s)?(,?\s+(?:(?:in|by|through)\s+its|adopted))?\s+$`,
  'u',
);
export const KEYWORD_PATTERN = /(?<![\p{L}\p{N}])([Rr]esolution|[Dd]ecision)(s?)(?![\p{L}\p{N}])\s+/gu;
const DRAFT_BEFORE = /(?<![\p{L}\p{N}])[Dd]raft\s+$/u;

// Items, tried in order at the place a number is expected.
const SPECIAL_AT = /(E?S)-(\d{1,2})\/(\d{1,3})(?![\p{L}\p{N}_\/])/uy;
const SC_YEAR_AT = /(\d{1,4})[ \t]?\(((?:19|20)\d{2})\)/y;
const ROMAN_AT = /(\d{1,4})(?:[ \t]([A-Z]))?[ \t]?\(([IVXL]{1,7})\)/y;
const SLASH_AT = /(\d{1,4})\/(\d{1,4})(?![\p{L}\p{N}_\/]|\.\d)/uy;
// A decision numbered in a conference's series of sessions: "1/CP.21", "1/CMA.5", "1/CMP.8", "3/COP.15".
const SERIES_DECISION_AT = /(\d{1,3})\/((?:CP|CMA|CMP|COP|MOP|COP-MOP)\.\d{1,2})(?![\p{L}\p{N}]|\.\d)/uy;
const PLAIN_AT = /(\d{1,4})(?![\p{L}\p{N}_\/]|[.,]\d|[ \t]?\()/uy;
// Lettered parts ("31/16 A", "31/6 A and B"), but not an article starting a new phrase ("71/280 A new …").
const PARTS_AT =
  /[ \t]([A-Z](?:(?:,[ \t]?|[ \t](?:and|to)[ \t]|[ \t]?[-–][ \t]?)[A-Z])*)(?![\p{L}\p{N}])(?=$|\s*[,;:.)\]”’"]|\s+(?:of|and|entitled|on|adopted)\b)/uy;
// Line breaks of PDF text layers, and a footnote number glued to the comma ("of 26 March 2015,13 37/5").
const LIST_SEPARATOR_AT = /\s*,(?:\d{1,3}(?=\s))?\s*(?:and\s+)?|\s+and\s+/y;

export interface Keyword {
  /** Where the citation starts: the organ when it stands right before the keyword, else the keyword. */
  readonly start: number;
  /** Where the first item is expected. */
  readonly itemsAt: number;
  readonly organ?: Organ;
  readonly decision: boolean;
  readonly plural: boolean;
  /** "draft resolution": only a symbol can follow. */
  readonly draft: boolean;
  /** A body named in full that publishes without UN document symbols ("Commission on Narcotic Drugs"). */
  readonly body?: string;
}

export interface Item {
  readonly target: OffsetRange;
  readonly end: number;
  /** Undefined when the item is read but names no document (a GA decision, an organ we cannot tell). */
  readonly symbol?: string;
  readonly form: 'full' | 'short';
  readonly problems: SymbolProblem[];
  readonly parts?: string[];
  readonly reissue?: boolean;
  /** A text known by body and number, not by a symbol ("resolution 25/2" of a named commission, "decision 1/CMA.5"). */
  readonly numbered?: NumberedText;
}

/** Describes the keyword match `m` (from KEYWORD_PATTERN): its organ and where the items start. */
export function keywordAt(text: string, m: RegExpExecArray): Keyword {
  const keywordStart = m.index;
  const decision = m[1].toLowerCase() === 'decision';
  const plural = m[2] === 's';
  const body = namedBodyBefore(text, keywordStart);
  if (body) {
    // "Commission on Narcotic Drugs resolution 65/2": the body's own numbering, never the Assembly's.
    return { start: body.subject ? keywordStart : body.start, itemsAt: keywordStart + m[0].length, organ: 'other', decision, plural, draft: false, body: body.name };
  }
  const before = text.slice(Math.max(0, keywordStart - 60), keywordStart);
  const organMatch = ORGAN_BEFORE.exec(before);
  let organ: Organ | undefined;
  let start = keywordStart;
  if (organMatch) {
    organ = organMatch[1] ? ORGAN_NAMES.find(([name]) => name === organMatch[1].replace(/\s+/g, ' '))![1] : 'other';
    // "General Assembly resolution 67/172" is one citation; in "the Assembly, in its resolution 67/172"
    // and "the Council adopted resolution 35/17" the organ is the subject, named outside the citation.
    if (!organMatch[3]) start = keywordStart - before.length + organMatch.index;
  }
  const draft = DRAFT_BEFORE.test(before);
  if (draft && !organMatch) start = keywordStart - before.length + before.search(DRAFT_BEFORE);
  return {
    start,
    itemsAt: keywordStart + m[0].length,
    ...(organ ? { organ } : {}),
    decision,
    plural,
    draft,
  };
}

function gaSession(session: number): boolean {
  return session >= GA_SESSIONS.first && session <= GA_SESSIONS.last;
}

function isYear(n: number): boolean {
  return n >= YEARS.first && n <= YEARS.last;
}

/** The symbol of "NN/NNN" or "YYYY/NN" for an organ; undefined when it cannot be told. */
function slashSymbol(keyword: Keyword, a: string, b: string): string | undefined {
  const first = Number(a);
  const organ = keyword.organ;
  if (a.length === 4) {
    if (!isYear(first) || keyword.decision) return undefined;
    // Of the Councils only the Economic and Social Council numbers its resolutions "year/number".
    if (organ === 'ECOSOC' || organ === 'Council') return `E/RES/${a}/${b}`;
    if (organ === 'CHR') return `E/CN.4/RES/${a}/${b}`;
    return undefined;
  }
  if (organ === 'HRC') return first >= 1 && first <= 99 ? `A/HRC/${keyword.decision ? 'DEC' : 'RES'}/${a}/${b}` : undefined;
  // General Assembly decisions ("decision 71/547") are published without a document symbol.
  if ((organ === undefined || organ === 'GA') && !keyword.decision && gaSession(first)) return `A/RES/${a}/${b}`;
  return undefined;
}

function splitParts(written: string): string[] {
  const letters = written.match(/[A-Z]/g) ?? [];
  if (letters.length === 2 && /[-–]|\bto\b/.test(written)) {
    const from = letters[0].charCodeAt(0);
    const to = letters[1].charCodeAt(0);
    if (to > from) return Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
  }
  return letters;
}

/** Reads one item (a number or a symbol) at `at`. */
export function readItem(text: string, at: number, keyword: Keyword): Item | undefined {
  const full = readSymbolAt(text, at);
  if (full) {
    return {
      target: full.range,
      end: full.range.end,
      symbol: full.canonical,
      form: 'full',
      problems: full.problems,
      ...(full.parts ? { parts: full.parts } : {}),
      ...(full.reissue ? { reissue: true } : {}),
    };
  }
  if (keyword.draft) return undefined;
  const short = (end: number, symbol: string | undefined, parts?: string[]): Item => ({
    target: range(at, end),
    end,
    ...(symbol ? { symbol } : {}),
    form: 'short',
    problems: [],
    ...(parts && parts.length ? { parts } : {}),
  });
  const resolutionBy = (...organs: (Organ | undefined)[]) => !keyword.decision && organs.includes(keyword.organ);

  let m = execAt(SPECIAL_AT, text, at);
  if (m) return short(at + m[0].length, resolutionBy(undefined, 'GA') ? `A/RES/${m[1]}-${m[2]}/${m[3]}` : undefined);
  m = execAt(SC_YEAR_AT, text, at);
  if (m && isYear(Number(m[2]))) {
    return short(at + m[0].length, resolutionBy(undefined, 'SC', 'Council') ? `S/RES/${m[1]} (${m[2]})` : undefined);
  }
  m = execAt(ROMAN_AT, text, at);
  if (m) {
    // The Economic and Social Council numbered its resolutions by session too: "resolution 2008 (LX)".
    const symbol = resolutionBy(undefined, 'GA') ? `A/RES/${m[1]} (${m[3]})` : resolutionBy('ECOSOC') ? `E/RES/${m[1]} (${m[3]})` : undefined;
    return short(at + m[0].length, symbol, m[2] ? [m[2]] : undefined);
  }
  m = keyword.decision ? execAt(SERIES_DECISION_AT, text, at) : null;
  if (m) {
    const numbered: NumberedText = { type: 'decision', body: keyword.body ?? m[2], number: `${m[1]}/${m[2]}` };
    return { ...short(at + m[0].length, undefined), numbered };
  }
  m = execAt(SLASH_AT, text, at);
  // "Economic and Social Council decision 2005/234", "General Assembly decision 79/545": published in
  // the organ's Official Records, without a document symbol; numbered by the organ named.
  const decidedBy = keyword.decision && (keyword.organ === 'ECOSOC' || keyword.organ === 'GA') ? ORGAN_FULL_NAMES[keyword.organ] : undefined;
  if (m && decidedBy && (keyword.organ === 'GA' ? gaSession(Number(m[1])) : isYear(Number(m[1])))) {
    return { ...short(at + m[0].length, undefined), numbered: { type: 'decision', body: decidedBy, number: `${m[1]}/${m[2]}` } };
  }
  if (m && keyword.body) {
    const numbered: NumberedText = { type: keyword.decision ? 'decision' : 'resolution', body: keyword.body, number: `${m[1]}/${m[2]}` };
    return { ...short(at + m[0].length, undefined), numbered };
  }
  if (m) {
    const symbol = slashSymbol(keyword, m[1], m[2]);
    const parts = symbol?.startsWith('A/RES/') ? execAt(PARTS_AT, text, at + m[0].length) : null;
    if (parts) return short(at + m[0].length + parts[0].length, symbol, splitParts(parts[1]));
    return short(at + m[0].length, symbol);
  }
  // A Security Council resolution may be cited without its year; other bare numbers are too vague.
  m = keyword.organ === 'SC' && !keyword.decision ? execAt(PLAIN_AT, text, at) : null;
  if (m) return short(at + m[0].length, `S/RES/${m[1]}`);
  return undefined;
}

// An item's subject between it and the next, as lists of dated resolutions write them: "23/13 of 13 June
// 2013 on attacks and discrimination against persons with albinism 11 and 24/33 of 27 September 2013"
// (A/RES/78/171; the "11" a footnote number). Only before an item that is itself dated, and a subject
// without figures or brackets: anything else is not read as the list going on.
const SUBJECT_THEN_NEXT_AT = /[ \t\n]+on[ \t\n]+[^;:()“”"\d]{3,160}?(?:[ \t]?\d{1,3})?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=\d{1,2}\/\d{1,4}\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})/y;

/** After an item of a plural keyword: where the next item starts, if one follows. */
export function nextItemAt(text: string, at: number, dated = false): number | undefined {
  const m = execAt(LIST_SEPARATOR_AT, text, at) ?? (dated ? execAt(SUBJECT_THEN_NEXT_AT, text, at) : null);
  return m ? at + m[0].length : undefined;
}
