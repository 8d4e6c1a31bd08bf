// Bundled texts and the team corpus's texts have no file a client could open: the client asks
// for their text here (go to definition into a team text opens it read-only, as a bundled one).
import type { Connection } from 'vscode-languageserver/node';
import { BUNDLED_SCHEME, CORPUS_TEXT_REQUEST, type DocumentParams, TEAM_SCHEME } from '../protocol';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  connection.onRequest(CORPUS_TEXT_REQUEST, (params: DocumentParams | undefined) =>
    services.guard('corpusText', null, async () => {
      if (!params?.uri?.startsWith(`${BUNDLED_SCHEME}:`) && !params?.uri?.startsWith(`${TEAM_SCHEME}:`)) return null;
      return (await services.corpus.current()).documentByUri(params.uri)?.text ?? null;
    }),
  );
}
