// The .vsix a VS Code user installs carries the embedded store's engine (issue #19): lmdb's
// JavaScript and its native binary in dist/node_modules (scripts/vendor-lmdb.mjs). Before, the
// package had none, and every user's store silently fell back to memory. Packed by vsce from this
// checkout's dist/ (built by `npm test`), unpacked into a temporary folder, and the language server
// of the unpacked extension started with no node_modules in reach (a clean NODE_PATH, a folder
// outside the repository): it must build its corpus store in an LMDB file, not in memory.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { ROOT, startServer, waitFor, type TestServer } from '../protocol/lspClient';
import { sharedPath } from '../sharedData';

describe('the .vsix carries lmdb', () => {
  let dir: string;
  let extension: string;
  /** The unpacked extension's own server, with nothing but its folder to require from, its corpus in an embedded store. */
  const startUnpackedServer = (cache: string, storePath: string): Promise<TestServer> =>
    startServer({
      serverBin: join(extension, 'dist', 'server.js'),
      workspaceFolder: join(dir, 'workspace'),
      env: { NODE_PATH: '' },
      initializationOptions: { cacheDir: join(dir, cache), settings: { corpus: { paths: ['corpus'], store: 'embedded', storePath } } },
    });
  let names: string[];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cd-vsix-'));
    const vsix = join(dir, 'compact-drafter.vsix');
    execFileSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix], { cwd: ROOT, stdio: 'pipe' });
    const zip = await JSZip.loadAsync(readFileSync(vsix));
    names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
    for (const name of names) {
      const to = join(dir, 'unpacked', name);
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, await zip.files[name]!.async('nodebuffer'));
    }
    extension = join(dir, 'unpacked', 'extension');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('lmdb, its dependencies and the native binary of this platform are packaged', () => {
    const packaged = names.filter((name) => name.startsWith('extension/dist/node_modules/'));
    assert.ok(packaged.includes('extension/dist/node_modules/lmdb/package.json'), packaged.join('\n'));
    assert.ok(packaged.includes('extension/dist/node_modules/msgpackr/package.json'), packaged.join('\n'));
    assert.ok(packaged.some((name) => new RegExp(`^extension/dist/node_modules/@lmdb/lmdb-${process.platform}-${process.arch}/node\\.napi\\.\\w+\\.node$`).test(name)), packaged.join('\n'));
  });

  test('the unpacked extension requires lmdb from its own folder and opens a database', () => {
    const script = `
      const { createRequire } = require('node:module');
      const load = createRequire(${JSON.stringify(join(extension, 'dist', 'server.js'))});
      const lmdb = load('lmdb');
      const env = lmdb.open({ path: ${JSON.stringify(join(dir, 'probe.lmdb'))}, noSubdir: true });
      env.putSync('k', { v: 1 });
      process.stdout.write(JSON.stringify({ value: env.get('k'), from: load.resolve('lmdb') }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: dir, env: { PATH: process.env.PATH ?? '', NODE_PATH: '' }, encoding: 'utf8' })) as { value: unknown; from: string };
    assert.deepEqual(out.value, { v: 1 });
    assert.ok(out.from.startsWith(join(extension, 'dist', 'node_modules', 'lmdb')), out.from);
  });

  test("the unpacked extension's server keeps the corpus in its embedded store", async () => {
    const corpus = join(dir, 'workspace', 'corpus');
    mkdirSync(corpus, { recursive: true });
    const texts = readFileSync(sharedPath('un-documents', 'texts.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 5);
    for (const line of texts) {
      const { symbol, title, text } = JSON.parse(line) as { symbol: string; title: string; text: string };
      writeFileSync(join(corpus, `${symbol.replace(/\//g, '-')}.md`), `---\nsymbol: ${symbol}\ntitle: ${JSON.stringify(title)}\n---\n${text}\n`);
    }
    const storeDir = join(dir, 'stores');
    let server: TestServer | undefined;
    try {
      server = await startUnpackedServer('cache', storeDir);
      const line = await waitFor(() => server!.logs.find((l) => /^corpus store: (\d+) paragraphs of \d+ texts in /.test(l) || /lmdb\) could not load/.test(l)), 60_000, 'the corpus store in the log');
      assert.match(line, /^corpus store: \d+ paragraphs of \d+ texts in .*\.lmdb/, server.logs.join('\n'));
      assert.equal(readdirSync(storeDir).filter((name) => name.endsWith('.lmdb')).length, 1);
    } finally {
      await server?.stop();
    }
  });

  // Last: it removes the native binary from the unpacked extension.
  test('without its native binary the server says once, in the log and to the user, that the index stays in memory', async () => {
    rmSync(join(extension, 'dist', 'node_modules', '@lmdb'), { recursive: true, force: true });
    let server: TestServer | undefined;
    try {
      server = await startUnpackedServer('cache-2', join(dir, 'stores-2'));
      const saidInMemory = () => server!.logs.filter((line) => /^reuse index: \d+ paragraphs/.test(line)).length;
      await waitFor(() => (saidInMemory() ? true : undefined), 60_000, 'the index built in memory');
      // A corpus reload indexes again: the store is not tried, nor the failure said, a second time.
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [] });
      await waitFor(() => (server!.logs.some((line) => /^reuse index: updated/.test(line)) ? true : undefined), 60_000, 'the index updated after the reload');
      const said = /^corpus store: the embedded store's engine \(lmdb\) could not load: .*; the reuse index is kept in memory$/;
      assert.equal(server.logs.filter((line) => said.test(line)).length, 1, server.logs.join('\n'));
      assert.deepEqual(server.messages.map((m) => [m.type, said.test(m.message)]), [[2, true]]);
    } finally {
      await server?.stop();
    }
  });
});
