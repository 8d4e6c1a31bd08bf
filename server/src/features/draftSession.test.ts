import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { draftSession, sessionAt, sessionOrdinal } from './draftSession';

describe('the session a draft belongs to', () => {
  test('ordinals as the resolutions write them', () => {
    const rows: [number, string][] = [
      [1, 'first'],
      [12, 'twelfth'],
      [20, 'twentieth'],
      [40, 'fortieth'],
      [74, 'seventy-fourth'],
      [80, 'eightieth'],
      [81, 'eighty-first'],
      [82, 'eighty-second'],
      [93, 'ninety-third'],
      [100, 'one hundredth'],
      [101, 'one hundred and first'],
    ];
    for (const [n, words] of rows) assert.equal(sessionOrdinal(n), words, String(n));
  });

  test('a date falls in the session that opened the September before it', () => {
    assert.equal(sessionAt('2025-09-09'), 80);
    assert.equal(sessionAt('2025-12-18'), 80);
    assert.equal(sessionAt('2026-02-10'), 80);
    assert.equal(sessionAt('2026-08-31'), 80);
    assert.equal(sessionAt('2026-09-15'), 81);
    assert.equal(sessionAt('2017-12-19'), 72);
  });

  test('the draft says it: its symbol first, then its date, else today', () => {
    const today = new Date('2026-12-03T12:00:00Z');
    assert.equal(draftSession('---\nsymbol: A/C.3/78/L.52/Rev.1\ndate: 2026-02-10\n---\n*The General Assembly*,\n', today), 78);
    assert.equal(draftSession('---\ndate: 2019-10-01\n---\n*The General Assembly*,\n', today), 74);
    assert.equal(draftSession('*The General Assembly*,\n\n*Recalling* its resolution 73/195,\n', today), 81);
    // An adopted resolution's heading dates it (A/RES/72/179 was adopted on 19 December 2017).
    assert.equal(draftSession('Resolution adopted by the General Assembly on 19 December 2017\n\n*The General Assembly*,\n', today), 72);
  });
});
