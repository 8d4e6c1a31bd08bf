// Quotations attributed to citations, and whether a quotation is in a source text.
//
// Drafters quote agreed language and say where it is from: “despite the existence … still lacking”
// (see A/68/283, para. 8), or: paragraph 90 of A/68/283 states that “…”. The pinpoint rules
// (quote-mismatch, no-such-paragraph) need the quotation each citation vouches for, and a comparison
// that forgives what typing and editing change (quote marks, spacing and line breaks, the case of the
// first letter, elisions, a closing full stop) and nothing else.
//
// Everything is read from the plain text of the draft's spans, where Markdown is gone
// ("*International cooperation*" reads as the words), and mapped back to the source for edits.

import type { DraftAnalysis, ResolvedReference } from '../analysis';
import type { CorpusDocument } from '../corpus';
import type { DraftModel, NumberedParagraph, OffsetRange, TextSpan } from '../parse/model';
import type { Reference } from '../references/model';
import { INSERTION_SOURCE } from '../vocabulary';

export interface Quotation {
  /** The quoted words as a reader sees them, inside the marks. */
  readonly text: string;
  /** Where they are in the source, inside the marks. */
  readonly range: OffsetRange;
  /** The source holds exactly `text` there (no Markdown inside), so a fix may replace the words. */
  readonly replaceable: boolean;
}

export interface Attribution {
  readonly quotation: Quotation;
  /**
   * The citations that vouch for it, in document order: the one right after or right before it, with
   * any cited alongside ("(A/68/283, para. 8; A/71/285, para. 108)"), since the words may be from either.
   */
  readonly citations: readonly ResolvedReference[];
}

/** Fewer words are a term in quotation marks (“safe third country”) more often than a quotation. */
const MIN_QUOTATION_WORDS = 3;

