// The drafting-language features over real LSP messages: completion, verb hover, workspace
// symbols, Find All References across the workspace's drafts, and the Insert citation… choices.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList, Hover, Location, MarkupContent, SymbolInformation } from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { positionOf, startServer, type TestServer, waitFor } from './lspClient';

const OPEN_DRAFT = [
  '# Draft resolution',
  '',
  '*Recalling* its resolution 71/280 of 6 April 2017,',
  '',
  '*Urges* Member States to implement resolution 71/1, annex II, paragraph 8,',
  '',
  'See resolution 71/',
  '',
  'See A/68/283, para. ',
  '',
].join('\n');

const SAVED_DRAFT = ['# Another draft', '', '*Recalling also* General Assembly resolution 71/280,', '', 'and A/RES/71/280, paragraph 8,', ''].join('\n');

describe('drafting language over stdio', () => {
  let server: TestServer;
  let folder: string;
  let uri: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cd-drafting-'));
    writeFileSync(join(folder, 'saved.md'), SAVED_DRAFT);
    uri = `file://${join(folder, 'open.md')}`;
    writeFileSync(join(folder, 'open.md'), OPEN_DRAFT);
    server = await startServer({ workspaceFolder: folder });
    await server.open(uri, OPEN_DRAFT);
  });
  after(() => server.stop());

  const complete = async (needle: string, delta: number, triggerCharacter?: string): Promise<CompletionItem[]> => {
    const result = (await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: positionOf(OPEN_DRAFT, needle, delta),
      context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    })) as CompletionItem[] | CompletionList | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  };

  test('announces completion, references and workspace symbols', () => {
    const caps = server.initialize.capabilities;
    assert.ok(caps.completionProvider?.triggerCharacters?.includes('/'));
    assert.equal(caps.referencesProvider, true);
    assert.equal(caps.workspaceSymbolProvider, true);
  });

  test('after "resolution 71/" the registry offers its 71st-session resolutions with title and date, the cited first', async () => {
    const items = await complete('See resolution 71/', 'See resolution 71/'.length, '/');
    const labels = items.map((item) => item.label);
    assert.ok(labels.length >= 2, labels.join(' | '));
    const first = items[0]!;
    assert.match(String(first.label), /71\/(280|1)\b/);
    const i280 = items.find((item) => /71\/280/.test(String(item.label)))!;
    assert.ok(i280, labels.join(' | '));
    const detail = `${i280.detail ?? ''} ${JSON.stringify(i280.documentation ?? '')} ${JSON.stringify(i280.labelDetails ?? '')}`;
    assert.match(detail, /Modalities for the intergovernmental negotiations/);
    assert.match(detail, /2017/);
    assert.ok(!labels.some((label) => /\b72\//.test(String(label))), 'only 71st-session documents');
    // Shown on every row, not only the focused one.
    assert.match(i280.labelDetails?.detail ?? '', /^ Modalities for the /);
    assert.equal(i280.labelDetails?.description, '6 April 2017');
  });

  test('after a document and "para." the paragraphs are offered with their first words', async () => {
    const items = await complete('See A/68/283, para. ', 'See A/68/283, para. '.length, ' ');
    const p90 = items.find((item) => item.label === '90' || String(item.label).startsWith('90'));
    assert.ok(p90, items.slice(0, 5).map((i) => i.label).join(' | '));
    assert.match(`${p90.detail ?? ''} ${JSON.stringify(p90.documentation ?? '')}`, /States have the power to determine/);
  });

  test('hover over an operative verb explains its force', async () => {
    const result = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(OPEN_DRAFT, '*Urges*', 2),
    })) as Hover | null;
    assert.ok(result);
    assert.match((result.contents as MarkupContent).value, /[Uu]rges/);
    assert.match((result.contents as MarkupContent).value, /encourag|calls upon|stronger/i);
  });

  test('Find All References lists the citations of the document in every draft of the workspace', async () => {
    const locations = (await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: positionOf(OPEN_DRAFT, 'resolution 71/280', 14),
      context: { includeDeclaration: true },
    })) as Location[];
    const files = locations.map((l) => l.uri.split('/').pop());
    assert.deepEqual(files.sort(), ['open.md', 'saved.md', 'saved.md']);
    const saved = locations.filter((l) => l.uri.endsWith('saved.md'));
    assert.deepEqual(
      saved.map((l) => l.range.start.line),
      [2, 4],
    );
  });

  // Texts the corpus holds (there is something to go to); registry-only documents are reached by hover links.
  test('workspace symbols search the corpus texts by symbol and by title', async () => {
    const bySymbol = (await server.connection.sendRequest('workspace/symbol', { query: '68/283' })) as SymbolInformation[];
    assert.deepEqual(
      bySymbol.map((s) => s.name.split(' — ')[0]),
      ['A/68/283'],
    );
    // A file on disk, which any editor opens (the custom scheme is for a client that opts in).
    assert.match(bySymbol[0]!.location.uri, /^file:\/\/.*\/server\/data\/corpus\/A-68-283\.md$/);
    const byTitle = (await server.connection.sendRequest('workspace/symbol', { query: 'global migration governance' })) as SymbolInformation[];
    assert.deepEqual(
      byTitle.map((s) => s.name.split(' — ')[0]),
      ['A/68/283'],
    );
    const all = (await server.connection.sendRequest('workspace/symbol', { query: 'human rights of migrants' })) as SymbolInformation[];
    assert.deepEqual(all.map((s) => s.name.split(' — ')[0]).sort(), ['A/68/283', 'A/71/285']);
  });

  test('Insert citation… choices put the draft\'s own citations first, in three house forms', async () => {
    const choices = (await server.connection.sendRequest('compactDrafter/citationChoices', { uri })) as {
      label: string;
      cited: boolean;
      citations: { long: string; short: string; 'full-symbol': string };
    }[];
    assert.ok(choices.length > 5);
    const cited = choices.filter((c) => c.cited);
    assert.ok(cited.length >= 2);
    assert.ok(choices.indexOf(cited[cited.length - 1]!) < choices.findIndex((c) => !c.cited));
    const c280 = choices.find((c) => c.citations['full-symbol'] === 'A/RES/71/280')!;
    assert.equal(c280.citations.long, 'General Assembly resolution 71/280 of 6 April 2017');
    assert.equal(c280.citations.short, 'resolution 71/280');
  });
});

