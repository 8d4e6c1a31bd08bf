// Paragraph alignment of two rounds, across renumbering, moves, splits and merges.
//
// Each paragraph is a set of word bigrams (normalised words, so "programme"/"program" and a changed
// comma do not count). Steps:
//   1. pairs of paragraphs sharing bigrams are scored by Dice (2·shared / (|A| + |B|));
//   2. the most similar pairs are matched one to one, best first, from Dice 0.5 up;
//   3. between two matched pairs, left-over paragraphs are matched down to Dice 0.2 when the match
//      keeps the order (a heavily edited paragraph in its old place is the same paragraph; the same
//      score elsewhere is a coincidence of boilerplate);
//      A gap between two matched pairs that holds exactly one left-over paragraph on each side, of
//      the same kind, is one paragraph rewritten when they share any wording (Dice 0.05): an editor
//      reads "2. Calls upon … invest" → "2. Encourages … increase investment" as paragraph 2 edited;
//   4. a left-over paragraph whose words are mostly inside a matched paragraph of the other round, and
//      that sits next to its partner, joins the group: a split (one old, several new) or a merge;
//   5. groups whose order is not the longest increasing run of old positions are moved.
// Whatever is left is new or deleted.
// The thresholds were set on 25 real draft → resolution pairs of ../shared/un-documents (see
// test/compare/realPairs.test.ts and its hand-checked fixture).
import type { Unit } from './units';

export interface AlignedGroup {
  /** Indices into the old and new units, ascending. */
  readonly old: number[];
  readonly new: number[];
  /** Out of the order of the other groups. */
  moved: boolean;
}

const STRONG = 0.5;
const IN_PLACE = 0.2;
const CONTAINED = 0.35;
const LONE_GAP = 0.05;

type Bigrams = Set<number>;

function bigrams(ids: Int32Array): Bigrams {
  const set = new Set<number>();
  if (ids.length === 1) set.add(ids[0] * 2_000_003);
  for (let i = 0; i + 1 < ids.length; i++) set.add(ids[i] * 2_000_003 + ids[i + 1]);
  return set;
}

function shared(a: Bigrams, b: Bigrams): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

interface Scored {
  readonly o: number;
  readonly n: number;
  readonly dice: number;
}

export function alignUnits(oldUnits: readonly Pick<Unit, 'kind'>[], newUnits: readonly Pick<Unit, 'kind'>[], oldIds: readonly Int32Array[], newIds: readonly Int32Array[]): AlignedGroup[] {
  const oldSets = oldIds.map(bigrams);
  const newSets = newIds.map(bigrams);
  const scored = scorePairs(oldSets, newSets);
  const relative = (o: number, n: number) => Math.abs(o / Math.max(1, oldUnits.length) - n / Math.max(1, newUnits.length));
  scored.sort((a, b) => b.dice - a.dice || relative(a.o, a.n) - relative(b.o, b.n));

  const newOfOld = new Int32Array(oldUnits.length).fill(-1);
  const oldOfNew = new Int32Array(newUnits.length).fill(-1);
  for (const s of scored) {
    if (s.dice < STRONG) break;
    if (newOfOld[s.o] < 0 && oldOfNew[s.n] < 0 && oldUnits[s.o].kind === newUnits[s.n].kind) {
      newOfOld[s.o] = s.n;
      oldOfNew[s.n] = s.o;
    }
  }
  for (const s of scored) {
    if (s.dice < STRONG) break;
    if (newOfOld[s.o] < 0 && oldOfNew[s.n] < 0) {
      newOfOld[s.o] = s.n;
      oldOfNew[s.n] = s.o;
    }
  }
  for (const s of scored) {
    if (s.dice < IN_PLACE) break;
    if (newOfOld[s.o] >= 0 || oldOfNew[s.n] >= 0) continue;
    if (keepsOrder(s.o, s.n, oldOfNew)) {
      newOfOld[s.o] = s.n;
      oldOfNew[s.n] = s.o;
    }
  }

  matchLoneGaps(oldUnits, newUnits, oldSets, newSets, newOfOld, oldOfNew);

  const groups: AlignedGroup[] = [];
  const groupOfOld = new Array<AlignedGroup | undefined>(oldUnits.length);
  const groupOfNew = new Array<AlignedGroup | undefined>(newUnits.length);
  for (let n = 0; n < newUnits.length; n++) {
    const o = oldOfNew[n];
    if (o < 0) continue;
    const group: AlignedGroup = { old: [o], new: [n], moved: false };
    groups.push(group);
    groupOfOld[o] = group;
    groupOfNew[n] = group;
  }
  joinParts(newSets, oldSets, groupOfNew, 'new');
  joinParts(oldSets, newSets, groupOfOld, 'old');
  markMoves(groups);
  for (let o = 0; o < oldUnits.length; o++) if (!groupOfOld[o]) groups.push({ old: [o], new: [], moved: false });
  for (let n = 0; n < newUnits.length; n++) if (!groupOfNew[n]) groups.push({ old: [], new: [n], moved: false });
  return groups;
}

