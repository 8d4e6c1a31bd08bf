import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CachedMatch } from './scan';
import { BoundedScanCache } from './scanCache';

const match = (words: string): CachedMatch =>
  ({ from: { span: 0, offset: 0 }, to: { span: 0, offset: 5 }, source: { symbol: 'A/RES/71/280', paragraphs: ['7'], uri: 'bundled:///x' }, similarity: 0.9, altered: true, diff: [{ kind: 'same', text: words }] }) as unknown as CachedMatch;

describe('the reuse scan cache', () => {
  test('stays under its byte bound over 20,000 distinct paragraphs, evicting one entry at a time', () => {
    const cache = new BoundedScanCache(1024 * 1024);
    let peak = 0;
    let smallest = Infinity;
    for (let i = 0; i < 20_000; i++) {
      cache.set(`paragraph ${i} `.repeat(20), i % 3 ? [] : [match(`words of paragraph ${i} `.repeat(10))]);
      peak = Math.max(peak, cache.bytes);
      if (i > 5000) smallest = Math.min(smallest, cache.size);
    }
    assert.ok(peak <= 1024 * 1024, `peak ${peak}`);
    // Incremental: never cleared whole (the old cache dropped to 0 entries when full).
    assert.ok(smallest > 100, `fewest entries kept once warm: ${smallest}`);
  });

  test('evicts the least recently used: an entry read again survives', () => {
    const cache = new BoundedScanCache(64 * 1024);
    cache.set('kept', []);
    for (let i = 0; i < 2000; i++) {
      cache.set(`filler ${i}`, []);
      assert.ok(cache.get('kept'), `evicted after ${i} others`);
    }
    assert.equal(cache.get('filler 0'), undefined);
  });
});
