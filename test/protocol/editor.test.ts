// The editor's trust, over real LSP messages: ordinary Markdown stays quiet (and says so in the
// status), the drafter turns checking on and off, VS Code's own outline is not duplicated, and a
// corpus file created after start is used by the hover, through watchers the server registers; the
// quick fixes beside each finding (fix all, disable for this line) and source.fixAll.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT, positionOf, startServer, waitFor, type TestServer } from './lspClient';

const README = [
  '# Deploying the service',
  '',
  'Requests to the API are retried; see paragraph 3 below. Our policy follows A/RES/71/1.',
  '',
  '- [ ] Review [the draft',
  '',
  '2. Deploy',
  '2. Deploy',
  '',
].join('\n');

interface Status {
  uri: string;
  version: number;
  isDraft?: boolean;
  draftReason?: string;
}

const hoverText = async (server: TestServer, uri: string, text: string, needle: string, delta = 1) => {
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, delta) })) as Hover | null;
  return hover ? (hover.contents as MarkupContent).value : undefined;
};

describe('ordinary Markdown is not a draft', () => {
  let server: TestServer;
  const statuses: Status[] = [];
  const readmeUri = 'file:///tmp/team/README.md';
  const lastPublished = (uri: string) => server.diagnostics.get(uri)?.at(-1);
  before(async () => {
    server = await startServer();
    server.connection.onNotification('compactDrafter/status', (status: Status) => {
      statuses.push(status);
    });
    await server.open(readmeUri, README);
  });
  after(() => server.stop());

  test('the team README of issue 14: no diagnostics, no fixes, and the status says it is no draft', async () => {
    const published = await waitFor(() => lastPublished(readmeUri), 5000, 'diagnostics of the README');
    assert.deepEqual(published.diagnostics, []);
    const status = await waitFor(() => statuses.find((s) => s.uri === readmeUri), 5000, 'status');
    assert.equal(status.isDraft, false);
    assert.match(status.draftReason!, /no draft heading/);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: readmeUri },
      range: { start: { line: 6, character: 0 }, end: { line: 7, character: 8 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.deepEqual(actions, []);
  });

  test('a citation is still explained; "Requests" gets no drafting note', async () => {
    assert.match((await hoverText(server, readmeUri, README, 'A/RES/71/1')) ?? '', /New York Declaration/);
    assert.equal(await hoverText(server, readmeUri, README, 'Requests'), undefined);
  });

  test('a dozen real READMEs and changelogs from node_modules get no diagnostic', async () => {
    const files = ['yaml/README.md', 'esbuild/README.md', 'typescript/README.md', 'mocha/README.md', 'marked/README.md', 'ajv/README.md', 'glob/README.md', 'minimatch/README.md', 'fast-check/README.md', 'docx/README.md', 'unified/readme.md', 'remark-parse/readme.md', 'vscode-languageserver/README.md'];
    for (const file of files) {
      const uri = `file:///tmp/packages/${file}`;
      await server.open(uri, readFileSync(join(ROOT, 'node_modules', file), 'utf8'));
    }
    for (const file of files) {
      const published = await waitFor(() => lastPublished(`file:///tmp/packages/${file}`), 10_000, file);
      assert.deepEqual(published.diagnostics, [], file);
    }
  });

  test('"Check this file as a draft" turns the rules on, and off again', async () => {
    const count = server.diagnostics.get(readmeUri)!.length;
    await server.connection.sendNotification('compactDrafter/setDraft', { uri: readmeUri, draft: true });
    const checked = await waitFor(() => server.diagnostics.get(readmeUri)!.slice(count).find((p) => p.diagnostics.length > 0), 5000, 'diagnostics once turned on');
    // What the issue saw on this README: the task list's "[the draft" read as an unclosed negotiation bracket.
    assert.ok(checked.diagnostics.some((d) => d.code === 'unbalanced-brackets'), JSON.stringify(checked.diagnostics.map((d) => d.code)));
    assert.equal(statuses.filter((s) => s.uri === readmeUri).at(-1)!.isDraft, true);
    const before = server.diagnostics.get(readmeUri)!.length;
    await server.connection.sendNotification('compactDrafter/setDraft', { uri: readmeUri, draft: null });
    const quiet = await waitFor(() => server.diagnostics.get(readmeUri)!.slice(before).at(-1), 5000, 'diagnostics once returned to automatic');
    assert.deepEqual(quiet.diagnostics, []);
  });

  test('a draft that declares itself is checked', async () => {
    const uri = 'file:///tmp/team/flagged.md';
    await server.open(uri, readFileSync(join(ROOT, 'examples', 'flagged-draft.md'), 'utf8'));
    const published: PublishDiagnosticsParams = await waitFor(() => lastPublished(uri), 5000, 'diagnostics of the draft');
    assert.ok(published.diagnostics.length >= 10);
    const status = await waitFor(() => statuses.find((s) => s.uri === uri), 5000, 'status');
    assert.equal(status.draftReason, 'heading “The General Assembly,”');
  });
});

describe('colours for drafts only (semantic tokens)', () => {
  let server: TestServer;
  let refreshes = 0;
  const readmeUri = 'file:///tmp/colours/README.md';
  const tokensOf = async (uri: string) =>
    ((await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] }).data;
  before(async () => {
    server = await startServer({ capabilities: { workspace: { semanticTokens: { refreshSupport: true } } } });
    server.connection.onRequest('workspace/semanticTokens/refresh', () => {
      refreshes++;
      return null;
    });
    await server.open(readmeUri, README);
  });
  after(() => server.stop());

  test('the server offers semantic tokens with the legend package.json maps to calm scopes', () => {
    const provider = server.initialize.capabilities.semanticTokensProvider!;
    assert.equal(provider.full, true);
    assert.ok(provider.legend.tokenTypes.includes('unOpening'));
  });

  test('the team README of issue 14 gets no colours: "see paragraph 3 below" is no citation there', async () => {
    assert.deepEqual(await tokensOf(readmeUri), []);
  });

  test('the example draft is coloured: openings, citations, paragraph numbers, brackets', async () => {
    const uri = 'file:///tmp/colours/flagged.md';
    const text = readFileSync(join(ROOT, 'examples', 'flagged-draft.md'), 'utf8');
    await server.open(uri, text);
    const data = await tokensOf(uri);
    const legend = server.initialize.capabilities.semanticTokensProvider!.legend.tokenTypes;
    const kinds = new Set<string>();
    for (let i = 3; i < data.length; i += 5) kinds.add(legend[data[i]]);
    assert.deepEqual([...kinds].sort(), ['unBracket', 'unCitation', 'unOpening', 'unParagraphNumber', 'unPinpointNumber', 'unResolutionNumber', 'unSymbol']);
  });

  test('turning a file into a draft asks the editor for its colours again, and the README is then coloured', async () => {
    const before = refreshes;
    await server.connection.sendNotification('compactDrafter/setDraft', { uri: readmeUri, draft: true });
    await waitFor(() => (refreshes > before ? true : undefined), 5000, 'a semantic tokens refresh');
    assert.ok((await tokensOf(readmeUri)).length > 0);
    await server.connection.sendNotification('compactDrafter/setDraft', { uri: readmeUri, draft: null });
    assert.deepEqual(await tokensOf(readmeUri), []);
  });
});

