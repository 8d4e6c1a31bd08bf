// The grammar's pipeline over one run of prose:
//   1. candidates: keyword citations (shortForms), bare symbols (symbols), names (aliases),
//      each with what may follow it (dates: date and title; pinpoints: ", paragraph 8");
//   2. pinpoints written before their document ("paragraph 8 of resolution 71/280") join the
//      candidate that starts where the pinpoint's "of" ends;
//   3. internal references ("paragraph 12 above");
//   4. overlaps resolved (the earliest, then the longest citation wins), names followed by
//      their own symbol dropped, nothing inside a URL.
import type { OffsetRange } from '../parse/model';
import { compileAliases, type AliasEntry, type AliasMatcher } from './aliases';
import { anaphoraReferences } from './anaphora';
import { readTail, type StatedDate, type StatedTitle } from './dates';
import { PRESENT_DOCUMENT_AT, findInternalReferences } from './internal';
import type { NumberedText, Reference, SymbolProblem } from './model';
import { readAnnex, readPinpoint, readSuffixPinpoint, type Pinpoint } from './pinpoints';
import { objectiveCitations } from './objectives';
import { generalCommentCitations, publicationCitations } from './numberedTexts';
import { KEYWORD_PATTERN, keywordAt, nextItemAt, readItem } from './shortForms';
import type { Organ } from '../vocabulary';
import { symbolCandidates } from './symbols';
import { execAt, insideAny, range, urlRanges } from './text';

export interface GrammarOptions {
  /** Names of documents from the registry ("Sutherland Report" → A/71/728). */
  aliases?: readonly AliasEntry[];
}

/** A document citation being assembled. */
interface Cite {
  readonly start: number;
  readonly end: number;
  readonly target: OffsetRange;
  readonly symbol?: string;
  readonly form: 'full' | 'short' | 'alias';
  readonly alias?: string;
  readonly problems: readonly SymbolProblem[];
  readonly parts?: readonly string[];
  readonly reissue?: boolean;
  readonly date?: StatedDate;
  readonly title?: StatedTitle;
  readonly pinpoint?: Pinpoint;
  /** A text known by body and number, without a symbol (shortForms: a named commission's resolution, "decision 1/CMA.5"). */
  readonly numbered?: NumberedText;
}

/** What follows a document's name: its date and title, then a pinpoint after a comma. */
function withTail(cite: Omit<Cite, 'end'>, text: string, at: number): Cite {
  const tail = readTail(text, at);
  const pinpoint = readSuffixPinpoint(text, tail.end);
  return {
    ...cite,
    ...(tail.date ? { date: tail.date } : {}),
    ...(tail.title ? { title: tail.title } : {}),
    ...(pinpoint ? { pinpoint } : {}),
    end: pinpoint ? pinpoint.range.end : tail.end,
  };
}

/** How far back an organ named before an earlier "resolution" is carried to a later one. */
const CARRY_DISTANCE = 600;

/**
 * "resolution 53/9 of 12 July 2023" cannot be General Assembly resolution 53/9 (the Assembly's Nth
 * session opens in September of 1945+N, so 53/9 is of 1998-1999), nor can "resolutions 28/6" (the
 * Assembly numbered "NN/NNN" from its 31st session). Such a number belongs to the organ named before
 * an earlier resolution of the same passage ("Human Rights Council resolutions 23/13 …, as well as
 * resolutions 28/6 of 26 March 2015"); without one the body cannot be told, and the reference is
 * kept without a symbol rather than given a wrong one. A year one off the session is a slip, not
 * another body.
 */
function bodyOfUnnamed(text: string, cite: Cite, carried: { organ: Organ; end: number } | undefined, listCarried: boolean): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,4})$/.exec(text.slice(cite.target.start, cite.target.end));
  if (!m) return cite.symbol;
  const session = Number(m[1]);
  const year = cite.date ? Number(cite.date.iso.slice(0, 4)) : undefined;
  // A year off by one is a slip of the drafter's (date-mismatch corrects it), not another body; so is
  // a year before the session (a number updated, its old date kept: "80/218 of 21 December 2012"):
  // only a number too old for its date is another body's numbering.
  const fitsAssembly = cite.symbol?.startsWith('A/RES/') && (year === undefined || year <= 1947 + session);
  // Once a list is carried to the Council, the rest of it is the Council's ("28/6 …, 37/5 … and 46/12").
  if (fitsAssembly && !listCarried) return cite.symbol;
  const near = carried && cite.start - carried.end <= CARRY_DISTANCE;
  if (near && carried.organ === 'HRC' && (year === undefined || year >= 2006)) return `A/HRC/RES/${m[1]}/${m[2]}`;
  return undefined;
}

