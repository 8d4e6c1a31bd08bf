// Alignment accuracy on real rounds: 21 draft → adopted resolution pairs of ../shared/un-documents,
// 406 aligned rows (391 of them paragraph pairs) checked by hand (fixtures/real-alignments.json says
// how). A row counts as right when the compare gives exactly that group: the same old and new
// paragraphs, nothing more. Goal: 98 %.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compareRounds } from '../../server/src/compare/compare';
import { readUnDocuments } from './realRounds';

interface Fixture {
  pairs: { draft: string; adopted: string; alignment: string[]; checked: string }[];
}

test('paragraph alignment on real draft → resolution pairs: at least 98 % of hand-checked rows', () => {
  const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'real-alignments.json'), 'utf8')) as Fixture;
  const documents = readUnDocuments();
  assert.ok(fixture.pairs.length >= 20, 'at least 20 real pairs');
  let rows = 0;
  let right = 0;
  let paragraphPairs = 0;
  const wrong: string[] = [];
  for (const pair of fixture.pairs) {
    const result = compareRounds(documents.get(pair.draft)!.text, documents.get(pair.adopted)!.text);
    const produced = new Set(result.paragraphs.map((r) => `${r.old.join('+')}>${r.new.join('+')}`));
    for (const row of pair.alignment) {
      rows++;
      if (!row.startsWith('>') && !row.endsWith('>')) paragraphPairs++;
      if (produced.has(row)) right++;
      else wrong.push(`${pair.draft} → ${pair.adopted}: ${row}`);
    }
  }
  assert.ok(paragraphPairs >= 200, `at least 200 paragraph pairs checked, not ${paragraphPairs}`);
  const accuracy = right / rows;
  console.log(`alignment accuracy: ${right}/${rows} rows = ${(accuracy * 100).toFixed(1)} % (${fixture.pairs.length} pairs, ${paragraphPairs} paragraph pairs); missed: ${wrong.join('; ') || 'none'}`);
  assert.ok(accuracy >= 0.98, `accuracy ${(accuracy * 100).toFixed(1)} % < 98 %; missed: ${wrong.join('; ')}`);
});
