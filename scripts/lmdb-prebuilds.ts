// lmdb's prebuilt native binaries for each platform the extension is packaged for (issue #19).
// lmdb publishes one npm package per OS and CPU (@lmdb/lmdb-<os>-<arch>, its optionalDependencies);
// npm installs only the build machine's, so the others are fetched here with `npm pack` at the exact
// version of the installed lmdb, into .cache/lmdb-prebuilds/, and checked against the sha512 that
// package-lock.json records for them (every one is in the lockfile, as an optional dependency) each
// time they are read, not only when fetched. From a tarball only the package's manifest, its empty
// main file (lmdb finds the package by resolving its name) and the one N-API binary of the target
// are taken: the linux packages also hold binaries for two Node ABIs and the other C library.
//
// `npm run lmdb:fetch` fetches every platform's tarball (network: CI runs it before `npm test`;
// `npm run package:all` runs it too); the tests read only the cache, and skip a target whose tarball
// is missing. The build machine's own platform package needs no fetch: npm ci installed it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PREBUILDS_DIR = join(ROOT, '.cache', 'lmdb-prebuilds');

/** What each `vsce package --target` ships of lmdb: Node's OS and CPU names, the C library on Linux. */
export interface LmdbTarget {
  os: 'linux' | 'darwin' | 'win32';
  arch: 'x64' | 'arm64' | 'arm';
  libc?: 'glibc' | 'musl';
}

// VS Code's targets (vsce's list) that lmdb has a binary for. Alpine is Linux with musl: its binary
// is in the same @lmdb/lmdb-linux-<arch> package, which lmdb looks up by process.platform ('linux').
// linux-armhf is 32-bit ARM (Raspberry Pi OS), @lmdb/lmdb-linux-arm. No target for web (no Node).
export const TARGETS: Record<string, LmdbTarget> = {
  'linux-x64': { os: 'linux', arch: 'x64', libc: 'glibc' },
  'linux-arm64': { os: 'linux', arch: 'arm64', libc: 'glibc' },
  'linux-armhf': { os: 'linux', arch: 'arm', libc: 'glibc' },
  'alpine-x64': { os: 'linux', arch: 'x64', libc: 'musl' },
  'alpine-arm64': { os: 'linux', arch: 'arm64', libc: 'musl' },
  'darwin-x64': { os: 'darwin', arch: 'x64' },
  'darwin-arm64': { os: 'darwin', arch: 'arm64' },
  'win32-x64': { os: 'win32', arch: 'x64' },
  'win32-arm64': { os: 'win32', arch: 'arm64' },
};

/** The npm package holding a target's binary, and the binary's file name in it. */
export function platformPackage(target: LmdbTarget): { name: string; binary: string } {
  return { name: `@lmdb/lmdb-${target.os}-${target.arch}`, binary: `node.napi${target.libc ? `.${target.libc}` : ''}.node` };
}

/** The target of the machine this runs on, if lmdb has one. */
export function hostTarget(): string | undefined {
  const header = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  const libc = process.platform === 'linux' ? (header?.header?.glibcVersionRuntime ? 'glibc' : 'musl') : undefined;
  return Object.entries(TARGETS).find(([, t]) => t.os === process.platform && t.arch === process.arch && t.libc === libc)?.[0];
}

/** The installed lmdb's version, and the sha512 integrity package-lock.json records for `name` at it. */
function lockedPackage(name: string): { version: string; integrity: string } {
  const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'lmdb', 'package.json'), 'utf8')) as { version: string }).version;
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; integrity?: string }> };
  const entry = lock.packages[`node_modules/${name}`];
  if (!entry?.integrity || entry.version !== version) {
    throw new Error(`${name}@${version} is not in package-lock.json with an integrity (found ${entry?.version ?? 'nothing'}): run npm install so that the lockfile lists lmdb's platform packages`);
  }
  return { version, integrity: entry.integrity };
}

function tarballPath(name: string, version: string): string {
  return join(PREBUILDS_DIR, `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`);
}

