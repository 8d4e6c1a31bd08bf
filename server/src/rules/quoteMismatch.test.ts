import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { quoteMismatchRule } from './quoteMismatch';
import { check, flagged, type RuleRow, runRuleTable, seed, testCorpus } from './testing';

// A/68/283, paragraph 8.
const LACKING = 'despite the existence of legal frameworks on migration issues, a comprehensive framework for migration governance is still lacking';
const NOT_IN_9 = /^The quoted words are not in paragraph 9 of A\/68\/283\. They are in paragraph 8\.$/;
// A/68/283, paragraph 90 has "was"; A/71/285, paragraph 110 (quoting it) has "were".
const CONTROL_WAS = 'States would have more control if there was more migration governance';
const CONTROL_WERE = 'States would have more control if there were more migration governance';
const READS_WAS = /^The quoted words are not in paragraph 90 of A\/68\/283\. The paragraph reads “States would have more control if there was more migration governance\.?”\.?$/;
// A/71/285, paragraph 110, not in A/68/283.
const RELUCTANCE = 'the reluctance of States to strengthen migration governance seems to be based on the misconception that this will limit their sovereignty';

const rows: readonly RuleRow[] = [
  // Findings.
  {
    name: 'quoted from paragraph 8, cited as 9',
    draft: `It noted that “${LACKING}” (see A/68/283, para. 9).`,
    expect: [{ flagged: LACKING, message: NOT_IN_9, fixed: `It noted that “${LACKING}” (see A/68/283, para. 8).` }],
  },
  {
    name: 'straight quotes, no parentheses',
    draft: `It noted that "${LACKING}", A/68/283, paragraph 9.`,
    expect: [{ flagged: LACKING, message: NOT_IN_9, fixed: `It noted that "${LACKING}", A/68/283, paragraph 8.` }],
  },
  {
    name: 'the symbol as a Markdown link, a footnote marker after the quotation',
    draft: `“${LACKING}”[^2] ([A/68/283](https://undocs.org/A/68/283), para. 9).\n\n[^2]: A note.\n`,
    expect: [{ flagged: LACKING, message: NOT_IN_9, fixed: `“${LACKING}”[^2] ([A/68/283](https://undocs.org/A/68/283), para. 8).\n\n[^2]: A note.\n` }],
  },
  {
    name: 'single curly quotes around a clear quotation',
    draft: `He wrote ‘${LACKING}’ (A/68/283, para. 9).`,
    expect: [{ flagged: LACKING, message: NOT_IN_9, fixed: `He wrote ‘${LACKING}’ (A/68/283, para. 8).` }],
  },
  {
    name: 'the bracketed citation first, then the quotation',
    draft: `The report is clear (see A/68/283, para. 9) “${LACKING}”.`,
    expect: [{ flagged: LACKING, message: NOT_IN_9, fixed: `The report is clear (see A/68/283, para. 8) “${LACKING}”.` }],
  },
  {
    name: 'the bracketed citation, a comma, then the quotation',
    draft: `As the Special Rapporteur observed (A/68/283, para. 9), “${LACKING}”.`,
    expect: [{ flagged: LACKING, message: NOT_IN_9, fixed: `As the Special Rapporteur observed (A/68/283, para. 8), “${LACKING}”.` }],
  },
  {
    name: '"according to" the citation, then the quotation',
    draft: `According to A/68/283, paragraph 9, “${LACKING}”.`,
    expect: [{ flagged: LACKING, message: NOT_IN_9, fixed: `According to A/68/283, paragraph 8, “${LACKING}”.` }],
  },
  {
    name: 'a close variant after "states that": the source’s wording, full stop kept',
    draft: `Paragraph 90 of A/68/283 states that “${CONTROL_WERE}.”`,
    expect: [{ flagged: `${CONTROL_WERE}.`, message: READS_WAS, fixed: `Paragraph 90 of A/68/283 states that “${CONTROL_WAS}.”` }],
  },
  {
    name: 'a close variant with a lower-case first letter: the drafter’s case is kept',
    draft: `observing that “states have created international frameworks for such other global problems” (A/68/283, para. 8)`,
    expect: [
      {
        flagged: 'states have created international frameworks for such other global problems',
        message: /^The quoted words are not in paragraph 8 of A\/68\/283\. The paragraph reads “states have created international frameworks for such other global issues”\.$/,
        fixed: 'observing that “states have created international frameworks for such other global issues” (A/68/283, para. 8)',
      },
    ],
  },
  {
    name: 'a substituted first word stays inside the replaced words',
    draft: `noting that “although the existence of legal frameworks on migration issues” (A/68/283, para. 8)`,
    expect: [
      {
        flagged: 'although the existence of legal frameworks on migration issues',
        message: /The paragraph reads “despite the existence of legal frameworks on migration issues”\.$/,
        fixed: 'noting that “despite the existence of legal frameworks on migration issues” (A/68/283, para. 8)',
      },
    ],
  },
  {
    name: 'Markdown emphasis inside the quotation: reported, but the words are not rewritten',
    draft: 'Paragraph 90 of A/68/283 states that “States would have *more* control if there were more migration governance”',
    expect: [{ flagged: 'States would have *more* control if there were more migration governance', message: READS_WAS, fixed: null }],
  },
  {
    name: 'words the report does not have at all',
    draft: 'It said that “migration is best left to the markets alone” (A/68/283, para. 8).',
    expect: [{ flagged: 'migration is best left to the markets alone', message: /^The quoted words are not in paragraph 8 of A\/68\/283\.$/, fixed: null }],
  },
  {
    name: 'in two other paragraphs: both named, no guess',
    draft: 'It mentions “the High-level Dialogue on International Migration and Development” (A/68/283, para. 40).',
    expect: [
      {
        flagged: 'the High-level Dialogue on International Migration and Development',
        message: /^The quoted words are not in paragraph 40 of A\/68\/283\. They are in paragraphs 41 and 49\.$/,
        fixed: null,
      },
    ],
  },
  {
    name: 'two citations, neither holds it: both named, no fix',
    draft: `He stressed that “${LACKING.replace('still lacking', 'now in place')}” (A/68/283, para. 9; A/71/285, para. 110).`,
    expect: [
      {
        flagged: LACKING.replace('still lacking', 'now in place'),
        message: /^The quoted words are not in paragraph 9 of A\/68\/283 or paragraph 110 of A\/71\/285\.$/,
        fixed: null,
      },
    ],
  },
  {
    name: 'a pinpoint of two paragraphs: paragraph 89 has a close variant (the source’s capital “States” is kept)',
    draft: `“${RELUCTANCE}” (A/68/283, paras. 88 and 89)`,
    expect: [
      {
        flagged: RELUCTANCE,
        message: /^The quoted words are not in paragraphs 88 and 89 of A\/68\/283\. The paragraphs read “States' reluctance to strengthened migration governance seems to be based on the misconception that this will limit their sovereignty”\.$/,
        fixed: "“States' reluctance to strengthened migration governance seems to be based on the misconception that this will limit their sovereignty” (A/68/283, paras. 88 and 89)",
      },
    ],
  },
  {
    name: 'a pinpoint of two paragraphs: the quotation is in neither and like nothing in them',
    draft: '“migration is best left to the markets alone” (A/68/283, paras. 88 and 89)',
    expect: [{ flagged: 'migration is best left to the markets alone', message: /^The quoted words are not in paragraphs 88 and 89 of A\/68\/283\.$/, fixed: null }],
  },

  // Tolerated: what typing and editing change.
  { name: 'exact, curly quotes', draft: `It noted that “${LACKING}” (see A/68/283, para. 8).`, expect: [] },
  { name: 'straight quotes, a line break and doubled spaces', draft: `It noted that "despite the existence of legal\nframeworks on  migration issues" (A/68/283, para. 8).`, expect: [] },
  { name: 'first letter capitalised', draft: `“Despite the existence of legal frameworks” (A/68/283, para. 8)`, expect: [] },
  { name: 'trailing full stop inside the marks', draft: `“a comprehensive framework for migration governance is still lacking.” (A/68/283, para. 8)`, expect: [] },
  { name: 'elision with “…”', draft: '“despite the existence … still lacking” (see A/68/283, para. 8)', expect: [] },
  { name: 'elision with "..."', draft: '"despite the existence ... still lacking" (see A/68/283, para. 8)', expect: [] },
  { name: 'elision with "[…]" and "[...]"', draft: '“Migration is a complex phenomenon […] closely linked to other global issues [...] the advantages of regulation” (A/68/283, para. 8)', expect: [] },
  { name: 'an editorial “[t]he”', draft: '“[t]he Special Rapporteur notes the need for an international migration governance regime” (A/68/283, para. 8)', expect: [] },
  { name: 'a straight apostrophe for the source’s curly one', draft: `As "stated in the Special Rapporteur's 2013 report" (A/71/285, para. 108).`, expect: [] },
  {
    name: 'a quotation within the quotation, in single quotes',
    draft:
      'He spoke “on the theme ‘Towards the 2013 High-level Dialogue on International Migration and Development: measures to ensure respect for and protection of the human rights of all migrants, with particular reference to women and children, as well as to prevent and combat the smuggling of migrants and trafficking in persons and to ensure regular, orderly and safe migration’” (A/68/283, para. 3).',
    expect: [],
  },
  { name: 'a word split by PDF extraction in the held text (A/71/285: “O n the contrary”)', draft: '“On the contrary, States would have more control if there were more migration governance” (A/71/285, para. 110).', expect: [] },
  { name: 'a quotation running on into the next cited paragraph', draft: '“strongly focused on human rights. Thus, in the light of the upcoming High-Level Dialogue” (A/68/283, paras. 8–9)', expect: [] },
  { name: 'the second of two citations holds it', draft: `He stressed that “${RELUCTANCE}” (A/68/283, para. 90; A/71/285, para. 110).`, expect: [] },

  // Not a quotation attributed to a pinpoint whose text is held.
  { name: 'the cited document’s text is not held', draft: '“an informal dialogue with stakeholders” (resolution 71/280, para. 8)', expect: [] },
  { name: 'the cited paragraph does not exist (no-such-paragraph says so)', draft: `“${LACKING}” (A/68/283, para. 150)`, expect: [] },
  { name: 'no pinpoint', draft: `“${RELUCTANCE}” (see A/68/283).`, expect: [] },
  { name: 'a title, not a quotation', draft: 'the session entitled “International cooperation and governance of migration” (A/68/283, para. 12)', expect: [] },
  { name: 'a term of two words', draft: 'so-called “migration management” (A/68/283, para. 12)', expect: [] },
  { name: 'quotation and citation in different sentences', draft: `“${RELUCTANCE}”. See A/68/283, para. 12.`, expect: [] },
  { name: 'a quotation after a citation with no verb between', draft: `See A/68/283, para. 12 “${RELUCTANCE}”.`, expect: [] },
];

