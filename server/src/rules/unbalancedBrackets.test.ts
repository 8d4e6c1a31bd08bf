import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, flagged, seed } from './testing';
import { unbalancedBracketsRule } from './unbalancedBrackets';

const CLOSES_NOTHING = /^This “\]” closes no bracket\.$/;
const NEVER_CLOSED = /^This “\[” is never closed; the bracketed passage runs to the end of the draft\.$/;

interface Row {
  readonly name: string;
  readonly draft: string;
  /** Each unmatched bracket: its offset in the draft and the message. */
  readonly expect: readonly { readonly offset: number; readonly message: RegExp }[];
}

const rows: readonly Row[] = [
  { name: 'alternatives in brackets', draft: '1. Member States [shall] [should] cooperate.\n', expect: [] },
  { name: 'nested brackets', draft: '1. Member States [shall [fully] cooperate].\n', expect: [] },
  { name: 'a bracketed passage over two paragraphs', draft: '1. [The Assembly decides x.\n\n2. It also decides y.]\n', expect: [] },
  { name: 'a Markdown link: its brackets are not the text’s', draft: '1. Recalling resolution [67/172](#), it acts.\n', expect: [] },
  { name: 'a footnote marker', draft: '1. It acts.[^1]\n\n[^1]: A note.\n', expect: [] },
  { name: 'a link inside a bracketed passage', draft: '1. [Recalling resolution [67/172](#),] it acts.\n', expect: [] },
  { name: 'a "]" that closes nothing', draft: '1. Member States shall] cooperate.\n', expect: [{ offset: 22, message: CLOSES_NOTHING }] },
  { name: 'a "[" never closed', draft: '1. Member States [shall cooperate.\n\n2. Next.\n', expect: [{ offset: 17, message: NEVER_CLOSED }] },
  {
    name: 'one of each, in document order',
    draft: '1. Member States] shall [cooperate.\n',
    expect: [
      { offset: 16, message: CLOSES_NOTHING },
      { offset: 24, message: NEVER_CLOSED },
    ],
  },
  { name: 'an extra "]" after a balanced pair', draft: '1. [shall]] cooperate.\n', expect: [{ offset: 10, message: CLOSES_NOTHING }] },
  { name: 'a "[" left open inside a closed passage', draft: '1. [shall [fully cooperate.\n', expect: [{ offset: 3, message: NEVER_CLOSED }, { offset: 10, message: NEVER_CLOSED }] },
];

describe('unbalanced-brackets', () => {
  for (const row of rows) {
    test(row.name, () => {
      const findings = check(unbalancedBracketsRule, row.draft);
      assert.deepEqual(
        findings.map((f) => f.range),
        row.expect.map((e) => ({ start: e.offset, end: e.offset + 1 })),
      );
      findings.forEach((finding, i) => {
        assert.match(flagged(row.draft, [finding])[0], /^[[\]]$/);
        assert.match(finding.message, row.expect[i].message);
        assert.equal(finding.fixes.length, 0, 'where a passage ends is the drafter’s decision');
      });
    });
  }

  for (const name of ['A-68-283.md', 'A-71-285-excerpt.txt', 'GCM-issue-brief-3-2017.md']) {
    test(`seed ${name}: brackets balanced`, () => {
      assert.deepEqual(check(unbalancedBracketsRule, seed(name)), []);
    });
  }
});
