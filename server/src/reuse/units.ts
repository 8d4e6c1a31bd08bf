// What the reuse index reads of a corpus document: its units (numbered paragraphs, or prose spans
// when it has none) and each unit's fingerprints. Every store indexes units through these, so that
// the in-memory index, the embedded store and PostgreSQL find the same candidates.
import { fingerprintsOf } from './fingerprints';
import { hashesOf, wordIdsOf } from './normalise';

/** What the index keeps of a corpus document. */
export interface ReuseSourceRef {
  readonly id: string;
  readonly symbol: string | undefined;
  readonly uri: string;
}

/** What the index reads of a corpus document (a CorpusDocument is one). */
export interface ReuseSourceDocument extends ReuseSourceRef {
  readonly model: {
    readonly paragraphs: readonly { readonly label: string; readonly text: string }[];
    readonly spans: readonly { readonly text: string }[];
  };
}

/** One indexed unit: a numbered paragraph, or a prose span of a document without numbered paragraphs. */
export interface ReuseUnit {
  readonly document: ReuseSourceRef;
  /** The paragraph's label ("11"), undefined for a prose span. */
  readonly label: string | undefined;
  /** The unit's plain text; the source words of a match are taken from it. */
  readonly text: string;
}

/** Units shorter than this (in words) are not indexed. */
export const MIN_UNIT_WORDS = 8;
export const refOf = (document: ReuseSourceRef): ReuseSourceRef => ({ id: document.id, symbol: document.symbol, uri: document.uri });

export function unitsOf(document: ReuseSourceDocument): { label: string | undefined; text: string }[] {
  const model = document.model;
  if (model.paragraphs.length > 0) return model.paragraphs.map((p) => ({ label: p.label, text: p.text }));
  return model.spans.map((s) => ({ label: undefined, text: s.text }));
}

let hashScratch = new Uint32Array(4096);

/**
 * The fingerprints of a unit's text, or undefined when it is too short to index: what every
 * store indexes (store/corpusStore.ts), so that they all find the same candidates.
 */
export function unitFingerprints(text: string): number[] | undefined {
  const { ids, count } = wordIdsOf(text);
  if (count < MIN_UNIT_WORDS) return undefined;
  if (hashScratch.length < count) hashScratch = new Uint32Array(Math.max(count, hashScratch.length * 2));
  return fingerprintsOf(hashesOf(ids, count, hashScratch), count);
}

