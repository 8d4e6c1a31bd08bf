// The team corpus on a real PostgreSQL (Debian's, started by pgServer.ts on 127.0.0.1): pushed
// incrementally from real texts, it gives the same reuse candidates, unit numbers and units as the
// in-memory index fed the same texts in the same order; registry entries keep their provenance;
// symbols and titles are searched; the login comes from ~/.pgpass or a service file, never a URL
// with a password; a server that refuses or never answers fails fast, once.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { bundledRegistry, CorpusDocument } from '../../server/src/corpus';
import { ReuseIndex, unitFingerprints } from '../../server/src/reuse/index';
import { StoreUnavailableError } from '../../server/src/store/corpusStore';
import { corpusServerConnection, CorpusServerConfigError, INTERACTIVE_TIMEOUTS, PUSH_TIMEOUTS } from '../../server/src/store/postgres/connection';
import { PgCorpusStore } from '../../server/src/store/postgres/pgStore';
import { pushCorpus } from '../../server/src/store/postgres/push';
import { postgresSkipReason, startTestPostgres, type TestPostgres } from './pgServer';
import { realDocuments } from './realTexts';

const skip = postgresSkipReason();
let server: TestPostgres;
let store: PgCorpusStore;
/** PGPASSFILE and PGSERVICEFILE of the test's own, so nothing of the machine's is read. */
let env: Record<string, string>;

before(async () => {
  if (skip) return;
  server = await startTestPostgres();
  const home = mkdtempSync(join(tmpdir(), 'cd-pg-home-'));
  const passFile = join(home, '.pgpass');
  writeFileSync(passFile, `# the test server\n127.0.0.1:${server.port}:${server.database}:${server.user}:${server.password.replace(/[:\\]/g, '\\$&')}\n`);
  chmodSync(passFile, 0o600);
  writeFileSync(join(home, 'services.conf'), `[team]\nhost=127.0.0.1\nport=${server.port}\ndbname=${server.database}\nuser=${server.user}\n`);
  env = { HOME: home, PGPASSFILE: passFile, PGSERVICEFILE: join(home, 'services.conf'), PGSYSCONFDIR: home };
  store = new PgCorpusStore(corpusServerConnection(`postgres://${server.user}@127.0.0.1:${server.port}/${server.database}`, PUSH_TIMEOUTS, env), { migrate: true, pushedFrom: 'test:/corpus' });
});
after(async () => {
  await store?.close();
  await server?.stop();
});

/** A text the first tests push and keep. */
let pushedSymbol = '';

/** The real texts as pushed: ids are file names, as `corpus push` gives them. */
const items = (documents: readonly CorpusDocument[]) => documents.map((document) => ({ id: document.uri, uri: document.uri, document }));

const sourceOf = (document: CorpusDocument) => ({ id: document.uri, symbol: document.symbol, uri: document.uri, get model() { return document.model; } });

type Described = [shared: number, document: string, label: string | undefined, text: string][];

/** Candidates as what they point at: stores number every unit, the in-memory index only those it indexes. */
async function fromStore(queries: number[][], options: { minShared: number; limit: number; excludeSymbol?: string }): Promise<Described[]> {
  const found = await store.candidates(queries, options);
  const units = new Map((await store.units(found.flat().map((c) => c.unit))).map((u) => [u.unit, u]));
  return found.map((list) => list.map((c) => [c.shared, units.get(c.unit)!.documentId, units.get(c.unit)!.label, units.get(c.unit)!.text]));
}

function fromMemory(index: ReuseIndex, queries: number[][], options: { minShared: number; limit: number; excludeSymbol?: string }): Described[] {
  return queries.map((fingerprints) =>
    index.candidates({ fingerprints }, options).map((c) => {
      const unit = index.unit(c.unit);
      return [c.shared, unit.document.id, unit.label, unit.text];
    }),
  );
}

/** Every unit of these drafts as a candidates query. */
function queriesOf(drafts: readonly CorpusDocument[]): number[][] {
  return drafts.flatMap((draft) => [...draft.model.paragraphs.map((p) => p.text), ...draft.model.spans.map((s) => s.text)]).map((text) => unitFingerprints(text)).filter((fps): fps is number[] => fps !== undefined);
}

