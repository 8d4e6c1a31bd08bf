// Word-level alignment of a draft passage with a source unit: LCS over normalised words, then
// the windows where matched words dominate (maximal-scoring segments), each with its diff.
import type { WordList } from './normalise';

export type DiffOp = 'equal' | 'insert' | 'delete' | 'replace';

export interface DiffPart {
  readonly op: DiffOp;
  /** Draft words as written ('equal', 'insert', 'replace'). */
  readonly draft?: string;
  /** The same draft words as the draft has them, punctuation between them included (for the hover). */
  readonly draftText?: string;
  /** Source words as written ('equal', 'delete', 'replace'). */
  readonly source?: string;
}

export interface AlignedWindow {
  /** First and last draft tokens of the window (inclusive). */
  readonly draftFrom: number;
  readonly draftTo: number;
  /** First and last source tokens of the window (inclusive). */
  readonly sourceFrom: number;
  readonly sourceTo: number;
  readonly matched: number;
  /** matched / max(window lengths). */
  readonly similarity: number;
  readonly diff: DiffPart[];
  /** Any difference, spelling variants of matched words included. */
  readonly altered: boolean;
}

// Scratch for every alignment: verifying a paragraph's candidates would otherwise allocate per candidate.
let rows = new Int32Array(1 << 12);
let masks = new Int32Array(1 << 12);

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Pairs [i, j] of a longest common subsequence of a and b, in order, restricted to the index
 * lists ai and bj (all indices when absent). Among equal-length subsequences the one taken is
 * the one that skips draft words before source words (at each step, a word of a is passed over
 * whenever that loses nothing).
 *
 * The lengths come from the bit-parallel LCS of Allison and Dix (1986) in Hyyrö's form (2004):
 * one machine word holds 32 cells of a row of the dynamic-programming table, so a row of a
 * 100-word paragraph is 4 words, not 100 cells. The strings are reversed, so row r describes
 * the suffixes a[n-r..] against every suffix of b, which the forward walk above reads.
 */
export function lcsPairs(a: ArrayLike<unknown>, b: ArrayLike<unknown>, ai?: ArrayLike<number>, bj?: ArrayLike<number>): [number, number][] {
  const n = ai ? ai.length : a.length;
  const m = bj ? bj.length : b.length;
  if (n === 0 || m === 0) return [];
  // Compared as small integers: word ids as they are, anything else through a local vocabulary.
  const A = new Int32Array(n);
  const B = new Int32Array(m);
  if (a instanceof Int32Array && b instanceof Int32Array) {
    for (let i = 0; i < n; i++) A[i] = a[ai ? ai[i]! : i]!;
    for (let j = 0; j < m; j++) B[j] = b[bj ? bj[j]! : j]!;
  } else {
    const ids = new Map<unknown, number>();
    const idOf = (x: unknown) => {
      let id = ids.get(x);
      if (id === undefined) ids.set(x, (id = ids.size));
      return id;
    };
    for (let i = 0; i < n; i++) A[i] = idOf(a[ai ? ai[i]! : i]);
    for (let j = 0; j < m; j++) B[j] = idOf(b[bj ? bj[j]! : j]);
  }
  const W = (m + 31) >>> 5;
  // masks: for each distinct word of B, the bits of its positions in reversed B.
  const symbol = new Map<number, number>();
  if (masks.length < m * W) masks = new Int32Array(Math.max(m * W, masks.length * 2));
  for (let j = 0; j < m; j++) {
    let k = symbol.get(B[j]!);
    if (k === undefined) {
      symbol.set(B[j]!, (k = symbol.size));
      masks.fill(0, k * W, k * W + W);
    }
    const p = m - 1 - j;
    masks[k * W + (p >>> 5)]! |= 1 << (p & 31);
  }
  // rows[r * W ..]: after r words of reversed A; a zero bit at p marks where the LCS of those
  // words with reversed B grows when B's prefix grows past position p.
  if (rows.length < (n + 1) * W) rows = new Int32Array(Math.max((n + 1) * W, rows.length * 2));
  rows.fill(-1, 0, W);
  for (let r = 1; r <= n; r++) {
    const previous = (r - 1) * W;
    const current = r * W;
    const k = symbol.get(A[n - r]!);
    if (k === undefined) {
      rows.copyWithin(current, previous, previous + W);
      continue;
    }
    let carry = 0;
    for (let w = 0; w < W; w++) {
      const v = rows[previous + w]! >>> 0;
      const u = (v & masks[k * W + w]!) >>> 0;
      const sum = v + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      rows[current + w] = sum | (v & ~u);
    }
  }
  // LCS of a[n-r..] and b[m-c..]: the zero bits among the first c of row r.
  const lcs = (r: number, c: number) => {
    const row = r * W;
    let ones = 0;
    const full = c >>> 5;
    for (let w = 0; w < full; w++) ones += popcount(rows[row + w]!);
    if (c & 31) ones += popcount(rows[row + full]! & ((1 << (c & 31)) - 1));
    return c - ones;
  };
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (A[i] === B[j]) {
      pairs.push([ai ? ai[i]! : i, bj ? bj[j]! : j]);
      i++;
      j++;
    } else if (lcs(n - i - 1, m - j) >= lcs(n - i, m - j - 1)) i++;
    else j++;
  }
  return pairs;
}

