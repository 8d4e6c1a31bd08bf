import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseDraft } from '../../server/src/parse';
import { sharedPath } from '../sharedData';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'compact-drafter.js');
const EXCERPT = join('server', 'data', 'corpus', 'A-71-285-excerpt.txt');

interface Match {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  source: { symbol: string; paragraphs: string[] };
  similarity: number;
  altered: boolean;
  diff: { op: string; draft?: string; source?: string }[];
  earliest?: { symbol: string; paragraphs: string[]; date: string };
}

function run(args: string[], env: Record<string, string> = {}) {
  const cache = mkdtempSync(join(tmpdir(), 'cd-cli-cache-'));
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache, ...env } });
  return { ...result, cache };
}

describe('compact-drafter reuse', () => {
  test('--format json: the A/71/285 excerpt traced to A/68/283 paragraphs 11 and 90, with the words altered', () => {
    const { stdout, status } = run(['reuse', '--format', 'json', EXCERPT]);
    assert.equal(status, 0);
    const { matches } = JSON.parse(stdout) as { matches: Match[] };
    assert.deepEqual(
      matches.map((m) => [m.source.symbol, m.source.paragraphs, m.altered]),
      [
        ['A/68/283', ['11'], true],
        ['A/68/283', ['90'], true],
        ['A/68/283', ['90'], false],
      ],
    );
    const p11 = matches[0]!;
    assert.equal(p11.file, EXCERPT);
    assert.ok(p11.similarity > 0.95 && p11.similarity < 1);
    assert.deepEqual(
      p11.diff.filter((d) => d.op !== 'equal'),
      [
        { op: 'insert', draft: 'the' },
        { op: 'delete', source: 'trafficking' },
      ],
    );
    assert.ok(p11.range.start.character < p11.range.end.character || p11.range.start.line < p11.range.end.line);
  });

  test('--format text: one line per passage and a count', () => {
    const { stdout, status } = run(['reuse', '--format', 'text', EXCERPT]);
    assert.equal(status, 0);
    assert.match(stdout, /A\/68\/283, para\. 11 {2}97 % {2}altered: \+the; -trafficking/);
    assert.match(stdout, /3 reused passages, 2 altered$/m);
  });

  test('the thresholds are options: 95 % similarity leaves only the verbatim passage', () => {
    const { stdout } = run(['reuse', '--min-similarity', '0.99', EXCERPT]);
    const { matches } = JSON.parse(stdout) as { matches: Match[] };
    assert.deepEqual(matches.map((m) => m.altered), [false]);
  });

  test('bad thresholds are refused with exit 2', () => {
    for (const args of [['--min-words', '3'], ['--min-words', 'x'], ['--min-similarity', '1.5'], ['--min-similarity', '0']]) {
      const { status, stderr } = run(['reuse', ...args, EXCERPT]);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /--min-/);
    }
  });

  test('a draft with no reused language: an empty list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-reuse-draft-'));
    writeFileSync(join(dir, 'draft.md'), '1. *Decides* to convene a meeting on the matter in the course of next year.\n');
    const { stdout, status } = run(['reuse', join(dir, 'draft.md')]);
    assert.equal(status, 0);
    assert.deepEqual(JSON.parse(stdout), { matches: [] });
  });

  test('the index and the parsed texts are cached (and --no-cache keeps nothing)', () => {
    const cached = run(['reuse', EXCERPT]);
    assert.deepEqual(readdirSync(join(cached.cache, 'compact-drafter')).sort(), ['models', 'reuse']);
    const uncached = run(['reuse', '--no-cache', EXCERPT]);
    assert.deepEqual(readdirSync(uncached.cache), []);
    assert.equal(uncached.stdout, cached.stdout);
  });

  test('check reports the altered passages, and --fix never restores agreed wording', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-reuse-fix-'));
    const { stdout } = run(['check', '--format', 'json', EXCERPT]);
    const [report] = (JSON.parse(stdout) as { files: { diagnostics: { code: string; message: string }[] }[] }).files;
    const altered = report!.diagnostics.filter((d) => d.code === 'altered-agreed-language');
    assert.deepEqual(
      altered.map((d) => d.message.split(' (')[0]),
      ['Adapted from A/68/283, paragraph 11', 'Adapted from A/68/283, paragraph 90'],
    );
    // A/68/283 paragraph 90 with one word changed, and a date to fix beside it.
    const p90 = parseDraft(readFileSync(join(ROOT, 'server', 'data', 'corpus', 'A-68-283.md'), 'utf8')).paragraphs.find((p) => p.label === '90')!.text;
    assert.ok(p90.includes('giving up'));
    const draft = join(dir, 'draft.md');
    writeFileSync(draft, `# Draft\n\n1. ${p90.replace('giving up', 'surrendering')}\n\n2. Recalling its resolution 71/280 of 6 April 2016,\n`);
    const before = JSON.parse(run(['check', '--format', 'json', draft]).stdout) as { files: { diagnostics: { code: string }[] }[] };
    assert.deepEqual(before.files[0]!.diagnostics.map((d) => d.code).sort(), ['altered-agreed-language', 'date-mismatch']);
    const fixed = run(['check', '--fix', draft]);
    assert.match(fixed.stderr, /fixed .*date-mismatch/);
    assert.doesNotMatch(fixed.stderr, /Restore agreed wording/);
    const after = readFileSync(draft, 'utf8');
    assert.ok(after.includes('surrendering'), 'the amendment is kept');
    assert.ok(after.includes('of 6 April 2017'), 'the date is fixed');
  });

  test('real annual resolutions: consecutive paragraphs are one passage, and the earliest adopted source is named (A/RES/80/100 on 79/109 and 78/96)', () => {
    const texts = new Map<string, string>();
    for (const line of readFileSync(sharedPath('un-documents', 'texts.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { symbol: string; text: string };
      if (['A/RES/80/100', 'A/RES/79/109', 'A/RES/78/96'].includes(record.symbol)) texts.set(record.symbol, record.text);
    }
    const dir = mkdtempSync(join(tmpdir(), 'cd-reuse-real-'));
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'A-RES-79-109.txt'), texts.get('A/RES/79/109')!);
    writeFileSync(join(corpus, 'A-RES-78-96.txt'), texts.get('A/RES/78/96')!);
    const draft = join(dir, 'saint-helena-80.txt');
    writeFileSync(draft, texts.get('A/RES/80/100')!);
    const json = run(['reuse', '--format', 'json', '--corpus', corpus, draft]);
    assert.equal(json.status, 0, json.stderr);
    const matches = (JSON.parse(json.stdout) as { matches: Match[] }).matches;
    const joined = matches.find((m) => m.source.symbol === 'A/RES/79/109' && m.source.paragraphs.length > 1 && m.source.paragraphs[0] === '5');
    assert.deepEqual(joined?.source.paragraphs, ['5', '6', '7', '8', '9', '10', '11', '12']);
    // The bundled registry vouches for both adoption dates (each text's printed heading).
    assert.deepEqual(joined?.earliest, { symbol: 'A/RES/78/96', paragraphs: ['5', '6', '7', '8', '9', '10', '11'], date: '2023-12-07' });
    const text = run(['reuse', '--format', 'text', '--corpus', corpus, draft]);
    assert.match(text.stdout, /A\/RES\/79\/109, paras\. 5–12  100 %  verbatim  \(earliest adopted: A\/RES\/78\/96, paras\. 5–11, 2023-12-07\)/);
  });
});