describe('the team corpus on PostgreSQL', { skip }, () => {
  const documents = skip ? [] : realDocuments(120);
  const pushed = documents.slice(0, 80);
  const drafts = documents.slice(80, 100);

  test('a push loads the texts; the candidates equal the in-memory index of the same texts, unit numbers follow the order put', async () => {
    const report = await pushCorpus(store, { documents: items(pushed), registry: [] });
    pushedSymbol = pushed[0]!.symbol!;
    assert.deepEqual([report.added, report.changed, report.unchanged, report.removed], [80, 0, 0, 0]);
    const index = ReuseIndex.build({ documents: pushed.map(sourceOf) });
    const status = await store.status();
    assert.equal(status.state, 'ready');
    assert.equal(status.documents, 80);
    assert.equal(status.units, pushed.reduce((n, d) => n + (d.model.paragraphs.length || d.model.spans.length), 0));
    assert.equal(status.postings, index.postingCount);

    const queries = queriesOf(drafts);
    assert.ok(queries.length > 500, `${queries.length} draft units`);
    const memory = fromMemory(index, queries, { minShared: 2, limit: 4 });
    assert.deepEqual(await fromStore(queries, { minShared: 2, limit: 4 }), memory);
    const found = memory.flat().length;
    assert.ok(found > 300, `${found} candidates: the sessions' resolutions repeat each other`);
    // Unit numbers follow the order texts were put, and units() answers in the order asked.
    const numbers = (await store.candidates(queries.slice(0, 50), { minShared: 2, limit: 4 })).flat().map((c) => c.unit);
    const asked = [...new Set(numbers)].reverse();
    assert.deepEqual((await store.units(asked)).map((u) => u.unit), asked);

    // A draft is not its own source: the excluded symbol's units are left out before the limit.
    const own = pushed[3]!;
    const ownQueries = queriesOf([own]);
    assert.deepEqual(
      await fromStore(ownQueries, { minShared: 2, limit: 4, excludeSymbol: own.symbol!.toLowerCase() }),
      fromMemory(index, ownQueries, { minShared: 2, limit: 4, excludeSymbol: own.symbol }),
    );
  });

  test('texts by symbol or id, their words and their paragraphs', async () => {
    const document = pushed.find((d) => d.model.paragraphs.length > 10)!;
    const stored = await store.document(document.symbol!.toLowerCase().replace('/', ' /'));
    assert.equal(stored?.id, document.uri);
    assert.equal(stored?.title, document.title);
    assert.equal(stored?.date, document.date);
    assert.equal((await store.document(document.uri))?.symbol, document.symbol);
    assert.equal(await store.documentText(document.uri), document.text);
    const paragraph = document.model.paragraphs.find((p) => p.label === '10')!;
    assert.equal((await store.paragraph(document.uri, '10'))?.text, paragraph.text);
    assert.equal(await store.paragraph(document.uri, '999'), undefined);
    assert.equal(await store.document('A/RES/1/999'), undefined);
  });

  test('a second push sends only what changed; a changed text is replaced, as in the in-memory index', async () => {
    assert.deepEqual(await pushCorpus(store, { documents: items(pushed), registry: [] }).then((r) => [r.added, r.changed, r.unchanged]), [0, 0, 80]);
    const edited = pushed[5]!;
    const changedText = edited.text.replace(/\bthe\b/, 'the the');
    assert.notEqual(changedText, edited.text);
    const replacement = new CorpusDocument(edited.id, edited.symbol, edited.uri, edited.layer, changedText, edited.title, edited.date);
    const next = pushed.map((d) => (d === edited ? replacement : d));
    const before = await store.generation();
    assert.deepEqual(await pushCorpus(store, { documents: items(next), registry: [] }).then((r) => [r.added, r.changed, r.unchanged]), [0, 1, 79]);
    assert.ok((await store.generation()) > before);

    const index = ReuseIndex.build({ documents: pushed.map(sourceOf) });
    index.removeDocument(edited.uri);
    index.addDocument(sourceOf(replacement));
    const queries = queriesOf(drafts);
    assert.deepEqual(await fromStore(queries, { minShared: 2, limit: 4 }), fromMemory(index, queries, { minShared: 2, limit: 4 }));

    // Without prune, texts the push does not hold are kept and counted; with prune they go.
    const kept = await pushCorpus(store, { documents: items(next.slice(0, 70)), registry: [] });
    assert.deepEqual([kept.removed, kept.elsewhere], [0, 10]);
    const pruned = await pushCorpus(store, { documents: items(next.slice(0, 70)), registry: [], prune: true });
    assert.deepEqual([pruned.removed, pruned.elsewhere], [10, 0]);
    for (const d of next.slice(70)) index.removeDocument(d.uri);
    assert.deepEqual(await fromStore(queries, { minShared: 2, limit: 4 }), fromMemory(index, queries, { minShared: 2, limit: 4 }));
    assert.equal((await store.status()).documents, 70);
  });

  test('registry entries keep their provenance; symbols and titles are searched', async () => {
    const entries = [...bundledRegistry().all()].filter((e) => e.provenance && e.symbol.startsWith('A/RES/79/')).slice(0, 40);
    assert.equal(entries.length, 40);
    await store.putRegistry(entries);
    const found = await store.registryEntries([entries[0]!.symbol.toLowerCase(), 'A/RES/1/999']);
    assert.deepEqual([...found.keys()], [entries[0]!.symbol.toLowerCase()]);
    assert.deepEqual(found.get(entries[0]!.symbol.toLowerCase()), entries[0]);
    assert.equal((await store.status()).registryEntries, 40);

    const session = await store.searchDocuments({ symbolPrefix: 'a/res/79/', limit: 500 });
    assert.deepEqual(session.map((hit) => hit.symbol).sort(), entries.map((e) => e.symbol).sort());
    assert.ok(session.every((hit) => !hit.hasText));
    const drafts = await store.searchDocuments({ symbolPrefix: 'A/80/L.', limit: 500 });
    assert.deepEqual(drafts.map((hit) => hit.symbol).sort(), pushed.slice(0, 70).map((d) => d.symbol!).filter((s) => s.startsWith('A/80/L.')).sort());
    assert.ok(drafts.every((hit) => hit.hasText));
    const withText = pushed.slice(0, 70).find((d) => d.symbol && d.title && d.title.split(' ').length > 4)!;
    const words = withText.title!.split(' ').filter((w) => w.length > 5).slice(0, 2).join(' ').toLowerCase();
    const byTitle = await store.searchDocuments({ titleWords: words, limit: 10 });
    assert.ok(byTitle.some((hit) => hit.symbol === withText.symbol && hit.title === withText.title), `"${words}" finds ${withText.symbol}`);
  });

  test('the login comes from ~/.pgpass or a service file; a URL holding a password is refused', async () => {
    const viaService = new PgCorpusStore(corpusServerConnection('service=team', INTERACTIVE_TIMEOUTS, env));
    assert.equal((await viaService.status()).state, 'ready');
    await viaService.close();
    const viaEnv = new PgCorpusStore(corpusServerConnection('', INTERACTIVE_TIMEOUTS, { PGHOST: '127.0.0.1', PGPORT: String(server.port), PGUSER: server.user, PGDATABASE: server.database, PGPASSWORD: server.password, HOME: env.HOME! }));
    assert.equal((await viaEnv.status()).documents, 70);
    await viaEnv.close();
    assert.throws(() => corpusServerConnection(server.url, INTERACTIVE_TIMEOUTS, env), (error: Error) => error instanceof CorpusServerConfigError && /password/.test(error.message) && !error.message.includes(server.password));
    const wrong = new PgCorpusStore(corpusServerConnection(`postgres://${server.user}@127.0.0.1:${server.port}/${server.database}`, INTERACTIVE_TIMEOUTS, { HOME: env.HOME!, PGPASSWORD: 'wrong' }));
    await assert.rejects(wrong.generation(), (error: Error) => error instanceof StoreUnavailableError && /login refused/.test(error.message));
    await wrong.close();
    // ~/.pgpass names the corpus database only: no password for another.
    const nopass = new PgCorpusStore(corpusServerConnection(`postgres://${server.user}@127.0.0.1:${server.port}/postgres`, INTERACTIVE_TIMEOUTS, env));
    await assert.rejects(nopass.generation(), /asks for a password and none was found .* in PGPASSWORD, the service file or ~\/\.pgpass/);
    await nopass.close();
    const empty = new PgCorpusStore(corpusServerConnection(`postgres://${server.user}@127.0.0.1:${server.port}/postgres`, INTERACTIVE_TIMEOUTS, { ...env, PGPASSWORD: server.password }));
    await assert.rejects(empty.registryEntry('A/RES/79/1'), /holds no team corpus yet: load it with `compact-drafter corpus push/);
    await empty.close();
  });
});

describe('a corpus server that is slow', { skip }, () => {
  test('a query held up past the timeout is given up, said once, and the store answers again later', async () => {
    // Another session holds the texts' table: every read of it waits, as on an overloaded server.
    const blocker = new pg.Client({ connectionString: server.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE cd_documents IN ACCESS EXCLUSIVE MODE');
    let now = 0;
    const said: string[] = [];
    const slow = new PgCorpusStore(corpusServerConnection(`postgres://${server.user}@127.0.0.1:${server.port}/${server.database}`, { connectMs: 2000, queryMs: 500 }, env), { report: (m) => said.push(m), now: () => now });
    const started = Date.now();
    await assert.rejects(slow.document(pushedSymbol), (error: Error) => error instanceof StoreUnavailableError && /took longer than the timeout|no answer within the query timeout/.test(error.message));
    assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
    await assert.rejects(slow.documentText('x'), StoreUnavailableError);
    assert.equal(said.length, 1);
    await blocker.query('ROLLBACK');
    await blocker.end();
    // 30 s later (the store's clock), it is asked again and answers.
    now += 31_000;
    assert.equal((await slow.document(pushedSymbol))?.symbol, pushedSymbol);
    assert.match(said[1]!, /answering again/);
    await slow.close();
  });
});

describe('a corpus server that is down or does not answer', () => {
  test('nothing listening: refused at once, said once, not asked again for a while', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const said: string[] = [];
    const down = new PgCorpusStore(corpusServerConnection(`postgres://drafter@127.0.0.1:${port}/corpus`, INTERACTIVE_TIMEOUTS, { HOME: tmpdir() }), { report: (m) => said.push(m) });
    const started = Date.now();
    await assert.rejects(down.registryEntries(['A/RES/73/195']), (error: Error) => error instanceof StoreUnavailableError && /connection refused/.test(error.message));
    await assert.rejects(down.candidates([[1, 2, 3]]), StoreUnavailableError);
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
    assert.equal(said.length, 1);
    assert.match(said[0]!, /^team corpus postgres:\/\/drafter@127\.0\.0\.1:\d+\/corpus: nothing listens there \(connection refused\): is the server running\?; using the local corpus only \(asked again in 30 s\)$/);
    assert.equal((await down.status()).state, 'unavailable');
    await down.close();
  });

  test('a server that accepts and never answers: the connection timeout, not a hang', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const said: string[] = [];
    const store = new PgCorpusStore(corpusServerConnection(`postgres://drafter@127.0.0.1:${port}/corpus`, { connectMs: 500, queryMs: 500 }, { HOME: tmpdir() }), { report: (m) => said.push(m) });
    const started = Date.now();
    await assert.rejects(store.registryEntries(['A/RES/73/195']), (error: Error) => error instanceof StoreUnavailableError && /no answer within the connection timeout/.test(error.message));
    const waited = Date.now() - started;
    assert.ok(waited >= 400 && waited < 3000, `${waited} ms`);
    // Asked again at once: the store is known to be down; no second wait.
    const again = Date.now();
    await assert.rejects(store.document('A/RES/73/195'), StoreUnavailableError);
    assert.ok(Date.now() - again < 50);
    assert.equal(said.length, 1);
    assert.ok(sockets.length >= 1, 'the client did connect');
    await store.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });
});
