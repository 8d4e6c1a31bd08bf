// "Insert citation…": every document, the draft's own citations first, each citation in the three house forms.
import type { Connection } from 'vscode-languageserver/node';
import { citationChoices, citationContext } from '../language/citations';
import { CITATION_CHOICES_REQUEST, type CitationChoicesParams } from '../protocol';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  connection.onRequest(CITATION_CHOICES_REQUEST, (params: CitationChoicesParams | undefined) =>
    services.guard('citationChoices', [], async () => {
      const current = await services.corpus.current();
      const state = params?.uri ? await services.analysisOf(params.uri) : undefined;
      const cited = new Set(state?.analysis.references.flatMap((ref) => (ref.symbol ? [ref.symbol] : [])) ?? []);
      const context = state && params?.position ? citationContext(state.document.getText(), state.document.offsetAt(params.position)) : undefined;
      return citationChoices(current, cited, context);
    }),
  );
}
