// Winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003) over word n-grams: every shared run
// of at least K + W - 1 words yields at least one shared fingerprint.

export const NGRAM = 5;
export const WINDOW = 4;

/** FNV-1a, 32 bits, of a word. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The hash of each n-gram of a sequence of word hashes (hashWord of each word), in order. */
export function ngramHashesOf(wordHashes: ArrayLike<number>, length = wordHashes.length, k = NGRAM): Uint32Array {
  const count = length - k + 1;
  if (count <= 0) return new Uint32Array(0);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x2545f491;
    for (let j = 0; j < k; j++) h = mix(h, wordHashes[i + j]!);
    out[i] = h;
  }
  return out;
}

/** The hash of each word n-gram, in order. */
export function ngramHashes(words: readonly string[], k = NGRAM): Uint32Array {
  return ngramHashesOf(words.map(hashWord), words.length, k);
}

/**
 * The winnowed fingerprints of a sequence of word hashes, without duplicates. The first `length`
 * hashes are read (callers pass a reused buffer).
 */
export function fingerprintsOf(wordHashes: ArrayLike<number>, length = wordHashes.length, k = NGRAM, w = WINDOW): number[] {
  const hashes = ngramHashesOf(wordHashes, length, k);
  if (hashes.length === 0) return [];
  if (hashes.length < w) {
    let min = hashes[0]!;
    for (const h of hashes) if (h < min) min = h;
    return [min];
  }
  const selected: number[] = [];
  let lastPos = -1;
  for (let start = 0; start + w <= hashes.length; start++) {
    // The rightmost minimum of the window.
    let pos = start;
    for (let i = start + 1; i < start + w; i++) if (hashes[i]! <= hashes[pos]!) pos = i;
    if (pos !== lastPos) {
      selected.push(hashes[pos]!);
      lastPos = pos;
    }
  }
  return selected.length > 1 ? [...new Set(selected)] : selected;
}

/** The winnowed fingerprints of a word sequence, without duplicates. */
export function fingerprints(words: readonly string[], k = NGRAM, w = WINDOW): number[] {
  return fingerprintsOf(words.map(hashWord), words.length, k, w);
}
