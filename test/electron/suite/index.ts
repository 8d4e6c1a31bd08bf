// Loaded by VS Code's extension host (`--extensionTestsPath`), which calls `run()`.
// Mocha and the suite are bundled into this one file by scripts/build-electron-tests.mjs: mocha 12
// is an ES module underneath, and an older extension host's Node cannot `require()` it from
// node_modules, so nothing is left to resolve at run time but `vscode`.
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 90_000, slow: 5_000 });
  // What mocha.addFile() + loadFiles() would do for a file on disk: give the suite the tdd globals
  // (suite, test, setup …), then evaluate it. The require is bundled and runs only here.
  mocha.suite.emit('pre-require', globalThis, 'extension.test.ts', mocha);
  require('./extension.test');
  mocha.suite.emit('post-require', globalThis, 'extension.test.ts', mocha);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
