// The server as other LSP editors meet it, each test with the client capabilities (or options) that
// showed the problem in the real client: Neovim 0.7 (vim.lsp), Emacs Eglot 1.9 (Debian) and 1.24,
// VS Code's client. test/interop/ drives the real Neovim and Eglot.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList, Diagnostic, Hover, Location, MarkupContent, SymbolInformation } from 'vscode-languageserver-protocol';
import { positionOf, ROOT, startServer, type TestServer, waitFor } from './lspClient';

const EXAMPLE = join(ROOT, 'examples', 'draft-resolution.md');
const exampleText = readFileSync(EXAMPLE, 'utf8');
const exampleUri = pathToFileURL(EXAMPLE).href;

/** The subsets of each client's initialize capabilities that the server reads. */
const NEOVIM_07 = {
  textDocument: { completion: { completionItem: { snippetSupport: false } }, hover: { contentFormat: ['markdown', 'plaintext'] } },
  workspace: { configuration: true },
};
const EGLOT_19 = { textDocument: { completion: { completionItem: { snippetSupport: false } } }, workspace: { configuration: true } };
/** Eglot 1.24 pulls diagnostics but does not take workspace/diagnostic/refresh. */
const EGLOT_124 = { ...EGLOT_19, textDocument: { ...EGLOT_19.textDocument, diagnostic: { dynamicRegistration: false } } };
const VSCODE = {
  textDocument: { completion: { completionItem: { snippetSupport: true } }, diagnostic: { dynamicRegistration: true } },
  workspace: { diagnostics: { refreshSupport: true }, didChangeConfiguration: { dynamicRegistration: true } },
};

async function complete(server: TestServer, uri: string, text: string, needle: string, delta = needle.length): Promise<CompletionItem[]> {
  const result = (await server.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: positionOf(text, needle, delta),
  })) as CompletionItem[] | CompletionList;
  return Array.isArray(result) ? result : result.items;
}

/** The line after applying an item's textEdit, as an editor that honours the range does. */
function applyEdit(line: string, item: CompletionItem): string {
  const edit = item.textEdit as { range: { start: { character: number }; end: { character: number } }; newText: string };
  return line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
}

describe('go to definition into a bundled text', () => {
  const cited = positionOf(exampleText, 'A/68/283, para. 115', 2);

  test('Neovim and Emacs get the file on disk, and the cited paragraph is at the range', async () => {
    const server = await startServer({ capabilities: NEOVIM_07 });
    try {
      await server.open(exampleUri, exampleText);
      const [location] = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: exampleUri }, position: cited })) as Location[];
      assert.match(location!.uri, /^file:\/\//);
      const path = fileURLToPath(location!.uri);
      assert.ok(existsSync(path), path);
      assert.match(readFileSync(path, 'utf8').split('\n')[location!.range.start.line]!, /^115\. The Special Rapporteur believes/);
      const [symbol] = (await server.connection.sendRequest('workspace/symbol', { query: '68/283' })) as SymbolInformation[];
      assert.equal(symbol!.location.uri, location!.uri);
      // Opened there, the bundled text (adopted in 2013, citing 67/172) is read, not checked.
      await server.open(location!.uri, readFileSync(path, 'utf8'));
      const published = await waitFor(() => server.diagnostics.get(location!.uri)?.at(-1), 10_000, 'diagnostics of the bundled text');
      assert.deepEqual(published.diagnostics, []);
    } finally {
      await server.stop();
    }
  });

  test('a client that opts in (initializationOptions.bundledTextScheme, as VS Code does) gets compact-drafter-corpus: and its text on request', async () => {
    const server = await startServer({ capabilities: VSCODE, initializationOptions: { bundledTextScheme: true } });
    try {
      await server.open(exampleUri, exampleText);
      const [location] = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: exampleUri }, position: cited })) as Location[];
      assert.equal(location!.uri, 'compact-drafter-corpus:/A-68-283.md');
      const text = (await server.connection.sendRequest('compactDrafter/corpusText', { uri: location!.uri })) as string;
      assert.match(text.split('\n')[location!.range.start.line]!, /^115\. The Special Rapporteur believes/);
    } finally {
      await server.stop();
    }
  });
});

