// compactDrafter.corpus.store and storePath apply when they change, over real LSP messages (issue
// #19): no restart. The server closes the store in use, indexes the corpus again in the new place
// and publishes the draft's diagnostics again, reused language included.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, startServer, type TestServer, waitFor } from './lspClient';

const text = readFileSync(join(ROOT, 'server', 'data', 'corpus', 'A-71-285-excerpt.txt'), 'utf8');
const uri = 'file:///tmp/drafts/A-71-285-excerpt.txt';
const dir = mkdtempSync(join(tmpdir(), 'cd-store-setting-'));
const stores = (name: string) => join(dir, name);
const lmdbFiles = (name: string) => (existsSync(stores(name)) ? readdirSync(stores(name)).filter((file) => file.endsWith('.lmdb')) : []);

describe('store settings change without a restart', () => {
  let server: TestServer;
  /** Publications of the draft's diagnostics holding the reuse finding, so far. */
  const reusePublications = () => (server.diagnostics.get(uri) ?? []).filter((p) => p.diagnostics.some((d) => d.code === 'altered-agreed-language')).length;
  const change = (corpus: object) => server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { compactDrafter: { corpus } } });

  before(async () => {
    server = await startServer({ initializationOptions: { draftOverrides: { [uri]: true }, settings: { corpus: { store: 'memory' } } } });
    await server.open(uri, text);
    await waitFor(() => (reusePublications() > 0 ? true : undefined), 30_000, 'the reuse finding with the index in memory');
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the index starts in memory', () => {
    assert.ok(server.logs.some((line) => /^reuse index: \d+ paragraphs of \d+ texts/.test(line)), server.logs.join('\n'));
    assert.deepEqual(lmdbFiles('a'), []);
  });

  test('store "embedded" with a storePath: the corpus is indexed in an LMDB file there and the draft checked again', async () => {
    const before = reusePublications();
    await change({ store: 'embedded', storePath: stores('a') });
    await waitFor(() => server.logs.find((line) => /^corpus store: \d+ paragraphs/.test(line) && line.includes(stores('a'))), 30_000, 'the store built in folder a');
    assert.equal(lmdbFiles('a').length, 1);
    await waitFor(() => (reusePublications() > before ? true : undefined), 30_000, 'the reuse finding published again');
  });

  test('another storePath: the store moves there', async () => {
    const before = reusePublications();
    await change({ store: 'embedded', storePath: stores('b') });
    await waitFor(() => server.logs.find((line) => /^corpus store: \d+ paragraphs/.test(line) && line.includes(stores('b'))), 30_000, 'the store built in folder b');
    assert.equal(lmdbFiles('b').length, 1);
    await waitFor(() => (reusePublications() > before ? true : undefined), 30_000, 'the reuse finding published again');
  });

  test('back to "memory": the index is built in memory again, the findings are the same', async () => {
    const findings = () => server.diagnostics.get(uri)!.at(-1)!.diagnostics.filter((d) => d.code === 'altered-agreed-language').map((d) => d.message);
    const inStore = findings();
    const before = reusePublications();
    const indexedInMemory = server.logs.filter((line) => /^reuse index: \d+ paragraphs/.test(line)).length;
    await change({ store: 'memory' });
    await waitFor(() => (server.logs.filter((line) => /^reuse index: \d+ paragraphs/.test(line)).length > indexedInMemory ? true : undefined), 30_000, 'the index built in memory again');
    await waitFor(() => (reusePublications() > before ? true : undefined), 30_000, 'the reuse finding published again');
    assert.deepEqual(findings(), inStore);
  });
});
