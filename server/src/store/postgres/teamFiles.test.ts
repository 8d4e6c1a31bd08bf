import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TeamTextFiles } from './teamFiles';

test('a team text as a read-only file under the cache folder, written again when the team’s text changed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-team-files-'));
  try {
    const files = new TeamTextFiles(join(dir, 'team'));
    const uri = files.fileUri('compact-drafter-team:/resolutions/A-RES-79-175.md', '1. First text.\n')!;
    const path = fileURLToPath(uri);
    assert.equal(path, join(dir, 'team', 'resolutions', 'A-RES-79-175.md'));
    assert.equal(readFileSync(path, 'utf8'), '1. First text.\n');
    assert.equal(statSync(path).mode & 0o777, 0o444);
    // Pushed again with other words: the copy follows.
    assert.equal(files.fileUri('compact-drafter-team:/resolutions/A-RES-79-175.md', '1. Corrected text.\n'), uri);
    assert.equal(readFileSync(path, 'utf8'), '1. Corrected text.\n');
    assert.equal(statSync(path).mode & 0o777, 0o444);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a pushed path never leads outside the folder; no folder, no copy', () => {
  const files = new TeamTextFiles('/cache/team');
  assert.equal(files.pathOf('compact-drafter-team:/../../etc/passwd'), '/cache/team/etc/passwd');
  assert.equal(files.pathOf('compact-drafter-team:/a%2F..%2F..%2Fx.md'), '/cache/team/a_.._.._x.md');
  assert.equal(files.pathOf('compact-drafter-corpus:/A-RES-73-195.md'), undefined);
  assert.equal(new TeamTextFiles(undefined).fileUri('compact-drafter-team:/A-RES-79-175.md', 'text'), undefined);
});
