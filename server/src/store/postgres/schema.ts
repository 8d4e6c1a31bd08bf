// The team corpus's tables, created and migrated by `compact-drafter corpus push` (readers never
// write: a drafter's language server only reads). Every name starts with cd_ so the corpus can share
// a database with other things.
//
// - cd_registry: registry entries (Digital Library imports, lookups), each whole with its provenance
//   as JSON, and who pushed it, from where and when.
// - cd_documents: corpus texts as the loader read them (front matter blanked), their symbol, title,
//   date, content hash (a push sends only what changed) and who pushed them from where and when.
// - cd_units: what the reuse index reads of each text (numbered paragraphs, or prose spans of a text
//   without any), numbered as every store numbers them (store/corpusStore.ts).
// - cd_fingerprints: the winnowed fingerprints of each unit of MIN_UNIT_WORDS words or more, indexed by value: a draft's candidate
//   sources are one index scan per fingerprint.
// - cd_state: the next unit number, a generation bumped by every change, and counts.
// Symbols and titles carry trigram indexes (pg_trgm) for completion and workspace symbols.
import type { ClientBase } from 'pg';

/** The schema this code reads and writes. */
export const SCHEMA_VERSION = 1;

/** Any number, the same for every Compact Drafter: pushes and migrations take this advisory lock in turn. */
const PUSH_LOCK = 0x43447075; // "CDpu"

const MIGRATIONS: readonly (readonly string[])[] = [
  // 0 → 1
  [
    `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    `CREATE TABLE cd_registry (
       symbol_key text PRIMARY KEY,
       symbol text NOT NULL,
       title text NOT NULL DEFAULT '',
       date text NOT NULL DEFAULT '',
       entry jsonb NOT NULL,
       pushed_from text NOT NULL,
       pushed_by text NOT NULL DEFAULT current_user,
       pushed_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX cd_registry_symbol_trgm ON cd_registry USING gin (symbol gin_trgm_ops)`,
    `CREATE INDEX cd_registry_title_trgm ON cd_registry USING gin (title gin_trgm_ops)`,
    `CREATE INDEX cd_registry_symbol_prefix ON cd_registry (symbol_key text_pattern_ops)`,
    `CREATE TABLE cd_documents (
       id text PRIMARY KEY,
       seq bigserial UNIQUE,
       symbol text,
       symbol_key text,
       uri text NOT NULL,
       title text,
       date text,
       content_hash text NOT NULL,
       body text NOT NULL,
       unit_count integer NOT NULL,
       pushed_from text NOT NULL,
       pushed_by text NOT NULL DEFAULT current_user,
       pushed_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX cd_documents_symbol_key ON cd_documents (symbol_key text_pattern_ops)`,
    `CREATE INDEX cd_documents_symbol_trgm ON cd_documents USING gin (symbol gin_trgm_ops)`,
    `CREATE INDEX cd_documents_title_trgm ON cd_documents USING gin (title gin_trgm_ops)`,
    `CREATE TABLE cd_units (
       unit bigint PRIMARY KEY,
       document_id text NOT NULL REFERENCES cd_documents (id) ON DELETE CASCADE,
       ordinal integer NOT NULL,
       label text,
       body text NOT NULL
     )`,
    `CREATE INDEX cd_units_document ON cd_units (document_id, label)`,
    `CREATE TABLE cd_fingerprints (
       fp integer NOT NULL,
       unit bigint NOT NULL REFERENCES cd_units (unit) ON DELETE CASCADE
     )`,
    // (fp, unit): a lookup is answered from the index alone.
    `CREATE INDEX cd_fingerprints_fp ON cd_fingerprints (fp, unit)`,
    `CREATE INDEX cd_fingerprints_unit ON cd_fingerprints (unit)`,
    `CREATE TABLE cd_state (
       next_unit bigint NOT NULL,
       generation bigint NOT NULL,
       units bigint NOT NULL,
       postings bigint NOT NULL
     )`,
    `INSERT INTO cd_state VALUES (0, 0, 0, 0)`,
    `CREATE TABLE cd_schema (version integer NOT NULL)`,
    `INSERT INTO cd_schema VALUES (1)`,
  ],
];

/** The version of the schema in the database: 0 when it has none. */
export async function schemaVersion(client: ClientBase): Promise<number> {
  const exists = await client.query<{ present: boolean }>(`SELECT to_regclass('cd_schema') IS NOT NULL AS present`);
  if (!exists.rows[0]?.present) return 0;
  const { rows } = await client.query<{ version: number }>('SELECT max(version) AS version FROM cd_schema');
  return rows[0]?.version ?? 0;
}

/** Why this code cannot read the database, or undefined when it can. */
export function schemaProblem(version: number): string | undefined {
  if (version === 0) return 'the database holds no team corpus yet: load it with `compact-drafter corpus push --corpus-server URL`';
  if (version > SCHEMA_VERSION) return `the team corpus was pushed by a newer Compact Drafter (schema ${version}, this one reads ${SCHEMA_VERSION}): update the extension`;
  if (version < SCHEMA_VERSION) return `the team corpus has an older schema (${version}; this Compact Drafter reads ${SCHEMA_VERSION}): push it again with this version to migrate it`;
  return undefined;
}

/** Creates or migrates the schema to SCHEMA_VERSION; returns the version found. Call inside a transaction holding the push lock. */
export async function migrate(client: ClientBase): Promise<number> {
  const found = await schemaVersion(client);
  if (found > SCHEMA_VERSION) throw new Error(schemaProblem(found));
  for (let version = found; version < SCHEMA_VERSION; version++) {
    for (const statement of MIGRATIONS[version]!) await client.query(statement);
    if (version > 0) await client.query('UPDATE cd_schema SET version = $1', [version + 1]);
  }
  return found;
}

/** One push (or migration) at a time: the lock is released when the transaction ends. */
export async function lockForPush(client: ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
}
