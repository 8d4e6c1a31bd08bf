// Scans a draft for wording reused from the indexed corpus: each numbered paragraph (and each
// prose span outside them) is fingerprinted, its candidate sources verified by alignment.
import type { DraftModel, OffsetRange, TextSpan } from '../parse/model';
import { alignWindows, type DiffPart } from './align';
import { fingerprintsOf } from './fingerprints';
import type { ReuseLookup } from '../store/corpusStore';
import { type DraftWordList, draftWordList, hashesOf, settleNewWords } from './normalise';
import { matchShortRuns } from './shortRuns';

export interface ReuseSource {
  readonly id: string;
  readonly symbol: string | undefined;
  readonly uri: string;
  /** The source paragraph's label ([] for a prose span of a document without numbered paragraphs). */
  readonly paragraphs: string[];
  /** Where a source that is no file of the drafter's comes from, in words ("the team corpus at 127.0.0.1:5432/corpus"). */
  readonly origin?: string;
}

export interface ReuseMatch {
  /** Draft source offsets of the aligned window. */
  readonly range: OffsetRange;
  readonly source: ReuseSource;
  readonly similarity: number;
  readonly altered: boolean;
  readonly diff: DiffPart[];
  /** The source's exact words over the aligned window (the agreed wording). */
  readonly sourceText: string;
  /** A run of short draft paragraphs matched together (shortRuns.ts): each paragraph's part of the range. */
  readonly parts?: readonly OffsetRange[];
  /** The passage of several paragraphs this match is part of (passages.ts withPassages), for the hover. */
  readonly passage?: ReuseMatch & { readonly parts: readonly OffsetRange[] };
}

export interface ScanOptions {
  /** Matched words a match needs (25). */
  readonly minWords?: number;
  /** Similarity a match needs (0.8). */
  readonly minSimilarity?: number;
  /** Fingerprints a candidate must share (2). */
  readonly minShared?: number;
  /** Candidates verified per draft paragraph, most shared first (16). */
  readonly maxCandidates?: number;
  /** The draft's own symbol: documents with it are not sources. */
  readonly excludeSymbol?: string;
  /** Drop cache entries for texts not in this draft (true); false when one cache serves several drafts. */
  readonly pruneCache?: boolean;
  /** The draft scanned (its URI), when one cache serves several: the cache is told which entries it used. */
  readonly draft?: string;
}

/**
 * A cached match, its range as places in the unit's spans (span index, offset in its text), so it
 * survives edits elsewhere and is placed again without tokenizing the unit.
 */
export interface CachedMatch extends Omit<ReuseMatch, 'range'> {
  readonly from: { readonly span: number; readonly offset: number };
  /** The offset just after the last matched character. */
  readonly to: { readonly span: number; readonly offset: number };
}

/** What scanDraft needs of a cache: a Map does, and so does the server's bounded one (scanCache.ts). */
export interface ScanCache {
  get(key: string): CachedMatch[] | undefined;
  set(key: string, value: CachedMatch[]): unknown;
  delete(key: string): boolean;
  keys(): IterableIterator<string>;
  /** Told the keys a draft's scan used (`ScanOptions.draft`): the bounded cache keeps them before history. */
  markUsed?(draft: string, keys: ReadonlySet<string>): void;
}

interface DraftUnit {
  readonly text: string;
  readonly spans: readonly TextSpan[];
}

/** The draft's units: numbered paragraphs, and prose spans outside them (preambular paragraphs, lists, notes). */
export function draftUnits(model: DraftModel): DraftUnit[] {
  const units: DraftUnit[] = model.paragraphs.map((p) => ({ text: p.text, spans: p.spans }));
  const ranges = model.paragraphs.map((p) => p.range);
  let k = 0;
  for (const span of model.spans) {
    while (k < ranges.length && ranges[k].end <= span.range.start) k++;
    if (k < ranges.length && span.range.start >= ranges[k].start && span.range.end <= ranges[k].end) continue;
    units.push({ text: span.text, spans: [span] });
  }
  return units;
}

let hashScratch = new Uint32Array(4096);

