// Settings are read in one place and their problems logged wherever they come from: the
// initialization options at start-up as much as a later workspace/didChangeConfiguration.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startServer, waitFor } from './lspClient';

const BAD = { diagnostics: { 'no-such-rule': 'error', superseded: 'loud' } };

describe('configuration', () => {
  test('settings problems present at start-up are logged', async () => {
    const server = await startServer({ initializationOptions: { settings: BAD } });
    try {
      await waitFor(() => (server.logs.some((line) => line.includes('superseded')) ? true : undefined), 10_000, 'the settings problems in the log');
      assert.ok(server.logs.some((line) => /^settings: unknown rule "no-such-rule"/.test(line)), server.logs.join('\n'));
      assert.ok(server.logs.some((line) => /^settings: "superseded": "loud" is not one of/.test(line)), server.logs.join('\n'));
    } finally {
      await server.stop();
    }
  });

  test('settings problems of a later change are logged, once each', async () => {
    const server = await startServer();
    try {
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { compactDrafter: BAD } });
      await waitFor(() => (server.logs.some((line) => line.includes('superseded')) ? true : undefined), 10_000, 'the settings problems in the log');
      assert.equal(server.logs.filter((line) => line.startsWith('settings: unknown rule "no-such-rule"')).length, 1, server.logs.join('\n'));
    } finally {
      await server.stop();
    }
  });
});
