// Issue 17, point 8: only regular files are opened, and no special folder hangs the tools. A FIFO
// among the corpus texts (a real named pipe, made with mkfifo, that no process writes to) and a
// cache folder under /proc (where Node's recursive mkdir looped forever, spinning a core) must
// neither block nor cost the rest. Run as real processes with a time limit: a hang fails the test
// instead of hanging the run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'compact-drafter.js');
const TEXT = '---\nsymbol: A/99/1\ntitle: A test text\ndate: 2020-01-01\n---\n\n1. One.\n\n2. Two.\n';
const DRAFT = '*The General Assembly*,\n\n1. Recalls A/Res/71/280.\n';

function workspace(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cd-special-')));
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'corpus', 'A-99-1.md'), TEXT);
  writeFileSync(join(dir, 'draft.md'), DRAFT);
  return dir;
}

function check(dir: string, args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', 'draft.md', '--format', 'json', '--corpus', 'corpus', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

describe('special files and folders', () => {
  test('a FIFO named like a corpus text is reported and not waited on; the draft is checked', (t) => {
    const dir = workspace();
    if (spawnSync('mkfifo', [join(dir, 'corpus', 'A-99-2.md')]).status !== 0) return t.skip('mkfifo is not available');
    const { status, signal, stdout, stderr } = check(dir, ['--no-cache']);
    assert.equal(signal, null, 'finished within the time limit');
    assert.equal(status, 0, stderr);
    assert.match(stdout + stderr, /A-99-2\.md.*(FIFO|not a regular file)/);
    assert.match(stdout, /malformed-symbol/);
  });

  test('a cache folder under /proc: said that nothing is cached, and the draft is checked (it spun forever)', () => {
    const dir = workspace();
    const { status, signal, stdout, stderr } = check(dir, ['--cache-dir', join('/proc', `cd-cache-${process.pid}`)]);
    assert.equal(signal, null, 'finished within the time limit');
    assert.equal(status, 0, stderr);
    assert.match(stdout, /malformed-symbol/);
    assert.match(stderr, /\/proc does not take new folders/);
  });
});
