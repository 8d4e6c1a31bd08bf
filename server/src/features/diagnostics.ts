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
    ...(diagnostic.related?.length
      ? { relatedInformation: diagnostic.related.map((place) => ({ location: { uri: document.uri, range: toRange(document, place.range) }, message: place.message })) }
      : {}),
  };
}

/** The commands behind a finding's actions; an action without its command is not offered. */
export interface ActionCommands {
  /** The server's lookup command, when the user turned online lookup on. */
  readonly lookUp?: string;
  /** The client's "import a Digital Library export" command, when the client has one (VS Code). */
  readonly importLibraryExport?: string;
}

/**
 * Quick fixes for the diagnostics that touch `range`, as versioned edits so a stale fix is refused,
 * then the commands that help where no edit can (look the document up, import an export).
 */
export function quickFixes(diagnostics: readonly Diagnostic[], document: TextDocument, range: Range, commands: ActionCommands = {}): CodeAction[] {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  const actions: CodeAction[] = [];
  let importOffered = false;
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
    for (const action of diagnostic.actions ?? []) {
      if (action.kind === 'look-up-online' && commands.lookUp) {
        const title = `Look up ${action.symbol} in the UN Digital Library`;
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [toLspDiagnostic(diagnostic, document)], command: { title, command: commands.lookUp, arguments: [action.symbol] } });
      } else if (action.kind === 'import-library-export' && commands.importLibraryExport && !importOffered) {
        importOffered = true;
        const title = 'Import a UN Digital Library export…';
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [toLspDiagnostic(diagnostic, document)], command: { title, command: commands.importLibraryExport, arguments: [] } });
      }
    }
  }
  return actions;
}

function toRange(document: TextDocument, range: { start: number; end: number }): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}
