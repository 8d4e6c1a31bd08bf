// `--store embedded` gives the reuse matches `--store memory` gives, on real texts written as a
// corpus folder, and keeps its store file in --store-dir, where a second run finds it built.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { sharedPath } from '../sharedData';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'compact-drafter.js');
const dir = mkdtempSync(join(tmpdir(), 'cd-cli-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const texts = readFileSync(sharedPath('un-documents', 'texts.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .slice(0, 40)
  .map((line) => JSON.parse(line) as { symbol: string; title: string; text: string });
const corpus = join(dir, 'corpus');
mkdirSync(corpus);
for (const { symbol, title, text } of texts) {
  writeFileSync(join(corpus, `${symbol.replace(/\//g, '-')}.md`), `---\nsymbol: ${symbol}\ntitle: ${JSON.stringify(title)}\n---\n${text.split(/\n\s*\n/).map((b) => b.replace(/\s+/g, ' ').trim()).join('\n\n')}\n`);
}
// A draft of no symbol reusing a paragraph of each of ten corpus texts, a word changed.
const long = (i: number) => texts[i]!.text.split(/\n\s*\n/).map((b) => b.replace(/\s+/g, ' ').trim()).filter((b) => b.split(' ').length > 40);
const draft = join(dir, 'draft.md');
writeFileSync(draft, [0, 3, 5, 8, 12, 17, 21, 26, 30, 35].flatMap((i) => long(i).slice(1, 2)).map((p, k) => `${k + 1}. ${p.replace(/\bthe\b/, 'a')}`).join('\n\n') + '\n');

function reuse(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'reuse', '--format', 'json', '--corpus', corpus, '--cache-dir', join(dir, 'cache'), ...args, draft], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return { matches: (JSON.parse(result.stdout) as { matches: unknown[] }).matches, stderr: result.stderr };
}

describe('compact-drafter --store', () => {
  test('the embedded store finds the matches the in-memory index finds, and keeps its file for the next run', () => {
    const inMemory = reuse('--store', 'memory');
    assert.ok(inMemory.matches.length >= 3, `${inMemory.matches.length} matches`);
    const storeDir = join(dir, 'stores');
    const embedded = reuse('--store', 'embedded', '--store-dir', storeDir);
    assert.deepEqual(embedded.matches, inMemory.matches);
    assert.deepEqual(readdirSync(storeDir).filter((name) => name.endsWith('.lmdb')).length, 1);
    const again = reuse('--store', 'embedded', '--store-dir', storeDir);
    assert.deepEqual(again.matches, inMemory.matches);
  });

  test('a store file that is not a store is reported, deleted and rebuilt', () => {
    const storeDir = join(dir, 'stores');
    const [file] = readdirSync(storeDir).filter((name) => name.endsWith('.lmdb'));
    writeFileSync(join(storeDir, file!), 'not a store\n'.repeat(1000));
    const rebuilt = reuse('--store', 'embedded', '--store-dir', storeDir);
    assert.match(rebuilt.stderr, /corpus store: .* is damaged \(not an LMDB file.*deleted, rebuilding it/);
    assert.deepEqual(rebuilt.matches, reuse('--store', 'memory').matches);
  });

  test('--store takes auto, embedded or memory', () => {
    const result = spawnSync(process.execPath, [CLI, 'reuse', '--store', 'disk', draft], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--store must be auto, embedded or memory, not "disk"/);
  });
});
