import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'compact-drafter.js');
const run = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('compact-drafter compare', () => {
  test('--format json follows the output contract', () => {
    const out = JSON.parse(run('compare', '--format', 'json', 'examples/rounds/zero-draft.md', 'examples/rounds/rev1.md'));
    const rows = out.paragraphs.map((r: { status: string; old: string[]; new: string[]; force: string | null }) => `${r.status} ${r.old.join('+')}>${r.new.join('+')} ${r.force}`);
    assert.deepEqual(rows, [
      'edited pp1>pp1 null',
      'split pp2>pp2+pp3 null',
      'unchanged pp3>pp4 null',
      'edited 1>1 weakened',
      'moved 3>2 null',
      'split 2>3+4 null',
      'edited 4>5 null',
      'edited 5>6 weakened',
    ]);
    assert.ok(Array.isArray(out.paragraphs[0].diff) && out.paragraphs[0].diff.some((d: { op: string }) => d.op === 'replace'));
    assert.equal(out.summary.split, 2);
    assert.deepEqual(out.citations.updated, [{ from: 'A/RES/72/179', to: 'A/RES/73/195' }]);
  });
  test('text and markdown', () => {
    assert.match(run('compare', 'examples/rounds/zero-draft.md', 'examples/rounds/rev1.md'), /edited 1 \(weakened: urges → encourages; added “as appropriate”\)/);
    assert.match(run('compare', '--format', 'markdown', 'examples/rounds/zero-draft.md', 'examples/rounds/rev1.md'), /\*\*Split: para\. 2 → para\. 3 \+ para\. 4\*\*/);
  });
  test('usage errors exit 2', () => {
    assert.equal(spawnSync(process.execPath, [CLI, 'compare', 'examples/rounds/rev1.md'], { cwd: ROOT }).status, 2);
    assert.equal(spawnSync(process.execPath, [CLI, 'compare', '--format', 'sarif', 'a', 'b'], { cwd: ROOT }).status, 2);
  });
});

describe('compact-drafter brackets', () => {
  test('--format json follows the output contract', () => {
    const out = JSON.parse(run('brackets', '--format', 'json', 'examples/rounds/zero-draft.md'));
    assert.deepEqual(out.summary, { passages: 3, alternatives: 6 });
    assert.deepEqual(out.adRef, ['5']);
    assert.deepEqual(out.passages[0].alternatives, [{ text: 'implement', proponent: null }, { text: 'take into account', proponent: null }]);
    assert.deepEqual(out.passages[1].alternatives, [{ text: 'in full', proponent: 'G77' }, { text: 'delete', proponent: 'EU', action: 'delete' }]);
    assert.equal(out.passages[0].paragraph, '4');
    assert.deepEqual(out.passages[0].range.start, { line: 16, character: 26 });
  });
  test('text', () => {
    assert.match(run('brackets', 'examples/rounds/zero-draft.md'), /3 bracketed passages, 6 alternatives/);
  });
});
