import type { OffsetRange, TextSpan } from '../parse/model';
import type { Reference } from '../references/model';

/** A range in a span's plain text → the document range it was read from. */
export function toSourceRange(span: TextSpan, range: OffsetRange): OffsetRange {
  const offsets = span.sourceOffsets;
  const clamp = (i: number) => Math.max(0, Math.min(i, offsets.length - 1));
  const start = offsets[clamp(range.start)];
  // The end maps from the last character read, so dropped syntax after it ("](#)") stays out.
  const end = range.end > range.start ? offsets[clamp(range.end - 1)] + 1 : start;
  return { start, end: Math.max(start, end) };
}

export function toSourceReference(span: TextSpan, ref: Reference): Reference {
  const map = (range: OffsetRange) => toSourceRange(span, range);
  return {
    ...ref,
    range: map(ref.range),
    targetRange: map(ref.targetRange),
    pinpointRange: ref.pinpointRange && map(ref.pinpointRange),
    pages: ref.pages && { ...ref.pages, range: map(ref.pages.range) },
    problems: ref.problems.map((problem) => ({ ...problem, range: map(problem.range) })),
    statedDate: ref.statedDate && { ...ref.statedDate, range: map(ref.statedDate.range) },
    statedTitle: ref.statedTitle && { ...ref.statedTitle, range: map(ref.statedTitle.range) },
    antecedent: ref.antecedent && map(ref.antecedent),
  };
}
