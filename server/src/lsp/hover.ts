// Hover: a citation's document (with its counts in the draft and the workspace), else in drafts the
// agreed language a passage reuses, else the note on an operative or preambular verb.
import { type Connection, MarkupKind } from 'vscode-languageserver/node';
import { hoverAt } from '../features/hover';
import { reuseHoverAt } from '../features/reuseHover';
import { verbHoverAt } from '../features/verbHover';
import type { Services } from './services';
import { lspRange } from '../text/lspRange';

export function register(connection: Connection, services: Services): void {
  const { configuration } = services;
  connection.onHover((params, token) =>
    services.guard('hover', null, async () => {
      const state = await services.analysisOf(params.textDocument.uri, token);
      if (!state) return null;
      const { analysis, document, corpus: current } = state;
      const { drafts, reuse } = services;
      const offset = document.offsetAt(params.position);
      // Outside drafts only a citation is explained: no reuse or verb notes on a README's "Requests".
      const draft = services.draftDecision(document).draft;
      const hover =
        hoverAt(analysis, offset, {
          corpus: current,
          counts: (symbol) => ({
            draft: analysis.references.filter((ref) => ref.symbol === symbol).length,
            workspace: drafts.ready && configuration.workspaceFolders.length ? drafts.count(symbol) : undefined,
          }),
        }) ??
        (!draft || state.plain ? undefined : reuseHoverAt(services.reuseMatchesOf(state, reuse.isReady(current) ? reuse.matches(analysis, current, configuration.settings.reuse, document.uri) : []), offset)) ??
        (draft ? verbHoverAt(analysis, offset) : undefined);
      if (!hover) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: hover.markdown },
        range: lspRange(document, hover.range),
      };
    }, token),
  );
}
