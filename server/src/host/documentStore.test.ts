import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { testCorpus } from '../corpus/testCorpus';
import type { Diagnostic } from '../rules';
import { computeDiagnostics, computeDiagnosticsInSteps } from '../rules/compute';
import { DEFAULT_DIAGNOSTICS_CONFIG } from '../rules';
import { DocumentStore, RULES_IN_STEPS_FROM } from './documentStore';

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
    const compute = async (): Promise<Diagnostic[]> => (computed++, []);
    const document = draft('1. Text.\n');
    await store.diagnostics(document, testCorpus(), compute);
    await store.diagnostics(document, testCorpus(), compute);
    assert.equal(computed, 1);
    assert.equal(store.hasDiagnostics(URI), true);
    store.changed(URI);
    assert.equal(store.hasDiagnostics(URI), false);
    await store.diagnostics(document, testCorpus(), compute);
    store.forgetDiagnostics();
    await store.diagnostics(document, testCorpus(), compute);
    assert.equal(computed, 3);
    store.close(URI);
    assert.equal(store.hasDiagnostics(URI), false);
    assert.equal((await store.analyse(document, testCorpus())).fresh, true);
  });

  // A draft of this size is read as plain lines (above maxDocumentSize) and its rules run in steps.
  const large = (version: number) => {
    const paragraph = '1. Recalling resolution 67/172 of 20 December 2012, and A/Res/71/280, paras. 1-3.\n\n';
    return draft(paragraph.repeat(Math.ceil(RULES_IN_STEPS_FROM / paragraph.length) + 1), version);
  };

  test('a large draft: the rules pause between them, and give what the pass at once gives', async () => {
    const store = storeOf(1e5);
    const document = large(1);
    const corpus = testCorpus();
    const { analysis, plain } = await store.analyse(document, corpus);
    const input = { text: document.getText(), analysis, corpus, config: DEFAULT_DIAGNOSTICS_CONFIG, plain };
    let pauses = 0;
    const diagnostics = await store.diagnostics(document, corpus, (pause) => computeDiagnosticsInSteps(input, async () => (pauses++, pause())));
    assert.ok(pauses >= 5, `paused ${pauses} times`);
    assert.ok(diagnostics.some((d) => d.code === 'superseded') && diagnostics.some((d) => d.code === 'malformed-symbol'), diagnostics.map((d) => d.code).join());
    assert.deepEqual(diagnostics, computeDiagnostics(input));
  });

  test('a large draft: a newer version or a cancelled request abandons the rule pass at its next pause', async () => {
    let current = 1;
    const store = new DocumentStore({ maxDocumentSize: () => 1e5, isCurrent: (_, version) => version === current, stale: () => new Error('stale') });
    const corpus = testCorpus();
    const document = large(1);
    const { analysis, plain } = await store.analyse(document, corpus);
    const input = { text: document.getText(), analysis, corpus, config: DEFAULT_DIAGNOSTICS_CONFIG, plain };
    let rulesRun = 0;
    const counting = (pause: () => Promise<void>) => computeDiagnosticsInSteps(input, async () => {
      rulesRun++;
      // The edit arrives while the first rule's findings are in: the pass stops there.
      if (rulesRun === 1) current = 2;
      await pause();
    });
    await assert.rejects(store.diagnostics(document, corpus, counting), /stale/);
    assert.equal(rulesRun, 1);
    assert.equal(store.hasDiagnostics(URI), false, 'nothing kept of an abandoned pass');
    current = 1;
    const token = { isCancellationRequested: false };
    rulesRun = 0;
    const cancelling = (pause: () => Promise<void>) => computeDiagnosticsInSteps(input, async () => {
      rulesRun++;
      if (rulesRun === 2) token.isCancellationRequested = true;
      await pause();
    });
    await assert.rejects(store.diagnostics(document, corpus, cancelling, token), /stale/);
    assert.equal(rulesRun, 2);
  });

  test('a small draft: its rules run at once, without pauses', async () => {
    const store = storeOf(1e6);
    const document = draft('1. Recalling A/Res/71/280.\n');
    const corpus = testCorpus();
    const { analysis } = await store.analyse(document, corpus);
    let turns = 0;
    const immediate = setImmediate(() => turns++);
    const diagnostics = await store.diagnostics(document, corpus, (pause) => computeDiagnosticsInSteps({ text: document.getText(), analysis, corpus, config: DEFAULT_DIAGNOSTICS_CONFIG }, pause));
    clearImmediate(immediate);
    assert.equal(turns, 0, 'no turn of the event loop');
    assert.deepEqual(diagnostics.map((d) => d.code), ['malformed-symbol']);
  });
});
