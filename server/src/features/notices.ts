// Diagnostics that are no rule's finding: what the server says of a file itself. A draft too large to
// parse (read as plain lines, or not analysed at all), and a corpus file that could not be loaded,
// each said once, on the file's first line.
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { MAX_ANALYSED_CHARACTERS, STRUCTURAL_RULES } from '../analysis/plain';
import type { Corpus } from '../corpus';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A corpus file that could not be loaded says why on its own first line, when it is open. */
export function corpusFileNotices(corpus: Corpus, uri: string): LspDiagnostic[] {
  return corpus.problems
    .filter((problem) => problem.uri === uri)
    .map((problem) => ({
      range: TOP,
      severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: 'corpus-file',
      source: DIAGNOSTIC_SOURCE,
      message: `This corpus file is ${problem.message.startsWith('skipped') ? '' : 'used, but '}${problem.message}.`,
    }));
}

/** A draft above compactDrafter.maxDocumentSize (read as plain lines) or above what is analysed at all. */
export function tooLargeNotice(uri: string, length: number, limit: number): LspDiagnostic {
  const millions = (n: number) => (n / 1e6).toFixed(1);
  const top = TOP;
  // The fact first (the Problems panel cuts rows at ~100 characters); what it means in the related information.
  if (length > MAX_ANALYSED_CHARACTERS) {
    return {
      range: top,
      severity: DiagnosticSeverity.Information,
      code: 'document-too-large',
      source: DIAGNOSTIC_SOURCE,
      message: `Not checked: ${millions(length)} million characters, above the ${millions(MAX_ANALYSED_CHARACTERS)} million Compact Drafter analyses.`,
      relatedInformation: [
        { location: { uri, range: top }, message: 'Each edit of a text this long would block the editor for seconds, so it is not analysed at all.' },
        { location: { uri, range: top }, message: 'Split it, or check it with the command line (compact-drafter check).' },
      ],
    };
  }
  return {
    range: top,
    severity: DiagnosticSeverity.Information,
    code: 'document-too-large',
    source: DIAGNOSTIC_SOURCE,
    message: `Read as plain lines: ${millions(length)} million characters, above compactDrafter.maxDocumentSize (${millions(limit)} million).`,
    relatedInformation: [
      { location: { uri, range: top }, message: `Citations are checked; the paragraph structure is not (${[...STRUCTURAL_RULES].join(', ')} skipped; no outline).` },
      { location: { uri, range: top }, message: 'Raise compactDrafter.maxDocumentSize to read the draft whole, at the cost of slower responses.' },
    ],
  };
}
