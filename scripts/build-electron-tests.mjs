// Builds what `npm run test:electron` runs (see test/electron/runTest.ts):
//   dist/client.js, dist/server.js        the extension under test (scripts/build.mjs, development build)
//   .cache/electron-tests/runTest.js      the launcher (`node` runs it; @vscode/test-electron from node_modules)
//   .cache/electron-tests/suite/index.js  what --extensionTestsPath loads: run(), with mocha and the suite inside
// Only `vscode` is left outside the suite's bundle; the extension host provides it. Mocha is bundled
// because mocha 12 is an ES module underneath, which an older extension host cannot require().
// The sources are type-checked with the rest by `npm run typecheck` (tsconfig includes test/).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const OUT = '.cache/electron-tests';
if (!process.argv.includes('--no-extension')) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
rmSync(OUT, { recursive: true, force: true });
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['test/electron/runTest.ts'], outfile: `${OUT}/runTest.js`, external: ['@vscode/test-electron'] }),
  build({
    ...common,
    entryPoints: ['test/electron/suite/index.ts'],
    outfile: `${OUT}/suite/index.js`,
    external: ['vscode'],
    // Only mocha's parallel mode (worker processes) resolves files next to itself; the suite runs serially.
    logOverride: { 'require-resolve-not-external': 'silent' },
    // Mocha's ES modules use import.meta.url (createRequire in its file unloader): give them this file's URL.
    banner: { js: "'use strict';\nconst __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
  }),
]);
console.log(`built ${OUT}/runTest.js and ${OUT}/suite/index.js (mocha and the suite bundled; run where VS Code can be downloaded)`);
