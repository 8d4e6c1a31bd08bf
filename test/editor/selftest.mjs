#!/usr/bin/env node
// Proves the real-editor harness without the real extension: packages the
// throwaway extension in test/editor/selftest/extension (hover "TEST HOVER",
// a diagnostic, a quick fix, a completion item for Markdown) into a VSIX in a
// temp dir and runs test/editor/scenarios/selftest.json against it.
// Extra arguments are passed on to scenario.mjs (e.g. --keep).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const vsce = path.join(ROOT, 'node_modules/.bin/vsce');
if (!fs.existsSync(vsce)) {
  console.error(`not ok - ${vsce} is missing: run npm install in ${ROOT} (@vscode/vsce is a devDependency)`);
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'editor-selftest-ext-'));
try {
  fs.cpSync(path.join(HERE, 'selftest/extension'), path.join(tmp, 'ext'), { recursive: true });
  const vsix = path.join(tmp, 'selftest.vsix');
  const pack = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix],
    { cwd: path.join(tmp, 'ext'), encoding: 'utf8', timeout: 120_000 });
  if (pack.status !== 0 || !fs.existsSync(vsix)) {
    console.error(`not ok - vsce package failed (exit ${pack.status}):\n${pack.stdout}${pack.stderr}`);
    process.exit(1);
  }
  const run = spawnSync(process.execPath, [path.join(HERE, 'scenario.mjs'),
    '--scenario', path.join(HERE, 'scenarios/selftest.json'), '--vsix', vsix, ...process.argv.slice(2)],
  { stdio: 'inherit', timeout: 600_000 });
  process.exitCode = run.status ?? 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