function scorePairs(oldSets: readonly Bigrams[], newSets: readonly Bigrams[]): Scored[] {
  const postings = new Map<number, number[]>();
  oldSets.forEach((set, o) => {
    for (const x of set) {
      const list = postings.get(x);
      if (list) list.push(o);
      else postings.set(x, [o]);
    }
  });
  const scored: Scored[] = [];
  const counts = new Int32Array(oldSets.length);
  newSets.forEach((set, n) => {
    const touched: number[] = [];
    for (const x of set) {
      for (const o of postings.get(x) ?? []) {
        if (counts[o]++ === 0) touched.push(o);
      }
    }
    for (const o of touched) {
      const dice = (2 * counts[o]) / (oldSets[o].size + set.size);
      if (dice >= IN_PLACE) scored.push({ o, n, dice });
      counts[o] = 0;
    }
  });
  return scored;
}

/**
 * One-to-one matches of paragraphs at least `threshold` alike (Dice of word bigrams), best first:
 * for pieces that were left over where they were and are looked for elsewhere (a sub-paragraph moved
 * to another paragraph).
 */
export function strongMatches(oldIds: readonly Int32Array[], newIds: readonly Int32Array[], threshold = STRONG): [number, number][] {
  const scored = scorePairs(oldIds.map(bigrams), newIds.map(bigrams)).filter((s) => s.dice >= threshold);
  scored.sort((a, b) => b.dice - a.dice || a.o - b.o || a.n - b.n);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: [number, number][] = [];
  for (const s of scored) {
    if (usedOld.has(s.o) || usedNew.has(s.n)) continue;
    usedOld.add(s.o);
    usedNew.add(s.n);
    pairs.push([s.o, s.n]);
  }
  return pairs;
}

/** Whether matching o with n keeps the order of the matches on either side of n. */
function keepsOrder(o: number, n: number, oldOfNew: Int32Array): boolean {
  let before = -1;
  for (let k = n - 1; k >= 0; k--) if (oldOfNew[k] >= 0) { before = oldOfNew[k]; break; }
  let after = Number.MAX_SAFE_INTEGER;
  for (let k = n + 1; k < oldOfNew.length; k++) if (oldOfNew[k] >= 0) { after = oldOfNew[k]; break; }
  return before < o && o < after;
}

function matchLoneGaps(oldUnits: readonly Pick<Unit, 'kind'>[], newUnits: readonly Pick<Unit, 'kind'>[], oldSets: readonly Bigrams[], newSets: readonly Bigrams[], newOfOld: Int32Array, oldOfNew: Int32Array): void {
  let previousOld = -1;
  let gapNew: number[] = [];
  const close = (nextOld: number) => {
    const gapOld: number[] = [];
    for (let o = previousOld + 1; o < nextOld; o++) if (newOfOld[o] < 0) gapOld.push(o);
    if (gapOld.length === 1 && gapNew.length === 1) {
      const [o, n] = [gapOld[0], gapNew[0]];
      const common = shared(oldSets[o], newSets[n]);
      if (oldUnits[o].kind === newUnits[n].kind && (2 * common) / (oldSets[o].size + newSets[n].size) >= LONE_GAP) {
        newOfOld[o] = n;
        oldOfNew[n] = o;
      }
    }
  };
  for (let n = 0; n < newUnits.length; n++) {
    const o = oldOfNew[n];
    if (o < 0) {
      gapNew.push(n);
      continue;
    }
    if (o > previousOld) close(o);
    previousOld = Math.max(previousOld, o);
    gapNew = [];
  }
  close(oldUnits.length);
}

/**
 * Left-over paragraphs of one side ("parts") that are mostly made of a matched paragraph of the other
 * side, next to that paragraph's partner, join its group: the pieces of a split or a merge.
 */
function joinParts(
  partSets: readonly Bigrams[],
  wholeSets: readonly Bigrams[],
  groupOfPart: (AlignedGroup | undefined)[],
  side: 'old' | 'new',
): void {
  const other = side === 'new' ? 'old' : 'new';
  for (let p = 0; p < partSets.length; p++) {
    if (groupOfPart[p] || partSets[p].size === 0) continue;
    let best: { group: AlignedGroup; gain: number } | undefined;
    for (const candidate of [p - 1, p + 1]) {
      const group = groupOfPart[candidate];
      if (!group || group[other].length !== 1) continue;
      const whole = wholeSets[group[other][0]];
      const inWhole = shared(partSets[p], whole) / partSets[p].size;
      if (inWhole < CONTAINED) continue;
      const covered = new Set<number>();
      for (const q of group[side]) for (const x of partSets[q]) if (whole.has(x)) covered.add(x);
      let gain = 0;
      for (const x of partSets[p]) if (whole.has(x) && !covered.has(x)) gain++;
      // The part must bring words of the whole that the group's other pieces do not already have.
      if (gain / whole.size >= 0.08 && (!best || gain > best.gain)) best = { group, gain };
    }
    if (best) {
      best.group[side].push(p);
      best.group[side].sort((a, b) => a - b);
      groupOfPart[p] = best.group;
      // A piece found after its neighbour may make the next left-over paragraph adjacent too.
      if (p > 0 && !groupOfPart[p - 1]) p -= 2;
    }
  }
}

/** Groups not on the longest run of increasing old positions (in new order) have moved. */
function markMoves(groups: AlignedGroup[]): void {
  const sorted = [...groups].sort((a, b) => a.new[0] - b.new[0]);
  const keys = sorted.map((g) => g.old[0]);
  // Patience sorting with predecessor links: O(n log n).
  const tails: number[] = [];
  const previous = new Int32Array(keys.length).fill(-1);
  for (let i = 0; i < keys.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[tails[mid]] < keys[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const onRun = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) onRun.add(i);
  sorted.forEach((g, i) => {
    g.moved = !onRun.has(i);
  });
}
