import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { noSuchParagraphRule } from './noSuchParagraph';
import { check, flagged, type RuleRow, runRuleTable, seed, timedCheck } from './testing';

const NO_150 = /^A\/68\/283 has no paragraph 150: its paragraphs run from 1 to 143\.$/;
const NO_190_QUOTED_90 = /^A\/68\/283 has no paragraph 190: its paragraphs run from 1 to 143\. The quoted words are from paragraph 90\.$/;

const rows: readonly RuleRow[] = [
  { name: 'beyond the last paragraph, nothing says which was meant', draft: 'See A/68/283, para. 150.', expect: [{ flagged: 'para. 150', message: NO_150, fixed: null }] },
  {
    name: 'an elided quotation before the citation is in paragraph 8',
    draft: 'It noted that “despite the existence … still lacking” (see A/68/283, para. 150).',
    expect: [
      {
        flagged: 'para. 150',
        message: /^A\/68\/283 has no paragraph 150: its paragraphs run from 1 to 143\. The quoted words are from paragraph 8\.$/,
        fixed: 'It noted that “despite the existence … still lacking” (see A/68/283, para. 8).',
      },
    ],
  },
  {
    name: 'a quotation after the citation ("states that")',
    draft: 'Paragraph 190 of A/68/283 states that “States would have more control if there was more migration governance.”',
    expect: [
      {
        flagged: 'Paragraph 190',
        message: NO_190_QUOTED_90,
        fixed: 'Paragraph 90 of A/68/283 states that “States would have more control if there was more migration governance.”',
      },
    ],
  },
  {
    name: 'straight quotes, a line break and a different first letter',
    draft: 'He recalled that "states would have more control\nif there was more migration governance" (A/68/283, paragraph 190).',
    expect: [{ flagged: 'paragraph 190', message: NO_190_QUOTED_90, fixed: 'He recalled that "states would have more control\nif there was more migration governance" (A/68/283, paragraph 90).' }],
  },
  {
    name: 'no quotation: the draft sentence repeats paragraph 90',
    draft: 'States have the power to determine who enters and stays in their territory (A/68/283, para. 190).',
    expect: [
      {
        flagged: 'para. 190',
        message: /^A\/68\/283 has no paragraph 190: its paragraphs run from 1 to 143\. The sentence is from paragraph 90\.$/,
        fixed: 'States have the power to determine who enters and stays in their territory (A/68/283, para. 90).',
      },
    ],
  },
  {
    // Regression (robustness fuzzing): a line without full stops is read SENTENCE_REACH characters either side, not whole.
    name: 'no quotation, in a long line without full stops: the words beside the citation still name paragraph 90',
    draft: `${'one clause, '.repeat(150)}States have the power to determine who enters and stays in their territory (A/68/283, para. 190)${', another clause'.repeat(150)}`,
    expect: [
      {
        flagged: 'para. 190',
        message: /^A\/68\/283 has no paragraph 190: its paragraphs run from 1 to 143\. The sentence is from paragraph 90\.$/,
        fixed: `${'one clause, '.repeat(150)}States have the power to determine who enters and stays in their territory (A/68/283, para. 90)${', another clause'.repeat(150)}`,
      },
    ],
  },
  {
    name: 'an inserted paragraph the report does not have: the fix replaces "8 bis" whole',
    draft: '“despite the existence … still lacking” (A/68/283, para. 8 bis)',
    expect: [{ flagged: 'para. 8 bis', message: /^A\/68\/283 has no paragraph 8 bis: .* from paragraph 8\.$/, fixed: '“despite the existence … still lacking” (A/68/283, para. 8)' }],
  },
  {
    name: 'two missing paragraphs: named together, no fix',
    draft: 'See A/68/283, paras. 150 and 151.',
    expect: [{ flagged: 'paras. 150 and 151', message: /^A\/68\/283 has no paragraphs 150 and 151: its paragraphs run from 1 to 143\.$/, fixed: null }],
  },
  {
    name: 'one of two cited paragraphs missing: flagged, but which number to change is unclear',
    draft: '“despite the existence … still lacking” (A/68/283, paras. 8 and 150)',
    expect: [{ flagged: 'paras. 8 and 150', message: /^A\/68\/283 has no paragraph 150: .*from paragraph 8\.$/, fixed: null }],
  },
  {
    name: 'a phrase found in several paragraphs names none of them',
    draft: 'It mentions “the High-level Dialogue on International Migration and Development” (A/68/283, para. 150).',
    expect: [{ flagged: 'para. 150', message: NO_150, fixed: null }],
  },
  {
    name: 'a short sentence repeats no paragraph',
    draft: 'The report agrees (A/68/283, para. 150).',
    expect: [{ flagged: 'para. 150', message: NO_150, fixed: null }],
  },
  {
    name: 'an annex the report does not have',
    draft: 'See A/68/283, annex II, para. 3.',
    expect: [{ flagged: 'annex II, para. 3', message: /^A\/68\/283 has no annex II\.$/, fixed: null }],
  },
  { name: 'the last paragraph exists', draft: 'See A/68/283, para. 143.', expect: [] },
  { name: 'a quotation in the cited paragraph', draft: '“despite the existence … still lacking” (see A/68/283, para. 8)', expect: [] },
  { name: 'an excerpt (A/71/285 holds 107–111) cannot say paragraph 20 is missing', draft: 'See A/71/285, para. 20.', expect: [] },
  { name: 'a document whose text is not held (71/280)', draft: 'resolution 71/280, paragraph 30', expect: [] },
  { name: 'an unknown document', draft: 'See A/99/999, para. 5.', expect: [] },
  { name: 'a reference inside the draft is another rule’s', draft: '1. See paragraph 150 above.', expect: [] },
  { name: 'no pinpoint', draft: 'See A/68/283.', expect: [] },
];

describe('no-such-paragraph', () => {
  // A fix cites another paragraph: it rewrites only the wrong number.
  runRuleTable(noSuchParagraphRule, rows, {
    editsMay: /^\d+(?: bis| ter)?$/,
    eachFinding: (finding, expected) => expected.fixed !== null && assert.match(finding.fixes[0].title, /^Cite paragraph \d+$/),
  });

  for (const name of ['A-68-283.md', 'A-71-285-excerpt.txt', 'GCM-issue-brief-3-2017.md']) {
    test(`seed ${name}: no false finding`, () => {
      assert.deepEqual(flagged(seed(name), check(noSuchParagraphRule, seed(name))), []);
    });
  }

  test('regression: 1,500 citations past the end on one line without a full stop, each flagged, fast (each read the whole line as its sentence: 11 minutes)', { timeout: 60_000 }, () => {
    const text = Array.from({ length: 1_500 }, (_, i) => `“quoted words number ${i} here” (A/68/283, para. ${150 + i})`).join('; ');
    const { findings } = timedCheck(noSuchParagraphRule, text);
    assert.equal(findings.length, 1_500);
  });

  test('seed A/71/285 with its citation of A/68/283 given a pinpoint past the end: flagged, no fix for a paraphrase', () => {
    const text = seed('A-71-285-excerpt.txt').replace('(see A/68/283)', '(see A/68/283, para. 180)');
    const findings = check(noSuchParagraphRule, text);
    assert.deepEqual(flagged(text, findings), ['para. 180']);
    // The sentence paraphrases the 2013 report: no paragraph of it repeats eight words of the sentence in a
    // row (paragraph 48 comes closest, with seven of "… is given to the human rights of migrants").
    assert.equal(findings[0].fixes.length, 0);
  });
});
