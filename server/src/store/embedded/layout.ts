// The embedded store's file: its databases and the records in them. The units, the document texts
// and the postings are in data files beside it (storeData.ts), which the metadata lists.
//   meta      "meta" → { magic, format, nextUnit, generation, state, counts, nextFile, textFiles, segments }
//             "table" → the unit table as one record (unitTable.ts), written when a build finishes
//             "files\0" + folder → that corpus folder's table of files (corpus/fileTable.ts)
//   docs      id → { symbol, uri, title, date, contentHash, firstUnit, labels, postings, text's place }
//   symbols   symbolKey → id (texts by symbol)
//   registry  symbolKey → RegistryEntry
// Format 2 moved the units, texts and postings out of LMDB (format 1) into the data files.
import type { loadLmdb } from './lmdbModule';
import type { SegmentEntry, TextFileEntry } from './storeData';
import type { TextPlace } from './textFile';

export const STORE_FORMAT = 2;
export const MAGIC = 'compact-drafter corpus store';

export type LmdbEnvironment = ReturnType<Exclude<ReturnType<typeof loadLmdb>, Error>['open']>;
export type Database = ReturnType<LmdbEnvironment['openDB']>;

export interface StoreDatabases {
  readonly meta: Database;
  readonly docs: Database;
  readonly symbols: Database;
  readonly registry: Database;
}

/** Opens the databases of the file (created when new). */
export function openDatabases(env: LmdbEnvironment): StoreDatabases {
  return {
    meta: env.openDB('meta', { encoding: 'msgpack', cache: false }),
    docs: env.openDB('docs', { encoding: 'msgpack', cache: false }),
    symbols: env.openDB('symbols', { encoding: 'string', cache: false }),
    registry: env.openDB('registry', { encoding: 'msgpack', cache: false }),
  };
}

export interface Meta {
  readonly magic: string;
  readonly format: number;
  nextUnit: number;
  generation: number;
  state: 'building' | 'ready';
  documents: number;
  units: number;
  /** Postings of the documents held (the segments may also hold some of documents removed since their last merge). */
  postings: number;
  registryEntries: number;
  /** The number of the next data file written. */
  nextFile: number;
  textFiles: TextFileEntry[];
  segments: SegmentEntry[];
}

export interface DocRecord {
  readonly symbol?: string;
  readonly uri: string;
  readonly title?: string;
  readonly date?: string;
  readonly contentHash: string;
  readonly firstUnit: number;
  readonly labels: readonly (string | null)[];
  /** Postings of its units (the store's count goes down by this when it is removed). */
  readonly postings: number;
  /** The text file holding its units and text, and where its text is in it. */
  readonly textFile: number;
  readonly text: TextPlace;
}