describe('completion as each client inserts it', () => {
  // A draft declares itself (the resolution's heading): ordinary Markdown gets no drafting help.
  const draft = '*The General Assembly*,\n\nRecalling its resolution 71/\n\n1. *Urg\n';
  const uri = 'file:///tmp/clients/completion.md';

  test('Eglot without snippet support gets plain text with the placeholders’ defaults', async () => {
    const server = await startServer({ capabilities: EGLOT_19 });
    try {
      await server.open(uri, draft);
      const items = await complete(server, uri, draft, '1. *Urg');
      const urges = items.find((item) => item.label.startsWith('Urges'));
      assert.ok(urges, items.map((i) => i.label).join(', '));
      assert.notEqual(urges.insertTextFormat, 2);
      const newText = (urges.textEdit as { newText: string }).newText;
      assert.doesNotMatch(newText, /\$\{?\d/, newText);
      assert.match(newText, /^\*Urges\* States to /);
      for (const item of items) assert.doesNotMatch((item.textEdit as { newText: string } | undefined)?.newText ?? '', /\$\{\d/, item.label);
    } finally {
      await server.stop();
    }
  });

  test('a client with snippet support (VS Code) gets the snippet with its placeholders', async () => {
    const server = await startServer({ capabilities: VSCODE });
    try {
      await server.open(uri, draft);
      const urges = (await complete(server, uri, draft, '1. *Urg')).find((item) => item.label.startsWith('Urges'));
      assert.equal(urges?.insertTextFormat, 2);
      assert.match((urges!.textEdit as { newText: string }).newText, /\$\{1:States\}/);
    } finally {
      await server.stop();
    }
  });

  // Neovim 0.7's omnifunc uses the textEdit range only when no item has filterText and all start at the
  // same character; otherwise it replaces the keyword before the cursor ("resolution 71/71/280").
  test('Neovim 0.7: after "resolution 71/" no filterText equal to the label, one start for every edit, and the edit gives "resolution 71/280 of 6 April 2017"', async () => {
    const server = await startServer({ capabilities: NEOVIM_07 });
    try {
      await server.open(uri, draft);
      const items = await complete(server, uri, draft, 'resolution 71/');
      assert.ok(items.length >= 2, items.map((i) => i.label).join(', '));
      for (const item of items) assert.notEqual(item.filterText, item.label, `${item.label}: filterText repeats the label`);
      const starts = new Set(items.map((item) => (item.textEdit as { range: { start: { character: number } } }).range.start.character));
      assert.equal(starts.size, 1, 'every textEdit starts at the same character');
      const line = draft.split('\n').find((l) => l.startsWith('Recalling'))!;
      const resolution = items.find((item) => (item.textEdit as { newText: string }).newText.includes('280'));
      // The long citation form (the default) gives the date too, as the house style wants.
      assert.equal(applyEdit(line, resolution!), 'Recalling its resolution 71/280 of 6 April 2017');
    } finally {
      await server.stop();
    }
  });
});

describe('a workspace corpus that changes under Eglot 1.24 (pull without refresh)', () => {
  let folder: string;
  let server: TestServer;
  const draftText = '*The General Assembly*,\n\nRecalling A/99/1, para. 1, and its words.\n';
  let draftUri: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cd-clients-'));
    mkdirSync(join(folder, 'corpus'));
    draftUri = pathToFileURL(join(folder, 'draft.md')).href;
    server = await startServer({ workspaceFolder: folder, capabilities: EGLOT_124 });
    await server.open(draftUri, draftText);
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const latest = () => server.diagnostics.get(draftUri)?.at(-1)?.diagnostics as Diagnostic[] | undefined;

  test('the server does not offer pull diagnostics to a client that cannot be told to pull again: it pushes', async () => {
    assert.equal(server.initialize.capabilities.diagnosticProvider, undefined);
    const diagnostics = await waitFor(() => latest(), 10_000, 'pushed diagnostics');
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-document']);
  });

  test('a corpus file added on disk: fresh diagnostics are pushed without an edit', async () => {
    writeFileSync(
      join(folder, 'corpus', 'A-99-1.md'),
      '---\nsymbol: A/99/1\ntitle: A report on AT&T_like [bracketed] terms\ndate: 2020-01-01\n---\n1. States [consider] the Convention_on_Migrants & its <5 annexes.\n',
    );
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(folder, 'corpus', 'A-99-1.md')).href, type: 1 }] });
    await waitFor(() => (latest()?.length === 0 ? true : undefined), 10_000, 'diagnostics without unknown-document');
  });

  // Eglot renders hovers with markdown-mode, which shows every backslash and does not decode entities.
  test('the hover quotes the paragraph with only the escapes that must be', async () => {
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: draftUri }, position: positionOf(draftText, 'para. 1', 6) })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /States \[consider\] the Convention_on_Migrants & its <5 annexes\./, value);
    assert.match(value, /A report on AT&T_like \[bracketed\] terms/, value);
    assert.doesNotMatch(value, /&amp;|&lt;/, value);
  });
});
