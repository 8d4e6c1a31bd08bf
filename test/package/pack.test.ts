// `npm pack` gives what a Neovim, Emacs or Helix user installs (README: "Other editors"): the CLI and
// the language server, with one dependency: esbuild bundles every runtime library into dist/ except
// lmdb (the embedded store's engine, native), an optional dependency, so that npm installs the
// binary of the user's platform (a .vsix has to carry one, scripts/package.ts). Packed from this
// checkout (built by `npm test`), installed offline (lmdb from npm's cache, filled by `npm ci`) into
// a temporary prefix as a user would (`npm install -g` is the same with another prefix), then run.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Location, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { PDF_DIR } from '../import/shared';
import { positionOf, ROOT, startServer, waitFor } from '../protocol/lspClient';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

describe('npm pack: the CLI and the server for other editors', () => {
  let dir: string;
  let files: string[];
  let installed: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cd-pack-'));
    // --ignore-scripts: `npm test` has just built dist/; packing would otherwise build again.
    const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT)) as { filename: string; files: { path: string }[] }[];
    files = packed!.files.map((f) => f.path).sort();
    npm(['install', '--prefix', join(dir, 'prefix'), '--offline', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', join(dir, packed!.filename)], dir);
    installed = join(dir, 'prefix', 'node_modules');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the tarball holds the two commands, their bundles, the bundled corpus and the examples, nothing else', () => {
    const unexpected = files.filter(
      (path) => !/^(?:bin\/compact-drafter(?:-ls)?\.js|dist\/(?:cli|server)\.js|dist\/pdfjs\/pdf(?:\.worker)?\.min\.mjs|server\/data\/.+|examples\/(?:rounds\/)?[\w-]+\.md|README\.md|LICENSE|package\.json)$/.test(path),
    );
    assert.deepEqual(unexpected, []);
    for (const needed of ['bin/compact-drafter-ls.js', 'dist/server.js', 'dist/cli.js', 'dist/pdfjs/pdf.min.mjs', 'dist/pdfjs/pdf.worker.min.mjs', 'server/data/registry.json', 'server/data/corpus/A-68-283.md']) assert.ok(files.includes(needed), needed);
  });

  test("it installs offline with lmdb as its one dependency, and lmdb's binary of this platform alone", () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'compact-drafter', 'package.json'), 'utf8')) as { dependencies?: object; optionalDependencies?: Record<string, string> };
    assert.equal(manifest.dependencies, undefined, 'runtime libraries are bundled into dist/');
    assert.deepEqual(Object.keys(manifest.optionalDependencies ?? {}), ['lmdb']);
    const lmdbDependencies = Object.keys((JSON.parse(readFileSync(join(ROOT, 'node_modules', 'lmdb', 'package.json'), 'utf8')) as { dependencies: object }).dependencies);
    const top = readdirSync(installed).filter((name) => !name.startsWith('.'));
    // lmdb's dependencies (node-addon-api is for building it from source: npm installs it too).
    for (const name of ['compact-drafter', 'lmdb', ...lmdbDependencies.map((d) => d.split('/')[0]!)]) assert.ok(top.includes(name), `${name} in ${top.join(', ')}`);
    assert.deepEqual(readdirSync(join(installed, '@lmdb')), [`lmdb-${process.platform}-${process.arch}`]);
    assert.equal(existsSync(join(installed, 'compact-drafter', 'dist', 'node_modules')), false, 'no lmdb of the build machine inside the package');
    assert.ok(existsSync(join(installed, '.bin', 'compact-drafter-ls')));
  });

  test('the installed compact-drafter checks a draft', () => {
    const result = spawnSync(join(installed, '.bin', 'compact-drafter'), ['check', '--no-cache', join(installed, 'compact-drafter', 'examples', 'flagged-draft.md')], { encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /error no-such-paragraph: A\/68\/283 has no paragraph 150/);
  });

  test('the installed compact-drafter keeps a corpus in its embedded store (lmdb installed beside it)', () => {
    const stores = mkdtempSync(join(tmpdir(), 'cd-pack-store-'));
    try {
      const corpus = join(installed, 'compact-drafter', 'server', 'data', 'corpus');
      const draft = join(installed, 'compact-drafter', 'examples', 'flagged-draft.md');
      const result = spawnSync(join(installed, '.bin', 'compact-drafter'), ['reuse', '--store', 'embedded', '--store-dir', stores, '--corpus', corpus, '--no-cache', draft], { cwd: stores, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
      assert.equal(result.status, 0, result.stderr);
      assert.doesNotMatch(result.stderr, /could not load/);
      assert.equal(readdirSync(stores).filter((name) => name.endsWith('.lmdb')).length, 1, result.stderr);
    } finally {
      rmSync(stores, { recursive: true, force: true });
    }
  });

  // Where npm has no lmdb binary for the platform (its install fails, and npm skips an optional
  // dependency that fails), or the user installs with --omit=optional: the CLI says so and keeps
  // the index in memory.
  test('installed without lmdb, compact-drafter says the store is unavailable and answers from memory', () => {
    const prefix = join(dir, 'prefix-without-lmdb');
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'))!;
    npm(['install', '--prefix', prefix, '--offline', '--omit=dev', '--omit=optional', '--ignore-scripts', '--no-audit', '--no-fund', join(dir, tarball)], dir);
    assert.deepEqual(readdirSync(join(prefix, 'node_modules')).filter((name) => !name.startsWith('.')), ['compact-drafter']);
    const stores = mkdtempSync(join(tmpdir(), 'cd-pack-store-'));
    try {
      const root = join(prefix, 'node_modules', 'compact-drafter');
      const result = spawnSync(join(prefix, 'node_modules', '.bin', 'compact-drafter'), ['reuse', '--store', 'embedded', '--store-dir', stores, '--corpus', join(root, 'server', 'data', 'corpus'), '--no-cache', join(root, 'examples', 'flagged-draft.md')], { cwd: stores, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, /corpus store: the embedded store's engine \(lmdb\) could not load: Cannot find module 'lmdb'; the reuse index is kept in memory/);
      assert.ok(Array.isArray((JSON.parse(result.stdout) as { matches: unknown[] }).matches));
      assert.deepEqual(readdirSync(stores), []);
    } finally {
      rmSync(stores, { recursive: true, force: true });
    }
  });

  test('the installed compact-drafter imports an official PDF with the pdf.js it ships (dist/pdfjs)', () => {
    const out = mkdtempSync(join(tmpdir(), 'cd-pack-import-'));
    try {
      const result = spawnSync(join(installed, '.bin', 'compact-drafter'), ['import', '--out', out, join(PDF_DIR(), 'A_RES_80_85.pdf')], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.match(readFileSync(join(out, 'A-RES-80-85.md'), 'utf8'), /\n1\. Reaffirms that, in the absence of a decision/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('the installed compact-drafter-ls serves diagnostics and goes to definition into its own bundled text', async () => {
    const server = await startServer({ serverBin: join(installed, '.bin', 'compact-drafter-ls') });
    try {
      const example = join(installed, 'compact-drafter', 'examples', 'draft-resolution.md');
      const text = readFileSync(example, 'utf8');
      const uri = pathToFileURL(example).href;
      await server.open(uri, text);
      const published = await waitFor(() => server.diagnostics.get(uri)?.at(-1), 10_000, 'diagnostics') as PublishDiagnosticsParams;
      assert.ok(published.diagnostics.some((d) => d.code === 'superseded'));
      const [location] = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'A/68/283, para. 115', 2) })) as Location[];
      assert.equal(fileURLToPath(location!.uri), join(installed, 'compact-drafter', 'server', 'data', 'corpus', 'A-68-283.md'));
    } finally {
      await server.stop();
    }
  });
});
