// Bundles the VS Code extension-host test suite (test/electron) for @vscode/test-electron.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', external: ['vscode', 'mocha', '@vscode/test-electron'] };
await Promise.all([
  build({ ...common, entryPoints: ['test/electron/runTest.ts'], outfile: '.cache/electron-tests/runTest.js' }),
  build({ ...common, entryPoints: ['test/electron/suite/index.ts'], outfile: '.cache/electron-tests/suite/index.js' }),
  build({ ...common, entryPoints: ['test/electron/suite/extension.test.ts'], outfile: '.cache/electron-tests/suite/extension.test.js' }),
]);
console.log('built .cache/electron-tests (run with @vscode/test-electron where VS Code can be downloaded)');
