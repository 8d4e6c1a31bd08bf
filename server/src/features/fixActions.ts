// The code actions beside each finding's own fixes, as drafters expect them from other linters:
//
//   Disable <code> for this line      writes the comment the README teaches (rules/suppressions.ts)
//   Fix all <code> in this file       every finding of that rule with one sure fix, in one edit
//   source.fixAll (on save, or "Fix All")   the same over every rule
//   Accept <symbol> (ignore this document)  for an unknown citation: listed in the front matter
//                                      (rules/acceptedDocuments.ts), silenced everywhere in the draft
//
// "Restore agreed wording" is never part of a fix-all: an amendment may be deliberate.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DraftAnalysis } from '../analysis';
import { type CodeAction, CodeActionKind } from 'vscode-languageserver-types';
import { acceptDocumentEdit } from '../rules/acceptedDocuments';
import { automaticEdits } from '../rules/automaticFixes';
import type { TextEdit } from '../rules/rule';
import type { Diagnostic } from '../rules/runner';
import { parseSymbol } from '../references';
import { lspRange } from '../text/lspRange';

/** The kind editors ask for on save ("editor.codeActionsOnSave": {"source.fixAll": "explicit"}). */
export const FIX_ALL_KIND = CodeActionKind.SourceFixAll;

export function disableForLine(diagnostic: Diagnostic, document: TextDocument, lsp: CodeAction['diagnostics']): CodeAction {
  return {
    title: `Disable ${diagnostic.code} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: lsp,
    edit: versioned(document, [disableNextLineEdit(document.getText(), diagnostic.range.start, diagnostic.code)]),
  };
}

/**
 * The comment goes where it silences the finding's line without changing the Markdown: on a line
 * of its own above a line that starts a block, at the end of the line above inside a paragraph
 * (an HTML comment on its own line would split the paragraph in two).
 */
export function disableNextLineEdit(text: string, offset: number, code: string): TextEdit {
  const comment = `<!-- compact-drafter-disable-next-line ${code} -->`;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const previousEnd = lineStart - 1;
  const previousStart = previousEnd > 0 ? text.lastIndexOf('\n', previousEnd - 1) + 1 : 0;
  const previous = previousEnd >= 0 ? text.slice(previousStart, previousEnd).replace(/\r$/, '') : '';
  if (previousEnd < 0 || previous.trim() === '') {
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    return { range: { start: lineStart, end: lineStart }, newText: `${indent}${comment}\n` };
  }
  const at = previousStart + previous.length;
  return { range: { start: at, end: at }, newText: ` ${comment}` };
}

/** "Fix all <code> in this file", for each code of the diagnostics in range with two or more sure fixes. */
export function fixAllOfCodes(codes: Iterable<string>, all: readonly Diagnostic[], document: TextDocument): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const code of new Set(codes)) {
    const { edits, applied } = automaticEdits(all.filter((d) => d.code === code));
    if (applied.length < 2) continue;
    actions.push({ title: `Fix all ${code} in this file (${applied.length})`, kind: CodeActionKind.QuickFix, edit: versioned(document, edits) });
  }
  return actions;
}

/** Every sure fix of every rule, for source.fixAll. */
export function fixAll(all: readonly Diagnostic[], document: TextDocument): CodeAction | undefined {
  const { edits, applied } = automaticEdits(all);
  if (applied.length === 0) return undefined;
  return { title: `Fix all Compact Drafter findings (${applied.length})`, kind: FIX_ALL_KIND, edit: versioned(document, edits) };
}

/** "Accept A/HRC/RES/35/17 (ignore this document)": the symbol into the front matter's accepted documents. */
export function acceptDocument(diagnostic: Diagnostic, document: TextDocument, lsp: CodeAction['diagnostics'], analysis?: DraftAnalysis): CodeAction | undefined {
  if (diagnostic.code !== 'unknown-document') return undefined;
  const text = document.getText();
  // The symbol the citation resolves to ("35/17" after "Human Rights Council resolution" is A/HRC/RES/35/17).
  const cited = analysis?.references.find((ref) => ref.targetRange.start === diagnostic.range.start && ref.symbol)?.symbol;
  const symbol = cited ?? parseSymbol(text.slice(diagnostic.range.start, diagnostic.range.end))?.canonical;
  if (!symbol) return undefined;
  const edit = acceptDocumentEdit(text, symbol);
  if (!edit) return undefined;
  return { title: `Ignore this document: accept ${symbol} in this draft (front matter)`, kind: CodeActionKind.QuickFix, diagnostics: lsp, edit: versioned(document, [edit]) };
}

function versioned(document: TextDocument, edits: readonly TextEdit[]): CodeAction['edit'] {
  return {
    documentChanges: [
      {
        textDocument: { uri: document.uri, version: document.version },
        edits: edits.map((edit) => ({ range: lspRange(document, edit.range), newText: edit.newText })),
      },
    ],
  };
}
