// Bundles the client (VS Code side), the language server and the CLI with esbuild.
// `--production` minifies (for the .vsix); the default keeps names for readable stacks.
// Every runtime library is bundled in, so they are devDependencies: the .vsix (vsce --no-dependencies)
// and the npm package (test/package/pack.test.ts) ship no node_modules of their own. One exception:
// lmdb, the embedded store's engine, has a native binary esbuild cannot bundle. Here dist/server.js
// finds it in the checkout's node_modules; each per-platform .vsix gets its own copy with that
// platform's binary (scripts/package.ts, scripts/vendor-lmdb.ts), and the npm package depends on it.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const production = process.argv.includes('--production');
// The build's id: what the model cache and the corpus's table of files are trusted by (PARSER_FINGERPRINT
// in server/src/corpus/modelCache.ts), new at every build, so no bundle reads its own bytes to know it.
const buildId = randomBytes(8).toString('hex');
const common = {
  define: { COMPACT_DRAFTER_BUILD_ID: JSON.stringify(buildId) },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['server/src/import/main.ts'], outfile: 'dist/import.js' }),
]);
// pdf.js is loaded at run time from dist/pdfjs/ (server/src/import/pdf/pdfjs.ts says why), as shipped minified.
const pdfjs = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'legacy', 'build');
mkdirSync('dist/pdfjs', { recursive: true });
for (const file of ['pdf.min.mjs', 'pdf.worker.min.mjs']) copyFileSync(join(pdfjs, file), join('dist/pdfjs', file));
// Builds before per-platform packaging copied lmdb into dist/node_modules, with this machine's binary:
// left there it would shadow node_modules/lmdb and go into `npm pack`.
rmSync('dist/node_modules', { recursive: true, force: true });
console.log(`built dist/client.js, dist/server.js, dist/cli.js, dist/import.js, dist/pdfjs/${production ? ' (production)' : ''}`);
