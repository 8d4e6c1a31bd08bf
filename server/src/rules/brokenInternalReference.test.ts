import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { brokenInternalReferenceRule } from './brokenInternalReference';
import { applyFix, check, flagged, type RuleRow, runRuleTable, seed } from './testing';

const rows: readonly RuleRow[] = [
  {
    name: 'no such paragraph',
    draft: '1. First.\n\n2. As noted in paragraph 12 above, it is.\n',
    expect: [{ flagged: 'paragraph 12 above', message: /^This draft has no paragraph 12\.$/, fixed: null }],
  },
  {
    name: 'two missing paragraphs',
    draft: '1. First.\n\n2. See paras. 12 and 13 below.\n',
    expect: [{ flagged: 'paras. 12 and 13 below', message: /^This draft has no paragraphs 12 and 13\.$/, fixed: null }],
  },
  {
    name: 'one of a range missing: only that one is named',
    draft: '1. First.\n\n2. Second.\n\n3. See paras. 1–4 above.\n',
    expect: [{ flagged: 'paras. 1–4 above', message: /^This draft has no paragraph 4\.$/, fixed: null }],
  },
  {
    name: 'an inserted paragraph that is not there',
    draft: '1. First.\n\n2. See paragraph 1 bis above.\n',
    expect: [{ flagged: 'paragraph 1 bis above', message: /^This draft has no paragraph 1 bis\.$/, fixed: null }],
  },
  {
    name: 'an inserted paragraph spelt "nonies", as the draft numbers it: no finding',
    draft: '5. Fifth.\n\n5 nonies. Inserted.\n\n6. As agreed in paragraph 5 nonies above, it acts.\n',
    expect: [],
  },
  {
    name: 'an inserted paragraph spelt "nonies" that is not there',
    draft: '1. First.\n\n2. See paragraph 1 nonies above.\n',
    expect: [{ flagged: 'paragraph 1 nonies above', message: /^This draft has no paragraph 1 nonies\.$/, fixed: null }],
  },
  {
    name: 'no such footnote',
    draft: '1. The Assembly, as explained in footnote 9.[^1]\n\n[^1]: A note.\n',
    expect: [{ flagged: 'footnote 9', message: /^This draft has no footnote 9\.$/, fixed: null }],
  },
  {
    name: '"above" for a paragraph below: the word is corrected',
    draft: '1. As set out in paragraph 2 above, the Assembly acts.\n\n2. Second.\n',
    expect: [
      { flagged: 'paragraph 2 above', message: /^Paragraph 2 is below this reference, not above\.$/, fixed: '1. As set out in paragraph 2 below, the Assembly acts.\n\n2. Second.\n' },
    ],
  },
  {
    name: '"below" for a paragraph above',
    draft: '1. First.\n\n2. Second.\n\n3. Recalling paragraph 1 below, it acts.\n',
    expect: [{ flagged: 'paragraph 1 below', message: /^Paragraph 1 is above this reference, not below\.$/, fixed: '1. First.\n\n2. Second.\n\n3. Recalling paragraph 1 above, it acts.\n' }],
  },
  {
    name: 'two paragraphs, both on the other side',
    draft: '1. See paras. 2 and 3 above.\n\n2. Two.\n\n3. Three.\n',
    expect: [{ flagged: 'paras. 2 and 3 above', message: /^Paragraphs 2 and 3 are below this reference, not above\.$/, fixed: '1. See paras. 2 and 3 below.\n\n2. Two.\n\n3. Three.\n' }],
  },
  {
    name: 'one above and one below: flagged, but one word cannot be right for both',
    draft: '1. One.\n\n2. See paras. 1 and 3 above.\n\n3. Three.\n',
    expect: [{ flagged: 'paras. 1 and 3 above', message: /^Paragraph 3 is below this reference, not above\.$/, fixed: null }],
  },
  {
    name: 'a footnote is read where its marker is: its "paragraph 2 above" is wrong even though its text is last',
    draft: '1. One.[^1]\n\n2. Two.\n\n[^1]: See paragraph 2 above.\n',
    expect: [{ flagged: 'paragraph 2 above', message: /^Paragraph 2 is below this reference, not above\.$/, fixed: '1. One.[^1]\n\n2. Two.\n\n[^1]: See paragraph 2 below.\n' }],
  },
  { name: 'a footnote of paragraph 1 rightly says "paragraph 2 below"', draft: '1. One.[^1]\n\n2. Two.\n\n[^1]: See paragraph 2 below.\n', expect: [] },
  { name: 'no numbered paragraph recognised at all: the rule cannot tell what is missing', draft: 'As noted in paragraph 12 above, it is.\n', expect: [] },
  { name: 'no footnote recognised at all', draft: '1. As explained in footnote 9, it is.\n', expect: [] },
  { name: 'right direction', draft: '1. First.\n\n2. As noted in paragraph 1 above and paragraph 3 below.\n\n3. Third.\n', expect: [] },
  { name: 'a paragraph referring to itself as above', draft: '1. First.\n\n2. This paragraph 2 above all.\n', expect: [] },
  { name: 'an existing footnote', draft: '1. See footnote 1.[^1]\n\n[^1]: A note.\n', expect: [] },
  { name: 'a bare "paragraph 8" is not a reference to the draft', draft: '1. See paragraph 8.\n', expect: [] },
  { name: 'a paragraph of another document', draft: '1. See paragraph 8 of resolution 71/280.\n', expect: [] },
  { name: 'a footnote of another document', draft: '1. As set out in footnote 3 of A/68/283, the term applies.\n', expect: [] },
  { name: 'inside a quotation, "above" is the quoted text’s', draft: '1. The report states that “as explained in paragraph 12 above, the Rapporteur” acts (A/68/283, para. 9).\n', expect: [] },
];

describe('broken-internal-reference', () => {
  runRuleTable(brokenInternalReferenceRule, rows, { editsMay: /^(?:above|below)$/i, fixLeavesNothing: true });

  test('"above" inside emphasis: only the word changes, the asterisks stay', () => {
    const draft = '1. See paragraph 2 *above*.\n\n2. Two.\n';
    const findings = check(brokenInternalReferenceRule, draft);
    assert.equal(findings.length, 1);
    assert.equal(applyFix(draft, findings[0].fixes[0]), '1. See paragraph 2 *below*.\n\n2. Two.\n');
  });

  for (const name of ['A-68-283.md', 'A-71-285-excerpt.txt', 'GCM-issue-brief-3-2017.md']) {
    test(`seed ${name}: no broken internal reference`, () => {
      assert.deepEqual(flagged(seed(name), check(brokenInternalReferenceRule, seed(name))), []);
    });
  }
});