function matchUnit(draft: DraftWordList, index: ReuseLookup, options: ScanOptions): CachedMatch[] {
  const { words } = draft;
  const minWords = options.minWords ?? 25;
  if (words.length < minWords) return [];
  if (hashScratch.length < words.length) hashScratch = new Uint32Array(Math.max(words.length, hashScratch.length * 2));
  const fps = fingerprintsOf(hashesOf(words.ids, words.length, hashScratch), words.length);
  const candidates = index.candidates({ fingerprints: fps }, { minShared: options.minShared ?? 2, limit: options.maxCandidates ?? 4, excludeSymbol: options.excludeSymbol });
  // The sources' words first: reading them may add words to the vocabulary that the draft has.
  const sources = candidates.map((candidate) => index.unitWords(candidate.unit));
  settleNewWords(draft);
  const out: CachedMatch[] = [];
  for (const [k, candidate] of candidates.entries()) {
    const sourceWords = sources[k]!;
    const windows = alignWindows(words, sourceWords, { minWords, minSimilarity: options.minSimilarity ?? 0.8 });
    if (windows.length === 0) continue;
    const unit = index.unit(candidate.unit);
    for (const window of windows) {
      out.push({
        from: { span: words.textOf ? words.textOf[window.draftFrom]! : 0, offset: words.from[window.draftFrom]! },
        to: { span: words.textOf ? words.textOf[window.draftTo]! : 0, offset: words.to[window.draftTo]! },
        source: { id: unit.document.id, symbol: unit.document.symbol, uri: unit.document.uri, paragraphs: unit.label === undefined ? [] : [unit.label] },
        similarity: window.similarity,
        altered: window.altered,
        diff: window.diff,
        sourceText: unit.text.slice(sourceWords.from[window.sourceFrom], sourceWords.to[window.sourceTo]),
      });
    }
  }
  const position = (m: CachedMatch) => m.from.span * 1e9 + m.from.offset;
  return out.sort((x, y) => position(x) - position(y) || y.similarity - x.similarity || x.source.id.localeCompare(y.source.id) || (x.source.paragraphs[0] ?? '').localeCompare(y.source.paragraphs[0] ?? '', 'en', { numeric: true }));
}

/**
 * Every reuse of corpus wording in the draft, in draft order. With a cache, a unit whose text
 * (and the index generation and options) did not change is not recomputed; entries for texts no
 * longer in the draft are dropped.
 */
export function scanDraft(model: DraftModel, index: ReuseLookup, options: ScanOptions = {}, cache?: ScanCache): ReuseMatch[] {
  const prefix = `${index.generation}\u0000${options.excludeSymbol ?? ''}\u0000${options.minWords ?? ''}\u0000${options.minSimilarity ?? ''}\u0000${options.minShared ?? ''}\u0000${options.maxCandidates ?? ''}\u0000`;
  const used = cache ? new Set<string>() : undefined;
  const out: ReuseMatch[] = [];
  const units = draftUnits(model);
  for (const unit of units) {
    // Keyed by the spans' texts: cached places are (span, offset) pairs.
    const key = prefix + (unit.spans.length === 1 ? unit.spans[0]!.text : unit.spans.map((s) => s.text).join('\u0001'));
    let cached = cache?.get(key);
    if (!cached) {
      cached = matchUnit(draftWordList(unit.spans.map((span) => span.text)), index, options);
      cache?.set(key, cached);
    }
    used?.add(key);
    for (const match of cached) {
      const { from, to, ...rest } = match;
      const start = unit.spans[from.span]!.sourceOffsets[from.offset]!;
      const end = unit.spans[to.span]!.sourceOffsets[to.offset - 1]! + 1;
      out.push({ ...rest, range: { start, end } });
    }
  }
  if (cache && used && options.pruneCache !== false) for (const key of [...cache.keys()]) if (!used.has(key)) cache.delete(key);
  if (used && options.draft !== undefined) cache?.markUsed?.(options.draft, used);
  out.push(...matchShortRuns(units, index, options));
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** Counts of a match's differences, for messages. */
export function diffCounts(diff: readonly DiffPart[]): { changed: number; added: number; removed: number; respelt: number } {
  const count = (s: string | undefined) => (s ? s.split(' ').length : 0);
  let changed = 0;
  let added = 0;
  let removed = 0;
  let respelt = 0;
  for (const part of diff) {
    const d = count(part.draft);
    const s = count(part.source);
    if (part.op === 'insert') added += d;
    else if (part.op === 'delete') removed += s;
    else if (part.op === 'replace') {
      changed += Math.min(d, s);
      if (d > s) added += d - s;
      else removed += s - d;
    } else if (part.draft !== undefined && part.source !== undefined && part.draft !== part.source) {
      const dw = part.draft.split(' ');
      const sw = part.source.split(' ');
      for (let i = 0; i < dw.length; i++) if (dw[i].toLowerCase().replace(/['’ʼ]/g, '') !== sw[i]?.toLowerCase().replace(/['’ʼ]/g, '')) respelt++;
    }
  }
  return { changed, added, removed, respelt };
}
