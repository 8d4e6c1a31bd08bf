// The team corpus on PostgreSQL behind the CorpusStore interface (store/corpusStore.ts): the same
// answers as the embedded store, from a server every drafter of a team reads. Queries go one at a
// time over one connection, each bounded by timeouts (connection.ts). A server that is down,
// refuses the login, holds no corpus or stops answering makes each call reject at once with a
// StoreUnavailableError saying why, and is asked again only after RETRY_AFTER_MS: a dead server
// costs one timeout, not one per hover.
//
// The driver (pg, with Node's net, tls and crypto behind it) is loaded with the first query, not
// when the module is: every language server bundles this file, and most have no team corpus. Loaded
// at start it cost 40-74 ms of each start (CPU profiles, bench:server-scale --profile).
import type pg from 'pg';
import { type RegistryEntry, symbolKey } from '../../corpus/registry';
import {
  type CandidateOptions,
  type CorpusStore,
  type DocumentHit,
  type DocumentQuery,
  type StoreCandidate,
  type StoreDocumentInput,
  type StoredDocument,
  type StoredUnit,
  type StoreStatus,
  StoreUnavailableError,
} from '../corpusStore';
import type { CorpusServerConnection } from './connection';
import { lockForPush, migrate, schemaProblem, schemaVersion } from './schema';
import { Batches } from '../batches';
import { describeFailure } from './failures';
import { deleteDocuments, writeDocuments } from './pgWrites';

export { describeFailure } from './failures';

export const RETRY_AFTER_MS = 30_000;
/** A write transaction holds about this many units (a few hundred texts): an interrupted push keeps what it committed. */
const UNITS_PER_COMMIT = 20_000;
const DOCUMENTS_PER_COMMIT = 300;

export interface PgStoreOptions {
  /** Told once per outage ("…: using the local corpus only") and once when the server answers again. */
  readonly report?: (message: string) => void;
  /** Recorded with every text and entry written ("host:/path/to/corpus"). */
  readonly pushedFrom?: string;
  /** Create or migrate the schema before writing (corpus push); readers never do. */
  readonly migrate?: boolean;
  readonly now?: () => number;
}

interface DocumentRow {
  id: string;
  symbol: string | null;
  uri: string;
  title: string | null;
  date: string | null;
  content_hash: string;
  unit_count: number;
}

interface UnitRow {
  unit: string;
  document_id: string;
  symbol: string | null;
  uri: string;
  label: string | null;
  body: string;
}

export class PgCorpusStore implements CorpusStore {
  private connected: Promise<pg.Pool> | undefined;
  private closed = false;
  private ready: Promise<void> | undefined;
  private downUntil = 0;
  private lastProblem: string | undefined;
  private readonly now: () => number;

  constructor(
    readonly connection: CorpusServerConnection,
    private readonly options: PgStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The pool of one connection, made (and pg loaded) at the first use. */
  private pool(): Promise<pg.Pool> {
    if (this.closed) return Promise.reject(new Error('the team corpus store is closed'));
    this.connected ??= import('pg').then(({ default: driver }) => {
      const pool = new driver.Pool({ ...this.connection.config, max: 1, idleTimeoutMillis: 60_000 });
      // An idle connection the server closed: the next query opens a new one.
      pool.on('error', () => {});
      return pool;
    });
    return this.connected;
  }

  /** Why the store is unavailable now, if it is. */
  get problem(): string | undefined {
    return this.now() < this.downUntil ? this.lastProblem : undefined;
  }

  /** Connects once, checks (or, for a push, creates and migrates) the schema. */
  private prepare(): Promise<void> {
    this.ready ??= (async () => {
      const client = await (await this.pool()).connect();
      try {
        if (this.options.migrate) {
          await client.query('BEGIN');
          await lockForPush(client);
          await migrate(client);
          await client.query('COMMIT');
        }
        const problem = schemaProblem(await schemaVersion(client));
        if (problem) throw new StoreUnavailableError(problem);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    })();
    this.ready.catch(() => (this.ready = undefined));
    return this.ready;
  }

  /** Runs work against the server, turning any failure into a StoreUnavailableError and the outage into one message. */
  private async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.now() < this.downUntil) throw new StoreUnavailableError(`team corpus ${this.connection.description}: ${this.lastProblem ?? 'not answering'}`);
    try {
      await this.prepare();
      const result = await work();
      if (this.lastProblem !== undefined) {
        this.lastProblem = undefined;
        this.options.report?.(`team corpus ${this.connection.description}: answering again`);
      }
      return result;
    } catch (error) {
      const reason = describeFailure(error);
      this.downUntil = this.now() + RETRY_AFTER_MS;
      if (reason !== this.lastProblem) {
        this.options.report?.(`team corpus ${this.connection.description}: ${reason}; using the local corpus only (asked again in ${RETRY_AFTER_MS / 1000} s)`);
      }
      this.lastProblem = reason;
      throw new StoreUnavailableError(`team corpus ${this.connection.description}: ${reason}`, error);
    }
  }

