import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf, ROOT, startServer, type TestServer } from './lspClient';

const EXAMPLE = join(ROOT, 'examples', 'draft-resolution.md');
const text = readFileSync(EXAMPLE, 'utf8');
const uri = `file://${EXAMPLE}`;

async function hover(server: TestServer, docUri: string, docText: string, needle: string, delta = 1): Promise<string> {
  const result = (await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: docUri },
    position: positionOf(docText, needle, delta),
  })) as Hover | null;
  assert.ok(result, `no hover on "${needle}"`);
  return (result.contents as MarkupContent).value;
}

describe('language server over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
    await server.open(uri, text);
  });
  after(() => server.stop());

  test('announces its features', () => {
    const caps = server.initialize.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.documentSymbolProvider, true);
    assert.ok(caps.documentLinkProvider);
    assert.equal(caps.foldingRangeProvider, true);
  });

  test('hover on a full symbol shows title, date, body, status, links and counts', async () => {
    const value = await hover(server, uri, text, 'A/RES/71/280 of 6 April');
    assert.match(value, /\*\*A\/RES\/71\/280\*\*/);
    assert.match(value, /Modalities for the intergovernmental negotiations of the global compact/);
    assert.match(value, /6 April 2017/);
    assert.match(value, /General Assembly resolution/);
    // No bare “current”: a document outside any series has no status line; each field says where it came from.
    assert.doesNotMatch(value, /Status: current/);
    assert.match(value, /Sources: title, date, body, type, draft and name verified by the project/);
    assert.match(value, /https:\/\/undocs\.org\/A\/RES\/71\/280/);
    assert.match(value, /digitallibrary\.un\.org\/search/);
    assert.match(value, /Cited 3 times in this draft/);
  });

  test('hover on a pinpoint quotes the cited paragraphs of the corpus text', async () => {
    const value = await hover(server, uri, text, 'A/68/283, paras. 89-91');
    assert.match(value, /Paragraph 90: “States have the power to determine who enters and stays in their territory/);
    assert.match(value, /Paragraph 89:/);
    assert.match(value, /Paragraph 91:/);
  });

  test('hover on a superseded resolution names its successor', async () => {
    const value = await hover(server, uri, text, 'resolution 67/172', 12);
    assert.match(value, /A\/RES\/67\/172/);
    assert.match(value, /the latest of its series is \*\*A\/RES\/80\/218\*\* of 18 December 2025/);
    // The facts do not vouch for 67/172's day: only the year is shown.
    assert.match(value, /2012 \(exact date not verified\)/);
  });

  test('hover on a name resolves the alias', async () => {
    const value = await hover(server, uri, text, 'Sutherland Report, A/71/728', 20);
    assert.match(value, /A\/71\/728/);
    assert.match(value, /Report of the Special Representative of the Secretary-General on Migration/);
  });

  test('hover on an internal reference quotes the draft paragraph', async () => {
    const value = await hover(server, uri, text, 'paragraph 2 above', 3);
    assert.match(value, /Paragraph 2 of this draft: “\*Affirms\*|Paragraph 2 of this draft: “Affirms/);
  });

  test('hover says plainly when a symbol is not found', async () => {
    const draft = 'Recalling its resolution A/RES/99/999 of 1 January 2099,\n';
    const other = 'file:///tmp/unknown-symbol.md';
    await server.open(other, draft);
    const value = await hover(server, other, draft, 'A/RES/99/999', 4);
    assert.match(value, /A\/RES\/99\/999\*\*: not found/);
    assert.match(value, /Compact Drafter does not know A\/RES\/99\/999, so nothing said of it can be checked/);
    assert.doesNotMatch(value, /registry|corpus/, 'a drafter’s words');
    assert.match(value, /Search the UN Digital Library/);
  });

  test('go to definition opens the bundled text on disk at the cited paragraph', async () => {
    const result = (await server.connection.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(text, 'A/68/283, para. 115', 2),
    })) as Location[];
    assert.equal(result.length, 1);
    // The file on disk: Neovim and Emacs open it (test/protocol/clients.test.ts has the opt-in scheme).
    assert.equal(result[0].uri, pathToFileURL(join(ROOT, 'server', 'data', 'corpus', 'A-68-283.md')).href);
    const line = readFileSync(fileURLToPath(result[0].uri), 'utf8').split('\n')[result[0].range.start.line];
    assert.match(line, /^115\. The Special Rapporteur believes that the proposal to bring IOM inside/);
  });

  test('document symbols give the outline with numbered paragraphs', async () => {
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    const flat = (list: DocumentSymbol[]): DocumentSymbol[] => list.flatMap((s) => [s, ...flat(s.children ?? [])]);
    const names = flat(symbols).map((s) => s.name);
    assert.ok(names.some((n) => /Operative paragraphs/.test(n)), names.join(' | '));
    for (const n of ['1', '2', '3', '4', '5', '6']) assert.ok(names.some((name) => name.startsWith(`${n}. `)), `paragraph ${n} in ${names.join(' | ')}`);
    const operative = flat(symbols).find((s) => /Operative paragraphs/.test(s.name))!;
    assert.equal((operative.children ?? []).length, 6);
  });

  test('document links point symbols at the Official Document System', async () => {
    const links = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as { target: string }[];
    assert.ok(links.some((l) => l.target === 'https://undocs.org/A/HRC/20/24'));
  });
});

