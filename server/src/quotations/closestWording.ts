// The source's wording for a misquotation: the stretch of the source a quotation was meant to be.
import type { OffsetRange } from '../parse/model';
import { hasElision, normaliseForComparison } from './matching';
import { words } from './words';

/** Below this share of words in common a "close variant" is another sentence. */
const CLOSE_VARIANT_SIMILARITY = 0.6;
// A quotation longer than this is compared whole or not at all: the alignment is quadratic.
const LONGEST_ALIGNED_QUOTATION = 200;

/**
 * The source's words for a misquotation: the window of the source best aligned with the quotation
 * (word-level, substitutions preferred over gaps so the window keeps the quotation's extent), when at
 * least CLOSE_VARIANT_SIMILARITY of the words agree. Undefined for a quotation with elisions, whose
 * elided words the drafter chose to leave out.
 */
export function closestWording(quotation: string, source: string): { text: string; range: OffsetRange; similarity: number } | undefined {
  if (hasElision(quotation)) return undefined;
  const q = words(normaliseForComparison(quotation)).map((w) => w.key);
  const s = words(source);
  const n = q.length;
  const m = s.length;
  if (n === 0 || m === 0 || n > LONGEST_ALIGNED_QUOTATION) return undefined;
  const SUB = 1;
  const GAP = 1.1;
  // Semi-global alignment: the whole quotation against any stretch of the source.
  const cost: Float64Array[] = [];
  const move: Uint8Array[] = []; // 0 diagonal, 1 quotation word left out, 2 source word added
  for (let i = 0; i <= n; i++) {
    cost.push(new Float64Array(m + 1));
    move.push(new Uint8Array(m + 1));
  }
  for (let i = 1; i <= n; i++) {
    cost[i][0] = i * GAP;
    move[i][0] = 1;
    for (let j = 1; j <= m; j++) {
      const diagonal = cost[i - 1][j - 1] + (q[i - 1] === s[j - 1].key ? 0 : SUB);
      const up = cost[i - 1][j] + GAP;
      const left = cost[i][j - 1] + GAP;
      let best = diagonal;
      let how = 0;
      if (up < best - 1e-9) [best, how] = [up, 1];
      if (left < best - 1e-9) [best, how] = [left, 2];
      cost[i][j] = best;
      move[i][j] = how;
    }
  }
  let end = 1;
  for (let j = 1; j <= m; j++) if (cost[n][j] < cost[n][end] - 1e-9) end = j;
  let i = n;
  let j = end;
  let matches = 0;
  let first = end;
  while (i > 0) {
    const how = move[i][j];
    if (how === 0) {
      if (q[i - 1] === s[j - 1].key) matches++;
      first = j;
      i--;
      j--;
    } else if (how === 1) i--;
    else j--;
  }
  // The alignment never ends on an added source word (that would only cost more), so `end` is the window's last word.
  const last = end;
  const length = last - first + 1;
  const similarity = (2 * matches) / (n + length);
  if (similarity < CLOSE_VARIANT_SIMILARITY) return undefined;
  const range = { start: s[first - 1].start, end: s[last - 1].end };
  return { text: source.slice(range.start, range.end), range, similarity };
}
