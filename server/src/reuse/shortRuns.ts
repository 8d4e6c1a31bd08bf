// Consecutive short paragraphs reused together. The scan matches each draft unit alone, and a unit
// under the minimum (25 words) is never matched: a list of short operative paragraphs copied from
// last session's resolution ("3. Welcomes …", "4. Encourages …", each 15 words) went unseen. Here
// runs of two or more consecutive short units, together at least the minimum, are matched as one
// text against the source's consecutive paragraphs around each candidate, joined the same way.
// A match spans several draft paragraphs: `parts` gives each one's range.
import type { OffsetRange, TextSpan } from '../parse/model';
import type { ReuseLookup } from '../store/corpusStore';
import { alignWindows } from './align';
import { fingerprintsOf } from './fingerprints';
import { draftWordList, hashesOf, settleNewWords, wordList } from './normalise';
import type { ReuseMatch, ScanOptions } from './scan';

/** A unit shorter than this (in words) is a heading or a number, not a paragraph to join. */
const MIN_PART_WORDS = 4;
/** Source paragraphs looked at on each side of a candidate (a store fetches as many: store/storeScan.ts). */
const REACH = 4;

/** How far from a candidate the source run of a draft run of `length` paragraphs is looked for. */
export const runReach = (length: number) => Math.max(REACH, length);

interface Unit {
  readonly text: string;
  readonly spans: readonly TextSpan[];
}

/**
 * Word counts by unit text. Every scan counts every unit of the draft, also a rescan after a
 * one-letter edit: at 1,254 paragraphs the counting was 5 ms of a 10 ms rescan (CPU profile,
 * bench:scale). Cleared when full: the drafts open at once have fewer units.
 */
const wordCounts = new Map<string, number>();
const WORD_COUNTS_KEPT = 16_384;

function wordCount(text: string): number {
  let count = wordCounts.get(text);
  if (count === undefined) {
    count = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    if (wordCounts.size >= WORD_COUNTS_KEPT) wordCounts.clear();
    wordCounts.set(text, count);
  }
  return count;
}

/** Runs of consecutive short units (each under minWords, together at least minWords), in draft order. */
export function shortRuns(units: readonly Unit[], minWords: number): Unit[][] {
  const runs: Unit[][] = [];
  let run: Unit[] = [];
  let words = 0;
  const close = () => {
    if (run.length >= 2 && words >= minWords) runs.push(run);
    run = [];
    words = 0;
  };
  for (const unit of units) {
    const n = wordCount(unit.text);
    if (n >= minWords || n < MIN_PART_WORDS) {
      close();
      continue;
    }
    run.push(unit);
    words += n;
  }
  close();
  return runs;
}

const numeric = (label: string | undefined) => (label !== undefined && /^\d+$/.test(label) ? Number(label) : undefined);

/** The source's consecutive numbered paragraphs around a unit (same document, labels n, n+1, …). */
function sourceRun(index: ReuseLookup, unitId: number, reach: number): { ids: number[]; labels: string[]; texts: string[] } {
  const anchor = index.unit(unitId);
  const ids = [unitId];
  const sameRun = (id: number, label: number | undefined, step: number) => {
    if (id < 0) return false;
    let unit;
    try {
      unit = index.unit(id);
    } catch {
      return false;
    }
    return unit?.document.id === anchor.document.id && label !== undefined && numeric(unit.label) === label + step;
  };
  for (let k = 1; k <= reach && sameRun(ids[0]! - 1, numeric(index.unit(ids[0]!).label), -1); k++) ids.unshift(ids[0]! - 1);
  for (let k = 1; k <= reach && sameRun(ids[ids.length - 1]! + 1, numeric(index.unit(ids[ids.length - 1]!).label), 1); k++) ids.push(ids[ids.length - 1]! + 1);
  const units = ids.map((id) => index.unit(id));
  return { ids, labels: units.map((u) => u.label ?? ''), texts: units.map((u) => u.text) };
}