describe('workspace corpus and untrusted text', () => {
  let server: TestServer;
  let folder: string;
  const draft = 'As the report says (A/99/1, para. 2), and see A/99/1, para. 7.\n';
  const draftUri = 'file:///tmp/workspace-draft.md';
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cd-ws-'));
    mkdirSync(join(folder, 'corpus'));
    writeFileSync(
      join(folder, 'corpus', 'hostile.md'),
      [
        '---',
        'symbol: A/99/1',
        'title: A hostile <b>report</b> [click](command:workbench.action.terminal.new)',
        'date: 2020-01-01',
        '---',
        '',
        '1. First paragraph.',
        '',
        '2. Run [this](command:workbench.action.terminal.new) and ![img](https://example.org/x.png) <img src=x onerror=alert(1)> now.',
        '',
      ].join('\n'),
    );
    writeFileSync(join(folder, 'corpus', 'broken.md'), '---\nsymbol: [unclosed\n---\n1. Text.\n');
    server = await startServer({ workspaceFolder: folder });
    await server.open(draftUri, draft);
  });
  after(() => server.stop());

  test('a workspace corpus file resolves, and its text is shown escaped, never as links or HTML', async () => {
    const value = await hover(server, draftUri, draft, 'A/99/1, para. 2', 2);
    assert.match(value, /Paragraph 2:/);
    assert.doesNotMatch(value, /(?<!\\)\](?:\([^)]*\))?\(command:/, 'no command link: every ] before (command: is escaped');
    assert.doesNotMatch(value, /!\[img\]\(/, 'no image');
    assert.doesNotMatch(value, /(?<!\\)<(?:img|b>)/, 'no raw HTML: every tag is escaped');
    // The title is shown as literal text: an escaped "]" cannot close a link, "\<" cannot open a tag.
    assert.match(value, /\*A hostile \\<b>report\\<\/b> \[click\\\]\(command:workbench\.action\.terminal\.new\)\*/);
    // The paragraph is quoted as a reader sees it: link text without its target, no image, no tag.
    assert.match(value, /Paragraph 2: “Run this and now\.”/);
    assert.match(value, /1 January 2020/);
  });

  test('a pinpoint beyond the paragraphs of a held text is reported in the hover', async () => {
    const value = await hover(server, draftUri, draft, 'A/99/1, para. 7', 2);
    assert.match(value, /A\/99\/1 has paragraphs 1–2; paragraph 7 does not exist/);
  });

  test('a malformed corpus file is reported with its name and reason, and the server keeps serving', async () => {
    const deadline = Date.now() + 5000;
    while (!server.logs.some((l) => l.includes('broken.md')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const line = server.logs.find((l) => l.includes('broken.md'));
    assert.ok(line, server.logs.join('\n'));
    assert.match(line, /broken front matter/);
    assert.equal(server.process.exitCode, null);
  });

  test('in Restricted Mode the workspace corpus is not read', async () => {
    const restricted = await startServer({ workspaceFolder: folder, initializationOptions: { trusted: false } });
    try {
      await restricted.open(draftUri, draft);
      const value = await hover(restricted, draftUri, draft, 'A/99/1, para. 2', 2);
      assert.match(value, /not found/);
    } finally {
      await restricted.stop();
    }
  });
});

describe('a malformed corpus file, open in the editor', () => {
  test('shows why it was skipped as a diagnostic on the file itself', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cd-ws-'));
    mkdirSync(join(folder, 'corpus'));
    const broken = join(folder, 'corpus', 'broken.md');
    const text = '---\nsymbol: [unclosed\n---\n1. Text.\n';
    writeFileSync(broken, text);
    const server = await startServer({ workspaceFolder: folder });
    try {
      const uri = `file://${broken}`;
      await server.open(uri, text);
      const deadline = Date.now() + 5000;
      let published: { code?: unknown; message: unknown }[] = [];
      while (Date.now() < deadline) {
        published = server.diagnostics.get(uri)?.at(-1)?.diagnostics ?? [];
        if (published.some((d) => d.code === 'corpus-file')) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const problem = published.find((d) => d.code === 'corpus-file');
      assert.ok(problem, JSON.stringify(published));
      assert.match(String(problem.message), /skipped: broken front matter/);
    } finally {
      await server.stop();
    }
  });
});