describe('quote-mismatch', () => {
  // The fix rewrites the paragraph number, or the quoted words and nothing around them; after it the quotation is not flagged.
  runRuleTable(quoteMismatchRule, rows, {
    editsMay: (replaced, edit, finding) => /^\d+$/.test(replaced) || (edit.range.start === finding.range.start && edit.range.end === finding.range.end),
    fixLeavesNothing: true,
  });

  for (const name of ['A-68-283.md', 'A-71-285-excerpt.txt', 'GCM-issue-brief-3-2017.md']) {
    test(`seed ${name}: no false quote-mismatch`, () => {
      assert.deepEqual(flagged(seed(name), check(quoteMismatchRule, seed(name))), []);
    });
  }

  // Every paragraph of the held reports quoted the way drafters quote: no finding may come of it.
  for (const symbol of ['A/68/283', 'A/71/285']) {
    test(`${symbol}: each paragraph quoted (curly or straight, elided, capitalised, after "states that") and cited correctly`, () => {
      const document = testCorpus().lookup(symbol)!.document!;
      const lines: string[] = [];
      for (const paragraph of document.model.paragraphs) {
        const words = paragraph.text.split(' ');
        const start = words.findIndex((w) => /^\p{L}/u.test(w));
        const chunk = words.slice(start, start + 18).join(' ').replace(/[“”]/g, (q) => (q === '“' ? '‘' : '’'));
        const elided = `${words.slice(start, start + 4).join(' ')} … ${words.slice(start + 9, start + 16).join(' ')}`.replace(/[“”"]/g, '');
        const capital = chunk.charAt(0).toUpperCase() + chunk.slice(1);
        lines.push(
          `${paragraph.label}. It says “${chunk}” (see ${symbol}, para. ${paragraph.label}).`,
          `Also "${capital.replace(/ /g, (s, i: number) => (i % 3 ? s : '\n'))}." (${symbol}, paragraph ${paragraph.label}).`,
          `And “${elided}” (${symbol}, para. ${paragraph.label}).`,
          `Paragraph ${paragraph.label} of ${symbol} states that “${chunk}”.`,
          '',
        );
      }
      const draft = lines.join('\n');
      const findings = check(quoteMismatchRule, draft);
      assert.deepEqual(findings.map((f) => `${flagged(draft, [f])[0]}: ${f.message}`), []);
    });
  }
});
