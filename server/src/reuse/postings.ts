// The bulk postings of the reuse index: (fingerprint, unit) pairs sorted by fingerprint and
// bucketed by its top bits, so that a lookup is one short binary search within a bucket.

/** Postings are bucketed by the top bits of their fingerprint: a lookup is one short search. */
export const BUCKET_BITS = 16;
export const BUCKET_SHIFT = 32 - BUCKET_BITS;
/** Postings collected during a build, in chunks of this many. */
export const POSTING_CHUNK = 1 << 20;

/**
 * Postings sorted by fingerprint, units in the order emitted within one fingerprint: scattered
 * into buckets by the fingerprint's top bits (a counting sort), then each bucket sorted.
 */
export function sortPostings(keyChunks: readonly Uint32Array[], unitChunks: readonly Uint32Array[], n: number): { keys: Uint32Array; units: Uint32Array } {
  const start = new Uint32Array((1 << BUCKET_BITS) + 1);
  const each = (visit: (key: number, unit: number) => void) => {
    for (let c = 0; c < keyChunks.length; c++) {
      const keys = keyChunks[c]!;
      const units = unitChunks[c]!;
      const count = Math.min(POSTING_CHUNK, n - c * POSTING_CHUNK);
      for (let i = 0; i < count; i++) visit(keys[i]!, units[i]!);
    }
  };
  each((key) => start[(key >>> BUCKET_SHIFT) + 1]!++);
  for (let b = 1; b < start.length; b++) start[b]! += start[b - 1]!;
  const keys = new Uint32Array(n);
  const units = new Uint32Array(n);
  const next = start.slice(0, start.length - 1);
  each((key, unit) => {
    const at = next[key >>> BUCKET_SHIFT]!++;
    keys[at] = key;
    units[at] = unit;
  });
  for (let b = 0; b + 1 < start.length; b++) sortBucket(keys, units, start[b]!, start[b + 1]!);
  return { keys, units };
}

/** Sorts keys[from, to) (and units alongside) by key, stably. */
function sortBucket(keys: Uint32Array, units: Uint32Array, from: number, to: number): void {
  if (to - from <= 64) {
    for (let i = from + 1; i < to; i++) {
      const key = keys[i]!;
      const unit = units[i]!;
      let j = i - 1;
      while (j >= from && keys[j]! > key) {
        keys[j + 1] = keys[j]!;
        units[j + 1] = units[j]!;
        j--;
      }
      keys[j + 1] = key;
      units[j + 1] = unit;
    }
    return;
  }
  const order = Array.from({ length: to - from }, (_, k) => from + k);
  order.sort((x, y) => keys[x]! - keys[y]! || x - y);
  const sortedKeys = order.map((i) => keys[i]!);
  const sortedUnits = order.map((i) => units[i]!);
  keys.set(sortedKeys, from);
  units.set(sortedUnits, from);
}

