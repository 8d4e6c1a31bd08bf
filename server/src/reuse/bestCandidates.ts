import type { Candidate } from './index';

/**
 * The best `limit` units by fingerprints shared, from the counts a walk over the postings left.
 * One selection for the in-memory index and the embedded store, so both rank alike (more shared
 * first, then the lower unit). Kept by insertion: hundreds of near copies of a paragraph share
 * its fingerprints, and only the closest few are verified. Every touched count is reset to zero
 * for the next query; `accept` is asked only of units that would enter the list.
 */
export function bestCandidates(
  counts: Uint16Array,
  touched: Int32Array,
  touchedCount: number,
  minShared: number,
  limit: number,
  accept: (unit: number) => boolean,
): Candidate[] {
  const best: Candidate[] = [];
  for (let t = 0; t < touchedCount; t++) {
    const unit = touched[t]!;
    const shared = counts[unit]!;
    counts[unit] = 0;
    if (shared < minShared || limit <= 0) continue;
    if (best.length === limit) {
      const worst = best[limit - 1]!;
      if (shared < worst.shared || (shared === worst.shared && unit > worst.unit)) continue;
    }
    if (!accept(unit)) continue;
    let k = best.length;
    while (k > 0 && (best[k - 1]!.shared < shared || (best[k - 1]!.shared === shared && best[k - 1]!.unit > unit))) k--;
    best.splice(k, 0, { unit, shared });
    if (best.length > limit) best.pop();
  }
  return best;
}
