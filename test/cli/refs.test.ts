import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'compact-drafter.js');
const SEEDS = join(ROOT, 'server', 'data', 'corpus');

interface Record {
  file: string;
  text: string;
  kind: string;
  symbol: string | null;
  annex: string | null;
  paragraphs: string[];
  pages: number[];
  resolved: boolean;
  title: string | null;
  date: string | null;
  paragraphText: string | null;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function refs(...files: string[]): Record[] {
  const out = execFileSync(process.execPath, [CLI, 'refs', '--format', 'json', ...files], { cwd: ROOT, encoding: 'utf8' });
  return (JSON.parse(out) as { references: Record[] }).references;
}

describe('compact-drafter refs', () => {
  test('on the seed issue brief: 71/280 paragraphs 8 and 17 apart, 71/1 annex II para. 8, A/71/728 para. 72', () => {
    const records = refs(join(SEEDS, 'GCM-issue-brief-3-2017.md'));
    const of = (symbol: string) => records.filter((r) => r.symbol === symbol);
    const modalities = of('A/RES/71/280');
    assert.ok(modalities.some((r) => r.kind === 'paragraph' && r.paragraphs.join() === '8'), 'resolution 71/280, paragraph 8');
    assert.ok(modalities.some((r) => r.kind === 'paragraph' && r.paragraphs.join() === '17'), 'paragraph 17 of resolution A/RES/71/280');
    for (const r of modalities) {
      assert.equal(r.title, 'Modalities for the intergovernmental negotiations of the global compact for safe, orderly and regular migration');
      assert.equal(r.date, '2017-04-06');
      assert.equal(r.resolved, true);
    }
    const declaration = of('A/RES/71/1').find((r) => r.annex === 'II');
    assert.ok(declaration, 'annex II, paragraph 8, of its resolution A/RES/71/1');
    assert.deepEqual(declaration.paragraphs, ['8']);
    assert.equal(declaration.title, 'New York Declaration for Refugees and Migrants');
    assert.equal(declaration.date, '2016-09-19');
    const sutherland = of('A/71/728');
    const para72 = sutherland.find((r) => r.paragraphs.join() === '72');
    assert.ok(para72, 'Sutherland Report, A/71/728, paragraph 72');
    assert.equal(para72.title, 'Report of the Special Representative of the Secretary-General on Migration');
    assert.equal(para72.date, '2017-02-03');
    // Page pinpoints are kept apart from paragraphs.
    assert.ok(sutherland.some((r) => r.pages.join() === '5' && r.paragraphs.length === 0), 'A/71/728, p. 5');
    assert.ok(sutherland.some((r) => r.pages.join() === '26' && r.paragraphs.length === 0), 'A/71/728, p 26');
    // Ranges are 0-based LSP positions that select the citation as written.
    const lines = require('node:fs').readFileSync(join(SEEDS, 'GCM-issue-brief-3-2017.md'), 'utf8').split('\n');
    for (const r of records.filter((x) => x.range.start.line === x.range.end.line)) {
      assert.equal(lines[r.range.start.line].slice(r.range.start.character, r.range.end.character), r.text);
    }
  });

  test('on A/68/283 it finds the documents the report cites', () => {
    const records = refs(join(SEEDS, 'A-68-283.md'));
    const symbols = new Set(records.map((r) => r.symbol));
    for (const symbol of ['A/RES/67/172', 'A/68/150', 'A/HRC/23/46', 'A/RES/66/288', 'A/61/515', 'A/HRC/20/24', 'A/67/299']) {
      assert.ok(symbols.has(symbol), `${symbol} in ${[...symbols].join(', ')}`);
    }
    const resolved = records.filter((r) => r.symbol === 'A/HRC/20/24')[0];
    assert.equal(resolved.resolved, true);
    assert.match(resolved.title!, /detention of migrants in an irregular situation/);
  });

  test('a pinpoint into a held text carries the paragraph text', () => {
    const records = refs(join(ROOT, 'examples', 'draft-resolution.md'));
    const pinpoint = records.find((r) => r.symbol === 'A/68/283' && r.paragraphs.join() === '89,90,91');
    assert.ok(pinpoint, records.map((r) => r.text).join(' | '));
    assert.match(pinpoint.paragraphText!, /States have the power to determine who enters and stays in their territory/);
    const internal = records.find((r) => r.kind === 'internal' && r.paragraphs.join() === '2');
    assert.ok(internal, 'paragraph 2 above');
    assert.equal(internal.resolved, true);
  });

  test('text format prints a table; errors exit non-zero with a message', () => {
    const table = execFileSync(process.execPath, [CLI, 'refs', '--format', 'text', join(ROOT, 'examples', 'draft-resolution.md')], { encoding: 'utf8' });
    assert.match(table, /^where\s+kind\s+symbol\s+pinpoint\s+status\s+title/m);
    assert.match(table, /A\/RES\/71\/280\s+para\. 8\s+ok\s+Modalities/);
    const missing = spawnSync(process.execPath, [CLI, 'refs', 'no-such-file.md'], { encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no-such-file\.md: no such file/);
    const bad = spawnSync(process.execPath, [CLI, 'nonsense'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown command/);
  });

  test('a corpus title and paragraph with bidi controls and zero-width characters are printed without them (a CI log shows what is there)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-refs-'));
    mkdirSync(join(dir, 'corpus'));
    const title = 'Safe \u202etxt.exe\u202c migration\u200b report';
    writeFileSync(join(dir, 'corpus', 'A-99-7.md'), `---\nsymbol: A/99/7\ntitle: ${title}\ndate: 2020-01-01\n---\n\n1. The Assembly\u2060 notes \u202egnirts desrever a.\n`);
    writeFileSync(join(dir, 'draft.md'), 'As noted (A/99/7, para. 1), migration matters.\n');
    const invisible = /[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]/;
    const table = execFileSync(process.execPath, [CLI, 'refs', '--format', 'text', '--no-cache', 'draft.md'], { cwd: dir, encoding: 'utf8' });
    assert.match(table, /Safe txt\.exe migration report/);
    assert.doesNotMatch(table, invisible);
    const json = execFileSync(process.execPath, [CLI, 'refs', '--format', 'json', '--no-cache', 'draft.md'], { cwd: dir, encoding: 'utf8' });
    const [record] = (JSON.parse(json) as { references: Record[] }).references;
    assert.equal(record!.title, 'Safe txt.exe migration report');
    assert.equal(record!.paragraphText, 'The Assembly notes gnirts desrever a.');
  });
});
