import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, CodeActionKind, type Diagnostic as LspDiagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { Diagnostic } from '../rules/runner';
import type { Severity } from '../rules/rule';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'compact-drafter';

export function toLspDiagnostic(diagnostic: Diagnostic, document: TextDocument): LspDiagnostic {
  return {
    range: toRange(document, diagnostic.range),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
  };
}

/** Quick fixes for the diagnostics that touch `range`, as versioned edits so a stale fix is refused. */
export function quickFixes(diagnostics: readonly Diagnostic[], document: TextDocument, range: Range): CodeAction[] {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.range.end < start || diagnostic.range.start > end) continue;
    diagnostic.fixes.forEach((fix, index) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(diagnostic, document)],
        isPreferred: index === 0 && diagnostic.fixes.length === 1,
        edit: {
          documentChanges: [
            {
              textDocument: { uri: document.uri, version: document.version },
              edits: fix.edits.map((edit) => ({ range: toRange(document, edit.range), newText: edit.newText })),
            },
          ],
        },
      });
    });
  }
  return actions;
}

function toRange(document: TextDocument, range: { start: number; end: number }): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}
