// What did not change between two versions of a draft, found cheaply: the common start and end of
// the two texts (compared in large slices first), and the proposed piece starts of the new text
// resumed from the previous version's instead of scanning the whole draft again (chunks.ts). Used by
// incremental.ts; apart from it because it reads texts and starts only, never parsed blocks.
import { chunkStarts } from './chunks';
import type { Layout } from './incrementalPieces';

/** What did not change since the previous version: text before `prefix`, and from `suffixStart` on (`delta` further than before). */
export interface Unchanged {
  readonly before: Layout;
  readonly prefix: number;
  readonly suffixStart: number;
  readonly delta: number;
}

function indexOfStart(starts: readonly number[], start: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid] === start) return mid;
    if (starts[mid] < start) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/**
 * The proposed starts of the new text without scanning all of it: the previous ones up to the last
 * before the change (the scan's state there depends on the text before only), a scan from there, and
 * the previous ones again, moved, once the scan proposes a start in the unchanged end that was
 * proposed before (its state there is the same, and so is the text after).
 */
export function resumedStarts(text: string, unchanged: Unchanged): number[] {
  const old = unchanged.before.starts;
  // The last start whose line starts before the change (a change at a start may undo the cut there).
  let k = 0;
  while (k + 1 < old.length - 1 && old[k + 1] < unchanged.prefix) k++;
  const isOld = (start: number) => start >= unchanged.suffixStart && indexOfStart(old, start - unchanged.delta) >= 0;
  const scanned = chunkStarts(text, old[k], isOld);
  const starts = old.slice(0, k).concat(scanned);
  const resumedAt = scanned[scanned.length - 1];
  if (scanned.length > 1 && isOld(resumedAt)) {
    for (let j = indexOfStart(old, resumedAt - unchanged.delta) + 1; j < old.length - 1; j++) starts.push(old[j] + unchanged.delta);
  }
  return starts;
}

/** Length of the common start of two texts, compared in large slices first (native comparisons). */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  for (let step = 1 << 16; step >= 1; step >>= 4) {
    while (at + step <= max && a.slice(at, at + step) === b.slice(at, at + step)) at += step;
  }
  return at;
}

/** Length of the common end of two texts, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let length = 0;
  for (let step = 1 << 16; step >= 1; step >>= 4) {
    while (length + step <= max && a.slice(a.length - length - step, a.length - length) === b.slice(b.length - length - step, b.length - length)) length += step;
  }
  return length;
}
