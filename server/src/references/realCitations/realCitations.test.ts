// The grammar on real citations (citations.tsv, 26 adopted resolutions of the 78th-80th sessions):
// the figures of scripts/real-citations.ts must not fall back.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCorpus } from '../../corpus';
import { readRealTexts, scoreRealCitations } from './score';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const SHARED = process.env.COMPACT_DRAFTER_SHARED ?? join(REPO_ROOT, '..', 'shared');
const missing = !existsSync(join(SHARED, 'un-documents', 'texts.jsonl')) && 'the real texts (../shared/un-documents) are not beside the repository';

test('real citations: recall 100 % (691 of 691), the grammar’s precision ≥ 99.9%, every symbol family and list form read', { skip: missing }, async () => {
  const score = scoreRealCitations(readRealTexts(REPO_ROOT), await loadCorpus({ folders: [] }));
  assert.ok(score.citations >= 600, `${score.citations} citations`);
  assert.ok(score.recall === 1, `recall ${score.recall}\n${score.misses.join('\n')}`);
  assert.ok(score.grammarPrecision >= 0.999, `precision ${score.grammarPrecision}\n${score.falsePositives.join('\n')}`);
  // Names are the registry's aliases, learned from the texts elsewhere: held loosely here.
  assert.ok(score.namePrecision >= 0.9, `name precision ${score.namePrecision}\n${score.falsePositives.join('\n')}`);
  const form = (name: string) => score.byForm.find((f) => f.form === name)!;
  for (const name of ['short', 'symbol', 'footnote-short', 'official-records', 'joint', 'body']) {
    assert.equal(form(name).found, form(name).citations, `${name}:\n${score.misses.filter((m) => m.includes(` ${name} `)).join('\n')}`);
  }
  // Every Ibid. whose previous footnote cites one document, across pages' footnote rules.
  assert.equal(form('ibid').found, form('ibid').citations, `ibid:\n${score.misses.filter((m) => m.includes(' ibid ')).join('\n')}`);
  assert.ok(form('body-carried').found >= 3, `body-carried ${form('body-carried').found}`);
});
