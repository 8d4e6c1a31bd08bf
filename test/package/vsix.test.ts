// The .vsix a VS Code user installs carries the embedded store's engine (issue #19): lmdb's
// JavaScript and its platform's native binary in dist/node_modules (scripts/package.ts, one package
// per platform). Before, the package had none, and every user's store silently fell back to memory.
// The package for this machine's platform (linux-x64 on CI), packed from this checkout's dist/
// (built by `npm test`), unpacked into a temporary folder, and the language server of the unpacked
// extension started with no node_modules in reach (a clean NODE_PATH, a folder outside the
// repository): it must build its corpus store in an LMDB file, not in memory. The universal package,
// which VS Code installs on any other platform, must say once that the index stays in memory.
// The other platforms' packages are checked in platforms.test.ts (they cannot run here).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { hostTarget } from '../../scripts/lmdb-prebuilds';
import { describeNativeBinary } from '../../scripts/native-binary';
import { packageTarget, UNIVERSAL } from '../../scripts/package';
import { startServer, waitFor, type TestServer } from '../protocol/lspClient';
import { sharedPath } from '../sharedData';

/** Packs `target` into `dir` and unpacks it there; returns the unpacked extension folder and the packed files. */
async function packAndUnpack(target: string, dir: string): Promise<{ extension: string; names: string[]; zip: JSZip }> {
  const { out } = await packageTarget(target, join(dir, `compact-drafter-${target}.vsix`));
  const zip = await JSZip.loadAsync(readFileSync(out));
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  for (const name of names) {
    const to = join(dir, 'unpacked', name);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, await zip.files[name]!.async('nodebuffer'));
  }
  return { extension: join(dir, 'unpacked', 'extension'), names, zip };
}

/** The unpacked extension's own server, with nothing but its folder to require from, its corpus in an embedded store. */
const startUnpackedServer = (extension: string, dir: string, storePath: string): Promise<TestServer> =>
  startServer({
    serverBin: join(extension, 'dist', 'server.js'),
    workspaceFolder: join(dir, 'workspace'),
    env: { NODE_PATH: '' },
    initializationOptions: { cacheDir: join(dir, 'cache'), settings: { corpus: { paths: ['corpus'], store: 'embedded', storePath } } },
  });

/** Five real GA documents as the workspace corpus (the bundled corpus alone is below any store's interest). */
function writeCorpus(dir: string): void {
  const corpus = join(dir, 'workspace', 'corpus');
  mkdirSync(corpus, { recursive: true });
  const texts = readFileSync(sharedPath('un-documents', 'texts.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 5);
  for (const line of texts) {
    const { symbol, title, text } = JSON.parse(line) as { symbol: string; title: string; text: string };
    writeFileSync(join(corpus, `${symbol.replace(/\//g, '-')}.md`), `---\nsymbol: ${symbol}\ntitle: ${JSON.stringify(title)}\n---\n${text}\n`);
  }
}

const host = hostTarget();

describe(`the .vsix for this platform (${host ?? 'none'}) carries lmdb`, { skip: host ? false : `lmdb has no binary for ${process.platform}-${process.arch}` }, () => {
  let dir: string;
  let extension: string;
  let names: string[];
  let zip: JSZip;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cd-vsix-'));
    ({ extension, names, zip } = await packAndUnpack(host!, dir));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("lmdb, its dependencies and one native binary, this platform's, are packaged", async () => {
    const packaged = names.filter((name) => name.startsWith('extension/dist/node_modules/'));
    assert.ok(packaged.includes('extension/dist/node_modules/lmdb/package.json'), packaged.join('\n'));
    assert.ok(packaged.includes('extension/dist/node_modules/msgpackr/package.json'), packaged.join('\n'));
    const binaries = names.filter((name) => name.endsWith('.node'));
    assert.equal(binaries.length, 1, binaries.join('\n'));
    assert.match(binaries[0]!, new RegExp(`^extension/dist/node_modules/@lmdb/lmdb-${process.platform}-${process.arch}/node\\.napi(\\.\\w+)?\\.node$`));
    const header = describeNativeBinary(await zip.file(binaries[0]!)!.async('nodebuffer'));
    assert.deepEqual([header?.os, header?.arch], [process.platform, process.arch]);
  });

  test('the unpacked extension requires lmdb from its own folder and opens a database', () => {
    const script = `
      const { createRequire } = require('node:module');
      const load = createRequire(${JSON.stringify(join(extension, 'dist', 'server.js'))});
      const lmdb = load('lmdb');
      const env = lmdb.open({ path: ${JSON.stringify(join(dir, 'probe.lmdb'))}, noSubdir: true });
      env.putSync('k', { v: 1 });
      process.stdout.write(JSON.stringify({ value: env.get('k'), from: load.resolve('lmdb') }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: dir, env: { PATH: process.env.PATH ?? '', NODE_PATH: '' }, encoding: 'utf8' })) as { value: unknown; from: string };
    assert.deepEqual(out.value, { v: 1 });
    assert.ok(out.from.startsWith(join(extension, 'dist', 'node_modules', 'lmdb')), out.from);
  });

  test("the unpacked extension's server keeps the corpus in its embedded store", async () => {
    writeCorpus(dir);
    const storeDir = join(dir, 'stores');
    let server: TestServer | undefined;
    try {
      server = await startUnpackedServer(extension, dir, storeDir);
      const line = await waitFor(() => server!.logs.find((l) => /^corpus store: (\d+) paragraphs of \d+ texts in /.test(l) || /lmdb\) could not load/.test(l)), 60_000, 'the corpus store in the log');
      assert.match(line, /^corpus store: \d+ paragraphs of \d+ texts in .*\.lmdb/, server.logs.join('\n'));
      assert.equal(readdirSync(storeDir).filter((name) => name.endsWith('.lmdb')).length, 1);
    } finally {
      await server?.stop();
    }
  });
});

// What a user of a platform without a package of its own gets (FreeBSD, Linux on s390x or ppc64, …):
// the universal .vsix, whose server cannot load lmdb. Runs on any machine, CI included.
describe('the universal .vsix, for every other platform', () => {
  let dir: string;
  let extension: string;
  let names: string[];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cd-vsix-universal-'));
    ({ extension, names } = await packAndUnpack(UNIVERSAL, dir));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('its server says once, in the log and to the user, that the index stays in memory, and keeps working', async () => {
    assert.deepEqual(names.filter((name) => name.includes('/node_modules/')), []);
    writeCorpus(dir);
    let server: TestServer | undefined;
    try {
      server = await startUnpackedServer(extension, dir, join(dir, 'stores'));
      const saidInMemory = () => server!.logs.filter((line) => /^reuse index: \d+ paragraphs/.test(line)).length;
      await waitFor(() => (saidInMemory() ? true : undefined), 60_000, 'the index built in memory');
      // A corpus reload indexes again: the store is not tried, nor the failure said, a second time.
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [] });
      await waitFor(() => (server!.logs.some((line) => /^reuse index: updated/.test(line)) ? true : undefined), 60_000, 'the index updated after the reload');
      const said = /^corpus store: the embedded store's engine \(lmdb\) could not load: Cannot find module 'lmdb'.*; the reuse index is kept in memory$/s;
      assert.equal(server.logs.filter((line) => said.test(line)).length, 1, server.logs.join('\n'));
      assert.deepEqual(server.messages.map((m) => [m.type, said.test(m.message)]), [[2, true]]);
    } finally {
      await server?.stop();
    }
  });
});
