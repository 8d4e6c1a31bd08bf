// The corpus store: where the registry, the corpus texts and the reuse index live when they are too
// big for the server's heap (issue #19). Two implementations answer the same questions:
//   - the embedded store (store/embedded/, on disk in the user's cache, the default), and
//   - the team corpus on PostgreSQL (store/postgres/, `compactDrafter.corpus.server`),
// and the in-memory ReuseIndex stays the path for small corpora and the fallback when neither can
// be opened. Everything here is async because a database round trip is; the embedded store answers
// at once and also offers the synchronous ReuseLookup that scanDraft reads (see below).
//
// Rules both stores keep, so that they give the same answers (the equivalence test and bench):
//   - A document is identified by `id` (the URI of its file for texts, as the reuse index does
//     today: two folders may hold texts without symbols of the same name). Symbols compare by
//     symbolKey() (corpus/registry.ts): case and spaces ignored.
//   - A document's units are what the reuse index indexes (ReuseIndex's unitsOf): its numbered
//     paragraphs, or its prose spans when it has none, in order. The caller parses the text and
//     gives the units; the store fingerprints each unit with `unitFingerprints` (reuse/index.ts,
//     the winnowed 5-word shingles). Every unit is kept (paragraph() finds short ones too) and
//     numbered, but units under MIN_UNIT_WORDS words get no postings, so are never candidates.
//   - Unit numbers are assigned in the order units are put, from 0, never reused (a replaced
//     document gets new numbers). Loading the same documents in the same order gives the same
//     numbers in every store, so candidate ties (broken by the smaller unit number) agree.
//   - Candidates: units sharing at least minShared distinct fingerprints with the query, most
//     shared first, then by unit number; units of removed documents and of excludeSymbol never
//     appear; at most `limit`. Exactly ReuseIndex.candidates.
//   - Registry entries are stored whole (RegistryEntry as JSON, provenance included) and returned
//     as given.
//   - A store that cannot answer (down, slow, corrupt) rejects with StoreUnavailableError; the
//     caller falls back to the local layers and says so, never waits forever.

import type { RegistryEntry } from '../corpus/registry';
import type { WordList } from '../reuse/normalise';

/** A corpus document as given to the store (its text and the units the reuse index reads). */
export interface StoreDocumentInput {
  /** The URI of its file (the id the reuse index uses). */
  readonly id: string;
  readonly symbol: string | undefined;
  readonly uri: string;
  readonly title?: string;
  readonly date?: string;
  /** The whole text, as the corpus layer reads it (front matter blanked out). */
  readonly text: string;
  /** Numbered paragraphs (label "11"), or prose spans (label undefined) when it has none. */
  readonly units: readonly { readonly label: string | undefined; readonly text: string }[];
  /** Hash of the text (hex SHA-256): what incremental builds compare to skip unchanged texts. */
  readonly contentHash: string;
}

/** What the store keeps of a document, without its text. */
export interface StoredDocument {
  readonly id: string;
  readonly symbol: string | undefined;
  readonly uri: string;
  readonly title?: string;
  readonly date?: string;
  readonly contentHash: string;
  /** Units indexed (paragraphs or spans of at least MIN_UNIT_WORDS words). */
  readonly unitCount: number;
}

/** One indexed unit, with what a reuse match shows of its source. */
export interface StoredUnit {
  readonly unit: number;
  readonly documentId: string;
  readonly symbol: string | undefined;
  readonly uri: string;
  /** The paragraph's label ("11"); undefined for a prose span. */
  readonly label: string | undefined;
  readonly text: string;
}

export interface StoreCandidate {
  readonly unit: number;
  /** Distinct fingerprints the query shares with the unit. */
  readonly shared: number;
}

export interface CandidateOptions {
  /** Fingerprints a candidate must share (2). */
  readonly minShared?: number;
  /** Candidates per query, best first (16). */
  readonly limit?: number;
  /** Units of documents with this symbol (by symbolKey) are left out: a draft is not its own source. */
  readonly excludeSymbol?: string;
}