interface Run {
  readonly i: number;
  readonly j: number;
  readonly length: number;
}

function runsOf(pairs: readonly [number, number][]): Run[] {
  const runs: Run[] = [];
  for (let k = 0; k < pairs.length; ) {
    let len = 1;
    while (k + len < pairs.length && pairs[k + len]![0] === pairs[k]![0] + len && pairs[k + len]![1] === pairs[k]![1] + len) len++;
    runs.push({ i: pairs[k]![0], j: pairs[k]![1], length: len });
    k += len;
  }
  return runs;
}

/**
 * Splits runs into maximal-scoring segments: a run scores its length, a gap between runs costs
 * gapCost per word on the longer side. A segment ends where its score would fall to zero.
 */
function segments(runs: readonly Run[], gapCost: number): Run[][] {
  const out: Run[][] = [];
  let start = 0;
  while (start < runs.length) {
    let score = runs[start]!.length;
    let best = score;
    let bestEnd = start;
    for (let k = start + 1; k < runs.length; k++) {
      const prev = runs[k - 1]!;
      const gap = Math.max(runs[k]!.i - (prev.i + prev.length), runs[k]!.j - (prev.j + prev.length));
      score -= gapCost * gap;
      if (score <= 0) break;
      score += runs[k]!.length;
      if (score >= best) {
        best = score;
        bestEnd = k;
      }
    }
    out.push(runs.slice(start, bestEnd + 1));
    start = bestEnd + 1;
  }
  return out;
}

