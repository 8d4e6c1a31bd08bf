// Completion in drafts: document symbols, citations in the house form, snippets (without their
// placeholder syntax for clients that do not take it).
import type { CompletionItem, Connection } from 'vscode-languageserver/node';
import { completionListAt } from '../features/completion';
import { withoutSnippetSyntax } from '../features/snippets';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  const { client, configuration } = services;
  connection.onCompletion((params, token) =>
    services.guard('completion', { isIncomplete: false, items: [] as CompletionItem[] }, async () => {
      const state = await services.analysisOf(params.textDocument.uri, token);
      if (!state || !services.draftDecision(state.document).draft) return { isIncomplete: false, items: [] };
      const list = completionListAt(state.analysis, state.document.offsetAt(params.position), state.corpus, {
        triggerCharacter: params.context?.triggerCharacter,
        snippets: client.serveSnippets,
        citationForm: configuration.settings.citationForm,
      });
      return client.snippetSupport ? list : { ...list, items: list.items.map(withoutSnippetSyntax) };
    }, token),
  );
}
