import type { OffsetRange, TextSpan } from '../parse/model';

/**
 * Square brackets of negotiation text: "[shall][should]", a whole "[bracketed paragraph]".
 * They are read from the plain text of the draft's spans, where Markdown's own brackets
 * (links, footnote references) are already gone, and they may span several paragraphs.
 */
export interface BracketAnalysis {
  /** Outermost matched pairs, from "[" to "]" inclusive. */
  readonly passages: readonly OffsetRange[];
  /** Brackets with no partner: a "]" that closes nothing, a "[" never closed. */
  readonly unmatched: readonly { readonly offset: number; readonly bracket: '[' | ']' }[];
}

export function analyzeBrackets(spans: readonly TextSpan[]): BracketAnalysis {
  const open: number[] = [];
  const passages: OffsetRange[] = [];
  const unmatched: { offset: number; bracket: '[' | ']' }[] = [];
  for (const span of spans) {
    const { text, sourceOffsets } = span;
    for (let i = text.indexOf('['), j = text.indexOf(']'); i >= 0 || j >= 0; ) {
      const atOpen = i >= 0 && (j < 0 || i < j);
      const index = atOpen ? i : j;
      const offset = sourceOffsets[index];
      if (atOpen) {
        open.push(offset);
        i = text.indexOf('[', i + 1);
      } else {
        const start = open.pop();
        if (start === undefined) unmatched.push({ offset, bracket: ']' });
        else if (open.length === 0) passages.push({ start, end: offset + 1 });
        j = text.indexOf(']', j + 1);
      }
    }
  }
  for (const offset of open) unmatched.push({ offset, bracket: '[' });
  unmatched.sort((a, b) => a.offset - b.offset);
  return { passages, unmatched };
}