/** The runs of a draft's units, in draft order, as matchShortRuns and a store's scan (storeScan.ts) both take them. */
export function draftRuns(units: readonly Unit[], minWords: number): Unit[][] {
  const ordered = [...units].filter((u) => u.spans.length > 0).sort((a, b) => a.spans[0]!.range.start - b.spans[0]!.range.start);
  return shortRuns(ordered, minWords);
}

/** A run's words and the fingerprints its candidates are asked by. */
export function runFingerprints(run: readonly Unit[]): { draft: ReturnType<typeof draftWordList>; fingerprints: number[] } {
  const draft = draftWordList(run.flatMap((unit) => unit.spans).map((span) => span.text));
  const { words } = draft;
  return { draft, fingerprints: fingerprintsOf(hashesOf(words.ids, words.length, new Uint32Array(words.length)), words.length) };
}

/** Matches of runs of short draft paragraphs against runs of source paragraphs; ranges are draft offsets. */
export function matchShortRuns(units: readonly Unit[], index: ReuseLookup, options: ScanOptions = {}): ReuseMatch[] {
  const minWords = options.minWords ?? 25;
  const out: ReuseMatch[] = [];
  const emitted = new Set<string>();
  for (const run of draftRuns(units, minWords)) {
    const spans = run.flatMap((unit) => unit.spans);
    const { draft, fingerprints: fps } = runFingerprints(run);
    const { words } = draft;
    const candidates = index.candidates({ fingerprints: fps }, { minShared: options.minShared ?? 2, limit: options.maxCandidates ?? 4, excludeSymbol: options.excludeSymbol });
    const seen = new Set<string>();
    const sources: { document: ReturnType<ReuseLookup['unit']>['document']; labels: string[]; joined: string; starts: number[] }[] = [];
    for (const candidate of candidates) {
      const found = sourceRun(index, candidate.unit, runReach(run.length));
      if (found.ids.length < 2) continue;
      const key = `${index.unit(found.ids[0]!).document.id}\u0000${found.ids[0]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const starts: number[] = [];
      let at = 0;
      for (const text of found.texts) {
        starts.push(at);
        at += text.length + 1;
      }
      sources.push({ document: index.unit(found.ids[0]!).document, labels: found.labels, joined: found.texts.join('\n'), starts });
    }
    const sourceWords = sources.map((s) => wordList([s.joined]));
    settleNewWords(draft);
    for (const [k, source] of sources.entries()) {
      const sw = sourceWords[k]!;
      for (const window of alignWindows(words, sw, { minWords, minSimilarity: options.minSimilarity ?? 0.8 })) {
        const from = { span: words.textOf ? words.textOf[window.draftFrom]! : 0, offset: words.from[window.draftFrom]! };
        const to = { span: words.textOf ? words.textOf[window.draftTo]! : 0, offset: words.to[window.draftTo]! };
        const range: OffsetRange = { start: spans[from.span]!.sourceOffsets[from.offset]!, end: spans[to.span]!.sourceOffsets[to.offset - 1]! + 1 };
        const parts = run
          .map((unit) => ({ start: unit.spans[0]!.range.start, end: unit.spans[unit.spans.length - 1]!.range.end }))
          .map((r) => ({ start: Math.max(r.start, range.start), end: Math.min(r.end, range.end) }))
          .filter((r) => r.end > r.start);
        // One draft paragraph is the scan's to find (it is under the minimum: it was not); only a joined run here.
        if (parts.length < 2) continue;
        // Two candidates of one source run find the same window.
        const key = `${source.document.id}\u0000${range.start}\u0000${range.end}`;
        if (emitted.has(key)) continue;
        emitted.add(key);
        const sourceFrom = sw.from[window.sourceFrom]!;
        const sourceTo = sw.to[window.sourceTo]!;
        const labels = source.labels.filter((_, i) => source.starts[i]! < sourceTo && sourceFrom < (source.starts[i + 1] ?? Infinity) - 1);
        out.push({
          range,
          parts,
          source: { id: source.document.id, symbol: source.document.symbol, uri: source.document.uri, paragraphs: labels },
          similarity: window.similarity,
          altered: window.altered,
          diff: window.diff,
          sourceText: source.joined.slice(sourceFrom, sourceTo),
        });
      }
    }
  }
  return out;
}
