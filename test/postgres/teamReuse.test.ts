// The language server's reused-language findings and hover from the whole team corpus, over stdio
// against a real PostgreSQL (pgServer.ts): a draft adapting a paragraph that only the team database
// holds (a text the draft does not cite, so it is never fetched into the local corpus) gets the
// finding, and the hover names where the text comes from. A push that takes the text out is seen
// by the open draft. Then the database is stopped: an edit of the draft gets its local findings at
// once, the team's are gone, and the outage is said once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { parseDraft } from '../../server/src/parse';
import { corpusServerConnection, PUSH_TIMEOUTS } from '../../server/src/store/postgres/connection';
import { PgCorpusStore } from '../../server/src/store/postgres/pgStore';
import { pushCorpus } from '../../server/src/store/postgres/push';
import { teamTextUri } from '../../server/src/store/postgres/teamCorpus';
import { PUSH_CHECK_MS } from '../../server/src/store/postgres/teamLayer';
import { ROOT, startServer, waitFor, type TestServer } from '../protocol/lspClient';
import { postgresSkipReason, startTestPostgres, type TestPostgres } from './pgServer';
import { realDocuments } from './realTexts';

const skip = postgresSkipReason();
let database: TestPostgres | undefined;
let url = '';
const servers: TestServer[] = [];
const TEAM_SYMBOL = 'A/RES/79/175';

before(async () => {
  if (skip) return;
  database = await startTestPostgres();
  url = `postgres://${database.user}@127.0.0.1:${database.port}/${database.database}`;
  const store = new PgCorpusStore(corpusServerConnection(url, PUSH_TIMEOUTS, { PGPASSWORD: database.password }), { migrate: true, pushedFrom: 'test' });
  const documents = realDocuments().filter((d) => d.symbol === TEAM_SYMBOL);
  await pushCorpus(store, { documents: documents.map((document) => ({ id: teamTextUri('A-RES-79-175.md'), uri: teamTextUri('A-RES-79-175.md'), document })), registry: [] });
  await store.close();
});
after(async () => {
  for (const server of servers) await server.stop();
  await database?.stop();
});

/** A paragraph of at least 40 words, one word in its middle changed: adapted, not repeated. */
function adapted(paragraphs: readonly { label: string; text: string }[], label: string): string {
  const words = paragraphs.find((p) => p.label === label)!.text.replace(/\s+/g, ' ').trim().split(' ');
  assert.ok(words.length >= 40, `paragraph ${label}: ${words.length} words`);
  words[Math.floor(words.length / 2)] = 'notwithstanding';
  return words.join(' ');
}

const fromTeam = () => adapted(realDocuments().find((d) => d.symbol === TEAM_SYMBOL)!.model.paragraphs, '9');
// The Global Compact is bundled: the local index finds this one.
const fromBundled = () => adapted(parseDraft(readFileSync(join(ROOT, 'server', 'data', 'corpus', 'A-RES-73-195.md'), 'utf8')).paragraphs, '15');

const findings = (server: TestServer, uri: string, version: number, source: RegExp) =>
  (server.diagnostics.get(uri) ?? []).filter((p) => p.version === version).flatMap((p) => p.diagnostics as (Diagnostic & { message: string })[]).filter((d) => d.code === 'altered-agreed-language' && source.test(d.message));

test('reused language only the team database holds is found in the editor; a stopped database leaves the local findings and one message', { skip }, async () => {
  const draft = `The General Assembly,\n\n1. ${fromTeam()}\n\n2. ${fromBundled()}\n`;
  const server = await startServer({ initializationOptions: { settings: { corpus: { paths: [], server: url } } }, env: { PGPASSWORD: database!.password } });
  servers.push(server);
  const uri = 'file:///tmp/team-reuse.md';
  await server.open(uri, draft, 1);
  const [team] = await waitFor(() => findings(server, uri, 1, /^Adapted from A\/RES\/79\/175, paragraph 9 /).length ? findings(server, uri, 1, /A\/RES\/79\/175/) : undefined, 20_000, 'the team finding');
  assert.match(team!.message, /\(\d+ % the same\): 1 word changed/);
  // The local index's finding too, once it is built (the corpus warm-up).
  await waitFor(() => findings(server, uri, 1, /^Adapted from A\/RES\/73\/195/).length || undefined, 20_000, 'the local finding');

  // The hover over the adapted paragraph names the team's text and where it comes from.
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 10 } })) as Hover | null;
  const markdown = (hover?.contents as MarkupContent | undefined)?.value ?? '';
  assert.match(markdown, /\*\*Agreed language\*\* from A\/RES\/79\/175, paragraph 9/);
  assert.match(markdown, new RegExp(`Text from the team corpus at 127\\.0\\.0\\.1:${database!.port}/corpus`));

  // A push takes the text out of the team corpus (`corpus push --prune`): the next edit, past the
  // 10 s between checks of the store's generation, forgets what the session kept and the finding goes.
  const writer = new PgCorpusStore(corpusServerConnection(url, PUSH_TIMEOUTS, { PGPASSWORD: database!.password }));
  assert.equal(await writer.removeDocuments([teamTextUri('A-RES-79-175.md')]), 1);
  await writer.close();
  await new Promise((resolve) => setTimeout(resolve, PUSH_CHECK_MS + 500));
  const withPreamble = draft.replace('The General Assembly,', 'The General Assembly,\n\nRecalling its earlier work,');
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: withPreamble }] });
  await waitFor(() => {
    const published = (server.diagnostics.get(uri) ?? []).at(-1);
    return published?.version === 2 && findings(server, uri, 2, /^Adapted from A\/RES\/73\/195/).length && !published.diagnostics.some((d) => /A\/RES\/79\/175/.test(String(d.message))) ? true : undefined;
  }, 20_000, 'the team finding gone after the push');

  // The database goes away. Edits of the team's paragraph (the paragraphs left alone are answered
  // from what the session kept) get their diagnostics from the local layers, at once; the outage is said once.
  await database!.stop();
  const outage = () => server.logs.filter((line) => /team corpus postgres:\/\/drafter@127\.0\.0\.1:\d+\/corpus: .*; using the local corpus only/.test(line));
  for (const [version, word] of [[3, 'nevertheless'], [4, 'however'], [5, 'moreover']] as const) {
    const edited = draft.replace('notwithstanding', word);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited }] });
    await waitFor(() => findings(server, uri, version, /^Adapted from A\/RES\/73\/195/).length || undefined, 10_000, `the local finding of version ${version}`);
    await waitFor(() => outage().length || undefined, 10_000, 'the outage in the log');
    assert.equal(findings(server, uri, version, /A\/RES\/79\/175/).length, 0);
  }
  assert.equal(outage().length, 1, server.logs.join('\n'));
});
