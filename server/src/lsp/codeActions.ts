// Quick fixes and "fix all" for a draft's diagnostics (the same findings the client was sent), with
// the Digital Library commands the client can run.
import type { Connection } from 'vscode-languageserver/node';
import { quickFixes } from '../features/diagnostics';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  connection.onCodeAction((params, token) =>
    services.guard('codeAction', [], async () => {
      const state = await services.analysisOf(params.textDocument.uri, token);
      if (!state || !services.draftDecision(state.document).draft) return [];
      return quickFixes(await services.diagnostics.of(state.document, state.analysis, state.corpus, state.plain, token), state.document, params.range, {
        only: params.context?.only,
        analysis: state.analysis,
        commands: services.library?.actionCommands(),
      });
    }, token),
  );
}