function keywordCitations(text: string): Cite[] {
  const cites: Cite[] = [];
  let carried: { organ: Organ; end: number } | undefined;
  KEYWORD_PATTERN.lastIndex = 0;
  for (let m = KEYWORD_PATTERN.exec(text); m; m = KEYWORD_PATTERN.exec(text)) {
    const keyword = keywordAt(text, m);
    const unnamed = keyword.organ === undefined && !keyword.decision && !keyword.draft;
    let listCarried = false;
    let at = keyword.itemsAt;
    let first = true;
    for (;;) {
      const item = readItem(text, at, keyword);
      if (!item) break;
      const cite = withTail(
        {
          start: first ? keyword.start : item.target.start,
          target: item.target,
          ...(item.symbol ? { symbol: item.symbol } : {}),
          form: item.form,
          problems: item.problems,
          ...(item.parts ? { parts: item.parts } : {}),
          ...(item.reissue ? { reissue: true } : {}),
          ...(item.numbered ? { numbered: item.numbered } : {}),
        },
        text,
        item.end,
      );
      const symbol = unnamed && item.form === 'short' ? bodyOfUnnamed(text, cite, carried, listCarried) : cite.symbol;
      if (symbol?.startsWith('A/HRC/') && !cite.symbol?.startsWith('A/HRC/')) listCarried = true;
      if (symbol) cites.push(symbol === cite.symbol ? cite : { ...cite, symbol });
      else if (cite.numbered) cites.push(cite);
      if (keyword.organ && keyword.organ !== 'other') carried = { organ: keyword.organ, end: cite.end };
      first = false;
      at = cite.end;
      // "resolutions 70/1 and 71/1" lists; a singular keyword names one document.
      const next = keyword.plural ? nextItemAt(text, at, cite.date !== undefined) : undefined;
      if (next === undefined) break;
      at = next;
    }
    KEYWORD_PATTERN.lastIndex = Math.max(KEYWORD_PATTERN.lastIndex, at);
  }
  return cites;
}

function symbolCitations(text: string): Cite[] {
  const cites: Cite[] = [];
  for (const found of symbolCandidates(text)) {
    const start = found.range.start;
    const end = found.range.end;
    // Official Records cite the symbol in brackets, then the part: "… (A/CONF.48/14/Rev.1), part one, annex I".
    const bracketed = text[start - 1] === '(' && text[end] === ')' ? readSuffixPinpoint(text, end + 1) : undefined;
    // What the symbol itself says, with or without the bracketed part after it.
    const cited = {
      start,
      target: found.range,
      symbol: found.canonical,
      form: 'full' as const,
      problems: found.problems,
      ...(found.parts ? { parts: found.parts } : {}),
      ...(found.reissue ? { reissue: true } : {}),
    };
    if (bracketed) {
      cites.push({ ...cited, end: bracketed.range.end, pinpoint: bracketed });
      continue;
    }
    cites.push(
      withTail(
        cited,
        text,
        found.range.end,
      ),
    );
  }
  return cites;
}

function aliasCitations(text: string, matcher: AliasMatcher): Cite[] {
  return matcher.findAll(text).map((match) => {
    const pinpoint = readSuffixPinpoint(text, match.range.end);
    return {
      start: match.range.start,
      end: pinpoint ? pinpoint.range.end : match.range.end,
      target: match.range,
      symbol: match.entry.symbol,
      form: 'alias',
      alias: match.written,
      problems: [],
      ...(pinpoint ? { pinpoint } : {}),
    };
  });
}

const PREFIX_ANCHOR = /\b(?:[Pp]ara(?:graphs?\b|s?\.|s?\b)|[Aa]nnex\b|pp?\.|pp?(?=[ \t]\d)|pages?\b|[Cc]haps?\.|[Cc]hapters?\b|[Ss]ects?\.|[Ss]ections?\b|[Pp]art\b)/g;
const OF_AT = /(?:[ \t]*,)?[ \t]+of[ \t]+/y;
const TO_AT = /[ \t]+(?:to|of)[ \t]+/y;
const THE_AT = /the[ \t]+/y;
const NESTED_ANNEX_TO_AT = /[ \t]+(?:to|of)[ \t]+(?:the[ \t]+)?/y;
const DETERMINER_AT = /(?:its|their|document)[ \t]+/y;

/**
 * Pinpoints written before the document: "paragraph 8 of resolution 71/280", "annex II, paragraph 8,
 * of its resolution A/RES/71/1", "paragraph 8 of annex II to resolution 71/1", "annex to resolution
 * 66/288", "paragraph 52 of the New York Declaration"; and "paragraph 7 of the present report".
 */