/** A document found by symbol or title (completion, workspace symbols, "Insert citation…"). */
export interface DocumentHit {
  readonly symbol: string;
  readonly title?: string;
  readonly date?: string;
  /** Whether the store holds its text (else it is a registry entry only). */
  readonly hasText: boolean;
}

export interface DocumentQuery {
  /** Symbols starting with this (symbolKey'd): "A/RES/71/" lists the session's resolutions. */
  readonly symbolPrefix?: string;
  /** Words that must all appear in the title (case-insensitive); a store may rank by similarity. */
  readonly titleWords?: string;
  readonly limit?: number;
}

export type StoreState =
  /** Nothing built yet. */
  | 'empty'
  /** A build is under way or was interrupted (it resumes where it stopped). */
  | 'building'
  | 'ready'
  /** The store failed a check; it is being (or must be) rebuilt. */
  | 'corrupt'
  /** It cannot be reached or opened (database down, native module missing); see message. */
  | 'unavailable';

export interface StoreStatus {
  readonly state: StoreState;
  /** "lmdb", "postgres", "memory": what answers. */
  readonly engine: string;
  readonly documents: number;
  readonly units: number;
  /** Reuse index postings (fingerprint, unit) held. */
  readonly postings: number;
  readonly registryEntries: number;
  /** Why it is not ready, for the output channel and the CLI. */
  readonly message?: string;
}

/** The store cannot answer now (down, slow, corrupt, not built): callers fall back to the local layers. */
export class StoreUnavailableError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

export interface CorpusStore {
  status(): Promise<StoreStatus>;
  /** Bumped on every change of the texts or the index, so cached scan results can tell they are stale. */
  generation(): Promise<number>;

  // The registry.
  registryEntry(symbol: string): Promise<RegistryEntry | undefined>;
  /** Several at once (a draft's citations): one round trip. Keys are the symbols as given. */
  registryEntries(symbols: readonly string[]): Promise<Map<string, RegistryEntry>>;
  /** Adds or replaces entries (by symbolKey). */
  putRegistry(entries: readonly RegistryEntry[]): Promise<void>;
  searchDocuments(query: DocumentQuery): Promise<DocumentHit[]>;

  // The texts.
  /** A document by symbol (symbolKey) or by id. */
  document(symbolOrId: string): Promise<StoredDocument | undefined>;
  documentText(id: string): Promise<string | undefined>;
  /** The first unit with this label of the document (hover's cited paragraph). */
  paragraph(id: string, label: string): Promise<StoredUnit | undefined>;

  // The reuse index.
  /** For each query (the fingerprints of one draft paragraph), its candidates: one round trip for a whole draft. */
  candidates(queries: readonly (readonly number[])[], options?: CandidateOptions): Promise<StoreCandidate[][]>;
  /** The units of these numbers (those that exist), in the order asked. */
  units(unitNumbers: readonly number[]): Promise<StoredUnit[]>;

  // Building, incrementally.
  /** id → contentHash of every document held: what a build compares to know what to add and remove. */
  documentHashes(): Promise<Map<string, string>>;
  /**
   * Adds documents (replacing any of the same id), committing every few hundred so that an
   * interrupted build keeps what it did and a new one resumes after it. Returns how many were put.
   */
  putDocuments(documents: Iterable<StoreDocumentInput> | AsyncIterable<StoreDocumentInput>): Promise<number>;
  /** Removes documents by id; returns how many were held. */
  removeDocuments(ids: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * What scanDraft reads of an index, synchronously: the in-memory ReuseIndex has it, and so does
 * the embedded store (local reads: LMDB and its data files); a remote store does not, and is scanned through
 * CorpusStore.candidates/units instead.
 */
export interface ReuseLookup {
  readonly generation: number;
  candidates(query: { readonly fingerprints: readonly number[] }, options?: CandidateOptions): { unit: number; shared: number }[];
  unit(unit: number): { readonly document: { readonly id: string; readonly symbol: string | undefined; readonly uri: string }; readonly label: string | undefined; readonly text: string };
  /** The unit's words (wordList of its text), which an implementation may cache. */
  unitWords(unit: number): WordList;
}
