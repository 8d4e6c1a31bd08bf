// The team corpus's writes, inside the caller's transaction (PgCorpusStore.transaction, which holds
// the push lock): documents deleted, and a batch of documents written with their units, numbered
// from cd_state.next_unit as every store numbers them (store/corpusStore.ts), and their fingerprints.
import type pg from 'pg';
import { symbolKey } from '../../corpus/registry';
import { unitFingerprints } from '../../reuse/index';
import type { StoreDocumentInput } from '../corpusStore';

export async function deleteDocuments(client: pg.ClientBase, ids: readonly string[]): Promise<{ documents: number }> {
  const { rows } = await client.query<{ units: string | null; postings: string | null }>(
    `SELECT sum(unit_count) AS units, (SELECT count(*) FROM cd_fingerprints f JOIN cd_units u ON u.unit = f.unit WHERE u.document_id = ANY($1::text[])) AS postings
       FROM cd_documents WHERE id = ANY($1::text[])`,
    [ids],
  );
  const deleted = await client.query('DELETE FROM cd_documents WHERE id = ANY($1::text[])', [ids]);
  await client.query('UPDATE cd_state SET units = units - $1, postings = postings - $2', [Number(rows[0]?.units ?? 0), Number(rows[0]?.postings ?? 0)]);
  return { documents: deleted.rowCount ?? 0 };
}

/**
 * Writes a batch of documents (replacing those of the same ids): their rows, their indexed units
 * numbered from cd_state.next_unit in the order given, and the units' distinct fingerprints.
 */
export async function writeDocuments(client: pg.ClientBase, documents: readonly StoreDocumentInput[], pushedFrom: string): Promise<void> {
  // A batch that holds one id twice keeps the last, as putting them one after another would.
  const byId = new Map(documents.map((document) => [document.id, document]));
  const list = [...byId.values()];
  await deleteDocuments(client, list.map((d) => d.id));
  const unitDocument: string[] = [];
  const unitOrdinal: number[] = [];
  const unitLabel: (string | null)[] = [];
  const unitBody: string[] = [];
  const unitFps: number[][] = [];
  const unitCounts: number[] = [];
  for (const document of list) {
    // Every unit is kept and numbered (paragraph() finds short ones); only those of MIN_UNIT_WORDS words get fingerprints.
    document.units.forEach((unit, ordinal) => {
      unitDocument.push(document.id);
      unitOrdinal.push(ordinal);
      unitLabel.push(unit.label ?? null);
      unitBody.push(unit.text);
      unitFps.push(unitFingerprints(unit.text) ?? []);
    });
    unitCounts.push(document.units.length);
  }
  await client.query(
    `INSERT INTO cd_documents (id, symbol, symbol_key, uri, title, date, content_hash, body, unit_count, pushed_from)
     SELECT i, s, k, u, t, d, h, b, n, $10 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::integer[])
       WITH ORDINALITY AS x(i, s, k, u, t, d, h, b, n, o) ORDER BY o`,
    [
      list.map((d) => d.id),
      list.map((d) => d.symbol ?? null),
      list.map((d) => (d.symbol ? symbolKey(d.symbol) : null)),
      list.map((d) => d.uri),
      list.map((d) => d.title ?? null),
      list.map((d) => d.date ?? null),
      list.map((d) => d.contentHash),
      list.map((d) => d.text),
      unitCounts,
      pushedFrom,
    ],
  );
  const postings = unitFps.reduce((sum, fps) => sum + fps.length, 0);
  const { rows } = await client.query<{ first: string }>(
    'UPDATE cd_state SET next_unit = next_unit + $1, units = units + $1, postings = postings + $2, generation = generation + 1 RETURNING next_unit - $1 AS first',
    [unitBody.length, postings],
  );
  if (unitBody.length === 0) return;
  const first = Number(rows[0]!.first);
  await client.query(
    `INSERT INTO cd_units (unit, document_id, ordinal, label, body)
     SELECT $1::bigint + o - 1, d, n, l, b FROM unnest($2::text[], $3::integer[], $4::text[], $5::text[]) WITH ORDINALITY AS x(d, n, l, b, o)`,
    [first, unitDocument, unitOrdinal, unitLabel, unitBody],
  );
  const fpUnits: number[] = [];
  const fpValues: number[] = [];
  unitFps.forEach((fps, k) => {
    for (const fp of fps) {
      fpUnits.push(first + k);
      fpValues.push(fp | 0);
    }
  });
  await client.query('INSERT INTO cd_fingerprints (fp, unit) SELECT * FROM unnest($1::integer[], $2::bigint[])', [fpValues, fpUnits]);
}
