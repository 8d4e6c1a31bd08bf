// The embedded store's file: its databases and the records in them (the binary unit and posting
// records are in records.ts).
//   meta      "meta" → { magic, format, nextUnit, generation, state, counts }
//             "table" → the unit table as one record (unitTable.ts), written when a build finishes
//             "files\0" + folder → that corpus folder's table of files (corpus/fileTable.ts)
//   docs      id → { symbol, uri, title, date, contentHash, firstUnit, labels }
//   symbols   symbolKey → id (texts by symbol)
//   texts     id → the document's text
//   units     unit number → checksum, label and text (records.ts)
//   postings  fingerprint → the units having it, ascending 32-bit little-endian numbers
//   registry  symbolKey → RegistryEntry
import type { loadLmdb } from './lmdbModule';

export const STORE_FORMAT = 1;
export const MAGIC = 'compact-drafter corpus store';

export type LmdbEnvironment = ReturnType<Exclude<ReturnType<typeof loadLmdb>, Error>['open']>;
export type Database = ReturnType<LmdbEnvironment['openDB']>;

export interface StoreDatabases {
  readonly meta: Database;
  readonly docs: Database;
  readonly symbols: Database;
  readonly texts: Database;
  readonly units: Database;
  readonly postings: Database;
  readonly registry: Database;
}

/** Opens the databases of the file (created when new). */
export function openDatabases(env: LmdbEnvironment): StoreDatabases {
  const binary = { keyEncoding: 'uint32', encoding: 'binary', compression: false, cache: false } as const;
  return {
    meta: env.openDB('meta', { encoding: 'msgpack', cache: false }),
    docs: env.openDB('docs', { encoding: 'msgpack', cache: false }),
    symbols: env.openDB('symbols', { encoding: 'string', cache: false }),
    texts: env.openDB('texts', { encoding: 'string', cache: false }),
    units: env.openDB('units', binary),
    postings: env.openDB('postings', binary),
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
  postings: number;
  registryEntries: number;
}

export interface DocRecord {
  readonly symbol?: string;
  readonly uri: string;
  readonly title?: string;
  readonly date?: string;
  readonly contentHash: string;
  readonly firstUnit: number;
  readonly labels: readonly (string | null)[];
}
