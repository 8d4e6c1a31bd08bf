// The data files a build writes before the LMDB transaction that lists them (storeData.ts): a
// batch's text file and postings segment, and a merged segment. On failure the half-written file
// is deleted and the error passed on (nothing lists it yet).
import { rmSync } from 'node:fs';
import { SegmentWriter } from './postingsSegment';
import { mergeSegments } from './segmentMerge';
import type { SegmentEntry, StoreData, TextFileEntry } from './storeData';
import { type TextPlace, writeTextFile } from './textFile';
import type { PreparedBatch } from './writes';

/** Writes the batch's text file (number `textFile`) and segment (number `segment`, none when the batch has no postings). */
export function writeBatchFiles(data: StoreData, batch: PreparedBatch, textFile: number, segment: number): { text: TextFileEntry; segment: SegmentEntry | undefined; places: TextPlace[] } {
  const written: string[] = [];
  try {
    written.push(data.textPath(textFile));
    const places = writeTextFile(data.textPath(textFile), batch.firstUnit, batch.units, batch.documents.map((d) => d.input.text));
    let segmentEntry: SegmentEntry | undefined;
    if (batch.postings.size > 0) {
      written.push(data.segmentPath(segment));
      const writer = new SegmentWriter(data.segmentPath(segment));
      try {
        const fingerprints = Uint32Array.from(batch.postings.keys()).sort();
        for (const fp of fingerprints) writer.add(fp, batch.postings.get(fp)!);
      } catch (error) {
        writer.abandon();
        throw error;
      }
      segmentEntry = { file: segment, postings: writer.end() };
    }
    data.sync();
    return { text: { file: textFile, firstUnit: batch.firstUnit, unitCount: batch.units.length }, segment: segmentEntry, places };
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    throw error;
  }
}

/** Merges the segments at these positions of data.segments into segment number `file`. */
export function writeMergedSegment(data: StoreData, positions: readonly number[], file: number, live: (unit: number) => boolean): SegmentEntry {
  const path = data.segmentPath(file);
  try {
    const postings = mergeSegments(positions.map((k) => data.segments[k]!.reader), path, live);
    data.sync();
    return { file, postings };
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
}
