// The environment the extension adds to the server's (issue 17, long session): the trim threshold,
// unless the user set one, whose value is kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverEnvironment } from './serverProcess';

test('the server gets the fixed malloc trim threshold, and a threshold the user set is left alone', () => {
  assert.deepEqual(serverEnvironment({ PATH: '/usr/bin' }), { MALLOC_TRIM_THRESHOLD_: '131072' });
  assert.deepEqual(serverEnvironment({ PATH: '/usr/bin', MALLOC_TRIM_THRESHOLD_: '1048576' }), {});
});
