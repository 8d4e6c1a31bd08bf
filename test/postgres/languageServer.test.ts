// compactDrafter.corpus.server in the language server, spawned over stdio: a text only the team
// corpus holds (pushed to a real PostgreSQL, pgServer.ts) answers a drafter's hover; in Restricted
// Mode the server is not used; a server that is down is said once and the bundled corpus answers.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { corpusServerConnection, PUSH_TIMEOUTS } from '../../server/src/store/postgres/connection';
import { PgCorpusStore } from '../../server/src/store/postgres/pgStore';
import { pushCorpus } from '../../server/src/store/postgres/push';
import { teamTextUri } from '../../server/src/store/postgres/teamCorpus';
import { positionOf, startServer, waitFor, type TestServer } from '../protocol/lspClient';
import { postgresSkipReason, startTestPostgres, type TestPostgres } from './pgServer';
import { realDocuments } from './realTexts';

const skip = postgresSkipReason();
let database: TestPostgres | undefined;
let url = '';
const servers: TestServer[] = [];

before(async () => {
  if (skip) return;
  database = await startTestPostgres();
  url = `postgres://${database.user}@127.0.0.1:${database.port}/${database.database}`;
  const store = new PgCorpusStore(corpusServerConnection(url, PUSH_TIMEOUTS, { PGPASSWORD: database.password }), { migrate: true, pushedFrom: 'test' });
  const documents = realDocuments().filter((d) => d.symbol === 'A/RES/79/175');
  await pushCorpus(store, { documents: documents.map((document) => ({ id: teamTextUri('A-RES-79-175.md'), uri: teamTextUri('A-RES-79-175.md'), document })), registry: [] });
  await store.close();
});
after(async () => {
  for (const server of servers) await server.stop();
  await reader?.close();
  await database?.stop();
});

/** A reader of the test's team corpus (closed with the database). */
let reader: PgCorpusStore | undefined;
const teamStore = () => (reader ??= new PgCorpusStore(corpusServerConnection(url, PUSH_TIMEOUTS, { PGPASSWORD: database!.password })));

const TEXT = 'Recalling resolution 79/175, paragraph 3, and paragraph 21 of resolution 73/195.\n';

async function hover(server: TestServer, uri: string, needle: string): Promise<string> {
  const result = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, needle, 1) })) as Hover | null;
  return result ? (result.contents as MarkupContent).value : '';
}

test('a text only the team corpus holds answers the hover; not in Restricted Mode', { skip }, async () => {
  const settings = { corpus: { paths: [], server: url } };
  const server = await startServer({ initializationOptions: { settings }, env: { PGPASSWORD: database!.password } });
  servers.push(server);
  const uri = 'file:///tmp/team-draft.md';
  await server.open(uri, TEXT);
  // The text is fetched after the draft's first analysis; the hover then quotes its paragraph 3.
  const quoted = await waitFor(async () => ((await hover(server, uri, '79/175')).includes('Paragraph 3: “') ? hover(server, uri, '79/175') : undefined), 15_000, 'the team text in the hover');
  assert.match(quoted, /Paragraph 3: “/);
  // Go to definition, in an editor that cannot open compact-drafter-team: URIs: a read-only copy of
  // the team's text under the cache folder, at its paragraph 3.
  const [location] = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: positionOf(TEXT, 'paragraph 3', 1) })) as { uri: string; range: { start: { line: number } } }[];
  assert.match(location!.uri, /^file:\/\/\/.*\/compact-drafter\/team\/A-RES-79-175\.md$/);
  const copy = fileURLToPath(location!.uri);
  assert.equal(readFileSync(copy, 'utf8'), (await teamStore().documentText(teamTextUri('A-RES-79-175.md')))!);
  assert.equal(statSync(copy).mode & 0o777, 0o444);
  assert.match(readFileSync(copy, 'utf8').split('\n')[location!.range.start.line]!, /^\s*3\./);

  // VS Code's extension shows compact-drafter-team: itself (teamTextScheme): the team URI, its text through compactDrafter/corpusText.
  const vscodeLike = await startServer({ initializationOptions: { settings, teamTextScheme: true }, env: { PGPASSWORD: database!.password } });
  servers.push(vscodeLike);
  await vscodeLike.open(uri, TEXT);
  await waitFor(async () => ((await hover(vscodeLike, uri, '79/175')).includes('Paragraph 3: “') ? true : undefined), 15_000, 'the team text in the hover');
  const [teamLocation] = (await vscodeLike.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: positionOf(TEXT, 'paragraph 3', 1) })) as { uri: string; range: { start: { line: number } } }[];
  assert.equal(teamLocation?.uri, teamTextUri('A-RES-79-175.md'));
  const teamText = (await vscodeLike.connection.sendRequest('compactDrafter/corpusText', { uri: teamLocation!.uri })) as string | null;
  assert.match(teamText!.split('\n')[teamLocation!.range.start.line]!, /^\s*3\./);
  assert.ok(server.logs.some((line) => /team corpus: postgres:\/\/drafter@127\.0\.0\.1:\d+\/corpus \(compactDrafter\.corpus\.server\)/.test(line)), server.logs.join('\n'));

  const restricted = await startServer({ initializationOptions: { settings, trusted: false }, env: { PGPASSWORD: database!.password } });
  servers.push(restricted);
  await restricted.open(uri, TEXT);
  await waitFor(() => restricted.diagnostics.get(uri), 10_000, 'diagnostics');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.match(await hover(restricted, uri, '79/175'), /Paragraph 3: the text of this document is not in the corpus/);
  assert.ok(!restricted.logs.some((line) => line.includes('team corpus')), restricted.logs.join('\n'));
});

test('a corpus server that is down: said once, and the bundled corpus answers', async () => {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const server = await startServer({ initializationOptions: { settings: { corpus: { paths: [], server: `postgres://drafter@127.0.0.1:${port}/corpus` } } } });
  servers.push(server);
  const uri = 'file:///tmp/team-down.md';
  await server.open(uri, TEXT);
  assert.match(await hover(server, uri, '73/195'), /We commit to adapt options and pathways for regular migration/);
  const said = await waitFor(() => server.logs.filter((line) => /nothing listens there \(connection refused\).*using the local corpus only/.test(line)).length || undefined, 10_000, 'the outage in the log');
  assert.equal(said, 1);
});
