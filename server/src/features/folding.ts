import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { DraftModel, OffsetRange, Section } from '../parse/model';

/** Sections, numbered paragraphs and footnotes that span more than one line fold. */
export function foldingRanges(model: DraftModel, document: TextDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (range: OffsetRange, kind?: FoldingRangeKind) => {
    const startLine = document.positionAt(range.start).line;
    // A range ending at the start of the next block would swallow that block's first line.
    let endLine = document.positionAt(Math.max(range.start, range.end - 1)).line;
    while (endLine > startLine && document.getText({ start: { line: endLine, character: 0 }, end: { line: endLine + 1, character: 0 } }).trim() === '') endLine--;
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const walk = (section: Section) => {
    add(section.range, FoldingRangeKind.Region);
    section.children.forEach(walk);
  };
  model.sections.forEach(walk);
  for (const paragraph of model.paragraphs) add(paragraph.range);
  for (const footnote of model.footnotes) add(footnote.range, FoldingRangeKind.Comment);
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
