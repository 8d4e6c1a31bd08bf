// Issue 17, point 7: the rules of a large draft yield. Its reading already went in steps
// (lifecycle.test.ts); the rule pass after it ran in one go (1.5–1.8 s at 4.5 MB) and every other
// request waited. Here only the rules run again (a settings change keeps the analysis and drops the
// diagnostics), and hovers on another draft are asked one after another, each as soon as the last
// is answered, while the pull of the large draft is outstanding. A pass in one go answers at most
// the hover that came before it started; a pass that yields between rules answers one at each
// pause. Ordering only, no clock: the count of hovers answered before the pull.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startServer } from './lspClient';

const HEADING = '*The General Assembly*,\n\n';
const SMALL = 'file:///tmp/small.md';
const LARGE = 'file:///tmp/large.md';

interface Report {
  items: { code: string; severity: number }[];
}

describe('the rules of a large draft', () => {
  test('yield: hovers on another draft are answered while they run, and the pull still gets every finding', async () => {
    const settings = { maxDocumentSize: 100_000 };
    const server = await startServer({ capabilities: { textDocument: { diagnostic: {} } }, initializationOptions: { settings } });
    try {
      await server.open(SMALL, `${HEADING}See A/RES/71/280.\n`);
      // About 1.5 MB of distinct lines, read as plain lines: superseded, misquoted, malformed citations on each.
      const lines = Array.from(
        { length: 9_000 },
        (_, i) => `${i}. Recalling resolution 67/172 of 20 December 2012 and A/Res/71/280, and that “States have the power to determine who enters ${i}” (see A/68/283, para. 9).`,
      );
      await server.open(LARGE, `${HEADING}${lines.join('\n')}\n`);
      const pull = async () => (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: LARGE } })) as Report;
      const before = await pull();
      assert.ok(before.items.some((d) => d.code === 'superseded'), 'the large draft is checked');

      // Only the rules again: a level changed, the analysis of this version kept.
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { compactDrafter: { ...settings, diagnostics: { superseded: 'hint' } } } });
      let pulled = false;
      const again = pull().then((report) => ((pulled = true), report));
      let hoversBefore = 0;
      while (!pulled) {
        const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: SMALL }, position: { line: 2, character: 8 } });
        assert.ok(hover, 'the hover has content');
        if (!pulled) hoversBefore++;
      }
      const after = await again;
      assert.ok(hoversBefore >= 3, `${hoversBefore} hovers answered while the rules ran`);
      // The same findings, the superseded ones now hints (4).
      assert.equal(after.items.length, before.items.length);
      assert.ok(after.items.filter((d) => d.code === 'superseded').every((d) => d.severity === 4));
    } finally {
      await server.stop();
    }
  });
});
