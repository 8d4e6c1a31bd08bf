#!/usr/bin/env node
// Real-editor test of the Compact Drafter extension itself:
//   1. bash scripts/editor/setup.sh (seconds when .cache/editor is installed),
//   2. unless --vsix PATH is given: the package for this machine's platform
//      (scripts/package.ts: a production build into dist/, then `vsce package
//      --target` with lmdb for this platform) into .cache/editor/vsix/compact-drafter.vsix,
//   3. node test/editor/scenario.mjs --scenario S --vsix V.
// Usage: node scripts/editor/test-extension.mjs [--vsix PATH] [--scenario FILE] [--skip-setup] [other scenario.mjs options]
// The default scenario is test/editor/scenarios/compact-drafter.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const take = (name) => {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const [a] = argv.splice(i, 1);
  if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
  if (name === '--skip-setup') return true;
  return argv.splice(i, 1)[0];
};
let vsix = take('--vsix') ?? process.env.EDITOR_VSIX;
const scenario = take('--scenario') ?? path.join(ROOT, 'test/editor/scenarios/compact-drafter.json');
const skipSetup = take('--skip-setup');

function run(cmd, args, what, opts = {}) {
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', timeout: 15 * 60_000, ...opts });
  if (r.status !== 0) {
    console.error(`not ok - ${what} failed (${r.error ? r.error.message : `exit ${r.status ?? r.signal}`}): ${cmd} ${args.join(' ')}`);
    process.exit(r.status || 1);
  }
  console.log(`# ${what}: ${((Date.now() - t) / 1000).toFixed(1)}s`);
}

if (!skipSetup) run('bash', [path.join(ROOT, 'scripts/editor/setup.sh')], 'editor setup', { stdio: ['ignore', 'inherit', 'inherit'] });

if (!vsix) {
  const outDir = path.join(ROOT, '.cache/editor/vsix');
  fs.mkdirSync(outDir, { recursive: true });
  vsix = path.join(outDir, 'compact-drafter.vsix');
  fs.rmSync(vsix, { force: true });
  run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/package.ts'), '--out', vsix], 'production build and vsce package',
    { stdio: ['ignore', 'inherit', 'inherit'] });
}
const r = spawnSync(process.execPath, [path.join(ROOT, 'test/editor/scenario.mjs'), '--scenario', scenario, '--vsix', path.resolve(vsix), ...argv],
  { cwd: ROOT, stdio: 'inherit', timeout: 11 * 60_000 });
process.exit(r.status ?? 1);
