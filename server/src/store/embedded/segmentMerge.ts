// Merging postings segments. Each build batch writes a segment of its own (a write per batch, no
// read-modify-write of the existing postings: format 1 rewrote every touched fingerprint's record
// in LMDB per 20,000-paragraph batch, and built 1.5 million paragraphs in 68 minutes). A scan reads
// one block per fingerprint per segment (~2 µs each), so segments are merged:
//   - during a build, four segments of one size class (postings within a power of 4) into one,
//     as a log-structured merge tree does: each posting is rewritten about log4(batches) times;
//   - when a build finishes, all into one when the smaller ones hold an eighth of the largest's
//     postings or more, or when a third of the postings are of documents no longer held; else the
//     smaller ones into one when there are more than three. A store then has at most three
//     segments, and a save of one text does not rewrite the whole corpus's postings.
// A merge drops the postings of units no longer held (removed or replaced documents: a scan skips
// them through the unit table until then).
import { SEGMENT_BUCKETS, type PostingsSegment, SegmentWriter } from './postingsSegment';

const FAN_IN = 4;
const MAX_SEGMENTS = 3;

/** Writes the postings of these segments whose units are live into a new segment at `path`; its postings. */
export function mergeSegments(inputs: readonly PostingsSegment[], path: string, live: (unit: number) => boolean): number {
  const writer = new SegmentWriter(path);
  try {
    const readers = inputs.map((segment) => segment.sequential());
    const byFingerprint = new Map<number, number[]>();
    for (let bucket = 0; bucket < SEGMENT_BUCKETS; bucket++) {
      for (const reader of readers) {
        reader.forEach(bucket, (fingerprint, units) => {
          const kept = units.filter(live);
          if (kept.length === 0) return;
          const held = byFingerprint.get(fingerprint);
          if (held) for (const unit of kept) held.push(unit);
          else byFingerprint.set(fingerprint, kept);
        });
      }
      if (byFingerprint.size === 0) continue;
      for (const fingerprint of [...byFingerprint.keys()].sort((a, b) => a - b)) {
        const units = byFingerprint.get(fingerprint)!;
        // Segments of interleaved unit ranges (merged at different times) give unsorted lists.
        for (let i = 1; i < units.length; i++) {
          if (units[i]! < units[i - 1]!) {
            units.sort((a, b) => a - b);
            break;
          }
        }
        writer.add(fingerprint, units);
      }
      byFingerprint.clear();
    }
  } catch (error) {
    writer.abandon();
    throw error;
  }
  return writer.end();
}

const sizeClass = (postings: number) => Math.floor(Math.log(Math.max(postings, 1)) / Math.log(FAN_IN));

/** During a build: the positions of FAN_IN segments of one size class to merge, if there are. */
export function mergeDuringBuild(postings: readonly number[]): number[] | undefined {
  const byClass = new Map<number, number[]>();
  for (const [k, count] of postings.entries()) {
    const members = byClass.get(sizeClass(count)) ?? [];
    members.push(k);
    if (members.length === FAN_IN) return members;
    byClass.set(sizeClass(count), members);
  }
  return undefined;
}

/** When a build finishes: the positions of the segments to merge into one, if any (see the top). */
export function mergeAtFinish(postings: readonly number[], livePostings: number): number[] | undefined {
  if (postings.length === 0) return undefined;
  const total = postings.reduce((a, b) => a + b, 0);
  const largest = postings.indexOf(Math.max(...postings));
  const all = postings.map((_, k) => k);
  if (total > livePostings * 1.5) return all;
  if (postings.length === 1) return undefined;
  if (total - postings[largest]! >= postings[largest]! / 8) return all;
  if (postings.length > MAX_SEGMENTS) return all.filter((k) => k !== largest);
  return undefined;
}
