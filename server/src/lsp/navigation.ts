// Moving between texts: go to definition (a citation's document, an internal reference's
// paragraph), document links, and every citation of a document across the workspace's drafts
// (find references; open drafts as edited).
import type { Connection } from 'vscode-languageserver/node';
import { referenceAt } from '../analysis';
import { definitionAt } from '../features/definition';
import { documentLinks } from '../features/documentLinks';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  connection.onDefinition((params, token) =>
    services.guard('definition', [], async () => {
      const state = await services.analysisOf(params.textDocument.uri, token);
      if (!state) return [];
      const locations = definitionAt(state.analysis, state.document, state.document.offsetAt(params.position));
      return Promise.all(locations.map(async (location) => ({ ...location, uri: await services.clientLocationUri(location.uri) })));
    }, token),
  );

  connection.onDocumentLinks((params, token) =>
    services.guard('documentLinks', [], async () => {
      const state = await services.analysisOf(params.textDocument.uri, token);
      return state ? documentLinks(state.analysis, state.document) : [];
    }, token),
  );

  connection.onReferences((params, token) =>
    services.guard('references', [], async () => {
      const state = await services.analysisOf(params.textDocument.uri, token);
      if (!state) return [];
      const symbol = referenceAt(state.analysis, state.document.offsetAt(params.position))?.symbol;
      if (!symbol) return [];
      const drafts = services.drafts;
      await drafts.whenScanned;
      return drafts.locations(symbol);
    }, token),
  );
}
