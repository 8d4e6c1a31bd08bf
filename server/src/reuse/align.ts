// Word-level alignment of a draft passage with a source unit: LCS over normalised words, then
// the windows where matched words dominate (maximal-scoring segments), each with its diff.
import type { WordToken } from './normalise';

export type DiffOp = 'equal' | 'insert' | 'delete' | 'replace';

export interface DiffPart {
  readonly op: DiffOp;
  /** Draft words as written ('equal', 'insert', 'replace'). */
  readonly draft?: string;
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

/** Pairs [i, j] of a longest common subsequence of a and b, in order (restricted to the given index lists). */
export function lcsPairs(a: readonly string[], b: readonly string[], ai?: readonly number[], bj?: readonly number[]): [number, number][] {
  const A = ai ?? a.map((_, i) => i);
  const B = bj ?? b.map((_, j) => j);
  const n = A.length;
  const m = B.length;
  if (n === 0 || m === 0) return [];
  const width = m + 1;
  const table = n * m > 4_000_000 ? new Uint32Array((n + 1) * width) : new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    const ai2 = a[A[i]];
    const row = i * width;
    const next = row + width;
    for (let j = m - 1; j >= 0; j--) {
      table[row + j] = ai2 === b[B[j]] ? table[next + j + 1] + 1 : Math.max(table[next + j], table[row + j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[A[i]] === b[B[j]]) {
      pairs.push([A[i], B[j]]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
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
    while (k + len < pairs.length && pairs[k + len][0] === pairs[k][0] + len && pairs[k + len][1] === pairs[k][1] + len) len++;
    runs.push({ i: pairs[k][0], j: pairs[k][1], length: len });
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
    let score = runs[start].length;
    let best = score;
    let bestEnd = start;
    for (let k = start + 1; k < runs.length; k++) {
      const prev = runs[k - 1];
      const gap = Math.max(runs[k].i - (prev.i + prev.length), runs[k].j - (prev.j + prev.length));
      score -= gapCost * gap;
      if (score <= 0) break;
      score += runs[k].length;
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
const sameWord = (x: string, y: string) => x.toLowerCase().replace(FOLD_QUOTES, '') === y.toLowerCase().replace(FOLD_QUOTES, '');
const words = (tokens: readonly WordToken[], from: number, to: number) => tokens.slice(from, to).map((t) => t.word).join(' ');

function windowOf(segment: readonly Run[], draft: readonly WordToken[], source: readonly WordToken[]): AlignedWindow {
  const first = segment[0];
  const last = segment[segment.length - 1];
  const draftFrom = first.i;
  const draftTo = last.i + last.length - 1;
  const sourceFrom = first.j;
  const sourceTo = last.j + last.length - 1;
  let matched = 0;
  let altered = false;
  const diff: DiffPart[] = [];
  for (let k = 0; k < segment.length; k++) {
    const run = segment[k];
    if (k > 0) {
      const prev = segment[k - 1];
      const di = prev.i + prev.length;
      const dj = prev.j + prev.length;
      if (run.i > di && run.j > dj) diff.push({ op: 'replace', draft: words(draft, di, run.i), source: words(source, dj, run.j) });
      else if (run.i > di) diff.push({ op: 'insert', draft: words(draft, di, run.i) });
      else if (run.j > dj) diff.push({ op: 'delete', source: words(source, dj, run.j) });
      altered = true;
    }
    matched += run.length;
    for (let x = 0; x < run.length && !altered; x++) if (!sameWord(draft[run.i + x].word, source[run.j + x].word)) altered = true;
    diff.push({ op: 'equal', draft: words(draft, run.i, run.i + run.length), source: words(source, run.j, run.j + run.length) });
  }
  const similarity = matched / Math.max(draftTo - draftFrom + 1, sourceTo - sourceFrom + 1);
  return { draftFrom, draftTo, sourceFrom, sourceTo, matched, similarity, diff, altered };
}

/** Widens a segment's first and last runs over equal words the LCS happened to pair elsewhere. */
function extend(segment: readonly Run[], a: readonly string[], b: readonly string[], taken: (i: number, j: number) => boolean): Run[] {
  const runs = [...segment];
  let first = runs[0];
  while (first.i > 0 && first.j > 0 && a[first.i - 1] === b[first.j - 1] && !taken(first.i - 1, first.j - 1)) first = { i: first.i - 1, j: first.j - 1, length: first.length + 1 };
  runs[0] = first;
  let last = runs[runs.length - 1];
  while (last.i + last.length < a.length && last.j + last.length < b.length && a[last.i + last.length] === b[last.j + last.length] && !taken(last.i + last.length, last.j + last.length)) last = { ...last, length: last.length + 1 };
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
export function alignWindows(draft: readonly WordToken[], source: readonly WordToken[], options: AlignOptions = {}): AlignedWindow[] {
  const minWords = options.minWords ?? 25;
  const minSimilarity = options.minSimilarity ?? 0.8;
  const rounds = options.rounds ?? 2;
  const a = draft.map((t) => t.norm);
  const b = source.map((t) => t.norm);
  let ai = a.map((_, i) => i);
  let bj = b.map((_, j) => j);
  const found: AlignedWindow[] = [];
  for (let round = 0; round < rounds; round++) {
    if (ai.length < minWords || bj.length < minWords) break;
    const pairs = lcsPairs(a, b, ai, bj);
    if (pairs.length < minWords) break;
    const accepted: AlignedWindow[] = [];
    const taken = (i: number, j: number) => !ai.includes(i) || !bj.includes(j);
    for (const segment of segments(runsOf(pairs), 1.5)) {
      const window = windowOf(extend(segment, a, b, taken), draft, source);
      if (window.matched >= minWords && window.similarity >= minSimilarity) accepted.push(window);
    }
    if (accepted.length === 0) break;
    found.push(...accepted);
    // Leave out what was matched (both windows whole) and align the rest again.
    const inDraft = (i: number) => accepted.some((w) => i >= w.draftFrom && i <= w.draftTo);
    const inSource = (j: number) => accepted.some((w) => j >= w.sourceFrom && j <= w.sourceTo);
    ai = ai.filter((i) => !inDraft(i));
    bj = bj.filter((j) => !inSource(j));
  }
  return found.sort((x, y) => x.draftFrom - y.draftFrom);
}
