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

describe('the reuse scan cache: what drafts use now, and history', () => {
  const paragraphs = (draft: string, count: number) => Array.from({ length: count }, (_, i) => `${draft} paragraph ${i} `.repeat(20));
  /** What scanDraft does with the cache: each unit's entry read (or computed and set), then the keys it used told. */
  let computed = 0;
  const scan = (cache: BoundedScanCache, draft: string, keys: string[]) => {
    for (const key of keys) if (!cache.get(key)) (computed++, cache.set(key, []));
    cache.markUsed(draft, new Set(keys));
  };

  test('each word typed leaves a version behind: history stays under its bound, the paragraphs in use all stay', () => {
    const cache = new BoundedScanCache(4 * 1024 * 1024, 256 * 1024);
    const draft = paragraphs('draft', 600);
    scan(cache, 'file:///draft.md', draft);
    computed = 0;
    // 2,000 typed versions of about 3 KB each: more than the whole bound.
    for (let i = 0; i < 2_000; i++) {
      // A word typed into a paragraph, scanned, then removed (the typed version is used by no draft any more).
      const at = (i * 37) % draft.length;
      scan(cache, 'file:///draft.md', draft.map((key, k) => (k === at ? `w${i} ${key}` : key)));
      scan(cache, 'file:///draft.md', draft);
      assert.ok(cache.historyBytes <= 256 * 1024, `history ${cache.historyBytes} after ${i} edits`);
    }
    // Only the typed versions were computed: the paragraph as it was, just used, came back from history.
    assert.equal(computed, 2_000);
    // With one LRU order for all, the versions filled the whole 4 MB.
    assert.ok(cache.bytes < 2 * 1024 * 1024, `${cache.bytes} bytes held`);
  });

  test('a closed draft: its entries become history; a paragraph two drafts share stays while one uses it', () => {
    const cache = new BoundedScanCache(4 * 1024 * 1024, 0);
    const shared = 'a paragraph both drafts quote '.repeat(10);
    const [first, second] = [paragraphs('first', 10), paragraphs('second', 10)];
    scan(cache, 'file:///first.md', [...first, shared]);
    scan(cache, 'file:///second.md', [...second, shared]);
    assert.equal(cache.historyBytes, 0);
    cache.forgetDraft('file:///first.md');
    assert.equal(cache.historyBytes, 0, 'history over its bound (0) is evicted at once');
    for (const key of first) assert.equal(cache.get(key), undefined);
    assert.ok(cache.get(shared), 'still used by the second draft');
    for (const key of second) assert.ok(cache.get(key), 'used by the second draft');
  });
});