describe('document symbols', () => {
  test('served to LSP clients, not to VS Code, whose Markdown outline already has the headings', async () => {
    const plain = await startServer();
    const vscode = await startServer({ initializationOptions: { documentSymbols: false } });
    try {
      assert.equal(plain.initialize.capabilities.documentSymbolProvider, true);
      assert.equal(vscode.initialize.capabilities.documentSymbolProvider, false);
    } finally {
      await Promise.all([plain.stop(), vscode.stop()]);
    }
  });
});

describe('corpus folders watched by the server', () => {
  let folder: string;
  let server: TestServer;
  const draftUri = () => `file://${folder}/drafts/draft.md`;
  const draft = '*The General Assembly*,\n\n*Recalling* its resolution A/77/5 of 1 March 2022,\n';
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cd-watch-'));
    mkdirSync(join(folder, 'corpus'));
    server = await startServer({
      workspaceFolder: folder,
      initializationOptions: { settings: { corpus: { paths: ['corpus', 'missing-texts'] } } },
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } },
    });
    await server.open(draftUri(), draft);
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the server registers one watcher per corpus folder and one per registry folder, tied to the folder', async () => {
    const registration = await waitFor(() => server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 5000, 'watcher registration');
    const watchers = (registration.registerOptions as { watchers: { globPattern: { baseUri: string; pattern: string } }[] }).watchers;
    assert.deepEqual(
      watchers.map((w) => w.globPattern),
      [
        { baseUri: `file://${folder}/corpus`, pattern: '**/*.{md,markdown,txt}' },
        { baseUri: `file://${folder}/missing-texts`, pattern: '**/*.{md,markdown,txt}' },
        // Registry files written by the CLI or by hand reload the server too.
        { baseUri: `file://${folder}/.compact-drafter/registry`, pattern: '*.json' },
      ],
    );
  });

  test('a corpus file created after start is used by the hover within a second of the event', async () => {
    assert.doesNotMatch((await hoverText(server, draftUri(), draft, 'A/77/5')) ?? '', /Watched report/);
    const file = join(folder, 'corpus', 'A-77-5.md');
    writeFileSync(file, '---\nsymbol: A/77/5\ntitle: Watched report\ndate: 2022-03-01\n---\n1. First paragraph.\n');
    const sent = Date.now();
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${file}`, type: 1 }] });
    await waitFor(async () => ((await hoverText(server, draftUri(), draft, 'A/77/5')) ?? '').includes('Watched report') || undefined, 1000, 'the new text in the hover');
    assert.ok(Date.now() - sent < 1000);
  });

  test('a configured folder created later is read even when no file event arrives (a watcher can miss a new folder)', async () => {
    mkdirSync(join(folder, 'missing-texts'));
    writeFileSync(join(folder, 'missing-texts', 'A-77-6.md'), '---\nsymbol: A/77/6\ntitle: Found without an event\n---\n1. Text.\n');
    const text = '*The General Assembly*,\n\n*Recalling* A/77/6,\n';
    const uri = `file://${folder}/drafts/second.md`;
    await server.open(uri, text);
    await waitFor(async () => ((await hoverText(server, uri, text, 'A/77/6')) ?? '').includes('Found without an event') || undefined, 5000, 'the new folder’s text in the hover');
  });

  test('a missing corpus folder is said once, plainly', async () => {
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${folder}/corpus/A-77-5.md`, type: 2 }] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const said = server.logs.filter((line) => line.includes('missing-texts') && line.includes('does not exist'));
    assert.equal(said.length, 1, said.join('\n'));
    assert.match(said[0], /missing-texts \(compactDrafter\.corpus\.paths\) does not exist/);
  });
});

describe('the quick fixes drafters expect, over LSP', () => {
  const uri = 'file:///tmp/fixes/draft.md';
  const text = ['*The General Assembly*,', '', '*Recalling* A/Res/71/280 and a/res/71/1,', '', '1. *Affirms* that governance is fragmented (see A/68/283, para. 150);', ''].join('\n');
  let server: TestServer;
  before(async () => {
    server = await startServer();
    await server.open(uri, text);
  });
  after(() => server.stop());

  const diagnostics = () => waitFor(() => server.diagnostics.get(uri)?.at(-1)?.diagnostics.length ? server.diagnostics.get(uri)!.at(-1)!.diagnostics : undefined, 8000, 'diagnostics');
  const actionsFor = async (code: string, only?: string[]) => {
    const diagnostic = (await diagnostics()).find((d) => d.code === code)!;
    return (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], ...(only ? { only } : {}) } })) as CodeAction[];
  };
  const newTexts = (action: CodeAction) => (action.edit!.documentChanges![0] as { edits: { newText: string }[] }).edits.map((e) => e.newText);

  test('the server offers source.fixAll beside quick fixes', () => {
    assert.deepEqual((server.initialize.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll']);
  });

  test('on a malformed symbol: its own fix, then fix all of them in this file, then disable for this line', async () => {
    const actions = await actionsFor('malformed-symbol');
    assert.deepEqual(actions.map((a) => a.title), ['Write A/RES/71/280', 'Fix all malformed-symbol in this file (2)', 'Disable malformed-symbol for this line']);
    assert.deepEqual(newTexts(actions[1]!), ['A/RES/71/280', 'A/RES/71/1']);
    // The README's comment, ending the line above so the paragraph is not split.
    assert.match(newTexts(actions[2]!).join(''), /<!-- compact-drafter-disable-next-line malformed-symbol -->/);
  });

  test('source.fixAll (on save) gets the sure fixes of every rule in one action, and nothing else', async () => {
    const actions = await actionsFor('no-such-paragraph', ['source.fixAll']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll');
    assert.deepEqual(newTexts(actions[0]!), ['A/RES/71/280', 'A/RES/71/1']);
  });
});
