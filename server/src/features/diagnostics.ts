import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, CodeActionKind, type Diagnostic as LspDiagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { DraftAnalysis } from '../analysis';
import type { Diagnostic } from '../rules/runner';
import type { Severity } from '../rules/rule';
import { acceptDocument, disableForLine, fixAll, fixAllOfCodes, FIX_ALL_KIND } from './fixActions';
import { lspRange } from '../text/lspRange';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'compact-drafter';

export function toLspDiagnostic(diagnostic: Diagnostic, document: TextDocument): LspDiagnostic {
  return {
    range: lspRange(document, diagnostic.range),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    ...(diagnostic.related?.length
      ? { relatedInformation: diagnostic.related.map((place) => ({ location: { uri: document.uri, range: lspRange(document, place.range) }, message: place.message })) }
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
 * Quick fixes for the diagnostics that touch `range`, as versioned edits so a stale fix is refused:
 * each finding's own fixes, the commands that help where no edit can (look the document up, import an
 * export), then "Fix all <code> in this file", "Ignore this document", "Disable <code> for this line"
 * (fixActions.ts). `only` (LSP's context.only) asks for source.fixAll alone.
 */
export function quickFixes(
  diagnostics: readonly Diagnostic[],
  document: TextDocument,
  range: Range,
  options: { only?: readonly string[]; analysis?: DraftAnalysis; commands?: ActionCommands } = {},
): CodeAction[] {
  const only = options.only;
  if (only?.length && !only.some((kind) => kind === CodeActionKind.QuickFix || kind === CodeActionKind.QuickFix.split('.')[0])) {
    const wantsFixAll = only.some((kind) => kind === CodeActionKind.Source || kind === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(`${kind}.`));
    const action = wantsFixAll ? fixAll(diagnostics, document) : undefined;
    return action ? [action] : [];
  }
  const commands = options.commands ?? {};
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  const actions: CodeAction[] = [];
  let importOffered = false;
  const touched = diagnostics.filter((diagnostic) => !(diagnostic.range.end < start || diagnostic.range.start > end));
  for (const diagnostic of touched) {
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
              edits: fix.edits.map((edit) => ({ range: lspRange(document, edit.range), newText: edit.newText })),
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
  actions.push(...fixAllOfCodes(touched.map((d) => d.code), diagnostics, document));
  for (const diagnostic of touched) {
    const accept = acceptDocument(diagnostic, document, [toLspDiagnostic(diagnostic, document)], options.analysis);
    if (accept) actions.push(accept);
  }
  for (const code of new Set(touched.map((d) => d.code))) {
    const first = touched.find((d) => d.code === code)!;
    actions.push(disableForLine(first, document, touched.filter((d) => d.code === code).map((d) => toLspDiagnostic(d, document))));
  }
  return actions;
}
