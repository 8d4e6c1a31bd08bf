// Open documents: an edit schedules a validation (the first, the open, at once; later ones after a
// pause in typing), a close drops everything kept for the document, and the drafter's "check this
// file as a draft" choice (compactDrafter/setDraft) validates it again.
import { type Connection } from 'vscode-languageserver/node';
import { VALIDATION_DELAY_MS } from '../host/diagnosticsScheduler';
import { SET_DRAFT_NOTIFICATION, type SetDraftParams } from '../protocol';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  const { documents, store, scheduler, draftScopes } = services;

  connection.onNotification(SET_DRAFT_NOTIFICATION, (params: Partial<SetDraftParams> | undefined) => {
    if (typeof params?.uri !== 'string') return;
    draftScopes.setOverride(params.uri, typeof params.draft === 'boolean' ? params.draft : undefined);
    store.forgetDiagnostics(params.uri);
    if (scheduler.pull) services.revalidateAll();
    else scheduler.schedule(params.uri, 0);
    services.refreshTokens();
  });

  // New text drops the diagnostics kept for the old: a client may reopen without closing, or reuse a version number.
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    const delay = store.hasDiagnostics(uri) ? VALIDATION_DELAY_MS : 0;
    store.changed(uri);
    scheduler.schedule(uri, delay);
  });

  documents.onDidClose((event) => {
    const uri = event.document.uri;
    scheduler.cancel(uri);
    store.close(uri);
    draftScopes.forget(uri);
    services.drafts.closeLive(uri);
    // The scans of its paragraphs become history in the reuse scan cache (reuse/scanCache.ts).
    services.reuse.closeDraft(uri);
    services.team.forgetDraft(uri);
    services.background('clear diagnostics', connection.sendDiagnostics({ uri, diagnostics: [] }));
  });
}
