// Issue 17, point 14: what the server says when its cache folder cannot be written. It said
// "ENOENT … mkdir" for a read-only folder (a missing file, to a reader) and "ENOTDIR … mkdir" for a
// folder set inside a file. Over stdio with real folders: a folder made read-only with chmod (the
// tests may run as root, for whom chmod blocks nothing, so then the server runs as the unprivileged
// user `nobody`), and a cache path under a regular file, which fails for root too. In both cases the
// draft is still checked: a cache is a saving, never a condition.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, startServer, waitFor, type TestServer } from './lspClient';

const TEXT = '---\nsymbol: A/99/1\ntitle: A test text\ndate: 2020-01-01\n---\n\n1. One.\n\n2. Two.\n';
// A/Res/71/280 is written in the wrong case: malformed-symbol, whatever the corpus.
const DRAFT = '*The General Assembly*,\n\n1. Recalls A/99/1 and A/Res/71/280.\n';
const NOBODY = { uid: 65534, gid: 65534 };

/** A workspace with one corpus text (so the model cache is written) that any user can read. */
function workspace(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cd-cache-folder-')));
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'corpus', 'A-99-1.md'), TEXT);
  return dir;
}

/** Opens the draft and waits for its diagnostics and for both caches to have said why they write nothing. */
async function checkWith(server: TestServer, dir: string): Promise<{ codes: string[]; cacheLines: string[] }> {
  const uri = `file://${dir}/draft.md`;
  await server.open(uri, DRAFT);
  const codes = await waitFor(() => {
    const published = server.diagnostics.get(uri)?.at(-1)?.diagnostics;
    return published?.length ? published.map((d) => String(d.code)) : undefined;
  }, 30_000, 'diagnostics of the draft');
  const cacheLines = await waitFor(() => {
    const lines = server.logs.filter((line) => /^(model cache|reuse index cache): could not write/.test(line));
    return lines.length >= 2 ? lines : undefined;
  }, 60_000, 'the model and the reuse index cache to report');
  return { codes, cacheLines };
}

/** Whether `nobody` can run the built server from this checkout (not if the checkout is in a private home). */
function nobodyCanRun(): boolean {
  const bin = join(ROOT, 'bin', 'compact-drafter-ls.js');
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(bin)}); require('fs').accessSync(${JSON.stringify(join(ROOT, 'dist', 'server.js'))})`], { ...NOBODY, timeout: 20_000 });
  return probe.status === 0;
}

describe('a cache folder that cannot be written', () => {
  test('a read-only folder: said to be read-only, not "ENOENT"; the draft is still checked', async (t) => {
    const asRoot = process.getuid?.() === 0;
    if (asRoot && !nobodyCanRun()) return t.skip('running as root, and the user nobody cannot read this checkout to run the server');
    const dir = workspace();
    const readOnly = join(dir, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    const server = await startServer({ workspaceFolder: dir, initializationOptions: { cacheDir: join(readOnly, 'cache') }, ...(asRoot ? { user: NOBODY } : {}) });
    try {
      const { codes, cacheLines } = await checkWith(server, dir);
      assert.ok(codes.includes('malformed-symbol'), `the draft is checked: ${codes.join(', ')}`);
      for (const line of cacheLines) {
        assert.ok(line.endsWith(`${readOnly} cannot be written (read-only or not yours): nothing is cached (set another cache folder)`), line);
        assert.doesNotMatch(line, /ENOENT|mkdir/);
      }
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a cache path inside a regular file: said to be a file, not "ENOTDIR … mkdir"; the draft is still checked', async () => {
    const dir = workspace();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'not a folder\n');
    const server = await startServer({ workspaceFolder: dir, initializationOptions: { cacheDir: join(file, 'cache') } });
    try {
      const { codes, cacheLines } = await checkWith(server, dir);
      assert.ok(codes.includes('malformed-symbol'), `the draft is checked: ${codes.join(', ')}`);
      for (const line of cacheLines) {
        assert.ok(line.endsWith(`${file} is a file, not a folder: nothing is cached (set another cache folder)`), line);
        assert.doesNotMatch(line, /ENOTDIR|mkdir/);
      }
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
