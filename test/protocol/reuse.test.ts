// Reused agreed language over real LSP messages: the diagnostic, its quick fix, the hover and the
// request behind "Show reused agreed language".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { ROOT, startServer, type TestServer, waitFor } from './lspClient';

const text = readFileSync(join(ROOT, 'server', 'data', 'corpus', 'A-71-285-excerpt.txt'), 'utf8');
// Named as the corpus names it: the excerpt is A/71/285, so it is not its own source.
const uri = 'file:///tmp/drafts/A-71-285-excerpt.txt';

describe('reused agreed language over stdio', () => {
  let server: TestServer;
  let diagnostics: Diagnostic[];
  before(async () => {
    server = await startServer({
      capabilities: { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } },
      initializationOptions: { draftOverrides: { [uri]: true } },
    });
    await server.open(uri, text);
    // The first answer does not wait for the reuse index: the server builds it in a pause after the
    // corpus texts are parsed, then the client pulls again (here: asks until it is there).
    const pull = async () =>
      ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items.filter(
        (d) => d.code === 'altered-agreed-language',
      );
    assert.deepEqual(await pull(), [], 'the first diagnostics come before the index');
    diagnostics = await waitFor(async () => {
      // As an editor asks: now and then, not in a busy loop that would keep the server from its pauses.
      await new Promise((resolve) => setTimeout(resolve, 250));
      const found = await pull();
      return found.length ? found : undefined;
    }, 30_000, 'altered-agreed-language once the index is built');
  });
  after(() => server.stop());

  test('an information diagnostic on each altered copy, naming its source', () => {
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, String(d.message).split(' (')[0]]),
      [
        [3, 'Adapted from A/68/283, paragraph 11'],
        [3, 'Adapted from A/68/283, paragraph 90'],
      ],
    );
  });

  test('its quick fix restores the agreed wording', async () => {
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics: [diagnostics[0]] },
    })) as CodeAction[];
    const restore = actions.find((a) => a.title === 'Restore agreed wording');
    assert.ok(restore, actions.map((a) => a.title).join(', '));
    const edit = JSON.stringify(restore.edit);
    assert.match(edit, /trafficking/);
  });

  test('the hover shows the source, the score and the words altered', async () => {
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: diagnostics[0]!.range.start })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*Agreed language\*\* from A\/68\/283, paragraph 11 · 97 % the same/);
    assert.match(value, /~~trafficking~~/);
  });

  test('the matches request lists every reused passage for the command', async () => {
    const matches = (await server.connection.sendRequest('compactDrafter/reuseMatches', { uri })) as { source: { symbol: string; paragraphs: string[] }; altered: boolean }[];
    assert.deepEqual(
      matches.map((m) => [m.source.symbol, m.source.paragraphs.join(), m.altered]),
      [
        ['A/68/283', '11', true],
        ['A/68/283', '90', true],
        ['A/68/283', '90', false],
      ],
    );
  });
});
