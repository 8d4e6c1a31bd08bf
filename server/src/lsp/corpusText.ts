// Bundled texts have no file a client could open: the client asks for their text here.
import type { Connection } from 'vscode-languageserver/node';
import { BUNDLED_SCHEME, CORPUS_TEXT_REQUEST, type DocumentParams } from '../protocol';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  connection.onRequest(CORPUS_TEXT_REQUEST, (params: DocumentParams | undefined) =>
    services.guard('corpusText', null, async () => {
      if (!params?.uri?.startsWith(`${BUNDLED_SCHEME}:`)) return null;
      return (await services.corpus.current()).documentByUri(params.uri)?.text ?? null;
    }),
  );
}
