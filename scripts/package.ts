// `npm run package` / `npm run package:all`: one .vsix per platform, as the Marketplace serves them
// (`vsce package --target T`), each carrying lmdb with exactly its platform's native binary, and a
// universal one without lmdb for every other platform (issue #19).
//   npm run package                      the target of this machine (linux-x64 on CI)
//   npm run package -- --target darwin-arm64 [--target …]
//   npm run package -- --target universal
//   npm run package:all                  every target of scripts/lmdb-prebuilds.ts, and universal
// Options: --out-dir DIR (default dist-packages/), --out FILE (one target), --no-build (package the
// dist/ there is; the default builds the production bundles first).
// Writes DIR/compact-drafter-<target>.vsix. Missing platform packages are fetched from the npm
// registry (`npm run lmdb:fetch`, checked against package-lock.json); this machine's comes from
// node_modules.
//
// Each target is packed from its own staging folder (the manifest, README, LICENSE, .vscodeignore and
// the run-time files, then lmdb for that target in dist/node_modules), never from the checkout: the
// checkout's dist/ is what the tests and the interop suite run, and several targets are packed at once.
// The universal package has no dist/node_modules at all: its server cannot load lmdb and says once,
// in the output and as a warning, that the reuse index is kept in memory (as a .vsix did before).
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fetchPrebuilds, hostTarget, readPrebuilt, TARGETS } from './lmdb-prebuilds';
import { vendorLmdb } from './vendor-lmdb';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const UNIVERSAL = 'universal';
export const ALL_TARGETS = [...Object.keys(TARGETS), UNIVERSAL];

/** What vsce reads: the manifest and what .vscodeignore lets through (it still decides what is packed). */
const STAGED = ['package.json', 'README.md', 'LICENSE', '.vscodeignore', 'dist', 'server/data', 'media', 'snippets', 'examples/flagged-draft.md'];

/** Packs `target` (a key of TARGETS, or 'universal') from `root`'s dist/ into `out`; returns what it shipped of lmdb. */
export async function packageTarget(target: string, out: string, root = ROOT): Promise<{ out: string; lmdb: string }> {
  if (target !== UNIVERSAL && !TARGETS[target]) throw new Error(`unknown target ${target}: one of ${ALL_TARGETS.join(', ')}`);
  const prebuilt = target === UNIVERSAL ? undefined : readPrebuilt(target);
  if (target !== UNIVERSAL && !prebuilt) throw new Error(`lmdb's binary for ${target} is not fetched: run npm run lmdb:fetch`);
  const stage = mkdtempSync(join(tmpdir(), `cd-package-${target}-`));
  try {
    for (const path of STAGED) {
      cpSync(join(root, path), join(stage, path), {
        recursive: true,
        // The checkout's dist/ holds source maps, the CLI and (from older builds) a node_modules of its own.
        filter: (from) => !/^dist[\\/](node_modules|cli\.js|.*\.map$)/.test(relative(root, from)),
      });
    }
    if (prebuilt) vendorLmdb(join(stage, 'dist'), prebuilt);
    mkdirSync(dirname(out), { recursive: true });
    const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    // --no-dependencies: everything else is bundled into dist/ by esbuild.
    await promisify(execFile)(process.execPath, [vsce, 'package', '--no-dependencies', ...(prebuilt ? ['--target', target] : []), '--out', resolve(out)], { cwd: stage });
    return { out, lmdb: prebuilt ? `${prebuilt.name}@${prebuilt.version} ${[...prebuilt.files.keys()].find((f) => f.endsWith('.node'))}` : 'none' };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

export function packagePath(target: string, outDir = join(ROOT, 'dist-packages')): string {
  return join(outDir, `compact-drafter-${target}.vsix`);
}

/** Packs each of `targets` to `outFor(target)`, two at a time (vsce mostly waits on zip and disk); calls `done` as each is written. */
export async function packageTargets(targets: string[], outFor: (target: string) => string, done: (target: string, packed: { out: string; lmdb: string }) => void | Promise<void> = () => {}): Promise<void> {
  const queue = [...targets];
  const worker = async () => {
    for (let target = queue.shift(); target; target = queue.shift()) await done(target, await packageTarget(target, outFor(target)));
  };
  await Promise.all([worker(), worker()]);
}

async function main(args: string[]): Promise<void> {
  const values = (flag: string) => args.flatMap((arg, i) => (args[i - 1] === flag ? [arg] : []));
  const all = args.includes('--all');
  const targets = all ? ALL_TARGETS : values('--target');
  if (!targets.length) {
    const host = hostTarget();
    if (!host) throw new Error(`lmdb has no binary for ${process.platform}-${process.arch}: name a --target`);
    targets.push(host);
  }
  const outDir = resolve(values('--out-dir')[0] ?? join(ROOT, 'dist-packages'));
  const out = values('--out')[0];
  if (out && targets.length > 1) throw new Error('--out names one package: give one --target');
  // package:check checks every .vsix there: none left from another version or a target since dropped.
  if (all) for (const name of existsSync(outDir) ? readdirSync(outDir) : []) if (/^compact-drafter-[\w-]+\.vsix$/.test(name)) rmSync(join(outDir, name));
  if (!args.includes('--no-build')) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--production'], { cwd: ROOT, stdio: 'inherit' });
  const missing = targets.filter((t) => TARGETS[t] && !readPrebuilt(t));
  if (missing.length) fetchPrebuilds(missing, console.log);
  await packageTargets(targets, (target) => (out ? resolve(out) : packagePath(target, outDir)), (_, packed) => console.log(`${packed.out}: lmdb ${packed.lmdb}`));
}

if (process.argv[1] && basename(process.argv[1]) === 'package.ts') {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
