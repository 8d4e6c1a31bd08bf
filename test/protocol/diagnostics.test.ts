import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { positionOf, startServer, waitFor, type TestServer } from './lspClient';

const uri = 'file:///tmp/diagnostics-draft.md';
// A snippet declares nothing: it is checked as the drafter's command "Check this file as a draft" would have it.
const asDraft = { draftOverrides: { [uri]: true } };
const draft = ['Recalling its resolution 67/172 of 20 December 2012,', '', 'See A/Res/71/280 and A/RES/99/999.', ''].join('\n');

describe('diagnostics and quick fixes over LSP', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ initializationOptions: asDraft });
    await server.open(uri, draft);
  });
  after(() => server.stop());

  const published = (version: number) =>
    waitFor(() => server.diagnostics.get(uri)?.find((p) => p.version === version), 5000, `diagnostics for version ${version}`);

  test('diagnostics are published after open, with stable codes and the source', async () => {
    const { diagnostics } = await published(1);
    const codes = diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['malformed-symbol', 'superseded', 'unknown-document']);
    assert.ok(diagnostics.every((d) => d.source === 'compact-drafter'));
    const superseded = diagnostics.find((d) => d.code === 'superseded')!;
    assert.equal(superseded.severity, 2);
    assert.deepEqual(superseded.range.start, positionOf(draft, '67/172'));
  });

  test('the quick fix comes back for each fixable code, as a versioned edit of the cited text only', async () => {
    const { diagnostics } = await published(1);
    for (const code of ['superseded', 'malformed-symbol']) {
      const diagnostic = diagnostics.find((d) => d.code === code) as Diagnostic;
      const actions = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      const fix = actions.find((a) => a.diagnostics?.[0].code === code);
      assert.ok(fix, `a fix for ${code}`);
      assert.equal(fix.kind, 'quickfix');
      const change = fix.edit!.documentChanges![0] as TextDocumentEdit;
      assert.deepEqual(change.textDocument, { uri, version: 1 });
      // The edits rewrite what the diagnostic marks, and nothing else ("67/172 of 20 December 2012" → "80/218 of 18 December 2025").
      const within = (p: { line: number; character: number }) =>
        (p.line > diagnostic.range.start.line || (p.line === diagnostic.range.start.line && p.character >= diagnostic.range.start.character)) &&
        (p.line < diagnostic.range.end.line || (p.line === diagnostic.range.end.line && p.character <= diagnostic.range.end.character));
      for (const edit of change.edits) assert.ok(within(edit.range.start) && within(edit.range.end), JSON.stringify(edit));
      assert.deepEqual(change.edits[0].range.start, diagnostic.range.start);
      assert.equal((change.edits[0] as { newText: string }).newText, code === 'superseded' ? '80/218' : 'A/RES/71/280');
    }
  });

  test('after an edit, diagnostics are published again for the new version', async () => {
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: positionOf(draft, '67/172'), end: positionOf(draft, '67/172', 26) }, text: '80/218 of 20 December 2025' }],
    });
    const { diagnostics } = await published(2);
    // The successor is cited now, but with a wrong day: the registry has 18 December 2025.
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['date-mismatch', 'malformed-symbol', 'unknown-document']);
    assert.match(String(diagnostics.find((d) => d.code === 'date-mismatch')!.message), /18 December 2025/);
  });

  test('a burst of edits publishes the last version, and no stale one after it', async () => {
    let text = draft.replace('67/172', '80/218');
    for (let version = 3; version <= 12; version++) {
      text = `${text}x`;
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    await published(12);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const versions = server.diagnostics.get(uri)!.map((p) => p.version!);
    assert.equal(versions[versions.length - 1], 12);
    assert.ok(versions.filter((v) => v > 2 && v < 12).length < 9, `debounced: ${versions.join(',')}`);
  });

  test('closing the draft clears its diagnostics', async () => {
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await waitFor(() => (server.diagnostics.get(uri)!.at(-1)!.diagnostics.length === 0 ? true : undefined), 5000, 'cleared diagnostics');
  });
});

