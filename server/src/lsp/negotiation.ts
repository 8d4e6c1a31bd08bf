// Negotiation requests: the bracket list of a draft (status bar item, command) and "Compare with…",
// the open draft against an earlier round whose text the client read.
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { bracketsResponse, compareResponse } from '../features/negotiation';
import { BRACKETS_REQUEST, COMPARE_REQUEST, type CompareParams, type DocumentParams } from '../protocol';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  connection.onRequest(BRACKETS_REQUEST, (params: DocumentParams, token: CancellationToken) =>
    services.guard('brackets', null, async () => {
      const state = await services.analysisOf(params?.uri, token);
      return state ? bracketsResponse(state.document, state.analysis.brackets) : null;
    }, token),
  );

  connection.onRequest(COMPARE_REQUEST, (params: CompareParams, token: CancellationToken) =>
    services.guard('compare', null, async () => {
      const document = services.documents.get(params?.uri);
      if (!document || typeof params.oldText !== 'string') return null;
      return compareResponse(document, params.oldText, params.oldName ?? 'earlier round', document.uri.split('/').pop() ?? document.uri);
    }, token),
  );
}
