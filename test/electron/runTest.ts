// `npm run test:electron`: downloads VS Code (where the machine may) and runs the suite inside
// its extension host. Here VS Code cannot be downloaded: the real-editor scenario under
// test/editor/ covers the same ground in code-server.
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(__dirname, 'suite', 'index.js'),
    launchArgs: [join(root, 'examples'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error) => {
  console.error(`editor tests failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
