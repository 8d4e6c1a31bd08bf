import type { ResolvedReference } from '../analysis';
import type { DraftModel } from '../parse/model';
import { listLabels, paragraphWords } from '../naming';
import { insideQuotation } from '../quotations';
import type { Finding, Fix, Rule } from './rule';

/**
 * "Paragraph 12 above" where the draft has no paragraph 12 (or it is below), "footnote 9" where there
 * is no footnote 9. Words inside quotation marks are another text's, whose paragraph 12 is its own.
 * The direction is judged here rather than taken from the resolution, because a footnote's text is
 * read at its marker, not where the file happens to keep it.
 */
export const brokenInternalReferenceRule: Rule = {
  code: 'broken-internal-reference',
  defaultSeverity: 'error',
  description: 'A reference to a paragraph or footnote of the draft itself that does not exist, or is on the other side ("above"/"below").',
  check({ text, analysis, houseStyle }) {
    const dash = houseStyle.rangeDash === 'hyphen' ? '-' : '–';
    const findings: Finding[] = [];
    for (const ref of analysis.references) {
      const { status } = ref.resolution;
      if (ref.kind !== 'internal' || insideQuotation(analysis.model, ref.range.start)) continue;
      if (status === 'internal-missing') {
        // A draft in which no paragraph (or footnote) was recognised at all may number them in a way the
        // parser does not read; then nothing can be said to be missing.
        if ((ref.internalTarget === 'footnote' ? analysis.model.footnotes : analysis.model.paragraphs).length === 0) continue;
        if (ref.internalTarget === 'footnote') {
          // "footnote 3 of A/68/283", "footnote 3 in the report": another document's footnote.
          if (OF_ANOTHER_TEXT.test(text.slice(ref.range.end, ref.range.end + 40))) continue;
          findings.push({ range: ref.range, message: `This draft has no footnote ${ref.paragraphs[0] ?? ''}.`, fixes: [] });
          continue;
        }
        const missing = ref.resolution.paragraphs.filter((p) => !p.paragraph).map((p) => p.label);
        findings.push({ range: ref.range, message: `This draft has no ${paragraphWords(missing, dash)}.`, fixes: [] });
        continue;
      }
      if (status !== 'internal-found' && status !== 'internal-wrong-direction') continue;
      const anchor = readFrom(analysis.model, ref.range.start);
      if (anchor === undefined) continue;
      const finding = wrongDirection(text, ref, anchor);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

/**
 * Where a reader reads a reference from: a footnote is read at its marker (a footnote of paragraph 1
 * rightly says "paragraph 2 below", wherever its text stands in the file). Undefined for a footnote
 * no marker calls.
 */
function readFrom(model: DraftModel, offset: number): number | undefined {
  const footnote = model.footnotes.find((f) => f.range.start <= offset && offset < f.range.end);
  if (!footnote) return offset;
  return model.footnoteMarkers.find((m) => m.label === footnote.label)?.range.start;
}

const OF_ANOTHER_TEXT = /^\s*,?\s*(?:of|in|to)\s+(?!(?:the\s+present|this)\b)/i;

function wrongDirection(text: string, ref: ResolvedReference, anchor: number): Finding | undefined {
  const said = ref.direction;
  if (!said) return undefined;
  const other = said === 'above' ? 'below' : 'above';
  const wrong = ref.resolution.paragraphs
    .filter(({ paragraph }) => paragraph && (said === 'above' ? paragraph.range.start > anchor : paragraph.range.end < anchor))
    .map((p) => p.label);
  if (wrong.length === 0) return undefined;
  const verb = wrong.length > 1 ? 'are' : 'is';
  const message = `${capitalise(wrong.length > 1 ? 'paragraphs' : 'paragraph')} ${listLabels(wrong)} ${verb} ${other} this reference, not ${said}.`;
  const fixes: Fix[] = [];
  // Flipping the word is right only when every paragraph cited is on the other side.
  const word = directionWord(text, ref);
  if (word && wrong.length === ref.resolution.paragraphs.length) {
    fixes.push({ title: `Write “${other}”`, edits: [{ range: { start: word.start, end: word.end }, newText: word.capital ? capitalise(other) : other }] });
  }
  return { range: ref.range, message, fixes };
}

/** "above"/"below" as written right after the pinpoint (Markdown emphasis around it aside). */
function directionWord(text: string, ref: ResolvedReference): { start: number; end: number; capital: boolean } | undefined {
  const from = ref.pinpointRange?.end ?? ref.targetRange.end;
  const m = /^[\s*_]*(above|below)\b/i.exec(text.slice(from, ref.range.end + 4));
  if (!m) return undefined;
  const start = from + m[0].length - m[1].length;
  return { start, end: start + m[1].length, capital: m[1][0] !== m[1][0].toLowerCase() };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
