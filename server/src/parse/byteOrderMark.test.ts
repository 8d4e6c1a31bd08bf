// A draft saved with a UTF-8 byte-order mark (Notepad, some Word exports) is checked as the same
// draft without it: left in, "\uFEFF1." was not a numbered paragraph, and paragraph-numbering and
// broken-internal-reference said nothing (issue 17, point 9). Whole and incremental parses alike.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { IncrementalAnalyzer } from '../analysis/analysis';
import { brokenInternalReferenceRule } from '../rules/brokenInternalReference';
import { paragraphNumberingRule } from '../rules/paragraphNumbering';
import { check, testCorpus } from '../rules/testing';
import { DEFAULT_HOUSE_STYLE } from '../rules/rule';

const DRAFT = ['1. Recalls its resolution 71/280.', '', '3. Refers to paragraph 9 above.', '', '4. Decides to remain seized of the matter.', ''];

describe('a draft with a byte-order mark', () => {
  for (const [name, newline] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const) {
    test(`${name}: numbering and internal references are checked as without the mark, at the same offsets`, () => {
      const plain = DRAFT.join(newline);
      const marked = `\ufeff${plain}`;
      for (const rule of [paragraphNumberingRule, brokenInternalReferenceRule]) {
        const expected = check(rule, plain).map((f) => ({ start: f.range.start + 1, end: f.range.end + 1, message: f.message }));
        assert.ok(expected.length > 0, `${rule.code} flags the draft without the mark`);
        assert.deepEqual(check(rule, marked).map((f) => ({ start: f.range.start, end: f.range.end, message: f.message })), expected, rule.code);
      }
    });
  }

  test('an incremental parse reads the marked draft as a whole parse does, before and after an edit', () => {
    const corpus = testCorpus();
    const analyzer = new IncrementalAnalyzer();
    const marked = `\ufeff${DRAFT.join('\n')}`;
    analyzer.analyze(marked, corpus);
    const edited = marked.replace('Decides', 'Decides firmly');
    const analysis = analyzer.analyze(edited, corpus);
    assert.deepEqual(analysis.model.paragraphs.map((p) => p.label), ['1', '3', '4']);
    const findings = paragraphNumberingRule.check({ text: edited, analysis, corpus, houseStyle: DEFAULT_HOUSE_STYLE });
    assert.deepEqual(findings.map((f) => edited.slice(f.range.start, f.range.end)), check(paragraphNumberingRule, edited).map((f) => edited.slice(f.range.start, f.range.end)));
    assert.ok(findings.length > 0);
  });
});