  private rows<R extends pg.QueryResultRow>(query: string | pg.QueryConfig, values: unknown[] = []): Promise<R[]> {
    return this.run(async () => {
      const pool = await this.pool();
      return (typeof query === 'string' ? await pool.query<R>(query, values) : await pool.query<R>(query)).rows;
    });
  }

  async status(): Promise<StoreStatus> {
    try {
      const [row] = await this.rows<{ documents: string; units: string; postings: string; registry: string }>(
        `SELECT (SELECT count(*) FROM cd_documents) AS documents, s.units, s.postings, (SELECT count(*) FROM cd_registry) AS registry FROM cd_state s`,
      );
      const documents = Number(row!.documents);
      return {
        state: documents === 0 && Number(row!.registry) === 0 ? 'empty' : 'ready',
        engine: 'postgres',
        documents,
        units: Number(row!.units),
        postings: Number(row!.postings),
        registryEntries: Number(row!.registry),
      };
    } catch (error) {
      return { state: 'unavailable', engine: 'postgres', documents: 0, units: 0, postings: 0, registryEntries: 0, message: (error as Error).message };
    }
  }

  async generation(): Promise<number> {
    const [row] = await this.rows<{ generation: string }>('SELECT generation FROM cd_state');
    return Number(row!.generation);
  }

  // The registry.

  async registryEntry(symbol: string): Promise<RegistryEntry | undefined> {
    return (await this.registryEntries([symbol])).get(symbol);
  }

  async registryEntries(symbols: readonly string[]): Promise<Map<string, RegistryEntry>> {
    const found = new Map<string, RegistryEntry>();
    if (symbols.length === 0) return found;
    const rows = await this.rows<{ symbol_key: string; entry: RegistryEntry }>('SELECT symbol_key, entry FROM cd_registry WHERE symbol_key = ANY($1::text[])', [[...new Set(symbols.map(symbolKey))]]);
    const byKey = new Map(rows.map((row) => [row.symbol_key, row.entry]));
    for (const symbol of symbols) {
      const entry = byKey.get(symbolKey(symbol));
      if (entry) found.set(symbol, entry);
    }
    return found;
  }

  async putRegistry(entries: readonly RegistryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.transaction(async (client) => {
      // The last of a symbol wins, as a later registry file does.
      const byKey = new Map(entries.map((entry) => [symbolKey(entry.symbol), entry]));
      const list = [...byKey];
      const written = await client.query(
        `INSERT INTO cd_registry (symbol_key, symbol, title, date, entry, pushed_from)
         SELECT k, s, t, d, e::jsonb, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(k, s, t, d, e)
         ON CONFLICT (symbol_key) DO UPDATE SET symbol = EXCLUDED.symbol, title = EXCLUDED.title, date = EXCLUDED.date, entry = EXCLUDED.entry,
           pushed_from = EXCLUDED.pushed_from, pushed_by = current_user, pushed_at = now()
         WHERE cd_registry.entry IS DISTINCT FROM EXCLUDED.entry`,
        [
          list.map(([key]) => key),
          list.map(([, entry]) => entry.symbol),
          list.map(([, entry]) => entry.title ?? ''),
          list.map(([, entry]) => entry.date ?? ''),
          list.map(([, entry]) => JSON.stringify(entry)),
          this.options.pushedFrom ?? 'unknown',
        ],
      );
      // Readers that keep what they read (the language server's team layer) see a changed entry as a new generation.
      if (written.rowCount) await client.query('UPDATE cd_state SET generation = generation + 1');
    });
  }