// Between a quotation and the citation after it: “…” (see A/68/283, para. 8); “…”, A/68/283, para. 8.
const QUOTE_THEN_CITATION = /^,?\s*(?:\(\s*)?(?:(?:see(?:\s+also)?|cf\.|in|from)\s+)?(?:(?:the\s+)?General\s+Assembly\s+)?$/i;

const SAYING =
  'states?|stated|notes?|noted|reads?|says?|said|provides?|provided|observes?|observed|recalls?|recalled|recogni[sz]es|recogni[sz]ed|' +
  'stresse[sd]|emphasi[sz]e[sd]|underline[sd]|(?:re)?affirm(?:s|ed)|declares?d?|conclude[sd]|finds|found|recommend(?:s|ed)|indicate[sd]|' +
  'acknowledge[sd]|points?\\s+out|pointed\\s+out|warn(?:s|ed)|urge[sd]|decide[sd]|calls?\\s+for|called\\s+for|agree[sd]|commit(?:s|ted)|' +
  'express(?:es|ed)|refer(?:s|red)\\s+to|describe[sd]|define[sd]|sets?\\s+out|speaks?\\s+of|spoke\\s+of|mention(?:s|ed)';

// Between a citation and the quotation after it: "paragraph 90 of A/68/283 states that “…”",
// "(A/68/283, para. 8), which reads: “…”", "stated (A/68/283, para. 8) that “…”".
const CITATION_THEN_QUOTE = new RegExp(
  String.raw`^\)?\s*,?\s*(?:(?:which|where|in\s+which)\s+)?(?:(?:it|he|she|they|the(?:\s+[\w-]+){1,3})\s+)?(?:also\s+|further\s+)?(?:${SAYING})(?:\s+that)?\s*[:,]?\s*$` +
    String.raw`|^\)?\s*(?:that|:)\s*$` +
    // A bracketed citation right before the quotation it vouches for: "(see A/68/283, para. 90) “…”",
    // "as the Special Rapporteur observed (A/68/283, para. 89), “States have …”".
    String.raw`|^\)\s*[,:]?\s*$`,
  'i',
);
// "According to A/68/283, paragraph 8, “…”": the comma alone attributes only after "according to".
const ACCORDING_TO = /\baccording\s+to\s*$/i;
const COMMA_ONLY = /^\s*,\s*$/;

// Citations given together: "A/68/283, para. 8; A/71/285, para. 108", "…, para. 8 and A/71/285, para. 108".
const ALONGSIDE = /^\s*(?:[;,]|,?\s*and)\s*(?:(?:see(?:\s+also)?|cf\.)\s+)?$/i;

// A quoted name or title is not a quotation of the paragraph: the session entitled “…” (A/71/280, para. 8).
const NAMING_BEFORE = /\b(?:entitled|titled|called|named|theme|headed|so-called|known\s+as)\s*$/i;

/** The quotations of a draft that a citation vouches for. */
export function attributedQuotations(analysis: DraftAnalysis): Attribution[] {
  const model = analysis.model;
  const bySpan = new Map<TextSpan, ResolvedReference[]>();
  for (const ref of analysis.references) {
    if (ref.kind === 'internal') continue;
    const span = spanAt(model, ref.range.start);
    if (!span) continue;
    const list = bySpan.get(span);
    if (list) list.push(ref);
    else bySpan.set(span, [ref]);
  }
  const found: Attribution[] = [];
  for (const [span, refs] of bySpan) {
    const text = span.text;
    const places = refs.map((ref) => plainRange(span, ref.range));
    const linked = (i: number) => ALONGSIDE.test(text.slice(places[i].end, places[i + 1].start));
    for (const pair of quotePairs(text)) {
      const inner = text.slice(pair.open + 1, pair.close);
      if (wordsOf(inner).length < MIN_QUOTATION_WORDS || NAMING_BEFORE.test(text.slice(0, pair.open))) continue;
      const citations = new Set<number>();
      // The places are in order of their starts (a long line of citations has thousands: search, not scan).
      const startingAfter = (offset: number) => firstIndex(places.length, (i) => places[i].start > offset);
      const after = startingAfter(pair.close);
      if (after < places.length && QUOTE_THEN_CITATION.test(text.slice(pair.close + 1, places[after].start))) {
        for (let i = after; ; i++) {
          citations.add(i);
          if (i + 1 >= places.length || !linked(i)) break;
        }
      }
      // The last citation ending before the quotation: it starts at or before the quotation does.
      let before = startingAfter(pair.open) - 1;
      while (before >= 0 && places[before].end > pair.open) before--;
      if (before >= 0) {
        const gap = text.slice(places[before].end, pair.open);
        let first = before;
        while (first > 0 && linked(first - 1)) first--;
        const according = COMMA_ONLY.test(gap) && ACCORDING_TO.test(text.slice(0, places[first].start));
        if (according || CITATION_THEN_QUOTE.test(gap)) for (let i = first; i <= before; i++) citations.add(i);
      }
      if (citations.size === 0) continue;
      const range = { start: span.sourceOffsets[pair.open + 1], end: span.sourceOffsets[pair.close - 1] + 1 };
      found.push({
        quotation: { text: inner, range, replaceable: model.text.slice(range.start, range.end) === inner },
        citations: [...citations].sort((a, b) => a - b).map((i) => refs[i]),
      });
    }
  }
  return found.sort((a, b) => a.quotation.range.start - b.quotation.range.start);
}

/** The first index below `length` for which `test` holds, given that it holds for every index after one that does; else `length`. */
function firstIndex(length: number, test: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Whether an offset of the draft lies inside quotation marks (words quoted from another text). */
export function insideQuotation(model: DraftModel, offset: number): boolean {
  const span = spanAt(model, offset);
  if (!span) return false;
  const at = plainIndex(span, offset);
  let pairs = pairsBySpan.get(span);
  if (!pairs) pairsBySpan.set(span, (pairs = quotePairs(span.text)));
  return pairs.some((pair) => pair.open < at && at < pair.close);
}

// A rule asks about every reference of a span: its quotation marks are paired once.
const pairsBySpan = new WeakMap<TextSpan, QuotePair[]>();

interface QuotePair {
  readonly open: number;
  readonly close: number;
}

/**
 * Matching quotation marks in a run of prose. A curly single quote counts only where it is clearly a
 * mark (an opening ‘ after a space, a closing ’ not followed by a letter), since ’ is also the apostrophe.
 */
function quotePairs(text: string): QuotePair[] {
  const open: { mark: string; at: number }[] = [];
  const pairs: QuotePair[] = [];
  const closeWith = (mark: string, at: number): boolean => {
    for (let k = open.length - 1; k >= 0; k--) {
      if (open[k].mark !== mark) continue;
      pairs.push({ open: open[k].at, close: at });
      open.length = k;
      return true;
    }
    return false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') open.push({ mark: '“', at: i });
    else if (ch === '”') closeWith('“', i);
    else if (ch === '"') {
      if (!closeWith('"', i)) open.push({ mark: '"', at: i });
    } else if (ch === '‘') {
      if (i === 0 || /[\s(\[“"—–-]/.test(text[i - 1])) open.push({ mark: '‘', at: i });
    } else if (ch === '’' && !/\p{L}/u.test(text[i + 1] ?? '')) closeWith('‘', i);
  }
  return pairs.filter((p) => p.close > p.open + 1).sort((a, b) => a.open - b.open);
}

/**
 * For each span, the furthest end of it and the spans before it: a search for the spans holding an
 * offset stops at the first span whose reach falls short. Undefined when the spans are not in
 * document order (then every span is looked at).
 */
const reachByModel = new WeakMap<DraftModel, Float64Array | null>();

function spanReach(model: DraftModel): Float64Array | undefined {
  let reach = reachByModel.get(model);
  if (reach === undefined) {
    const spans = model.spans;
    reach = new Float64Array(spans.length);
    for (let i = 0, furthest = -Infinity; i < spans.length && reach; i++) {
      if (i > 0 && spans[i].range.start < spans[i - 1].range.start) reach = null;
      else reach[i] = furthest = Math.max(furthest, spans[i].range.end);
    }
    reachByModel.set(model, reach);
  }
  return reach ?? undefined;
}

/**
 * The span of prose an offset is in: the narrowest, since a footnote's span may sit inside a
 * paragraph's (the first of equals). Rules ask this for every reference, so it must not look at
 * every span each time: on a 10 MB draft that was minutes.
 */
function spanAt(model: DraftModel, offset: number): TextSpan | undefined {
  const spans = model.spans;
  const reach = spanReach(model);
  // The spans that start at or before the offset, walked back while one of them may still reach it
  // (all of them when the spans are out of order); ties go to the first span.
  const last = reach ? firstIndex(spans.length, (i) => spans[i].range.start > offset) - 1 : spans.length - 1;
  let best: TextSpan | undefined;
  for (let i = last; i >= 0 && (!reach || reach[i] > offset); i--) {
    const span = spans[i];
    if (span.range.start > offset || offset >= span.range.end) continue;
    if (!best || span.range.end - span.range.start <= best.range.end - best.range.start) best = span;
  }
  return best;
}

/** The first character of the span's plain text at or after a source offset. */
function plainIndex(span: TextSpan, offset: number): number {
  const offsets = span.sourceOffsets;
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function plainRange(span: TextSpan, range: OffsetRange): OffsetRange {
  const start = plainIndex(span, range.start);
  return { start, end: Math.max(start, plainIndex(span, range.end - 1) + 1) };
}

// ---------------------------------------------------------------------------------------------
// Comparing a quotation with a source.

/**
 * What typing changes and a reader ignores: curly or straight quotes (and double for single, as a
 * quotation inside a quotation is written), apostrophes, spacing, line breaks, a soft hyphen.
 */
function normaliseForComparison(text: string): string {
  return text
    .replace(/[“”„‟"‘’‚‛`]/g, "'")
    .replace(/[\u00ad\u200b]/g, '')
    .replace(/[¹²³⁰⁴-⁹]+/g, '')
    .replace(/(\p{L})-\s+(\p{L})/gu, '$1-$2')
    .replace(/\s+/g, ' ')
    .trim();
}

// "…", "...", ". . .", "[…]", "(...)": the drafter left words out. "[t]he", "[sic]": the drafter's own
// words in brackets stand for the source's; both may match anything.
const ELISION = /\s*(?:\[\s*(?:…|\.(?:\s?\.){2})\s*\]|\(\s*(?:…|\.(?:\s?\.){2})\s*\)|…|\.(?:\s?\.){2}|\[[^[\]]{1,40}\])\s*/g;

/** The parts of a quotation that must be in the source, in order; an elided part matches anything. */
function quotedParts(quotation: string): string[] {
  const raw = normaliseForComparison(quotation).split(ELISION);
  return raw
    .map((part, i) => {
      let p = part;
      // Punctuation beside an elision, and a closing full stop, are the drafter's.
      if (i > 0) p = p.replace(/^[\s,;:.]+/, '');
      if (i < raw.length - 1) p = p.replace(/[\s,;:]+$/, '');
      else p = p.replace(/[\s.,;:]+$/, '');
      return p;
    })
    .filter((p) => p.length > 0);
}

function hasElision(quotation: string): boolean {
  ELISION.lastIndex = 0;
  return ELISION.test(normaliseForComparison(quotation));
}

/**
 * Whether the quoted words are in the source, forgiving what typing and editing change. Spaces are
 * left out of the comparison altogether: texts extracted from PDF split words ("O n the contrary"),
 * and three words or more cannot match across word boundaries by accident.
 */
export function quotationIn(quotation: string, source: string): boolean {
  return inNormalised(quotation, squeeze(normaliseForComparison(source)));
}

function squeeze(text: string): string {
  return text.replace(/ /g, '');
}

function inNormalised(quotation: string, haystack: string): boolean {
  return partsIn(quotedParts(quotation).map(squeeze), haystack);
}

function partsIn(parts: readonly string[], haystack: string): boolean {
  let from = 0;
  for (const part of parts) {
    const at = indexAllowingFirstLetterCase(haystack, part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

function indexAllowingFirstLetterCase(haystack: string, part: string, from: number): number {
  const first = part[0];
  const swapped = first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase();
  const a = haystack.indexOf(part, from);
  const b = swapped === first ? -1 : haystack.indexOf(swapped + part.slice(1), from);
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

// Corpus paragraphs outlive any one draft's analysis; each is normalised once.
const normalisedParagraphs = new WeakMap<NumberedParagraph, string>();

/** The paragraphs of a document that hold the quotation. */
export function paragraphsHolding(quotation: string, document: CorpusDocument): NumberedParagraph[] {
  const parts = quotedParts(quotation).map(squeeze);
  return document.model.paragraphs.filter((paragraph) => {
    let haystack = normalisedParagraphs.get(paragraph);
    if (haystack === undefined) normalisedParagraphs.set(paragraph, (haystack = squeeze(normaliseForComparison(paragraph.text))));
    return partsIn(parts, haystack);
  });
}

/** The cited paragraphs' text, read as one (a quotation may run from paragraph 8 into 9). */
export function citedText(ref: ResolvedReference): string | undefined {
  const paragraphs = ref.resolution.paragraphs;
  if (ref.resolution.status !== 'resolved' || !ref.resolution.entry?.document || paragraphs.length === 0) return undefined;
  if (paragraphs.some((p) => !p.paragraph)) return undefined;
  return paragraphs.map((p) => p.paragraph!.text).join(' ');
}

// ---------------------------------------------------------------------------------------------
// The source's wording for a misquotation.

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

interface Word {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

function words(text: string): Word[] {
  const found: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    found.push({ key: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Words compared case-blind, apostrophes unified: what the word-level comparisons count. */
export function wordsOf(text: string): string[] {
  return words(text).map((w) => w.key);
}

/** Below this share of words in common a "close variant" is another sentence. */
const CLOSE_VARIANT_SIMILARITY = 0.6;
// A quotation longer than this is compared whole or not at all: the alignment is quadratic.
const LONGEST_ALIGNED_QUOTATION = 200;

/**
 * The source's words for a misquotation: the window of the source best aligned with the quotation
 * (word-level, substitutions preferred over gaps so the window keeps the quotation's extent), when at
 * least CLOSE_VARIANT_SIMILARITY of the words agree. Undefined for a quotation with elisions, whose
 * elided words the drafter chose to leave out.
 */
export function closestWording(quotation: string, source: string): { text: string; range: OffsetRange; similarity: number } | undefined {
  if (hasElision(quotation)) return undefined;
  const q = words(normaliseForComparison(quotation)).map((w) => w.key);
  const s = words(source);
  const n = q.length;
  const m = s.length;
  if (n === 0 || m === 0 || n > LONGEST_ALIGNED_QUOTATION) return undefined;
  const SUB = 1;
  const GAP = 1.1;
  // Semi-global alignment: the whole quotation against any stretch of the source.
  const cost: Float64Array[] = [];
  const move: Uint8Array[] = []; // 0 diagonal, 1 quotation word left out, 2 source word added
  for (let i = 0; i <= n; i++) {
    cost.push(new Float64Array(m + 1));
    move.push(new Uint8Array(m + 1));
  }
  for (let i = 1; i <= n; i++) {
    cost[i][0] = i * GAP;
    move[i][0] = 1;
    for (let j = 1; j <= m; j++) {
      const diagonal = cost[i - 1][j - 1] + (q[i - 1] === s[j - 1].key ? 0 : SUB);
      const up = cost[i - 1][j] + GAP;
      const left = cost[i][j - 1] + GAP;
      let best = diagonal;
      let how = 0;
      if (up < best - 1e-9) [best, how] = [up, 1];
      if (left < best - 1e-9) [best, how] = [left, 2];
      cost[i][j] = best;
      move[i][j] = how;
    }
  }
  let end = 1;
  for (let j = 1; j <= m; j++) if (cost[n][j] < cost[n][end] - 1e-9) end = j;
  let i = n;
  let j = end;
  let matches = 0;
  let first = end;
  while (i > 0) {
    const how = move[i][j];
    if (how === 0) {
      if (q[i - 1] === s[j - 1].key) matches++;
      first = j;
      i--;
      j--;
    } else if (how === 1) i--;
    else j--;
  }
  // The alignment never ends on an added source word (that would only cost more), so `end` is the window's last word.
  const last = end;
  const length = last - first + 1;
  const similarity = (2 * matches) / (n + length);
  if (similarity < CLOSE_VARIANT_SIMILARITY) return undefined;
  const range = { start: s[first - 1].start, end: s[last - 1].end };
  return { text: source.slice(range.start, range.end), range, similarity };
}

// ---------------------------------------------------------------------------------------------
// The draft's own sentence, for a citation with no quotation.

/** Words after which a full stop does not end a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:paras?|pp?|nos?|vol|chap|sect|arts?|cf|e\.g|i\.e|Mr|Ms|Mrs|Dr|H\.E|St|Rev|Add|Corr|Amend)$/i;

/**
 * How far a sentence may reach either side of its citation. Further is not a sentence but a run of
 * text without full stops (a pasted table, a PDF extraction): reading all of it for every citation
 * made the rules quadratic, minutes on a 100 KB line.
 */
const SENTENCE_REACH = 1_000;

/** The sentence around a citation, in plain words, with every citation in it left out. */
export function sentenceAround(analysis: DraftAnalysis, ref: Reference): string | undefined {
  const span = spanAt(analysis.model, ref.range.start);
  if (!span) return undefined;
  const text = span.text;
  const at = plainRange(span, ref.range);
  let start = Math.max(0, at.start - SENTENCE_REACH);
  let end = Math.min(text.length, at.end + SENTENCE_REACH);
  const boundary = /[.!?](?:["”’)\]]*)\s+(?=["“‘(]?[\p{Lu}\d])/gu;
  boundary.lastIndex = start;
  for (let m = boundary.exec(text); m && m.index < end; m = boundary.exec(text)) {
    if (ABBREVIATION.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    const after = m.index + m[0].length;
    if (m.index < at.start) start = after;
    else if (m.index >= at.end) {
      end = m.index + 1;
      break;
    }
  }
  let sentence = '';
  let from = start;
  // Only the citations that may overlap the sentence are mapped to plain text (a span may hold thousands).
  const sourceStart = span.sourceOffsets[start];
  const sourceEnd = span.sourceOffsets[end];
  for (const other of analysis.references) {
    if (other.range.end < sourceStart || other.range.start > sourceEnd || other.range.start < span.range.start || other.range.start >= span.range.end) continue;
    if (spanAt(analysis.model, other.range.start) !== span) continue;
    const r = plainRange(span, other.range);
    if (r.end <= from || r.start >= end) continue;
    sentence += text.slice(from, Math.max(from, r.start)) + ' ';
    from = Math.max(from, r.end);
  }
  sentence += text.slice(from, end);
  return sentence;
}

/** Fewer words in common than this, in a row, are a shared phrase rather than the same sentence. */
const MIN_ECHO_RUN = 6;
const FULL_ECHO_RUN = 8;

/**
 * The one paragraph of a document whose words the sentence repeats: the longest run of words in
 * common, at least MIN_ECHO_RUN (or FULL_ECHO_RUN of a longer sentence), longer than in any other paragraph.
 */
export function paragraphEchoing(sentence: string, document: CorpusDocument): NumberedParagraph | undefined {
  const said = wordsOf(sentence);
  const needed = Math.min(FULL_ECHO_RUN, said.length);
  if (needed < MIN_ECHO_RUN) return undefined;
  // Only a paragraph sharing MIN_ECHO_RUN words in a row can reach `needed`, and one that cannot is
  // shorter than any run that decides the answer: the others are not compared word by word.
  const index = echoIndex(document);
  const candidates = new Set<number>();
  for (let i = 0; i + MIN_ECHO_RUN <= said.length; i++) {
    for (const k of index.byRun.get(said.slice(i, i + MIN_ECHO_RUN).join(' ')) ?? []) candidates.add(k);
  }
  let best: NumberedParagraph | undefined;
  let bestRun = 0;
  let secondRun = 0;
  for (const k of [...candidates].sort((a, b) => a - b)) {
    const paragraph = document.model.paragraphs[k];
    const run = longestCommonRun(said, index.words[k]);
    if (run > bestRun) {
      secondRun = bestRun;
      bestRun = run;
      best = paragraph;
    } else if (run > secondRun) secondRun = run;
  }
  return bestRun >= needed && bestRun > secondRun ? best : undefined;
}

interface EchoIndex {
  /** The words of each paragraph of the document. */
  readonly words: readonly (readonly string[])[];
  /** Every run of MIN_ECHO_RUN words → the paragraphs that have it, in order. */
  readonly byRun: ReadonlyMap<string, readonly number[]>;
}

const echoIndexes = new WeakMap<CorpusDocument, EchoIndex>();

function echoIndex(document: CorpusDocument): EchoIndex {
  let index = echoIndexes.get(document);
  if (!index) {
    const words = document.model.paragraphs.map((paragraph) => wordsOf(paragraph.text));
    const byRun = new Map<string, number[]>();
    words.forEach((list, k) => {
      for (let i = 0; i + MIN_ECHO_RUN <= list.length; i++) {
        const key = list.slice(i, i + MIN_ECHO_RUN).join(' ');
        const holders = byRun.get(key);
        if (!holders) byRun.set(key, [k]);
        else if (holders[holders.length - 1] !== k) holders.push(k);
      }
    });
    echoIndexes.set(document, (index = { words, byRun }));
  }
  return index;
}

function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? Math.min(previous[j - 1] + 1, 65535) : 0;
      if (current[j] > best) best = current[j];
    }
    [previous, current] = [current, previous];
    current.fill(0);
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Editing a pinpoint.

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

// ---------------------------------------------------------------------------------------------
// Naming what was cited, as a UN editor would.

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
