// Workspace symbols: the corpus's documents by symbol and title.
import type { Connection } from 'vscode-languageserver/node';
import { workspaceSymbols } from '../features/workspaceSymbols';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  connection.onWorkspaceSymbol((params) =>
    services.guard('workspaceSymbols', [], async () =>
      workspaceSymbols(params.query, await services.corpus.current()).map((symbol) => ({ ...symbol, location: { ...symbol.location, uri: services.client.clientUri(symbol.location.uri) } })),
    ),
  );
}
