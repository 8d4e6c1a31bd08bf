// The team corpus on a real PostgreSQL gives the same answers as the corpus in memory on the 1,190
// real General Assembly texts of ../shared/un-documents: all of them and the bundled registry
// pushed, then every tenth text checked as a draft against both (references resolved, reused
// passages found). Debian's PostgreSQL, started by pgServer.ts; .ci/run installs it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bundledRegistry } from '../../server/src/corpus';
import { PUSH_TIMEOUTS, corpusServerConnection } from '../../server/src/store/postgres/connection';
import { PgCorpusStore } from '../../server/src/store/postgres/pgStore';
import { compareStores, pushAll } from './equivalence';
import { postgresSkipReason, startTestPostgres, type TestPostgres } from './pgServer';
import { realDocuments } from './realTexts';

const skip = postgresSkipReason();
let server: TestPostgres | undefined;
let store: PgCorpusStore | undefined;

before(async () => {
  if (skip) return;
  server = await startTestPostgres();
  store = new PgCorpusStore(corpusServerConnection(`postgres://${server.user}@127.0.0.1:${server.port}/${server.database}`, PUSH_TIMEOUTS, { PGPASSWORD: server.password }), { migrate: true, pushedFrom: 'test' });
});
after(async () => {
  await store?.close();
  await server?.stop();
});

test('the 1,190 real texts: references resolved and reused passages equal in memory and on PostgreSQL', { skip }, async () => {
  const documents = realDocuments();
  assert.equal(documents.length, 1190);
  const registry = [...bundledRegistry().all()];
  await pushAll(store!, documents, registry);
  const status = await store!.status();
  assert.equal(status.documents, 1190);
  assert.equal(status.registryEntries, registry.length);
  const drafts = documents.filter((_, i) => i % 10 === 5);
  const report = await compareStores(store!, documents, registry, drafts);
  assert.deepEqual(report.differences, []);
  assert.equal(report.drafts, 119);
  // Not an empty comparison: the drafts cite and repeat the corpus.
  assert.ok(report.references > 1000 && report.referencesResolved > report.references / 2, `${report.referencesResolved} of ${report.references} references resolved`);
  assert.ok(report.matches > 500, `${report.matches} reused passages`);
  console.log(`${report.drafts} drafts: ${report.references} references (${report.referencesResolved} resolved), ${report.matches} reused passages, the same from both`);
});
