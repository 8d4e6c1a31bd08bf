// The postings segments' Bloom filter: it never turns away a fingerprint it holds (a scan would
// miss candidates), and lets few absent ones through (each costs a read).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFilter, FILTER_BITS_PER_KEY, mayHold } from './fingerprintFilter';

function randomKeys(count: number, seed: number): Uint32Array {
  const keys = new Uint32Array(count);
  let state = seed;
  for (let k = 0; k < count; k++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    keys[k] = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) >>> 0;
  }
  return keys;
}

test('holds every fingerprint put in it, and turns away most others', () => {
  const held = randomKeys(100_000, 1);
  const filter = buildFilter(held, held.length);
  assert.equal(filter.length * 32, held.length * FILTER_BITS_PER_KEY);
  for (const key of held) assert.ok(mayHold(filter, key), `fingerprint ${key} is turned away`);
  const heldSet = new Set(held);
  const others = randomKeys(100_000, 2).filter((key) => !heldSet.has(key));
  const passed = others.filter((key) => mayHold(filter, key)).length;
  // Three probes at 8 bits a key: ~3 %.
  assert.ok(passed / others.length < 0.05, `${passed} of ${others.length} absent fingerprints pass`);
});

test('an empty filter turns every fingerprint away', () => {
  const filter = buildFilter([], 0);
  assert.equal(randomKeys(1000, 3).filter((key) => mayHold(filter, key)).length, 0);
});
