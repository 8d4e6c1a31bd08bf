import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSettings } from '../settings';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_REUSE_WORDS, readReuseThresholds } from './thresholds';

// One rule for the server's settings and the CLI's options: each row is read both ways.
const ROWS: [given: { minWords?: unknown; minSimilarity?: unknown }, minWords: number, minSimilarity: number, refused: string[]][] = [
  [{}, 25, 0.8, []],
  [{ minWords: 5, minSimilarity: 1 }, 5, 1, []],
  [{ minWords: 40, minSimilarity: 0.05 }, 40, 0.05, []],
  [{ minWords: 4 }, 25, 0.8, ['minWords']],
  [{ minWords: 12.5 }, 25, 0.8, ['minWords']],
  [{ minWords: '30' }, 25, 0.8, ['minWords']],
  [{ minWords: Number.NaN }, 25, 0.8, ['minWords']],
  [{ minSimilarity: 0 }, 25, 0.8, ['minSimilarity']],
  [{ minSimilarity: 1.5 }, 25, 0.8, ['minSimilarity']],
  [{ minSimilarity: -0.5 }, 25, 0.8, ['minSimilarity']],
  [{ minWords: 3, minSimilarity: 2 }, 25, 0.8, ['minWords', 'minSimilarity']],
  [{ minWords: null }, 25, 0.8, ['minWords']],
];

test('reuse thresholds: a valid value is taken, any other refused with the rule it breaks and the default kept', () => {
  for (const [given, minWords, minSimilarity, refused] of ROWS) {
    const read = readReuseThresholds(given);
    assert.deepEqual(read.settings, { minWords, minSimilarity }, JSON.stringify(given));
    assert.deepEqual(read.problems.map((p) => p.threshold), refused, JSON.stringify(given));
  }
});

test('the server reads its reuse settings with the same rule, and says in its log what it refused', () => {
  for (const [given, minWords, minSimilarity, refused] of ROWS) {
    const settings = readSettings({ reuse: given });
    assert.deepEqual(settings.reuse, { minWords, minSimilarity }, JSON.stringify(given));
    // Before: a refused value was silently replaced by the default, with nothing in the log.
    assert.deepEqual(
      refused.map((threshold) => settings.problems.some((problem) => problem.startsWith(`reuse.${threshold} must be `))),
      refused.map(() => true),
      `${JSON.stringify(given)}: ${settings.problems.join(' | ')}`,
    );
    assert.equal(settings.problems.length, refused.length, JSON.stringify(given));
  }
  assert.deepEqual(readSettings({ reuse: { minWords: 3 } }).problems, ['reuse.minWords must be a whole number of at least 5, not 3; 25 is used']);
});

test('the settings editor offers the same bounds (package.json), so it never accepts a value the server refuses', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties ?? Object.assign({}, ...manifest.contributes.configuration.map((c: { properties: object }) => c.properties));
  const words = properties['compactDrafter.reuse.minWords'];
  const similarity = properties['compactDrafter.reuse.minSimilarity'];
  assert.deepEqual([words.type, words.minimum], ['integer', MIN_REUSE_WORDS]);
  assert.deepEqual([similarity.exclusiveMinimum, similarity.maximum, similarity.minimum], [0, 1, undefined]);
});
