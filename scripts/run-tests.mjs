// Runs every *.test.ts under server/src and test/ with Node's test runner.
// Node 20 has no glob support in `node --test`, so the files are listed here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['server/src', 'client/src', 'test'];
const skip = new Set(['node_modules', 'editor', 'electron']);
const files = [];
for (const root of roots) {
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const rel = join(entry.parentPath ?? entry.path, entry.name);
    if (rel.split('/').some((part) => skip.has(part))) continue;
    if (entry.isFile() && entry.name.endsWith('.test.ts')) files.push(rel);
  }
}
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
if (selected.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...selected.sort()], { stdio: 'inherit' });
process.exit(result.status ?? 1);
