import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDraft } from '../analysis';
import type { Corpus } from '../corpus';
import type { ReuseService, ReuseSettings } from '../reuse/service';
import type { DiagnosticsConfig } from '../rules/config';
import type { TextEdit } from '../rules/rule';
import { computeDiagnostics } from '../rules/compute';
import type { Diagnostic } from '../rules/runner';
import { lspRange } from '../text/lspRange';

type Position = { line: number; character: number };
type Range = { start: Position; end: Position };

/** One file's findings as `check --format json` prints them (0-based LSP positions). */
export interface FileReport {
  file: string;
  diagnostics: {
    code: string;
    severity: Diagnostic['severity'];
    message: string;
    range: Range;
    fixes: { title: string; edits: { range: Range; newText: string }[] }[];
  }[];
}

export function checkText(
  text: string,
  corpus: Corpus,
  config: DiagnosticsConfig,
  onError?: (code: string, error: unknown) => void,
  reuse?: { readonly service: ReuseService; readonly settings?: ReuseSettings },
  /** The draft's own URI: a corpus text checked as a draft is not its own source. */
  uri?: string,
): Diagnostic[] {
  const analysis = analyzeDraft(text, corpus);
  const reuseMatches = reuse && (() => reuse.service.matches(analysis, corpus, reuse.settings, uri));
  return computeDiagnostics({ text, analysis, corpus, config, reuseMatches, onError: (rule, error) => onError?.(rule.code, error) });
}

export function fileReport(file: string, text: string, diagnostics: readonly Diagnostic[]): FileReport {
  const document = TextDocument.create(file, 'markdown', 0, text);
  const range = (r: { start: number; end: number }): Range => lspRange(document, r);
  return {
    file,
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      range: range(d.range),
      fixes: d.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ range: range(e.range), newText: e.newText })) })),
    })),
  };
}

// The choice of edits is shared with the editor's "Fix all" (rules/automaticFixes.ts).
export { automaticEdits } from '../rules/automaticFixes';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  }
  return result;
}

export function formatTextReport(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  let counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) {
    for (const d of report.diagnostics) {
      counts = { ...counts, [d.severity]: counts[d.severity] + 1 };
      const fix = d.fixes.length ? ` [fix: ${d.fixes[0].title}]` : '';
      lines.push(`${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}${fix}`);
    }
  }
  lines.push('', `${counts.error} errors, ${counts.warning} warnings, ${counts.information} information, ${counts.hint} hints in ${reports.length} ${reports.length === 1 ? 'file' : 'files'}`);
  return lines.join('\n');
}
