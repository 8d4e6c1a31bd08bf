// Quotations attributed to citations. Drafters quote agreed language and say where it is from:
// “despite the existence … still lacking” (see A/68/283, para. 8), or: paragraph 90 of A/68/283
// states that “…”. The pinpoint rules (quote-mismatch, no-such-paragraph) need the quotation each
// citation vouches for. Everything is read from the plain text of the draft's spans, where Markdown
// is gone, and mapped back to the source for edits.
import type { DraftAnalysis, ResolvedReference } from '../analysis';
import type { OffsetRange, TextSpan } from '../parse/model';
import { firstIndex, plainRange, spanAt } from '../parse/spanLookup';
import { runToEnd } from '../steps';
import { quotePairs } from './marks';
import { wordsOf } from './words';

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
  return runToEnd(attributedQuotationsInSteps(analysis));
}

/** Spans read between two steps of attributedQuotationsInSteps (9,000 lines with a citation each took 90–250 ms). */
const STEP_SPANS = 256;

/** attributedQuotations, yielding every STEP_SPANS spans that hold a citation (quote-mismatch on a large draft pauses there). */
export function* attributedQuotationsInSteps(analysis: DraftAnalysis): Generator<void, Attribution[]> {
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
  let read = 0;
  for (const [span, refs] of bySpan) {
    if (++read % STEP_SPANS === 0) yield;
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
