// A draft's outline and folding: its sections, annexes and paragraphs (not for other Markdown, and
// no document symbols for a client with its own Markdown outline: the capability says so).
import type { Connection } from 'vscode-languageserver/node';
import { documentSymbols } from '../features/documentSymbols';
import { foldingRanges } from '../features/folding';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  connection.onDocumentSymbol((params, token) =>
    services.guard('documentSymbols', [], async () => {
      const state = await services.analysisOf(params.textDocument.uri, token);
      return state && services.draftDecision(state.document).draft ? documentSymbols(state.analysis.model, state.document) : [];
    }, token),
  );

  connection.onFoldingRanges((params, token) =>
    services.guard('foldingRanges', [], async () => {
      const state = await services.analysisOf(params.textDocument.uri, token);
      return state && services.draftDecision(state.document).draft ? foldingRanges(state.analysis.model, state.document) : [];
    }, token),
  );
}
