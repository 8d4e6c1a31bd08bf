import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { testCorpus } from '../corpus/testCorpus';
import type { Diagnostic } from '../rules';
import { DocumentStore } from './documentStore';

const URI = 'file:///draft.md';
const draft = (text: string, version = 1) => TextDocument.create(URI, 'markdown', version, text);
const storeOf = (maxDocumentSize: number) => new DocumentStore({ maxDocumentSize: () => maxDocumentSize, isCurrent: () => true, stale: () => new Error('stale') });

describe('DocumentStore', () => {
  test('a draft above the size limit is read as plain lines; below it, parsed', async () => {
    const store = storeOf(40);
    assert.equal((await store.analyse(draft('1. Recalling resolution 71/280.\n'), testCorpus())).plain, false);
    assert.equal((await store.analyse(draft('1. Recalling resolution 71/280, and resolution 67/172.\n', 2), testCorpus())).plain, true);
  });

  test('an analysis is fresh once per version', async () => {
    const store = storeOf(1e6);
    const first = draft('1. Recalling resolution 71/280.\n');
    assert.equal((await store.analyse(first, testCorpus())).fresh, true);
    assert.equal((await store.analyse(first, testCorpus())).fresh, false);
    assert.equal((await store.analyse(draft('1. Recalling resolution 71/1.\n', 2), testCorpus())).fresh, true);
  });

  test('diagnostics are computed once per version; a change, a forget or a close drops them', async () => {
    const store = storeOf(1e6);
    let computed = 0;
    const compute = (): Diagnostic[] => (computed++, []);
    const document = draft('1. Text.\n');
    store.diagnostics(document, testCorpus(), compute);
    store.diagnostics(document, testCorpus(), compute);
    assert.equal(computed, 1);
    assert.equal(store.hasDiagnostics(URI), true);
    store.changed(URI);
    assert.equal(store.hasDiagnostics(URI), false);
    store.diagnostics(document, testCorpus(), compute);
    store.forgetDiagnostics();
    store.diagnostics(document, testCorpus(), compute);
    assert.equal(computed, 3);
    store.close(URI);
    assert.equal(store.hasDiagnostics(URI), false);
    assert.equal((await store.analyse(document, testCorpus())).fresh, true);
  });
});
