// Which span of prose an offset of the draft is in, and where a source offset falls in that span's
// plain text (Markdown gone: "*International cooperation*" reads as the words). Readers of the
// prose (quotations, the sentence around a citation) ask this for every reference, so it searches.
import type { DraftModel, OffsetRange, TextSpan } from './model';

/** The first index below `length` for which `test` holds, given that it holds for every index after one that does; else `length`. */
export function firstIndex(length: number, test: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}


/**
 * For each span, the furthest end of it and the spans before it: a search for the spans holding an
 * offset stops at the first span whose reach falls short. Undefined when the spans are not in
 * document order (then every span is looked at).
 */
const reachByModel = new WeakMap<DraftModel, Float64Array | null>();

function spanReach(model: DraftModel): Float64Array | undefined {
  let reach = reachByModel.get(model);
  if (reach === undefined) {
    const spans = model.spans;
    reach = new Float64Array(spans.length);
    for (let i = 0, furthest = -Infinity; i < spans.length && reach; i++) {
      if (i > 0 && spans[i].range.start < spans[i - 1].range.start) reach = null;
      else reach[i] = furthest = Math.max(furthest, spans[i].range.end);
    }
    reachByModel.set(model, reach);
  }
  return reach ?? undefined;
}

/**
 * The span of prose an offset is in: the narrowest, since a footnote's span may sit inside a
 * paragraph's (the first of equals). Rules ask this for every reference, so it must not look at
 * every span each time: on a 10 MB draft that was minutes.
 */
export function spanAt(model: DraftModel, offset: number): TextSpan | undefined {
  const spans = model.spans;
  const reach = spanReach(model);
  // The spans that start at or before the offset, walked back while one of them may still reach it
  // (all of them when the spans are out of order); ties go to the first span.
  const last = reach ? firstIndex(spans.length, (i) => spans[i].range.start > offset) - 1 : spans.length - 1;
  let best: TextSpan | undefined;
  for (let i = last; i >= 0 && (!reach || reach[i] > offset); i--) {
    const span = spans[i];
    if (span.range.start > offset || offset >= span.range.end) continue;
    if (!best || span.range.end - span.range.start <= best.range.end - best.range.start) best = span;
  }
  return best;
}

/** The first character of the span's plain text at or after a source offset. */
export function plainIndex(span: TextSpan, offset: number): number {
  const offsets = span.sourceOffsets;
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function plainRange(span: TextSpan, range: OffsetRange): OffsetRange {
  const start = plainIndex(span, range.start);
  return { start, end: Math.max(start, plainIndex(span, range.end - 1) + 1) };
}
