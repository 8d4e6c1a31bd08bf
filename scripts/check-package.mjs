// Builds the production .vsix and checks what goes into it: the bundles, the data, the media and
// the manifest, nothing of the sources, tests or caches, and under 2 MB.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

const VSIX = 'compact-drafter.vsix';
const LIMIT = 2 * 1024 * 1024;
execFileSync('npm', ['run', '--silent', 'package'], { stdio: 'inherit' });
const listing = execFileSync('unzip', ['-Z1', VSIX], { encoding: 'utf8' }).trim().split('\n');
const forbidden = listing.filter((f) => /^extension\/(server\/src|client\/src|test|node_modules|\.cache|scripts|bench)\//.test(f) || /\.ts$/.test(f));
const required = ['extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/server/data/registry.json', 'extension/media/icon.png', 'extension/examples/flagged-draft.md'];
const missing = required.filter((f) => !listing.includes(f));
const size = statSync(VSIX).size;
for (const f of listing) console.log(`  ${f}`);
console.log(`${VSIX}: ${listing.length} files, ${(size / 1024).toFixed(0)} KB`);
const problems = [
  ...forbidden.map((f) => `should not be packaged: ${f}`),
  ...missing.map((f) => `missing: ${f}`),
  ...(size > LIMIT ? [`${(size / 1048576).toFixed(2)} MB is over the 2 MB budget`] : []),
];
if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
