// What the tool knows, over LSP (issue #12): the bundled Global Compact answers pinpoints and
// objectives, hovers say where each fact came from, and "superseded" is judged as of the draft's
// own date, with a fix that rewrites the whole citation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { positionOf, startServer, waitFor, type TestServer } from './lspClient';

describe('knowledge over LSP', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  async function hover(uri: string, text: string, needle: string, delta = 1): Promise<string> {
    const result = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, delta) })) as Hover | null;
    assert.ok(result, `no hover on "${needle}"`);
    return (result.contents as MarkupContent).value;
  }

  const diagnosticsOf = (uri: string, version: number) =>
    waitFor(() => server.diagnostics.get(uri)?.find((p) => p.version === version), 8000, `diagnostics of ${uri} v${version}`).then((p) => p.diagnostics);

  test('"paragraph 21 of resolution 73/195" and "objective 5 (b)" show the Compact’s text', async () => {
    const uri = 'file:///tmp/knowledge-compact.md';
    // A draft (its heading says so): the empty diagnostics below are the rules' answer, not silence.
    const text = '*The General Assembly*,\n\nRecalling paragraph 21 of resolution 73/195, and objective 5 (b) of the Global Compact,\n';
    await server.open(uri, text);
    const paragraph = await hover(uri, text, '73/195');
    assert.match(paragraph, /Paragraph 21: “We commit to adapt options and pathways for regular migration/);
    const action = await hover(uri, text, 'objective 5 (b)');
    assert.match(action, /Objective 5: Enhance availability and flexibility of pathways for regular migration \(paragraph 21 of the Compact\)/);
    assert.match(action, /Paragraph 21 \(b\): “Facilitate regional and cross-regional labour mobility/);
    assert.deepEqual((await diagnosticsOf(uri, 1)).map((d) => d.code), []);
  });

  test('hover says where each fact came from, and how far the registry’s knowledge reaches', async () => {
    const uri = 'file:///tmp/knowledge-provenance.md';
    const text = 'Recalling its resolutions 79/163 and 80/218,\n';
    await server.open(uri, text);
    const printed = await hover(uri, text, '79/163');
    assert.match(printed, /The right of the Palestinian people to self-determination/);
    assert.match(printed, /17 December 2024/);
    assert.match(printed, /on the report of the Third Committee/);
    assert.match(printed, /Sources: title, date, body, type and committee as printed on A\/RES\/79\/163/);
    const latest = await hover(uri, text, '80/218');
    assert.match(latest, /Status: latest known of its series \(the registry’s knowledge reaches session 80, December 2025\)/);
    assert.doesNotMatch(latest, /current/);
  });

  test('a resolution no text gives a title: the subject the citing texts agree on, said to be theirs', async () => {
    const uri = 'file:///tmp/knowledge-subject.md';
    const text = 'Reaffirming its resolution 53/199 of 15 December 1998,\n';
    await server.open(uri, text);
    const shown = await hover(uri, text, '53/199');
    assert.match(shown, /Subject, as other texts state it \(its title is not known\): proclamation of international years/);
    assert.match(shown, /Sources: subject and date as cited in A\/RES\/\d+\/\d+ and \d+ other texts · body and type from the symbol/);
    assert.match(shown, /15 December 1998/);
  });

  test('a draft dated 2023 citing 76/172 is right; one dated 2026 is told of 80/218, and the fix leaves no date-mismatch', async () => {
    // Both declare themselves drafts in their front matter, so the rules run on both.
    const body = 'Recalling its resolution 76/172 of 16 December 2021 on the protection of migrants,\n';
    const old = 'file:///tmp/knowledge-2023.md';
    await server.open(old, `---\ncompact-drafter: draft\ndate: 2023-12-15\n---\n${body}`);
    assert.deepEqual((await diagnosticsOf(old, 1)).map((d) => d.code), []);

    const uri = 'file:///tmp/knowledge-2026.md';
    const text = `---\ncompact-drafter: draft\ndate: 2026-02-10\n---\n${body}`;
    await server.open(uri, text);
    const diagnostics = await diagnosticsOf(uri, 1);
    assert.deepEqual(diagnostics.map((d) => d.code), ['superseded']);
    const superseded = diagnostics[0] as Diagnostic;
    assert.match(superseded.message as string, /^80\/218 of 18 December 2025 was the latest resolution on “Protection of migrants” at this draft’s date \(10 February 2026\), after resolution 76\/172 \(2021\)\./);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: superseded.range,
      context: { diagnostics: [superseded] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.diagnostics?.[0].code === 'superseded');
    assert.ok(fix?.edit?.documentChanges, 'a fix');
    const edits = (fix.edit.documentChanges[0] as TextDocumentEdit).edits.map((e) => ('newText' in e ? e.newText : ''));
    assert.deepEqual(edits, ['80/218', '18 December 2025']);
    // Applied as the client would, the draft has nothing left to say.
    const fixed = `---\ncompact-drafter: draft\ndate: 2026-02-10\n---\nRecalling its resolution 80/218 of 18 December 2025 on the protection of migrants,\n`;
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    assert.deepEqual((await diagnosticsOf(uri, 2)).map((d) => d.code), []);
  });
});
