// `npm pack` gives what a Neovim, Emacs or Helix user installs (README: "Other editors"): the CLI and
// the language server, with no dependencies at all, since esbuild bundles every runtime library into
// dist/, except lmdb (the embedded store's engine, native), whose run-time files dist/node_modules holds. Packed from this checkout (built by `npm test`), installed offline into a temporary prefix
// as a user would (`npm install -g` is the same with another prefix), then run from there.
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
      (path) => !/^(?:bin\/compact-drafter(?:-ls)?\.js|dist\/(?:cli|server)\.js|dist\/node_modules\/.+|dist\/pdfjs\/pdf(?:\.worker)?\.min\.mjs|server\/data\/.+|examples\/(?:rounds\/)?[\w-]+\.md|README\.md|LICENSE|package\.json)$/.test(path),
    );
    assert.deepEqual(unexpected, []);
    for (const needed of ['bin/compact-drafter-ls.js', 'dist/server.js', 'dist/cli.js', 'dist/pdfjs/pdf.min.mjs', 'dist/pdfjs/pdf.worker.min.mjs', 'server/data/registry.json', 'server/data/corpus/A-68-283.md', 'dist/node_modules/lmdb/package.json']) assert.ok(files.includes(needed), needed);
  });

  test('it installs offline with no dependencies: only the package itself lands in node_modules', () => {
    assert.deepEqual(readdirSync(installed).filter((name) => !name.startsWith('.')), ['compact-drafter']);
    const manifest = JSON.parse(readFileSync(join(installed, 'compact-drafter', 'package.json'), 'utf8')) as { dependencies?: object };
    assert.equal(manifest.dependencies, undefined, 'runtime libraries are bundled into dist/');
    assert.ok(existsSync(join(installed, '.bin', 'compact-drafter-ls')));
  });

  test('the installed compact-drafter checks a draft', () => {
    const result = spawnSync(join(installed, '.bin', 'compact-drafter'), ['check', '--no-cache', join(installed, 'compact-drafter', 'examples', 'flagged-draft.md')], { encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /error no-such-paragraph: A\/68\/283 has no paragraph 150/);
  });

  test('the installed compact-drafter keeps a corpus in its embedded store (lmdb shipped in dist/node_modules)', () => {
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
