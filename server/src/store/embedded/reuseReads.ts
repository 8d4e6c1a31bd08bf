// The reuse scan's reads of the embedded store: candidates counted over the postings segments
// (storeData.ts) and filtered by the unit table, as ReuseIndex.candidates counts them in memory
// (the same selection: bestCandidates), and the words of the units last verified.
import { symbolKey } from '../../corpus/registry';
import { bestCandidates } from '../../reuse/bestCandidates';
import { wordList, type WordList } from '../../reuse/normalise';
import type { CandidateOptions, StoreCandidate } from '../corpusStore';
import type { Tally } from './postingsSegment';
import type { StoreData } from './storeData';
import type { UnitTable } from './unitTable';

const WORD_CACHE_UNITS = 2048;

export class ReuseReads {
  private counts = new Uint16Array(0);
  private touched = new Int32Array(0);
  private readonly wordCache = new Map<number, WordList>();

  /** Units sharing at least minShared fingerprints, most first, then by number (of `units` numbered so far). */
  candidates(data: StoreData, table: UnitTable, units: number, fingerprints: readonly number[], options: CandidateOptions = {}): StoreCandidate[] {
    if (this.counts.length < units) {
      this.counts = new Uint16Array(units);
      this.touched = new Int32Array(units);
    }
    const tally: Tally = { counts: this.counts, touched: this.touched, touchedCount: 0 };
    // Units of removed documents are counted too, and passed over below (the unit table).
    for (const fp of new Set(fingerprints)) data.countPostings(fp, tally);
    const exclude = options.excludeSymbol ? symbolKey(options.excludeSymbol) : undefined;
    return bestCandidates(tally.counts, tally.touched, tally.touchedCount, options.minShared ?? 2, options.limit ?? 16, (unit) => {
      const slot = table.documentOf(unit);
      return slot !== undefined && !(exclude && slot.symbolKey === exclude);
    });
  }

  /** A unit's words, kept for the WORD_CACHE_UNITS units last asked (a rescan verifies the same ones again). */
  unitWords(data: StoreData, unit: number): WordList {
    let words = this.wordCache.get(unit);
    if (words) this.wordCache.delete(unit);
    else {
      words = wordList([data.unit(unit).text]);
      if (this.wordCache.size >= WORD_CACHE_UNITS) this.wordCache.delete(this.wordCache.keys().next().value!);
    }
    this.wordCache.set(unit, words);
    return words;
  }

  /** Forgets a unit's words (its document was removed or replaced). */
  forget(unit: number): void {
    this.wordCache.delete(unit);
  }
}
