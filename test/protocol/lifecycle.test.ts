// The server against clients that break the protocol: malformed frames written as raw bytes to its
// stdin, requests before `initialize` and after `shutdown`, a version number reused with new
// text, a document reopened without being closed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, startServer } from './lspClient';

function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Spawns the server, writes raw bytes, and returns what it wrote back and how it ended (null: still alive after waitMs, then killed). */
async function rawSession(bytes: (string | RegExp)[], waitMs = 10_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'compact-drafter-ls.js'), '--stdio'], {
    env: { ...process.env, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'cd-cache-')) },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  for (const piece of bytes) {
    // A pattern: wait (up to 10 s) until the server has written it.
    if (piece instanceof RegExp) {
      for (const end = Date.now() + 10_000; !piece.test(stdout) && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    child.stdin.write(piece);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const code = await Promise.race([
    exited,
    new Promise<'alive'>((resolve) => setTimeout(() => resolve('alive'), waitMs)),
  ]);
  if (code === 'alive') child.kill();
  return { code: code === 'alive' ? null : code, stdout, stderr };
}

const INITIALIZE = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };

describe('malformed frames', () => {
  for (const [name, bytes] of [
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n'],
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
  ] as const) {
    test(`${name}: the server says why and exits (the client restarts it), never stays alive and deaf`, async () => {
      const { code, stderr } = await rawSession([bytes, frame(INITIALIZE)]);
      assert.equal(code, 1, `exit code (stderr: ${stderr})`);
      assert.match(stderr, /malformed message from the client/);
    });
  }

  test('well-formed frames split anywhere are read as before', async () => {
    const whole = frame(INITIALIZE) + frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
    const pieces = [whole.slice(0, 7), whole.slice(7, 40), whole.slice(40, 150), whole.slice(150), /"id":2,"result":null/, frame({ jsonrpc: '2.0', method: 'exit' })];
    const { code, stdout } = await rawSession(pieces);
    assert.match(stdout, /"id":1,"result":\{"capabilities"/);
    assert.match(stdout, /"id":2,"result":null/);
    assert.equal(code, 0);
  });
});

describe('lifecycle and versions', () => {
  test('a request before initialize is answered with error -32002', async () => {
    const hover = { jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } } };
    const { stdout } = await rawSession([frame(hover), /"id":7/], 200);
    assert.match(stdout, /"id":7,"error":\{"code":-32002/);
  });

  test('a request after shutdown is an error', async () => {
    const server = await startServer();
    try {
      await server.connection.sendRequest('shutdown');
      await assert.rejects(server.connection.sendRequest('workspace/symbol', { query: '71/280' }), /shut down/);
    } finally {
      server.process.kill();
    }
  });

  test('new text under a version number already used, and a reopen without close, get fresh diagnostics', async () => {
    const uri = 'file:///tmp/versions.md';
    // Checked as a draft by the drafter's choice (as "Check this file as a draft" sends it): its one line declares nothing.
    const server = await startServer({ capabilities: { textDocument: { diagnostic: {} } }, initializationOptions: { draftOverrides: { [uri]: true } } });
    const codes = async () =>
      ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: { code: string }[] }).items.map((d) => d.code);
    try {
      await server.open(uri, 'See A/Res/71/280.\n', 1);
      assert.deepEqual(await codes(), ['malformed-symbol']);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: 'See A/RES/71/280.\n' }] });
      assert.deepEqual(await codes(), [], 'same version, new text');
      await server.open(uri, 'See A/Res/71/280.\n', 1);
      assert.deepEqual(await codes(), ['malformed-symbol'], 'reopened without close');
    } finally {
      await server.stop();
    }
  });
});

describe('a draft too large to analyse', () => {
  test('is not analysed: one notice says so, and requests on it and on other drafts are answered at once', async () => {
    const server = await startServer({ capabilities: { textDocument: { diagnostic: {} } } });
    try {
      // With a symbol in a Cyrillic look-alike: no rule reads a draft that is not analysed (the look-alike
      // scan of malformed-symbol still read all of it, seconds per edit, and flagged what the notice said was not checked).
      const line = 'Recalling its resolution 71/280 and A/Res/72/244 and \u0410/RES/71/1, and paragraph 9 above. [bracketed\n';
      // A draft by its heading, as a real one would be; only the top of a file is read for it.
      const heading = '*The General Assembly*,\n\n';
      const huge = heading + line.repeat(Math.ceil(5_100_000 / line.length));
      const uri = 'file:///tmp/huge.md';
      await server.open(uri, huge);
      const items = ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: { code: string; message: string }[] }).items;
      assert.deepEqual(items.map((d) => d.code), ['document-too-large']);
      assert.match(items[0]!.message, /^Not checked: 5\.\d million characters/);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'x' }] });
      const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 27 } });
      assert.equal(hover, null);
      await server.open('file:///tmp/small.md', `${heading}See A/Res/71/280.\n`);
      const small = ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///tmp/small.md' } })) as { items: { code: string }[] }).items;
      assert.deepEqual(small.map((d) => d.code), ['malformed-symbol']);
    } finally {
      await server.stop();
    }
  });
});

describe('a large draft read as plain lines', () => {
  test('is read in steps: a hover on another draft is answered while it is read, not after', async () => {
    const server = await startServer({ capabilities: { textDocument: { diagnostic: {} } } });
    try {
      // Drafts by their heading, as real ones would be.
      const heading = '*The General Assembly*,\n\n';
      const small = 'file:///tmp/small.md';
      await server.open(small, `${heading}See A/RES/71/280.\n`);
      await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: small } });
      // About 3 MB of distinct lines (above maxDocumentSize, below the limit of analysis): seconds of reading.
      const lines = Array.from({ length: 30_000 }, (_, i) => `${i}. Recalling its resolution 71/280 and A/Res/72/244 of ${i % 28} December, [bracketed ${i}] and so on.`);
      const big = 'file:///tmp/big.md';
      await server.open(big, `${heading}${lines.join('\n')}\n`);
      const answered: string[] = [];
      const pull = server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: big } }).then((report) => {
        answered.push('the large draft');
        return report as { items: { code: string }[] };
      });
      const hover = server.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 2, character: 8 } }).then((result) => {
        answered.push('the hover');
        return result;
      });
      const [report, shown] = await Promise.all([pull, hover]);
      // The whole draft was read in one go before: the hover waited for it.
      assert.deepEqual(answered, ['the hover', 'the large draft']);
      assert.ok(shown, 'the hover has content');
      assert.equal(report.items[0]!.code, 'document-too-large');
      assert.ok(report.items.length > 1, 'the large draft is checked');
    } finally {
      await server.stop();
    }
  });
});