  async searchDocuments(query: DocumentQuery): Promise<DocumentHit[]> {
    const limit = query.limit ?? 50;
    const prefix = query.symbolPrefix ? symbolKey(query.symbolPrefix).replace(/[\\%_]/g, '\\$&') + '%' : null;
    const words = (query.titleWords ?? '').split(/\s+/).filter(Boolean).map((w) => `%${w.replace(/[\\%_]/g, '\\$&')}%`);
    if (!prefix && words.length === 0) return [];
    const title = (query.titleWords ?? '').trim();
    const rows = await this.rows<{ symbol: string; title: string | null; date: string | null; has_text: boolean }>(
      `WITH hits AS (
         SELECT symbol_key, symbol, title, date, true AS has_text, seq FROM cd_documents
          WHERE symbol IS NOT NULL AND ($1::text IS NULL OR symbol_key LIKE $1) AND coalesce(title, '') ILIKE ALL ($2::text[])
         UNION ALL
         SELECT symbol_key, symbol, title, date, false, NULL FROM cd_registry
          WHERE ($1::text IS NULL OR symbol_key LIKE $1) AND title ILIKE ALL ($2::text[])
       ),
       best AS (SELECT DISTINCT ON (symbol_key) * FROM hits ORDER BY symbol_key, has_text DESC, seq)
       SELECT symbol, title, date, has_text FROM best
        ORDER BY CASE WHEN $3 = '' THEN 0 ELSE word_similarity($3, coalesce(title, '')) END DESC, symbol_key
        LIMIT $4`,
      [prefix, words, title, limit],
    );
    return rows.map((row) => ({ symbol: row.symbol, ...(row.title ? { title: row.title } : {}), ...(row.date ? { date: row.date } : {}), hasText: row.has_text }));
  }

  /** Every registry entry of the team (a few thousand): merged into the local registry at load, so names and series are known. */
  async allRegistryEntries(): Promise<RegistryEntry[]> {
    return (await this.rows<{ entry: RegistryEntry }>('SELECT entry FROM cd_registry ORDER BY symbol_key')).map((row) => row.entry);
  }

  // The texts.

  async document(symbolOrId: string): Promise<StoredDocument | undefined> {
    const [row] = await this.rows<DocumentRow>(
      `SELECT id, symbol, uri, title, date, content_hash, unit_count FROM cd_documents WHERE id = $1 OR symbol_key = $2 ORDER BY (id = $1) DESC, seq LIMIT 1`,
      [symbolOrId, symbolKey(symbolOrId)],
    );
    return row && storedDocument(row);
  }

  /** The texts of these symbols with their words, in one round trip (a draft's citations); the first put of a symbol. */
  async documentsWithText(symbols: readonly string[]): Promise<(StoredDocument & { text: string })[]> {
    if (symbols.length === 0) return [];
    const rows = await this.rows<DocumentRow & { body: string }>(
      `SELECT DISTINCT ON (symbol_key) id, symbol, uri, title, date, content_hash, unit_count, body FROM cd_documents
        WHERE symbol_key = ANY($1::text[]) ORDER BY symbol_key, seq`,
      [[...new Set(symbols.map(symbolKey))]],
    );
    return rows.map((row) => ({ ...storedDocument(row), text: row.body }));
  }

  /**
   * What a hover on a citation ("paragraph 3 of resolution 79/175") reads, in one round trip: the
   * symbol's registry entry, its cited paragraph in the first text pushed of that symbol, and the
   * store's generation (what a reader that keeps the answer compares to know it is stale). A
   * prepared statement: planned once per connection.
   */
  async citation(symbol: string, label: string): Promise<{ generation: number; entry: RegistryEntry | undefined; paragraph: StoredUnit | undefined }> {
    const [row] = await this.rows<{ generation: string; entry: RegistryEntry | null } & { [K in keyof UnitRow]: UnitRow[K] | null }>({
      name: 'cd_citation',
      text: `SELECT s.generation, (SELECT r.entry FROM cd_registry r WHERE r.symbol_key = $1) AS entry, p.*
               FROM cd_state s
               LEFT JOIN LATERAL (
                 SELECT u.unit, u.document_id, d.symbol, d.uri, u.label, u.body FROM cd_documents d JOIN cd_units u ON u.document_id = d.id
                  WHERE d.symbol_key = $1 AND u.label = $2 ORDER BY d.seq, u.ordinal LIMIT 1) p ON true`,
      values: [symbolKey(symbol), label],
    });
    const paragraph = row?.unit != null ? storedUnit(row as UnitRow) : undefined;
    return { generation: Number(row?.generation ?? 0), entry: row?.entry ?? undefined, paragraph };
  }

  async documentText(id: string): Promise<string | undefined> {
    const [row] = await this.rows<{ body: string }>('SELECT body FROM cd_documents WHERE id = $1', [id]);
    return row?.body;
  }

  async paragraph(id: string, label: string): Promise<StoredUnit | undefined> {
    const [row] = await this.rows<UnitRow>(
      `SELECT u.unit, u.document_id, d.symbol, d.uri, u.label, u.body FROM cd_units u JOIN cd_documents d ON d.id = u.document_id
        WHERE u.document_id = $1 AND u.label = $2 ORDER BY u.ordinal LIMIT 1`,
      [id, label],
    );
    return row && storedUnit(row);
  }

  // The reuse index.

