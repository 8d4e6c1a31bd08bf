// The throwaway server of pgServer.ts: started on 127.0.0.1 with password authentication, answering
// queries, with pg_trgm available (the team corpus's symbol and title search needs it), gone after stop.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { postgresSkipReason, startTestPostgres, type TestPostgres } from './pgServer';

const skip = postgresSkipReason();
let server: TestPostgres | undefined;

before(async () => {
  if (!skip) server = await startTestPostgres();
});
after(async () => server?.stop());

test('a throwaway PostgreSQL on 127.0.0.1 answers, with pg_trgm, and needs the password', { skip }, async () => {
  const client = new pg.Client({ connectionString: server!.url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const { rows } = await client.query<{ s: number }>("SELECT similarity('A/RES/73/195', 'A/RES/73/195') AS s");
    assert.equal(rows[0]!.s, 1);
  } finally {
    await client.end();
  }
  const wrong = new pg.Client({ host: server!.host, port: server!.port, user: server!.user, password: 'wrong', database: server!.database });
  await assert.rejects(wrong.connect(), /password authentication failed/);
});
