import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigurationStore } from './configuration';

describe('ConfigurationStore', () => {
  test('start-up settings are read as a later change is: their problems logged', () => {
    const logged: string[] = [];
    const store = new ConfigurationStore((message) => logged.push(message));
    store.initialize({ diagnostics: { 'no-such-rule': 'error' } }, { trusted: true, folders: ['/ws'] });
    assert.equal(logged.length, 1);
    assert.match(logged[0], /^settings: unknown rule "no-such-rule"/);
  });

  test('folders are resolved against each workspace folder, and none are read in Restricted Mode', () => {
    const store = new ConfigurationStore(() => {});
    store.initialize({ corpus: { paths: ['texts', '/abs/corpus'] } }, { trusted: true, folders: ['/a', '/b'] });
    assert.deepEqual(store.corpusFolders(), ['/a/texts', '/abs/corpus', '/b/texts', '/abs/corpus']);
    assert.deepEqual(store.registryFolders(), ['/a/.compact-drafter/registry', '/b/.compact-drafter/registry']);
    store.initialize({ corpus: { paths: ['texts'] } }, { trusted: false, folders: ['/a'] });
    assert.deepEqual(store.corpusFolders(), []);
    assert.deepEqual(store.registryFolders(), []);
  });

  test('a change says whether the corpus must be loaded again; the same settings are no change', () => {
    const store = new ConfigurationStore(() => {});
    store.initialize({}, { trusted: true, folders: ['/a'] });
    assert.equal(store.update({}), undefined);
    assert.equal(store.update({ maxDocumentSize: 5 })?.corpusChanged, false);
    assert.equal(store.update({ maxDocumentSize: 5, corpus: { paths: ['x'] } })?.corpusChanged, true);
    assert.equal(store.settings.maxDocumentSize, 5);
  });
});