/** Throws unless `file`'s digest is the one `integrity` (an SRI string, sha512-…) names. */
export function checkIntegrity(file: string, integrity: string): void {
  const [algorithm, expected] = integrity.split('-', 2) as [string, string];
  const actual = createHash(algorithm).update(readFileSync(file)).digest('base64');
  if (actual !== expected) throw new Error(`${basename(file)}: ${algorithm} ${actual} is not the ${expected} of package-lock.json`);
}

/** Fetches (npm pack) the tarball of every target's platform package not yet cached; returns their paths. */
export function fetchPrebuilds(targets: string[] = Object.keys(TARGETS), log: (line: string) => void = () => {}): string[] {
  mkdirSync(PREBUILDS_DIR, { recursive: true });
  const names = [...new Set(targets.map((t) => platformPackage(TARGETS[t]!).name))];
  return names.map((name) => {
    const { version, integrity } = lockedPackage(name);
    const file = tarballPath(name, version);
    if (existsSync(file)) {
      try {
        checkIntegrity(file, integrity);
      } catch (error) {
        log(`${(error as Error).message}: fetched again`);
        rmSync(file);
      }
    }
    if (!existsSync(file)) {
      const out = execFileSync('npm', ['pack', `${name}@${version}`, '--json', '--pack-destination', PREBUILDS_DIR], { cwd: PREBUILDS_DIR, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
      const [packed] = JSON.parse(out) as { filename: string }[];
      const fetched = join(PREBUILDS_DIR, packed!.filename);
      try {
        checkIntegrity(fetched, integrity);
      } catch (error) {
        rmSync(fetched, { force: true });
        throw error;
      }
      if (fetched !== file) renameSync(fetched, file);
      log(`fetched ${name}@${version} (${integrity.slice(0, 20)}…)`);
    }
    return file;
  });
}

/** The regular files of a .tgz, by path (npm's tarballs put everything under package/). */
function readTarball(file: string): Map<string, Buffer> {
  const tar = gunzipSync(readFileSync(file));
  const files = new Map<string, Buffer>();
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) => header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(0, 100);
    const type = field(156, 1);
    if (type === '0' || type === '') files.set(name, tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** A target's platform package as a .vsix ships it. */
export interface Prebuilt {
  /** @lmdb/lmdb-<os>-<arch> */
  name: string;
  version: string;
  /** package.json, index.js and the one binary, by path in the package. */
  files: Map<string, Buffer>;
  /** The tarball or installed folder they were read from. */
  from: string;
}

/** A target's platform package from the cached tarball (checked) or, for this machine's, node_modules; undefined if neither. */
export function readPrebuilt(targetName: string): Prebuilt | undefined {
  const target = TARGETS[targetName];
  if (!target) throw new Error(`unknown target ${targetName}: one of ${Object.keys(TARGETS).join(', ')}`);
  const { name, binary } = platformPackage(target);
  const { version, integrity } = lockedPackage(name);
  const keep = ['package.json', 'index.js', binary];
  const tarball = tarballPath(name, version);
  if (existsSync(tarball)) {
    checkIntegrity(tarball, integrity);
    const all = readTarball(tarball);
    const files = new Map(keep.filter((f) => all.has(`package/${f}`)).map((f) => [f, all.get(`package/${f}`)!]));
    if (!files.has(binary)) throw new Error(`${basename(tarball)} holds no ${binary}`);
    return { name, version, files, from: tarball };
  }
  // The build machine's own platform package, installed (and checked) by npm ci.
  const installed = join(ROOT, 'node_modules', ...name.split('/'));
  if (!existsSync(join(installed, binary))) return undefined;
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { version: string };
  if (manifest.version !== version) return undefined;
  return { name, version, files: new Map(keep.filter((f) => existsSync(join(installed, f))).map((f) => [f, readFileSync(join(installed, f))])), from: installed };
}

if (process.argv[1] && basename(process.argv[1]) === 'lmdb-prebuilds.ts') {
  const files = fetchPrebuilds(undefined, console.log);
  console.log(`${files.length} lmdb platform packages in ${PREBUILDS_DIR}, checked against package-lock.json`);
}
