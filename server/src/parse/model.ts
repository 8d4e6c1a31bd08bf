// The explicit model of a drafting document that every later stage reads.
// Offsets are UTF-16 code-unit offsets into the document text (as in JavaScript
// strings and LSP's positionAt); a range is half-open: [start, end).

export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/**
 * A run of prose with its plain text and a map back to the source. Markdown
 * syntax (link brackets and targets, emphasis markers, HTML tags, footnote
 * markers) is left out of `text`, so the reference grammar sees what a reader
 * sees: "resolution [67/172](#)" reads as "resolution 67/172".
 */
export interface TextSpan {
  readonly text: string;
  /** sourceOffsets[i] is the document offset of text[i]; one extra entry maps text.length. */
  readonly sourceOffsets: readonly number[];
  readonly range: OffsetRange;
}

export type SectionLevelKind =
  | 'markdown' // "## Heading"
  | 'roman' // "III. Thematic section"
  | 'capital' // "A. Background"
  | 'arabic' // "1. Human rights" (a heading, not a numbered paragraph)
  | 'letter'; // "(a) General Assembly"

export interface Section {
  /** The label as printed: "III", "A", "1", "(a)"; empty for Markdown headings. */
  readonly label: string;
  readonly title: string;
  readonly kind: SectionLevelKind;
  /** Nesting depth, 1 for the outermost. */
  readonly depth: number;
  /** The heading line. */
  readonly headingRange: OffsetRange;
  /** From the heading to the start of the next section at the same or a higher level. */
  readonly range: OffsetRange;
  readonly children: Section[];
}

export interface SubParagraph {
  /** "a", "b", … or "i", "ii", … as printed without parentheses. */
  readonly label: string;
  readonly range: OffsetRange;
  readonly text: string;
}

export interface NumberedParagraph {
  /** As printed: "27", "5 bis". */
  readonly label: string;
  /** The numeric part: 27 for "27" and for "27 bis". */
  readonly number: number;
  /** "bis", "ter", … for inserted paragraphs, else undefined. */
  readonly insertion?: string;
  /** The whole paragraph, including continuation blocks after a page break. */
  readonly range: OffsetRange;
  /** The number and its full stop ("27."). */
  readonly numberRange: OffsetRange;
  /** Plain text without the number, continuation blocks joined by a space. */
  readonly text: string;
  /** The prose spans the paragraph is made of (one per source block). */
  readonly spans: readonly TextSpan[];
  readonly subparagraphs: readonly SubParagraph[];
}

export interface Footnote {
  /** "1", "13". */
  readonly label: string;
  readonly range: OffsetRange;
  readonly text: string;
}

export interface FootnoteMarker {
  readonly label: string;
  readonly range: OffsetRange;
}

export interface DraftModel {
  readonly text: string;
  /** Top-level sections; each holds its children. */
  readonly sections: readonly Section[];
  readonly paragraphs: readonly NumberedParagraph[];
  readonly footnotes: readonly Footnote[];
  readonly footnoteMarkers: readonly FootnoteMarker[];
  /** Every prose span of the document in order (paragraphs, headings, list items, table cells, footnotes): what the reference grammar scans. */
  readonly spans: readonly TextSpan[];
}
