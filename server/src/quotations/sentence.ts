// The draft's own sentence around a citation that quotes nothing, in plain words.
import type { DraftAnalysis } from '../analysis';
import { plainRange, spanAt } from '../parse/spanLookup';
import type { Reference } from '../references/model';

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
