// "Show reused agreed language": every reused passage of a draft, for the client's quick pick.
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { type DocumentParams, REUSE_MATCHES_REQUEST, type ReuseMatchItem } from '../protocol';
import type { Services } from './services';
import { lspRange } from '../text/lspRange';

export function register(connection: Connection, services: Services): void {
  connection.onRequest(REUSE_MATCHES_REQUEST, (params: DocumentParams, token: CancellationToken) =>
    services.guard(
      'reuseMatches',
      [] as ReuseMatchItem[],
      async () => {
        const state = await services.analysisOf(params?.uri, token);
        if (!state || state.plain) return [];
        // Asked for explicitly: worth waiting for the index if the warm-up has not built it yet.
        const matches = services.reuseMatchesOf(state, services.reuse.matches(state.analysis, state.corpus, services.configuration.settings.reuse, state.document.uri));
        return Promise.all(matches.map(async (match) => ({
          range: lspRange(state.document, match.range),
          source: { symbol: match.source.symbol, paragraphs: match.source.paragraphs, uri: await services.clientLocationUri(match.source.uri) },
          similarity: match.similarity,
          altered: match.altered,
        })));
      },
      token,
    ),
  );
}
