// A draft scanned for reused wording against a store that answers asynchronously (the team corpus
// on PostgreSQL): every draft unit's fingerprints go in one candidates request, the candidate units
// in one units request, and the draft is then scanned as usual (scan.ts) against a small in-memory
// index of just those units. Its candidates for each draft unit are the store's: every unit in it
// was a candidate of some draft unit, and their order (by unit number) is kept, so the same ones
// win the ties.
import type { DraftModel } from '../parse/model';
import { fingerprintsOf } from '../reuse/fingerprints';
import { ReuseIndex, type ReuseSourceDocument } from '../reuse/index';
import { draftWordList, hashesOf } from '../reuse/normalise';
import { draftUnits, type ReuseMatch, scanDraft, type ScanOptions } from '../reuse/scan';
import { draftRuns, runFingerprints, runReach } from '../reuse/shortRuns';
import type { CorpusStore, StoredUnit } from './corpusStore';

let hashScratch = new Uint32Array(4096);

/** The fingerprints of each draft unit long enough to hold a match, as scanDraft computes them. */
export function draftQueries(model: DraftModel, minWords: number): number[][] {
  const queries: number[][] = [];
  for (const unit of draftUnits(model)) {
    // Hashes only: the draft's new words need not enter the vocabulary.
    const { words } = draftWordList(unit.spans.map((span) => span.text));
    if (words.length < minWords) continue;
    if (hashScratch.length < words.length) hashScratch = new Uint32Array(Math.max(words.length, hashScratch.length * 2));
    queries.push(fingerprintsOf(hashesOf(words.ids, words.length, hashScratch), words.length));
  }
  return queries;
}

/**
 * The matches of a draft against a store; rejects (StoreUnavailableError) when the store cannot answer.
 * Runs of short paragraphs (reuse/shortRuns.ts) ask too, and their candidates come with the source
 * paragraphs around them, which the run is aligned against. Extra units never change the other
 * matches: each draft unit's best candidates are the store's, and those are all in the small index.
 */
export async function scanDraftInStore(model: DraftModel, store: Pick<CorpusStore, 'candidates' | 'units'>, options: ScanOptions = {}): Promise<ReuseMatch[]> {
  const minWords = options.minWords ?? 25;
  const queries = draftQueries(model, minWords);
  const runs = draftRuns(draftUnits(model), minWords);
  const runQueries = runs.map((run) => runFingerprints(run).fingerprints);
  const found = await store.candidates([...queries, ...runQueries], { minShared: options.minShared ?? 2, limit: options.maxCandidates ?? 4, excludeSymbol: options.excludeSymbol });
  const numbers = new Set(found.flat().map((candidate) => candidate.unit));
  for (const [k, run] of runs.entries()) {
    const reach = runReach(run.length);
    for (const candidate of found[queries.length + k] ?? []) {
      for (let n = Math.max(0, candidate.unit - reach); n <= candidate.unit + reach; n++) numbers.add(n);
    }
  }
  const units = await store.units([...numbers].sort((a, b) => a - b));
  return scanDraft(model, indexOfUnits(units), { ...options, pruneCache: false });
}

/** An in-memory index of some units of a store, their documents in the order of their first unit. */
export function indexOfUnits(units: readonly StoredUnit[]): ReuseIndex {
  const documents = new Map<string, { ref: Omit<ReuseSourceDocument, 'model'>; units: StoredUnit[] }>();
  for (const unit of [...units].sort((a, b) => a.unit - b.unit)) {
    let document = documents.get(unit.documentId);
    if (!document) documents.set(unit.documentId, (document = { ref: { id: unit.documentId, symbol: unit.symbol, uri: unit.uri }, units: [] }));
    document.units.push(unit);
  }
  return ReuseIndex.build({
    documents: [...documents.values()].map(({ ref, units }) => {
      // A text's units are all numbered paragraphs or all prose spans (store/corpusStore.ts).
      const spans = units.some((u) => u.label === undefined);
      return { ...ref, model: { paragraphs: spans ? [] : units.map((u) => ({ label: u.label!, text: u.text })), spans: spans ? units.map((u) => ({ text: u.text })) : [] } };
    }),
  });
}