  async candidates(queries: readonly (readonly number[])[], options: CandidateOptions = {}): Promise<StoreCandidate[][]> {
    const result: StoreCandidate[][] = queries.map(() => []);
    const queryOf: number[] = [];
    const fps: number[] = [];
    queries.forEach((query, q) => {
      // Distinct fingerprints, as the in-memory index counts them.
      for (const fp of new Set(query)) {
        queryOf.push(q);
        // Fingerprints are unsigned 32-bit; PostgreSQL's integer is signed: stored as the same bits.
        fps.push(fp | 0);
      }
    });
    const limit = options.limit ?? 16;
    if (fps.length === 0 || limit <= 0) return result;
    const rows = await this.rows<{ query: number; unit: string; shared: number }>(
      // The excluded text's units are listed first (a few dozen, by index), so the hits need no join.
      `WITH q AS (SELECT * FROM unnest($1::integer[], $2::integer[]) AS q(query, fp)),
            hits AS (
              SELECT q.query, f.unit, count(*)::integer AS shared
                FROM q JOIN cd_fingerprints f ON f.fp = q.fp
               WHERE f.unit <> ALL (ARRAY(SELECT u.unit FROM cd_documents d JOIN cd_units u ON u.document_id = d.id WHERE d.symbol_key = $5::text))
               GROUP BY q.query, f.unit HAVING count(*) >= $3),
            ranked AS (SELECT h.*, row_number() OVER (PARTITION BY h.query ORDER BY h.shared DESC, h.unit) AS rank FROM hits h)
       SELECT query, unit, shared FROM ranked WHERE rank <= $4 ORDER BY query, rank`,
      [queryOf, fps, options.minShared ?? 2, limit, options.excludeSymbol ? symbolKey(options.excludeSymbol) : null],
    );
    for (const row of rows) result[row.query]!.push({ unit: Number(row.unit), shared: row.shared });
    return result;
  }

  async units(unitNumbers: readonly number[]): Promise<StoredUnit[]> {
    if (unitNumbers.length === 0) return [];
    const rows = await this.rows<UnitRow>(
      `SELECT u.unit, u.document_id, d.symbol, d.uri, u.label, u.body FROM cd_units u JOIN cd_documents d ON d.id = u.document_id WHERE u.unit = ANY($1::bigint[])`,
      [[...new Set(unitNumbers)]],
    );
    const byNumber = new Map(rows.map((row) => [Number(row.unit), storedUnit(row)]));
    return unitNumbers.flatMap((n) => byNumber.get(n) ?? []);
  }

  // Building, incrementally.

  async documentHashes(): Promise<Map<string, string>> {
    const rows = await this.rows<{ id: string; content_hash: string }>('SELECT id, content_hash FROM cd_documents');
    return new Map(rows.map((row) => [row.id, row.content_hash]));
  }

  async putDocuments(documents: Iterable<StoreDocumentInput> | AsyncIterable<StoreDocumentInput>): Promise<number> {
    const batches = new Batches({ maxUnits: UNITS_PER_COMMIT, maxDocuments: DOCUMENTS_PER_COMMIT });
    let put = 0;
    const write = async (batch: StoreDocumentInput[] | undefined) => {
      if (!batch) return;
      await this.transaction((client) => writeDocuments(client, batch, this.options.pushedFrom ?? 'unknown'));
      put += batch.length;
    };
    for await (const document of documents) await write(batches.add(document));
    await write(batches.end());
    // VACUUM as well: it marks the new rows visible to all, so candidate lookups read the index alone.
    if (put) await this.run(async () => (await this.pool()).query('VACUUM ANALYZE cd_documents, cd_units, cd_fingerprints'));
    return put;
  }

  async removeDocuments(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.transaction(async (client) => {
      const removed = await deleteDocuments(client, ids);
      if (removed.documents) await client.query('UPDATE cd_state SET generation = generation + 1');
      return removed.documents;
    });
  }

  /** Work in one transaction, holding the push lock (one writer at a time). */
  private transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.run(async () => {
      const client = await (await this.pool()).connect();
      try {
        await client.query('BEGIN');
        await lockForPush(client);
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connected?.then((pool) => pool.end()).catch(() => {});
  }
}

function storedDocument(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    symbol: row.symbol ?? undefined,
    uri: row.uri,
    ...(row.title !== null ? { title: row.title } : {}),
    ...(row.date !== null ? { date: row.date } : {}),
    contentHash: row.content_hash,
    unitCount: row.unit_count,
  };
}

function storedUnit(row: UnitRow): StoredUnit {
  return { unit: Number(row.unit), documentId: row.document_id, symbol: row.symbol ?? undefined, uri: row.uri, label: row.label ?? undefined, text: row.body };
}
