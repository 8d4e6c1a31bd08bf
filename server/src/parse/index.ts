// The draft parser: text → DraftModel (sections, numbered paragraphs, footnotes, prose spans).
// Pipeline: markdown.ts (remark → mdast) → blocks.ts (flat prose blocks with plain-text spans,
// spans.ts) → furniture.ts, numbering.ts (page furniture, paragraph numbers) → assemble.ts
// (footnotes.ts, paragraphs.ts, headings.ts, sections.ts).

import { assembleDraft } from './assemble';
import { collectBlocks } from './blocks';
import { parseMarkdown } from './markdown';
import type { DraftModel } from './model';

export type {
  DraftModel,
  Footnote,
  FootnoteMarker,
  NumberedParagraph,
  OffsetRange,
  Section,
  SectionLevelKind,
  SubParagraph,
  TextSpan,
} from './model';

/** Parses a draft (Markdown, or text extracted from a PDF). Never throws: on any failure it returns what it could, at worst an empty model. */
export function parseDraft(text: string): DraftModel {
  const source = typeof text === 'string' ? text : String(text ?? '');
  try {
    return assembleDraft(source, collectBlocks(parseMarkdown(source), source));
  } catch {
    return { text: source, sections: [], paragraphs: [], footnotes: [], footnoteMarkers: [], spans: [] };
  }
}
