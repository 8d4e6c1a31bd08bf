// The one conversion from the analysis's offsets (UTF-16 code units from the start of the text,
// half-open [start, end)) to LSP ranges (0-based lines, UTF-16 characters), for the server's
// answers and the CLI's JSON alike.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';

export function lspRange(document: Pick<TextDocument, 'positionAt'>, range: { readonly start: number; readonly end: number }): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}
