// What `check --fix` promises about the files it writes (server/src/cli/draftFile.ts), tried on
// real files: a real concurrent writer, real links, real modes, Latin-1 bytes, a FIFO.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readDraftFile, writeFixedDraft } from '../../server/src/cli/draftFile';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'compact-drafter.js');
const FIXABLE = 'See A/Res/71/280.\n';
const FIXED = 'See A/RES/71/280.\n';

const isRoot = process.getuid?.() === 0;
/** Root may write anything: permission tests run the CLI as nobody, on files nobody owns. */
const NOBODY = 65534;

function run(args: string[], cwd: string, asUser?: number) {
  const user = asUser === undefined ? {} : { uid: asUser, gid: asUser };
  const result = spawnSync(process.execPath, [CLI, ...args, '--no-cache'], { cwd, encoding: 'utf8', timeout: 60_000, ...user });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'cd-fix-'));
}

/** The user permission tests run as, and the files they use handed to it. */
function unprivileged(...paths: string[]): number | undefined {
  if (!isRoot) return undefined;
  for (const path of paths) chownSync(path, NOBODY, NOBODY);
  return NOBODY;
}

describe('check --fix keeps the user’s file', () => {
  test('a line appended by another process while fixing is never lost (real concurrent writer)', async () => {
    const dir = folder();
    const draft = join(dir, 'draft.md');
    writeFileSync(draft, FIXABLE);
    // The writer appends numbered lines, each with a fixable symbol, with pauses of 0–2 ms, until told to stop.
    const writer = spawn(process.execPath, [
      '-e',
      `const fs = require('fs'); let n = 0; const stop = ${JSON.stringify(join(dir, 'stop'))};
       const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
       while (!fs.existsSync(stop)) { fs.appendFileSync(${JSON.stringify(draft)}, 'line ' + (++n) + ' A/Res/71/280\\n'); sleep(Math.random() * 2); }
       process.stdout.write(String(n));`,
    ]);
    let count = '';
    writer.stdout.on('data', (chunk) => (count += chunk));
    const outcomes = { written: 0, 'changed-on-disk': 0, refused: 0 };
    for (let i = 0; i < 300; i++) {
      const read = await readDraftFile(draft);
      const fixed = read.text.replace(/A\/Res\//g, 'A/RES/');
      // The analysis takes a while: a busy pause of 0–1 ms.
      const until = performance.now() + Math.random();
      while (performance.now() < until);
      outcomes[(await writeFixedDraft(read, fixed)).kind]++;
    }
    writeFileSync(join(dir, 'stop'), '');
    await new Promise((resolve) => writer.on('exit', resolve));
    const text = readFileSync(draft, 'utf8');
    const missing = Array.from({ length: Number(count) }, (_, i) => i + 1).filter((n) => !text.includes(`line ${n} `));
    assert.deepEqual(missing, [], `lines lost of ${count} (outcomes ${JSON.stringify(outcomes)})`);
    assert.ok(outcomes.written > 0, `some fixes were written: ${JSON.stringify(outcomes)}`);
    assert.ok(Number(count) > 50, `the writer wrote while the fixes ran (${count} lines)`);
    assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left behind');
  });

  test('a draft changed between reading and writing is left alone, no temporary file left', async () => {
    const dir = folder();
    const path = join(dir, 'draft.md');
    writeFileSync(path, FIXABLE);
    const read = await readDraftFile(path);
    writeFileSync(path, 'new text by a colleague\n');
    assert.equal((await writeFixedDraft(read, FIXED)).kind, 'changed-on-disk');
    assert.equal(readFileSync(path, 'utf8'), 'new text by a colleague\n');
    assert.deepEqual(readdirSync(dir), ['draft.md']);
  });

  test('Latin-1 bytes are refused with a clear message, the file untouched; UTF-8 files beside it are fixed', () => {
    const dir = folder();
    const latin1 = Buffer.from('Réaffirmant la résolution A/Res/71/280.\n', 'latin1');
    writeFileSync(join(dir, 'latin1.md'), latin1);
    writeFileSync(join(dir, 'utf8.md'), FIXABLE);
    const { stderr } = run(['check', '--fix', 'latin1.md', 'utf8.md'], dir);
    assert.match(stderr, /latin1\.md: not fixed: not valid UTF-8 \(byte 1 is 0xe9; Latin-1 or Windows-1252\?\)/);
    assert.ok(readFileSync(join(dir, 'latin1.md')).equals(latin1), 'the Latin-1 file is byte for byte as it was');
    assert.equal(readFileSync(join(dir, 'utf8.md'), 'utf8'), FIXED);
  });

  test('a byte-order mark and CRLF line ends are kept, and every fix is applied', () => {
    const dir = folder();
    const lines = ['1. See A/Res/71/280.', '', '3. See A/Res/72/244.', '', '4. See A /RES/71/280 and A/RES/71/280/.', ''];
    writeFileSync(join(dir, 'draft.md'), '\ufeff' + lines.join('\r\n'));
    const { stderr } = run(['check', '--fix', 'draft.md'], dir);
    const fixedLines = stderr.split('\n').filter((line) => line.startsWith('fixed draft.md'));
    const after = readFileSync(join(dir, 'draft.md'));
    assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is still there');
    const text = after.toString('utf8').slice(1);
    assert.equal(text, ['1. See A/RES/71/280.', '', '2. See A/RES/72/244.', '', '3. See A/RES/71/280 and A/RES/71/280.', ''].join('\r\n'));
    // Five fixes (one renumbers paragraphs 3–4): all applied; with the BOM, numbering was not checked at all.
    assert.deepEqual(fixedLines.map((line) => line.split(': ')[1]), ['malformed-symbol', 'paragraph-numbering', 'malformed-symbol', 'malformed-symbol', 'malformed-symbol'], stderr);
  });

  test('a symbolic link stays a link and its target is fixed', () => {
    const dir = folder();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'draft.md'), FIXABLE);
    symlinkSync(join('real', 'draft.md'), join(dir, 'link.md'));
    run(['check', '--fix', 'link.md'], dir);
    assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink(), 'still a link');
    assert.equal(readFileSync(join(dir, 'real', 'draft.md'), 'utf8'), FIXED);
  });

  test('mode 0600 and 0640 are kept (a private draft does not turn world-readable)', () => {
    const dir = folder();
    for (const mode of [0o600, 0o640]) {
      const name = `draft-${mode.toString(8)}.md`;
      writeFileSync(join(dir, name), FIXABLE);
      chmodSync(join(dir, name), mode);
      run(['check', '--fix', name], dir);
      assert.equal(readFileSync(join(dir, name), 'utf8'), FIXED);
      assert.equal(statSync(join(dir, name)).mode & 0o777, mode);
    }
  });

  test('a read-only draft is refused unless --force, and keeps mode 0444 and its owner when forced', () => {
    const dir = folder();
    writeFileSync(join(dir, 'draft.md'), FIXABLE);
    chmodSync(join(dir, 'draft.md'), 0o444);
    const user = unprivileged(dir, join(dir, 'draft.md'));
    const refused = run(['check', '--fix', 'draft.md'], dir, user);
    assert.match(refused.stderr, /draft\.md: not fixed: read-only \(use --force/);
    assert.equal(readFileSync(join(dir, 'draft.md'), 'utf8'), FIXABLE);
    const owner = statSync(join(dir, 'draft.md')).uid;
    run(['check', '--fix', '--force', 'draft.md'], dir, user);
    assert.equal(statSync(join(dir, 'draft.md')).uid, owner);
    assert.equal(readFileSync(join(dir, 'draft.md'), 'utf8'), FIXED);
    assert.equal(statSync(join(dir, 'draft.md')).mode & 0o777, 0o444);
  });

  test('a hard-linked draft is refused unless --force, which fixes the one file both names share', () => {
    const dir = folder();
    writeFileSync(join(dir, 'draft.md'), FIXABLE);
    linkSync(join(dir, 'draft.md'), join(dir, 'other-name.md'));
    assert.match(run(['check', '--fix', 'draft.md'], dir).stderr, /not fixed: it has 2 hard links/);
    run(['check', '--fix', '--force', 'draft.md'], dir);
    assert.equal(readFileSync(join(dir, 'other-name.md'), 'utf8'), FIXED);
    assert.equal(statSync(join(dir, 'draft.md')).ino, statSync(join(dir, 'other-name.md')).ino, 'still one file');
  });

  test('one draft that cannot be written is reported and the later ones are still fixed (exit 2, no stack trace)', () => {
    const dir = folder();
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'a.md'), FIXABLE);
    writeFileSync(join(dir, 'b.md'), FIXABLE);
    const user = unprivileged(dir, join(dir, 'locked'), join(dir, 'locked', 'a.md'), join(dir, 'b.md'));
    chmodSync(join(dir, 'locked'), 0o555);
    try {
      const { status, stderr } = run(['check', '--fix', join('locked', 'a.md'), 'b.md'], dir, user);
      assert.match(stderr, /locked\/a\.md: not fixed: EACCES/);
      assert.doesNotMatch(stderr, /    at /, 'no stack trace');
      assert.equal(readFileSync(join(dir, 'b.md'), 'utf8'), FIXED);
      assert.equal(status, 2);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });

  test('a FIFO given as a draft is refused at once, not waited on', () => {
    const dir = folder();
    if (spawnSync('mkfifo', [join(dir, 'pipe.md')]).status !== 0) return;
    writeFileSync(join(dir, 'b.md'), FIXABLE);
    const { status, stderr, stdout } = run(['check', 'pipe.md', 'b.md'], dir);
    assert.match(stderr, /pipe\.md: .*a FIFO \(named pipe\), not a regular file/);
    assert.match(stdout, /in 1 file/);
    assert.equal(status, 2);
  });
});
