// `npm run test:electron`: scripts/build-electron-tests.mjs bundles this file to
// .cache/electron-tests/runTest.js and the suite to .cache/electron-tests/suite/index.js; this
// then starts VS Code with the repository root as the extension under development and the
// examples/ folder as the workspace, and VS Code's extension host calls the suite's run().
//
// VS Code is downloaded (the version in VSCODE_TEST_VERSION, else the latest stable) into
// .cache/vscode-test/, unless VSCODE_EXECUTABLE_PATH names an installed one. The machines this
// project is built on cannot download it: there the real-editor scenario under test/editor/
// (code-server in Chromium) covers the same ground.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const cache = join(root, '.cache', 'vscode-test');
  // A fresh profile each run (no state left by the last one), inside .cache/: git-ignored, never packaged.
  rmSync(join(cache, 'user-data'), { recursive: true, force: true });
  const exitCode = await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(__dirname, 'suite', 'index.js'),
    cachePath: cache,
    ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : {}),
    ...(process.env.VSCODE_TEST_VERSION ? { version: process.env.VSCODE_TEST_VERSION } : {}),
    launchArgs: [
      join(root, 'examples'),
      // Installed extensions stay out; VS Code's built-in ones (Markdown among them) stay in.
      '--disable-extensions',
      `--user-data-dir=${join(cache, 'user-data')}`,
      `--extensions-dir=${join(cache, 'extensions')}`,
    ],
  });
  process.exitCode = exitCode;
}

main().catch((error: unknown) => {
  console.error(`extension-host tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
