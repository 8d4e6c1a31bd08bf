// Ships lmdb, the embedded corpus store's engine (server/src/store/embedded/), beside the bundles:
// dist/node_modules/ holds the files lmdb loads at run time and the native binary of the platform
// the package is built on. esbuild cannot bundle it (a native N-API binary found next to lmdb's
// JavaScript by node-gyp-build), so server/src/store/embedded/lmdbModule.ts requires it at run time,
// and Node finds dist/node_modules/lmdb from dist/server.js. Without this copy the .vsix and the npm
// package carried no lmdb and every user's store fell back to memory (issue #19).
//
// Which files: those a store's operations actually load (require.cache after opening, writing and
// reading an LMDB file as the store does), found by running them, so a new lmdb version that needs
// another file is followed without editing a list here. Two exceptions, both to keep the package small:
//   - msgpackr-extract (an optional native accelerator of msgpack decoding) is left out: msgpackr
//     falls back to its JavaScript decoder, and the store decodes only small records with it;
//   - of the native binaries, the N-API one (node.napi.<libc>.node, 3.5 MB) is shipped, not the one
//     for this Node's ABI that lmdb prefers here: VS Code runs the server on Electron's Node, whose
//     ABI differs, and an N-API binary loads on both.
// The test test/package/vsix.test.ts unpacks the .vsix and opens a store from it with no other
// node_modules in reach.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Run in a child Node: what a store does with lmdb (store/embedded/lmdbStore.ts), then the files it loaded. */
const TRACE = `
const { mkdtempSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
const lmdb = require('lmdb');
const dir = mkdtempSync(join(tmpdir(), 'cd-vendor-lmdb-'));
try {
  const env = lmdb.open({ path: join(dir, 'trace.lmdb'), noSubdir: true, maxDbs: 8, compression: false, cache: false, noReadAhead: true });
  const meta = env.openDB('meta', { encoding: 'msgpack', cache: false });
  const units = env.openDB('units', { keyEncoding: 'uint32', encoding: 'binary', compression: false, cache: false });
  const texts = env.openDB('texts', { encoding: 'string', cache: false });
  env.transactionSync(() => { meta.putSync('meta', { n: 1 }); units.putSync(1, Buffer.from([1, 2])); texts.putSync('a', 'text'); });
  if (meta.get('meta').n !== 1 || !units.getBinaryFast(1) || [...texts.getRange()].length !== 1) throw new Error('lmdb did not read back what it wrote');
  env.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(Object.keys(require.cache)));
`;

/** The package folder (…/node_modules/name or …/node_modules/@scope/name) of a loaded file. */
function packageRoot(file) {
  const at = file.lastIndexOf(`${sep}node_modules${sep}`);
  if (at < 0) return undefined;
  const parts = file.slice(at + 14).split(sep);
  const depth = parts[0].startsWith('@') ? 2 : 1;
  return { root: file.slice(0, at + 14) + parts.slice(0, depth).join(sep), name: parts.slice(0, depth).join('/') };
}

function mainOf(root) {
  const main = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main ?? 'index.js';
  return /\.[cm]?js$/.test(main) ? main : `${main}.js`;
}

/** Copies lmdb's run-time files into `outDir`/node_modules; returns the packages copied. */
export function vendorLmdb(outDir = join(ROOT, 'dist')) {
  const loaded = JSON.parse(execFileSync(process.execPath, ['-e', TRACE], { cwd: ROOT, encoding: 'utf8' }));
  const target = join(outDir, 'node_modules');
  rmSync(target, { recursive: true, force: true });
  const packages = new Map();
  for (const file of loaded) {
    const where = packageRoot(file);
    if (!where || /(^|\/)msgpackr-extract/.test(where.name)) continue;
    let source = file;
    if (file.endsWith('.node')) {
      const libc = /\.(glibc|musl)\.node$/.exec(file)?.[1];
      const napi = join(dirname(file), `node.napi${libc ? `.${libc}` : ''}.node`);
      if (existsSync(napi)) source = napi;
    }
    // Its main file too: the platform package is found by resolving its name (an empty index.js).
    if (!packages.has(where.name)) packages.set(where.name, { root: where.root, files: new Set(['package.json', 'LICENSE', mainOf(where.root)]) });
    packages.get(where.name).files.add(relative(where.root, source));
  }
  if (!packages.has('lmdb')) throw new Error('vendor-lmdb: lmdb was not loaded from a node_modules folder');
  if (![...packages.values()].some((p) => [...p.files].some((f) => f.endsWith('.node')))) throw new Error('vendor-lmdb: no native binary of lmdb was loaded');
  for (const [name, { root, files }] of packages) {
    for (const file of files) {
      const from = join(root, file);
      if (!existsSync(from)) continue; // a package without a LICENSE file
      const to = join(target, ...name.split('/'), file);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
  }
  return [...packages.keys()].sort();
}

if (process.argv[1] && basename(process.argv[1]) === 'vendor-lmdb.mjs') {
  console.log(`dist/node_modules: ${vendorLmdb().join(', ')}`);
}
