// The corpus's texts and parsed models are kept while recent, within a budget of characters
// (documentMemory.ts): a corpus larger than the budget is read and parsed again where it is used,
// not held whole.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CorpusDocument } from './document';
import { MODEL_BUDGET_CHARS, SizedLru, TEXT_BUDGET_CHARS } from './documentMemory';

describe('SizedLru', () => {
  test('lets the least recently used go once the sizes pass the budget', () => {
    const lru = new SizedLru<string, string>(10);
    const made: string[] = [];
    const get = (key: string, size: number) => lru.get(key, size, () => (made.push(key), key.toUpperCase()));
    get('a', 4);
    get('b', 4);
    assert.equal(get('a', 4), 'A'); // kept, and now the most recent
    get('c', 4); // 12 > 10: b, the least recently used, goes
    assert.deepEqual([lru.has('a'), lru.has('b'), lru.has('c')], [true, false, true]);
    get('b', 4);
    assert.deepEqual(made, ['a', 'b', 'c', 'b']);
    assert.equal(lru.size, 8);
  });

  test('keeps a value bigger than the whole budget until the next one', () => {
    const lru = new SizedLru<string, number>(10);
    lru.get('big', 50, () => 1);
    assert.ok(lru.has('big'));
    lru.get('small', 1, () => 2);
    assert.deepEqual([lru.has('big'), lru.has('small')], [false, true]);
  });
});

describe('a corpus document read on demand', () => {
  /** A document whose stated length is over half the budget, so two of them do not fit together. */
  const onDemand = (name: string, text: string, reads: string[]) =>
    new CorpusDocument(name, name, `file:///corpus/${name}.md`, 'workspace', {
      read: () => (reads.push(name), text),
      length: Math.max(TEXT_BUDGET_CHARS, MODEL_BUDGET_CHARS) / 2 + 1,
      contentHash: `hash of ${name}`,
    });

  test('its text is read again from its source once other texts pushed it out, its hash never', () => {
    const reads: string[] = [];
    const a = onDemand('A/1', '1. First text.\n', reads);
    const b = onDemand('A/2', '1. Second text.\n', reads);
    assert.equal(a.contentHash, 'hash of A/1');
    assert.deepEqual(reads, []);
    assert.equal(a.text, '1. First text.\n');
    assert.equal(a.text, '1. First text.\n');
    assert.deepEqual(reads, ['A/1']);
    assert.equal(b.text, '1. Second text.\n');
    assert.equal(a.text, '1. First text.\n');
    assert.deepEqual(reads, ['A/1', 'A/2', 'A/1']);
  });

  test('its model is parsed again once other models pushed it out, with the same answers', () => {
    const reads: string[] = [];
    const a = onDemand('A/3', '1. Recalls its resolution 71/1.\n\n2. Decides to remain seized.\n', reads);
    const b = onDemand('A/4', '1. Other text.\n', reads);
    const first = a.paragraph('2')!.text;
    assert.ok(a.isParsed);
    void b.model;
    assert.equal(a.isParsed, false);
    assert.equal(a.paragraph('2')!.text, first);
    assert.match(first, /remain seized/);
  });
});