describe('a quick fix for every fixable code', () => {
  const flaggedUri = 'file:///tmp/every-fix.md';
  const text = [
    '*Recalling* its resolution 71/1 of 19 September 2016, entitled “New York Declaration for Migrants and Refugees”,',
    '',
    '*Recalling also* its resolution 71/280 of 6 April 2016, its resolution 67/172 and resolution A/Res/72/244,',
    '',
    '*Noting* that “States have the power to determine who enters and stays in their territory” (A/68/283, para. 91),',
    '',
    '1. *Affirms* that, in the words of A/68/283, para. 150, “the Special Rapporteur believes that the proposal to bring IOM inside the United Nations system is worthy of further discussions”;',
    '',
    '2. *Recalls* paragraph 3 above;',
    '',
    '3. *Encourages* States to act;',
    '',
    '3. *Invites* States to report;',
    '',
  ].join('\n');
  const expected: Record<string, string> = {
    'title-mismatch': 'New York Declaration for Refugees and Migrants',
    'date-mismatch': '6 April 2017',
    superseded: '80/218',
    'malformed-symbol': 'A/RES/72/244',
    'quote-mismatch': '90',
    'no-such-paragraph': '115',
    'broken-internal-reference': 'below',
    'paragraph-numbering': '4',
  };
  let server: TestServer;
  before(async () => {
    server = await startServer();
    await server.open(flaggedUri, text);
  });
  after(() => server.stop());

  for (const [code, newText] of Object.entries(expected)) {
    test(`${code}: the server offers a fix whose edit writes “${newText}”`, async () => {
      const { diagnostics } = await waitFor(() => server.diagnostics.get(flaggedUri)?.find((p) => p.version === 1), 5000, 'diagnostics');
      const diagnostic = diagnostics.find((d) => d.code === code);
      assert.ok(diagnostic, `${code} in ${diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n')}`);
      const actions = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: flaggedUri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      const fix = actions.find((a) => a.diagnostics?.[0].code === code);
      assert.ok(fix, `a code action for ${code}: ${actions.map((a) => a.title).join(', ')}`);
      const edits = (fix.edit!.documentChanges![0] as TextDocumentEdit).edits as { newText: string }[];
      assert.ok(edits.some((e) => e.newText === newText), `${fix.title}: ${JSON.stringify(edits)}`);
    });
  }
});

describe('a draft above compactDrafter.maxDocumentSize', () => {
  test('is read as plain lines: citations checked and hovered, structure rules skipped, and it says so', { timeout: 60_000 }, async () => {
    const server = await startServer({
      initializationOptions: { settings: { maxDocumentSize: 50_000 }, draftOverrides: { 'file:///tmp/huge-draft.md': true, 'file:///tmp/small-draft.md': true } },
    });
    try {
      const bigUri = 'file:///tmp/huge-draft.md';
      // "paragraph 9 above" and the duplicate numbers would be flagged in a parsed draft; not on plain lines.
      const big = '1. Recalling its resolution 67/172, as in paragraph 9 above,\n\n'.repeat(5000);
      await server.open(bigUri, big);
      const { diagnostics } = await waitFor(() => server.diagnostics.get(bigUri)?.at(-1), 30_000, 'diagnostics of the big draft');
      assert.equal(diagnostics[0]!.code, 'document-too-large');
      assert.match(String(diagnostics[0]!.message), /^Read as plain lines: 0\.3 million characters, above compactDrafter\.maxDocumentSize \(0\.1 million\)\.$/);
      assert.ok(String(diagnostics[0]!.message).length <= 100, 'the fact fits a Problems row');
      assert.match(diagnostics[0]!.relatedInformation![0]!.message, /paragraph-numbering, broken-internal-reference skipped/);
      const codes = new Map<string, number>();
      for (const d of diagnostics.slice(1)) codes.set(String(d.code), (codes.get(String(d.code)) ?? 0) + 1);
      assert.deepEqual([...codes], [['superseded', 5000]]);
      const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: bigUri }, position: { line: 2, character: 30 } })) as Hover;
      assert.match((hover.contents as MarkupContent).value, /A\/RES\/67\/172/);
      const smallUri = 'file:///tmp/small-draft.md';
      await server.open(smallUri, 'Recalling its resolution 67/172,\n');
      const small = await waitFor(() => server.diagnostics.get(smallUri)?.at(-1), 5000, 'diagnostics of the small draft');
      assert.deepEqual(small.diagnostics.map((d) => d.code), ['superseded']);
    } finally {
      await server.stop();
    }
  });
});

// VS Code's client pulls diagnostics (LSP 3.17) when it can: answered at once for the version it has.
describe('pull diagnostics', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({
      initializationOptions: asDraft,
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
    });
    await server.open(uri, draft);
  });
  after(() => server.stop());

  const pull = async () =>
    (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diagnostic[] };

  test('the server announces pull diagnostics and answers a pull with the same findings', async () => {
    assert.equal((server.initialize.capabilities.diagnosticProvider as { identifier?: string } | undefined)?.identifier, 'compact-drafter');
    const report = await pull();
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => d.code).sort(), ['malformed-symbol', 'superseded', 'unknown-document']);
  });

  // This test client does not implement workspace/diagnostic/refresh: the error it answers once the
  // corpus has loaded used to be an unhandled rejection that ended the server.
  test('a client that fails the refresh request is logged, and the server keeps serving', async () => {
    await waitFor(() => server.logs.find((line) => /diagnostics refresh failed/.test(line)), 10_000, 'the refresh failure in the log');
    assert.equal(server.process.exitCode, null);
    assert.equal((await pull()).kind, 'full');
  });

  test('after an edit a pull reflects the new version, and nothing is pushed', async () => {
    const start = positionOf(draft, 'A/Res/71/280');
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 'A/Res/71/280'.length } }, text: 'A/RES/71/280' }],
    });
    const report = await pull();
    assert.deepEqual(report.items.map((d) => d.code).sort(), ['superseded', 'unknown-document']);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(server.diagnostics.get(uri), undefined, 'no publishDiagnostics in pull mode');
  });
});
