// Workspace symbols: the corpus's documents by symbol and title.
import type { Connection } from 'vscode-languageserver/node';
import { workspaceSymbols } from '../features/workspaceSymbols';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  connection.onWorkspaceSymbol((params) =>
    services.guard('workspaceSymbols', [], async () =>
      Promise.all(workspaceSymbols(params.query, await services.corpus.current()).map(async (symbol) => ({ ...symbol, location: { ...symbol.location, uri: await services.clientLocationUri(symbol.location.uri) } }))),
    ),
  );
}
