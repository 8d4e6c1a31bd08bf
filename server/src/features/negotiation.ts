// The negotiation requests the editor's compare and bracket list ask for. Thin wiring over
// compare/compare.ts and brackets/report.ts; positions are LSP's (0-based lines, UTF-16 characters).
//
//   compactDrafter/brackets {uri}                      → BracketsResponse: the open draft's passages,
//                                                         read from its analysis (one per version)
//   compactDrafter/compare {uri, oldText, oldName?}    → CompareResponse: the open draft (new round)
//                                                         against an earlier round the client read
//                                                         (another file, or `git show` of a commit)
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver';
import type { BracketPassage } from '../brackets/parse';
import { locate } from '../brackets/report';
import { compareRounds, type CompareRow } from '../compare/compare';
import { formatCompareMarkdown } from '../compare/markdownReport';
import { readUnits } from '../compare/units';
import type { BracketAnalysis } from '../analysis/brackets';
import type { BracketsResponse, CompareResponse } from '../protocol';
import { lspRange } from '../text/lspRange';

export function bracketsResponse(document: TextDocument, brackets: BracketAnalysis): BracketsResponse {
  const text = document.getText();
  const report = locate(text, brackets.parsed, readUnits(text));
  const range = (p: BracketPassage): Range => lspRange(document, p.range);
  return {
    passages: report.passages.map((p) => ({
      range: range(p),
      paragraph: p.paragraph,
      section: p.section,
      alternatives: p.alternatives.map((a) => ({ text: a.text, proponent: a.proponent, ...(a.label ? { label: a.label } : {}) })),
      ...(p.marker ? { marker: p.marker } : {}),
      nested: p.nested.length,
    })),
    adRef: report.adRef,
    unbalanced: report.unmatched.map((u) => document.positionAt(u.offset)),
    summary: report.summary,
  };
}

export function compareResponse(document: TextDocument, oldText: string, oldName: string, newName: string): CompareResponse {
  const newText = document.getText();
  const result = compareRounds(oldText, newText);
  const oldDocument = TextDocument.create('old', 'markdown', 0, oldText);
  const ranges = (doc: TextDocument, list: readonly { start: number; end: number }[]) => list.map((r) => lspRange(doc, r));
  const index = new Map(result.paragraphs.map((row, i) => [row, i]));
  const headingLines = result.paragraphs.map(() => -1);
  const markdown = formatCompareMarkdown(result, { oldName, newName, onHeading: (row, line) => (headingLines[index.get(row)!] = line) });
  return {
    rows: result.paragraphs.map((row) => ({
      status: row.status,
      level: row.level,
      old: row.old,
      new: row.new,
      force: row.force,
      forceChanges: row.forceChanges.map((c) => c.description),
      oldRanges: ranges(oldDocument, row.oldRanges),
      newRanges: ranges(document, row.newRanges),
    })),
    summary: result.summary,
    markdown,
    headingLines,
    oldReordered: reordered(oldText, result.paragraphs),
  };
}

/**
 * The old round with its paragraphs in the new round's order: what comes before the first paragraph
 * (title, "The General Assembly,") as it was, then one block per aligned group, deleted paragraphs
 * where they fall. VS Code's diff then lines aligned paragraphs up against the draft.
 */
function reordered(oldText: string, rows: readonly CompareRow[]): string {
  // A paragraph's range holds its sub-paragraphs: their own rows would repeat them.
  const paragraphs = rows.filter((row) => row.level === 'paragraph');
  const starts = paragraphs.flatMap((row) => row.oldRanges.map((r) => r.start));
  const preface = starts.length ? oldText.slice(0, Math.min(...starts)).trimEnd() : '';
  const blocks = paragraphs.filter((row) => row.old.length).map((row) => row.oldRanges.map((r) => oldText.slice(r.start, r.end)).join('\n\n'));
  return `${[preface, ...blocks].filter(Boolean).join('\n\n')}\n`;
}