function prefixedCitations(text: string, byStart: ReadonlyMap<number, Cite>, internal: Reference[]): Cite[] {
  const cites: Cite[] = [];
  PREFIX_ANCHOR.lastIndex = 0;
  for (let m = PREFIX_ANCHOR.exec(text); m; m = PREFIX_ANCHOR.exec(text)) {
    const pinpoint = readPinpoint(text, m.index);
    if (!pinpoint) continue;
    PREFIX_ANCHOR.lastIndex = pinpoint.range.end;
    const annexOnly = pinpoint.paragraphs.length === 0 && !pinpoint.pages;
    const connector = execAt(annexOnly ? TO_AT : OF_AT, text, pinpoint.range.end);
    if (!connector) continue;
    let at = pinpoint.range.end + connector[0].length;

    const self = annexOnly ? null : execAt(PRESENT_DOCUMENT_AT, text, at);
    if (self && !pinpoint.pages && pinpoint.annex === undefined) {
      internal.push({
        kind: 'internal',
        range: range(pinpoint.range.start, at + self[0].length),
        targetRange: pinpoint.range,
        pinpointRange: pinpoint.range,
        paragraphs: pinpoint.paragraphs,
        internalTarget: 'paragraph',
        problems: pinpoint.problems,
      });
      continue;
    }

    const the = execAt(THE_AT, text, at);
    if (the) at += the[0].length;
    let annex = pinpoint.annex;
    if (annex === undefined && !annexOnly) {
      const nested = readAnnex(text, at);
      const to = nested && execAt(NESTED_ANNEX_TO_AT, text, nested.range.end);
      if (nested && to) {
        annex = nested.annex;
        at = nested.range.end + to[0].length;
      }
    }
    const target = byStart.get(at) ?? byStart.get(at + (execAt(DETERMINER_AT, text, at)?.[0].length ?? 0));
    if (!target || target.pinpoint) continue;
    cites.push({ ...target, start: pinpoint.range.start, pinpoint: annex === undefined ? pinpoint : { ...pinpoint, annex } });
  }
  return cites;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function toReference(cite: Cite): Reference {
  const pin = cite.pinpoint;
  const kind = cite.numbered ? 'numbered' : cite.form === 'alias' ? 'alias' : pin && (pin.paragraphs.length > 0 || pin.annex !== undefined) ? 'paragraph' : 'document';
  const problems = pin?.problems.length ? [...cite.problems, ...pin.problems] : [...cite.problems];
  // Optional fields are set only when present, so that a reference compares equal to its expectation.
  const ref: Mutable<Reference> = { kind, range: range(cite.start, cite.end), targetRange: cite.target, form: cite.form, paragraphs: pin ? pin.paragraphs : [], problems };
  if (cite.symbol) ref.symbol = cite.symbol;
  if (cite.alias !== undefined) ref.alias = cite.alias;
  if (pin) {
    ref.pinpointRange = pin.range;
    if (pin.annex !== undefined) ref.annex = pin.annex;
    if (pin.pages) ref.pages = pin.pages;
  }
  if (cite.date) ref.statedDate = cite.date;
  if (cite.title) ref.statedTitle = cite.title;
  if (cite.parts) ref.parts = cite.parts;
  if (cite.reissue) ref.reissue = true;
  if (cite.numbered) ref.numbered = cite.numbered;
  return ref;
}

// Between a name and its own symbol: "Sutherland Report, A/71/728", "the 2030 Agenda (resolution 70/1)".
const NAME_THEN_SYMBOL = /^\s*[,(]?\s*$/;

function select(text: string, candidates: Reference[]): Reference[] {
  const urls = urlRanges(text);
  candidates.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const accepted: Reference[] = [];
  let reach = 0;
  for (const ref of candidates) {
    if (ref.range.start < reach || ref.range.end <= ref.range.start) continue;
    if (insideAny(ref.range.start, urls)) continue;
    accepted.push(ref);
    reach = ref.range.end;
  }
  return accepted.filter((ref, i) => {
    const next = accepted[i + 1];
    return !(
      ref.kind === 'alias' &&
      ref.paragraphs.length === 0 &&
      next?.symbol === ref.symbol &&
      next.kind !== 'alias' &&
      NAME_THEN_SYMBOL.test(text.slice(ref.range.end, next.range.start))
    );
  });
}

/**
 * As findReferences, but a grammar bug throws instead of yielding no references: for the robustness
 * tests, which must see the failures that findReferences hides from the server.
 */
export function scanReferences(text: string, options: GrammarOptions = {}): Reference[] {
  const documents = [...keywordCitations(text), ...symbolCitations(text)];
  if (options.aliases?.length) documents.push(...aliasCitations(text, compileAliases(options.aliases)));
  const byStart = new Map<number, Cite>();
  // Where two candidates start at one place (keyword and symbol cannot, alias and symbol cannot), keep the longer.
  for (const cite of documents) {
    const other = byStart.get(cite.start);
    if (!other || cite.end > other.end) byStart.set(cite.start, cite);
  }
  const internal = findInternalReferences(text);
  const prefixed = prefixedCitations(text, byStart, internal);
  const accepted = select(text, [...[...documents, ...prefixed].map(toReference), ...internal, ...objectiveCitations(text), ...publicationCitations(text), ...generalCommentCitations(text)]);
  const anaphora = anaphoraReferences(text, accepted).filter((a) => !accepted.some((r) => r.range.start < a.range.end && a.range.start < r.range.end));
  return anaphora.length ? [...accepted, ...anaphora].sort((a, b) => a.range.start - b.range.start) : accepted;
}

/** Finds every reference in a run of plain prose. All ranges are offsets into `text`. Never throws. */
export function findReferences(text: string, options?: GrammarOptions): Reference[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return scanReferences(text, options);
  } catch {
    // A grammar bug must not take the language server down; the block simply shows no references.
    return [];
  }
}
