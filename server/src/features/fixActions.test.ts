// The code actions beside each finding's fixes, on the flagged example draft: each one removes what it
// says and changes nothing else (the other findings stay, so the Markdown structure is intact).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Range, TextDocumentEdit } from 'vscode-languageserver-types';
import { analyzeDraft } from '../analysis';
import { ALL_RULES, DEFAULT_DIAGNOSTICS_CONFIG, DEFAULT_HOUSE_STYLE, runRules, type Diagnostic } from '../rules';
import { testCorpus } from '../rules/testing';
import { decideDraft } from '../workspace/draftScope';
import { quickFixes } from './diagnostics';
import { disableNextLineEdit } from './fixActions';

const FLAGGED = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'flagged-draft.md'), 'utf8');
const corpus = testCorpus();

function diagnose(text: string): Diagnostic[] {
  return runRules(ALL_RULES, { text, analysis: analyzeDraft(text, corpus), corpus, houseStyle: DEFAULT_HOUSE_STYLE }, DEFAULT_DIAGNOSTICS_CONFIG);
}

function apply(document: TextDocument, action: CodeAction): string {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  assert.equal(change.textDocument.version, document.version);
  return TextDocument.applyEdits(document, change.edits as { range: Range; newText: string }[]);
}

const key = (d: Diagnostic) => `${d.code}: ${d.message}`;
const documentOf = (text: string) => TextDocument.create('file:///tmp/draft.md', 'markdown', 3, text);
const whole = (document: TextDocument) => ({ start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) });

describe('Disable <code> for this line', () => {
  const before = diagnose(FLAGGED);
  test('the flagged draft has one finding of each rule to silence', () => assert.ok(before.length >= 10));
  for (const diagnostic of before) {
    test(`${diagnostic.code}: silences this finding only`, () => {
      const document = documentOf(FLAGGED);
      const range = { start: document.positionAt(diagnostic.range.start), end: document.positionAt(diagnostic.range.end) };
      const action = quickFixes(before, document, range).find((a) => a.title === `Disable ${diagnostic.code} for this line`);
      assert.ok(action, 'offered');
      const after = diagnose(apply(document, action));
      assert.deepEqual(after.map(key), before.filter((d) => d !== diagnostic).map(key));
    });
  }

  test('inside a paragraph the comment ends the line above (a comment line would split the paragraph)', () => {
    const text = 'First line of a paragraph\ncontinues here with A/Res/71/280.\n';
    const edit = disableNextLineEdit(text, text.indexOf('A/Res'), 'malformed-symbol');
    assert.deepEqual(edit, { range: { start: 25, end: 25 }, newText: ' <!-- compact-drafter-disable-next-line malformed-symbol -->' });
  });

  test('at the start of a block the comment has a line of its own, indented as the line', () => {
    const text = 'Intro.\n\n   2. *Invites* States, see A/Res/71/280;\n';
    const edit = disableNextLineEdit(text, text.indexOf('A/Res'), 'malformed-symbol');
    assert.deepEqual(edit, { range: { start: 8, end: 8 }, newText: '   <!-- compact-drafter-disable-next-line malformed-symbol -->\n' });
  });
});

describe('Fix all <code> in this file, and source.fixAll', () => {
  const text = '*The General Assembly*,\n\n*Recalling* A/Res/71/280, a/res/71/1 and A/RES/72/244/,\n\n*Noting* its resolution 67/172,\n';
  test('one edit fixes every malformed symbol, and nothing else', () => {
    const document = documentOf(text);
    const diagnostics = diagnose(text);
    const first = diagnostics.find((d) => d.code === 'malformed-symbol')!;
    const actions = quickFixes(diagnostics, document, { start: document.positionAt(first.range.start), end: document.positionAt(first.range.end) });
    const fixAll = actions.find((a) => a.title.startsWith('Fix all malformed-symbol in this file'));
    assert.ok(fixAll, actions.map((a) => a.title).join(', '));
    assert.equal(fixAll.title, 'Fix all malformed-symbol in this file (3)');
    const fixed = apply(document, fixAll);
    assert.equal(fixed, '*The General Assembly*,\n\n*Recalling* A/RES/71/280, A/RES/71/1 and A/RES/72/244,\n\n*Noting* its resolution 67/172,\n');
    assert.deepEqual(diagnose(fixed).map((d) => d.code), ['superseded']);
  });

  test('source.fixAll takes every sure fix; restoring agreed wording is never one of them', () => {
    const document = documentOf(text);
    const [action] = quickFixes(diagnose(text), document, whole(document), { only: ['source.fixAll'] });
    assert.equal(action?.kind, 'source.fixAll');
    assert.deepEqual(diagnose(apply(document, action!)).map((d) => d.code), []);
    assert.deepEqual(quickFixes(diagnose(text), document, whole(document), { only: ['refactor'] }), []);
  });
});

describe('Ignore this document', () => {
  test('the unknown Human Rights Council resolution is accepted in the front matter; the draft stays a draft', () => {
    const document = documentOf(FLAGGED);
    const before = diagnose(FLAGGED);
    const unknown = before.find((d) => d.code === 'unknown-document')!;
    const actions = quickFixes(before, document, { start: document.positionAt(unknown.range.start), end: document.positionAt(unknown.range.end) }, { analysis: analyzeDraft(FLAGGED, corpus) });
    const accept = actions.find((a) => a.title.startsWith('Ignore this document'));
    assert.ok(accept, actions.map((a) => a.title).join(', '));
    assert.equal(accept.title, 'Ignore this document: accept A/HRC/RES/35/17 in this draft (front matter)');
    const fixed = apply(document, accept);
    assert.ok(fixed.startsWith('---\naccepted-documents: [A/HRC/RES/35/17]\n---\n\n# Protection of migrants'));
    assert.deepEqual(
      diagnose(fixed).map((d) => d.code),
      before.filter((d) => d !== unknown).map((d) => d.code),
    );
    assert.equal(decideDraft(fixed, { workspaceFolders: [], include: [] }).draft, true);
  });

  test('a second document joins the list in the existing front matter', () => {
    const text = '---\ntitle: Draft\naccepted-documents: [A/HRC/RES/35/17]\n---\n*The General Assembly*,\n\n*Recalling* A/77/5,\n';
    const document = documentOf(text);
    const diagnostics = diagnose(text);
    const unknown = diagnostics.find((d) => d.code === 'unknown-document')!;
    const accept = quickFixes(diagnostics, document, { start: document.positionAt(unknown.range.start), end: document.positionAt(unknown.range.end) }).find((a) => a.title.startsWith('Ignore'))!;
    const fixed = apply(document, accept);
    assert.match(fixed, /^---\ntitle: Draft\naccepted-documents: \[ A\/HRC\/RES\/35\/17, A\/77\/5 \]\n---\n/);
    assert.deepEqual(diagnose(fixed).filter((d) => d.code === 'unknown-document'), []);
  });
});