const FOLD_QUOTES = /['’ʼ]/g;
const sameWord = (x: string, y: string) => x === y || x.toLowerCase().replace(FOLD_QUOTES, '') === y.toLowerCase().replace(FOLD_QUOTES, '');

function windowOf(segment: readonly Run[], draft: WordList, source: WordList): AlignedWindow {
  const first = segment[0]!;
  const last = segment[segment.length - 1]!;
  const draftFrom = first.i;
  const draftTo = last.i + last.length - 1;
  const sourceFrom = first.j;
  const sourceTo = last.j + last.length - 1;
  let matched = 0;
  let altered = false;
  const diff: DiffPart[] = [];
  for (let k = 0; k < segment.length; k++) {
    const run = segment[k]!;
    if (k > 0) {
      const prev = segment[k - 1]!;
      const di = prev.i + prev.length;
      const dj = prev.j + prev.length;
      if (run.i > di && run.j > dj) diff.push({ op: 'replace', draft: draft.words(di, run.i), draftText: draft.written(di, run.i), source: source.words(dj, run.j) });
      else if (run.i > di) diff.push({ op: 'insert', draft: draft.words(di, run.i), draftText: draft.written(di, run.i) });
      else if (run.j > dj) diff.push({ op: 'delete', source: source.words(dj, run.j) });
      altered = true;
    }
    matched += run.length;
    for (let x = 0; x < run.length && !altered; x++) if (!sameWord(draft.word(run.i + x), source.word(run.j + x))) altered = true;
    diff.push({ op: 'equal', draft: draft.words(run.i, run.i + run.length), draftText: draft.written(run.i, run.i + run.length), source: source.words(run.j, run.j + run.length) });
  }
  const similarity = matched / Math.max(draftTo - draftFrom + 1, sourceTo - sourceFrom + 1);
  return { draftFrom, draftTo, sourceFrom, sourceTo, matched, similarity, diff, altered };
}

/**
 * Widens a segment's first and last runs over equal words the LCS happened to pair elsewhere
 * (words still to align in this round: open in both masks).
 */
function extend(segment: readonly Run[], a: Int32Array, b: Int32Array, openA: Uint8Array, openB: Uint8Array): Run[] {
  const free = (i: number, j: number) => openA[i] === 1 && openB[j] === 1;
  const runs = [...segment];
  let first = runs[0]!;
  while (first.i > 0 && first.j > 0 && a[first.i - 1] === b[first.j - 1] && free(first.i - 1, first.j - 1)) first = { i: first.i - 1, j: first.j - 1, length: first.length + 1 };
  runs[0] = first;
  let last = runs[runs.length - 1]!;
  while (last.i + last.length < a.length && last.j + last.length < b.length && a[last.i + last.length] === b[last.j + last.length] && free(last.i + last.length, last.j + last.length)) last = { ...last, length: last.length + 1 };
  runs[runs.length - 1] = last;
  return runs;
}

export interface AlignOptions {
  /** Matched words a window needs (25). */
  readonly minWords?: number;
  /** Similarity a window needs (0.8). */
  readonly minSimilarity?: number;
  /** Alignment rounds: a second round finds passages the first one left (sentences reordered). */
  readonly rounds?: number;
}

/** The windows where draft and source share wording, above the thresholds, in draft order. */
export function alignWindows(draft: WordList, source: WordList, options: AlignOptions = {}): AlignedWindow[] {
  const minWords = options.minWords ?? 25;
  const minSimilarity = options.minSimilarity ?? 0.8;
  const rounds = options.rounds ?? 2;
  const a = draft.ids;
  const b = source.ids;
  let ai: Int32Array | undefined;
  let bj: Int32Array | undefined;
  // Words not yet inside an accepted window.
  const openA = new Uint8Array(a.length).fill(1);
  const openB = new Uint8Array(b.length).fill(1);
  const found: AlignedWindow[] = [];
  for (let round = 0; round < rounds; round++) {
    const n = ai ? ai.length : a.length;
    const m = bj ? bj.length : b.length;
    if (n < minWords || m < minWords) break;
    const pairs = lcsPairs(a, b, ai, bj);
    if (pairs.length < minWords) break;
    const accepted: AlignedWindow[] = [];
    for (const segment of segments(runsOf(pairs), 1.5)) {
      const window = windowOf(extend(segment, a, b, openA, openB), draft, source);
      if (window.matched >= minWords && window.similarity >= minSimilarity) accepted.push(window);
    }
    if (accepted.length === 0) break;
    found.push(...accepted);
    // Leave out what was matched (both windows whole) and align the rest again.
    for (const w of accepted) {
      openA.fill(0, w.draftFrom, w.draftTo + 1);
      openB.fill(0, w.sourceFrom, w.sourceTo + 1);
    }
    ai = openIndices(openA);
    bj = openIndices(openB);
  }
  return found.sort((x, y) => x.draftFrom - y.draftFrom);
}

function openIndices(open: Uint8Array): Int32Array {
  let count = 0;
  for (let i = 0; i < open.length; i++) count += open[i]!;
  const out = new Int32Array(count);
  for (let i = 0, k = 0; i < open.length; i++) if (open[i] === 1) out[k++] = i;
  return out;
}
