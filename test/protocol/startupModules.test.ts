// What the built server loads before its first diagnostics: the PostgreSQL driver (pg) only when a
// team corpus is configured (compactDrafter.corpus.server). pg is bundled into dist/server.js, so
// its loading is seen through the variable it reads as its module is evaluated (envReads.cjs,
// preloaded into the server); the second test, with a team corpus, shows that the probe sees it.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startServer, waitFor, type TestServer } from './lspClient';

const PG_LOADED = 'NODE_PG_FORCE_NATIVE';
const probeDir = mkdtempSync(join(tmpdir(), 'cd-env-reads-'));
const servers: TestServer[] = [];
after(async () => {
  for (const server of servers) await server.stop();
  rmSync(probeDir, { recursive: true, force: true });
});

/** A server with the probe, and the file where it writes the watched variables the server read. */
async function probedServer(name: string, settings: object): Promise<{ server: TestServer; reads: () => string[] }> {
  const file = join(probeDir, name);
  const server = await startServer({
    nodeArgs: ['--require', join(__dirname, 'envReads.cjs')],
    env: { CD_ENV_READS_FILE: file, CD_ENV_READS_WATCH: PG_LOADED },
    initializationOptions: { settings },
  });
  servers.push(server);
  return { server, reads: () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []) };
}

const DRAFT = '---\ncompact-drafter: draft\n---\n\nRecalling its resolution 73/195 of 19 December 2018, paragraph 99,\n';

/** A port nothing listens on: a team corpus there is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('without a team corpus, pg is not loaded by the first diagnostics', async () => {
  const { server, reads } = await probedServer('no-team', { corpus: { paths: [] } });
  const uri = 'file:///tmp/startup-draft.md';
  await server.open(uri, DRAFT);
  const [published] = await waitFor(() => server.diagnostics.get(uri), 30_000, 'the first diagnostics');
  assert.ok(published!.diagnostics.some((d) => /paragraph 99/i.test(String(d.message))), 'the draft was checked against the bundled corpus');
  assert.deepEqual(reads(), []);
});

test('with a team corpus, pg is loaded for it (the probe sees it)', async () => {
  const url = `postgres://nobody@127.0.0.1:${await closedPort()}/none`;
  const { server, reads } = await probedServer('team', { corpus: { paths: [], server: url } });
  await waitFor(() => server.logs.find((line) => line.includes('using the local corpus only')), 30_000, 'the team corpus refused');
  assert.deepEqual(reads(), [PG_LOADED]);
});
