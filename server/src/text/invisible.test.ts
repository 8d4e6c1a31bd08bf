// Invisible characters from (untrusted) corpus text never reach what the drafter sees: hover,
// completion, workspace symbols and rule messages, built from a corpus text whose title and paragraph carry a
// right-to-left override, a zero-width space and a word joiner.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeDraft } from '../analysis';
import { testCorpus, workspaceText } from '../corpus/testCorpus';
import { completionsAt } from '../features/completion';
import { hoverAt } from '../features/hover';
import { escapeMarkdown, truncate } from '../features/markdown';
import { workspaceSymbols } from '../features/workspaceSymbols';
import { DEFAULT_DIAGNOSTICS_CONFIG } from '../rules/config';
import { computeDiagnostics } from '../rules/compute';
import { INVISIBLE_CHARACTER, visibleText } from './invisible';

const RLO = '\u202e';
const ZWSP = '\u200b';
const WJ = '\u2060';
const title = `Safe ${RLO}txt.exe${'\u202c'} migration${ZWSP} report`;
const hostile = workspaceText('A/99/7', `1. The Assembly${WJ} notes ${RLO}gnirts desrever a.\n\n2. Two.\n`, { title, date: '2020-01-01' });
const corpus = testCorpus([hostile]);

const hasInvisible = (value: unknown) => INVISIBLE_CHARACTER.test(JSON.stringify(value).replace(/\\u([0-9a-f]{4})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))));

describe('invisible characters', () => {
  test('visibleText removes bidi controls and zero-width characters, and nothing else', () => {
    assert.equal(visibleText(`A${ZWSP}/RES${WJ}/71/280 ${RLO}abc\u202c مرحبا 日本語 é`), 'A/RES/71/280 abc مرحبا 日本語 é');
    assert.equal(escapeMarkdown(`x${RLO}y`), 'xy');
    assert.equal(truncate(`x${ZWSP}y`, 10), 'xy');
  });

  test('hover over the citation of a hostile text', () => {
    const draft = 'As noted (A/99/7, para. 1), migration matters.';
    const hover = hoverAt(analyzeDraft(draft, corpus), draft.indexOf('A/99/7') + 2, { corpus, counts: () => ({ draft: 1, workspace: undefined }) });
    assert.ok(hover?.markdown.includes('txt.exe'), hover?.markdown);
    assert.ok(!hasInvisible(hover), hover?.markdown);
  });

  test('completion of symbols and paragraphs', () => {
    const symbols = completionsAt('Recalling A/99/', 'Recalling A/99/'.length, corpus, { triggerCharacter: '/' });
    assert.ok(symbols.some((item) => item.label.startsWith('A/99/7')), JSON.stringify(symbols.map((i) => i.label)));
    assert.ok(!hasInvisible(symbols));
    const paragraphs = completionsAt('(A/99/7, para. ', '(A/99/7, para. '.length, corpus, { triggerCharacter: ' ' });
    assert.ok(!hasInvisible(paragraphs));
  });

  test('rule findings: message, fix titles and related places, in the editor and in check (the fix edit keeps the source as it is)', () => {
    const draft = '*The General Assembly*,\n\n1. Recalls paragraph 1 of A/99/7, in which it noted that “the Assembly notes gnirts desrever b”;\n';
    const diagnostics = computeDiagnostics({ text: draft, analysis: analyzeDraft(draft, corpus), corpus, config: DEFAULT_DIAGNOSTICS_CONFIG });
    const quote = diagnostics.find((d) => d.code === 'quote-mismatch');
    assert.ok(quote, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.match(quote.message, /The paragraph reads “the Assembly notes gnirts desrever a”/);
    assert.ok(!hasInvisible({ ...quote, fixes: quote.fixes.map((fix) => fix.title) }), quote.message);
  });

  test('workspace symbols', () => {
    const found = workspaceSymbols('A/99/7', corpus);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.name, 'A/99/7 — Safe txt.exe migration report');
    assert.ok(!hasInvisible(found));
  });
});
