// Footnotes: GFM definitions ("[^1]: text") and, in PDF-extracted text, footnote lines standing in
// the flow of the text where the page ended ("¹ Alexander Betts, …", "<sup>3</sup> This issue …").
// A footnote line is a footnote, never prose of the paragraph around it.

import type { Block } from './blocks';
import type { Footnote, FootnoteMarker, OffsetRange, TextSpan } from './model';

/** The marker that opens a footnote line: the block begins with a footnote marker and has text after it. */
export function footnoteLineMarker(block: Block): FootnoteMarker | undefined {
  if ((block.kind !== 'paragraph' && block.kind !== 'code') || block.listDepth > 0 || block.footnote || !block.lineStart) return undefined;
  const first = block.markers[0];
  if (!first || first.range.start > block.range.start || !block.span.text) return undefined;
  return block.span.range.start >= first.range.end ? first : undefined;
}

export class FootnoteBuilder {
  private readonly parts: string[] = [];
  private end: number;

  constructor(
    readonly label: string,
    private readonly start: number,
    span: TextSpan,
    range: OffsetRange,
  ) {
    this.end = range.end;
    this.append(span, range);
  }

  /** A further block of the footnote: a definition's next paragraph, or a URL line after a footnote line. */
  append(span: TextSpan, range: OffsetRange): void {
    if (span.text) this.parts.push(span.text);
    this.end = Math.max(this.end, range.end);
  }

  build(): Footnote {
    return { label: this.label, range: { start: this.start, end: this.end }, text: this.parts.join(' ') };
  }
}
