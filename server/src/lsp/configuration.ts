// Settings changed in the client (workspace/didChangeConfiguration): the drafts are checked again
// with the new settings, after reloading the corpus when its folders changed.
import type { Connection } from 'vscode-languageserver/node';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  const { configuration, draftScopes, store } = services;
  connection.onDidChangeConfiguration((params) => {
    const raw = (params.settings as { compactDrafter?: unknown } | undefined)?.compactDrafter;
    if (raw === undefined) return;
    const change = configuration.update(raw);
    if (!change) return;
    draftScopes.configure([...configuration.workspaceFolders], change.settings.drafts.include);
    store.forgetDiagnostics();
    if (change.corpusChanged) services.background('corpus load', services.corpus.reload());
    else services.revalidateAll();
  });
}
