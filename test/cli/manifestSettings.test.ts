import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readSettings } from '../../server/src/settings';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown }>;

test('the registry and online lookup settings: declared in the manifest with the server’s defaults, and restricted in untrusted workspaces', () => {
  const defaults = readSettings(undefined);
  assert.deepEqual(properties['compactDrafter.registry.paths'].default, defaults.registry.paths);
  assert.equal(properties['compactDrafter.onlineLookup.enabled'].default, false);
  assert.equal(defaults.onlineLookup.enabled, false);
  assert.equal(readSettings({ onlineLookup: { enabled: 'yes' } }).onlineLookup.enabled, false, 'only a real true turns the network on');
  const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations as string[];
  for (const setting of ['compactDrafter.corpus.paths', 'compactDrafter.registry.paths', 'compactDrafter.onlineLookup.enabled']) assert.ok(restricted.includes(setting), setting);
  assert.ok(manifest.contributes.commands.some((c: { command: string }) => c.command === 'compactDrafter.importLibraryExport'));
});
