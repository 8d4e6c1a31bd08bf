import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDiagnosticsConfig } from './config';

const codes = ['superseded', 'quote-mismatch'];

test('config: levels and house style are read', () => {
  const { config, problems } = readDiagnosticsConfig({ diagnostics: { superseded: 'error', 'quote-mismatch': 'off' }, houseStyle: { rangeDash: 'hyphen' } }, codes);
  assert.deepEqual(problems, []);
  assert.deepEqual(config.levels, { superseded: 'error', 'quote-mismatch': 'off' });
  assert.equal(config.houseStyle.rangeDash, 'hyphen');
});

test('config: unknown rules and levels are reported, not applied', () => {
  const { config, problems } = readDiagnosticsConfig({ diagnostics: { supersede: 'error', superseded: 'loud' }, houseStyle: { rangeDash: 'em' } }, codes);
  assert.deepEqual(config.levels, {});
  assert.equal(config.houseStyle.rangeDash, 'en-dash');
  assert.equal(problems.length, 3);
  assert.match(problems[0], /unknown rule "supersede"/);
  assert.match(problems[1], /"loud" is not one of/);
  assert.match(problems[2], /rangeDash/);
});

test('config: nothing given is the defaults', () => {
  const { config, problems } = readDiagnosticsConfig(undefined, codes);
  assert.deepEqual(problems, []);
  assert.deepEqual(config.levels, {});
  assert.equal(config.houseStyle.rangeDash, 'en-dash');
});
