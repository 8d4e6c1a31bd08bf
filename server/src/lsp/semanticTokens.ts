// Colours for drafts only: a README's "see paragraph 3 below" is no citation (features/semanticTokens.ts).
import type { Connection } from 'vscode-languageserver/node';
import { draftTokens, encodeTokens } from '../features/semanticTokens';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  connection.languages.semanticTokens.on((params, token) =>
    services.guard('semanticTokens', { data: [] as number[] }, async () => {
      const state = await services.analysisOf(params.textDocument.uri, token);
      // Plain-line drafts (above compactDrafter.maxDocumentSize) stay uncoloured: they are read in steps.
      if (!state || state.plain || !services.draftDecision(state.document).draft) return { data: [] };
      return encodeTokens(draftTokens(state.analysis), state.document);
    }, token),
  );
}
