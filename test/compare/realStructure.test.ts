// Sub-paragraphs and annexes on real rounds: 30 draft → adopted resolution pairs of
// ../shared/un-documents, 535 sub-paragraph rows and 309 annex paragraph rows checked by hand
// (fixtures/real-structure.json says how). A row counts as right when the compare gives exactly that
// group. Goal, as for paragraphs: 98 %.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compareRounds } from '../../server/src/compare/compare';
import { readUnDocuments } from './realRounds';

interface Fixture {
  pairs: { draft: string; adopted: string; subparagraphs: string[]; annex: string[] }[];
}

test('sub-paragraph and annex alignment on real draft → resolution pairs: at least 98 % of hand-checked rows', () => {
  const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'real-structure.json'), 'utf8')) as Fixture;
  const documents = readUnDocuments();
  assert.ok(fixture.pairs.length >= 20, 'at least 20 real pairs');
  const tally = { subparagraphs: { rows: 0, right: 0 }, annex: { rows: 0, right: 0 } };
  const wrong: string[] = [];
  for (const pair of fixture.pairs) {
    const result = compareRounds(documents.get(pair.draft)!.text, documents.get(pair.adopted)!.text);
    const produced = {
      subparagraphs: new Set(result.paragraphs.filter((r) => r.level === 'subparagraph').map((r) => `${r.old.join('+')}>${r.new.join('+')}`)),
      annex: new Set(result.paragraphs.filter((r) => r.level === 'paragraph').map((r) => `${r.old.join('+')}>${r.new.join('+')}`)),
    };
    for (const kind of ['subparagraphs', 'annex'] as const) {
      for (const row of pair[kind]) {
        tally[kind].rows++;
        if (produced[kind].has(row)) tally[kind].right++;
        else wrong.push(`${pair.draft} → ${pair.adopted}: ${row}`);
      }
    }
  }
  assert.ok(tally.subparagraphs.rows >= 200, `at least 200 sub-paragraph rows checked, not ${tally.subparagraphs.rows}`);
  const rows = tally.subparagraphs.rows + tally.annex.rows;
  const right = tally.subparagraphs.right + tally.annex.right;
  console.log(
    `structure alignment: sub-paragraphs ${tally.subparagraphs.right}/${tally.subparagraphs.rows}, annex paragraphs ${tally.annex.right}/${tally.annex.rows} (${fixture.pairs.length} pairs); missed: ${wrong.join('; ') || 'none'}`,
  );
  assert.ok(right / rows >= 0.98, `accuracy ${((right / rows) * 100).toFixed(1)} % < 98 %; missed: ${wrong.join('; ')}`);
});