describe('cancellation', () => {
  // A workspace corpus of many files keeps the server loading for a while after it starts; a hover
  // sent then waits for the corpus, and a $/cancelRequest sent meanwhile must stop it.
  test('a hover cancelled while it waits is answered RequestCancelled, and the next one is answered', { timeout: 60_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cd-cancel-'));
    const corpusDir = join(folder, 'corpus');
    mkdirSync(corpusDir);
    for (let i = 0; i < 4000; i++) writeFileSync(join(corpusDir, `doc-${i}.md`), `---\nsymbol: A/72/${1000 + i}\n---\n\n1. Text ${i}.\n`);
    const uri = `file://${join(folder, 'draft.md')}`;
    const text = 'Recalling its resolution 71/280 of 6 April 2017,\n';
    const server = await startServer({ workspaceFolder: folder });
    try {
      await server.open(uri, text);
      const source = new CancellationTokenSource();
      const hover = server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '71/280') }, source.token);
      source.cancel();
      const cancelledAt = server.logs.length;
      await assert.rejects(hover, (error: { code?: number }) => error.code === -32800);
      // The test is only meaningful if the corpus was still loading when the cancel was sent.
      const loadedAt = server.logs.findIndex((line) => /^corpus: \d+ registry entries/.test(line));
      assert.ok(loadedAt === -1 || loadedAt >= cancelledAt, `the corpus had loaded before the cancel: ${server.logs.slice(0, 3).join(' | ')}`);
      const answered = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '71/280') })) as Hover;
      assert.match((answered.contents as MarkupContent).value, /A\/RES\/71\/280/);
    } finally {
      await server.stop();
    }
  });
});

describe('parsed corpus cache', () => {
  test('the server parses the corpus texts in the background and caches them where the client says', { timeout: 60_000 }, async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'cd-server-cache-'));
    const server = await startServer({ initializationOptions: { cacheDir } });
    try {
      const models = join(cacheDir, 'models');
      const files = await waitFor(() => {
        const found = existsSync(models) ? readdirSync(models).filter((f) => f.endsWith('.model.json')) : [];
        return found.length === 3 ? found : undefined;
      }, 30_000, 'three cached models (the bundled texts)');
      assert.equal(files.length, 3);
    } finally {
      await server.stop();
    }
  });
});
