// What the client's status bar shows for the active draft (compactDrafter/status): whether the file
// is checked as a draft and why, its bracketed passages and references. Sent whenever the
// document's diagnostics are computed, as a listener on them, not by the computation itself.
import type { Connection } from 'vscode-languageserver/node';
import { type DraftStatus, STATUS_NOTIFICATION } from '../protocol';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  services.diagnostics.onValidated(({ state, scope }) => {
    const { document, analysis } = state;
    const status: DraftStatus = {
      uri: document.uri,
      version: document.version,
      isDraft: scope.draft,
      draftReason: scope.reason,
      bracketedPassages: analysis.brackets.passages.length,
      alternatives: analysis.brackets.alternatives,
      unbalancedBrackets: analysis.brackets.unmatched.length,
      references: analysis.references.length,
    };
    services.background('status', connection.sendNotification(STATUS_NOTIFICATION, status));
  });
}
