// Ships lmdb, the embedded corpus store's engine (server/src/store/embedded/), inside a .vsix:
// `dist/node_modules/` of the package holds the files lmdb loads at run time and the native binary
// of the package's target platform (scripts/package.ts calls this once per target, in a staging
// folder). esbuild cannot bundle lmdb (a native N-API binary found next to its JavaScript by
// node-gyp-build), so server/src/store/embedded/lmdbModule.ts requires it at run time, and Node
// finds dist/node_modules/lmdb from dist/server.js. Without this copy the .vsix carried no lmdb and
// every user's store fell back to memory (issue #19). The npm package needs none of this: it
// depends on lmdb, and npm installs the platform's binary (README, "Scale").
//
// Which files: those a store's operations actually load (require.cache after opening, writing and
// reading an LMDB file as the store does), found by running them, so a new lmdb version that needs
// another file is followed without editing a list here. lmdb's JavaScript is the same on every
// platform (one bundled file); only its platform package differs, and that one is taken from the
// target's prebuilt (scripts/lmdb-prebuilds.ts), not from what this machine loaded. Left out:
//   - msgpackr-extract (an optional native accelerator of msgpack decoding): msgpackr falls back to
//     its JavaScript decoder, and the store decodes only small records with it;
//   - of the native binaries, all but the N-API one of the target (node.napi[.<libc>].node, 1-3.5 MB):
//     VS Code runs the server on Electron's Node, whose ABI differs from any Node's, and an N-API
//     binary loads on both.
// test/package/vsix.test.ts unpacks the .vsix and opens a store from it with no other node_modules
// in reach; test/package/platforms.test.ts reads each target's binary header.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Prebuilt } from './lmdb-prebuilds';

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
function packageRoot(file: string): { root: string; name: string } | undefined {
  const at = file.lastIndexOf(`${sep}node_modules${sep}`);
  if (at < 0) return undefined;
  const parts = file.slice(at + 14).split(sep);
  const depth = parts[0]!.startsWith('@') ? 2 : 1;
  return { root: file.slice(0, at + 14) + parts.slice(0, depth).join(sep), name: parts.slice(0, depth).join('/') };
}

function mainOf(root: string): string {
  const main = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main?: string }).main ?? 'index.js';
  return /\.[cm]?js$/.test(main) ? main : `${main}.js`;
}

/** Writes lmdb's run-time files and `prebuilt`'s platform package into `outDir`/node_modules; returns the packages written. */
export function vendorLmdb(outDir: string, prebuilt: Prebuilt): string[] {
  const loaded = JSON.parse(execFileSync(process.execPath, ['-e', TRACE], { cwd: ROOT, encoding: 'utf8' })) as string[];
  const target = join(outDir, 'node_modules');
  rmSync(target, { recursive: true, force: true });
  const packages = new Map<string, { root: string; files: Set<string> }>();
  for (const file of loaded) {
    const where = packageRoot(file);
    // This machine's platform package is replaced by the target's below.
    if (!where || /(^|\/)msgpackr-extract/.test(where.name) || where.name.startsWith('@lmdb/')) continue;
    if (file.endsWith('.node')) throw new Error(`vendor-lmdb: ${where.name} loaded a native binary of this machine (${file}); it would not run on other platforms`);
    // Its main file too, which a package is found by.
    if (!packages.has(where.name)) packages.set(where.name, { root: where.root, files: new Set(['package.json', 'LICENSE', mainOf(where.root)]) });
    packages.get(where.name)!.files.add(relative(where.root, file));
  }
  if (!packages.has('lmdb')) throw new Error('vendor-lmdb: lmdb was not loaded from a node_modules folder');
  for (const [name, { root, files }] of packages) {
    for (const file of files) {
      const from = join(root, file);
      if (!existsSync(from)) continue; // a package without a LICENSE file
      const to = join(target, ...name.split('/'), file);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
  }
  for (const [file, bytes] of prebuilt.files) {
    const to = join(target, ...prebuilt.name.split('/'), file);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, bytes);
  }
  return [...packages.keys(), prebuilt.name].sort();
}
