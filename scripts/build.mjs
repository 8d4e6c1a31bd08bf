// Bundles the client (VS Code side), the language server and the CLI with esbuild.
// `--production` minifies (for the .vsix); the default keeps names for readable stacks.
// Every runtime library is bundled in, so they are devDependencies: the .vsix (vsce --no-dependencies)
// and the npm package (test/package/pack.test.ts) ship no node_modules.
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
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
]);
console.log(`built dist/client.js, dist/server.js, dist/cli.js${production ? ' (production)' : ''}`);
