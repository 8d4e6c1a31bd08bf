import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paragraphNumberingRule } from './paragraphNumbering';
import { applyFix, check, flagged, type RuleRow, runRuleTable, seed, timedCheck } from './testing';

/** A draft of numbered paragraphs, one a line pair: "1. One." */
const draft = (...paragraphs: string[]) => paragraphs.join('\n\n') + '\n';

const rows: readonly RuleRow[] = [
  // Paragraphs.
  { name: 'consecutive', draft: draft('1. One.', '2. Two.', '3. Three.'), expect: [] },
  { name: 'inserted paragraphs "5 bis", "5 ter" after 5', draft: draft('4. Four.', '5. Five.', '5 bis. Inserted.', '5 ter. Inserted.', '6. Six.'), expect: [] },
  { name: 'a new run from 1 (operative after preambular paragraphs)', draft: draft('1. One.', '2. Two.', '1. Operative one.', '2. Operative two.'), expect: [] },
  { name: 'an excerpt starting at 107', draft: draft('107. A.', '108. B.', '109. C.'), expect: [] },
  // PDF text layers of adopted resolutions (../shared/un-documents).
  {
    name: 'A/RES/78/102: numbers alone on their lines',
    draft: '10. Strongly urges all States;\n \n11. \nEncourages all States and the United Nations to cooperate;\n \n12. Encourages all States:\n',
    expect: [],
  },
  {
    name: 'A/RES/80/9: a number after a footnote number glued to the sentence',
    draft: '5. We recall the relevant instruments, including the Convention.7 and its protocols.8 \n6. \nWe recall the Global Compact.\n\n7. We also reaffirm our recognition.\n',
    expect: [],
  },
  {
    name: 'A/RES/79/314: a sub-heading line ending in a citing word ("action") before the number',
    draft: '25. We recognize the critical role of maritime transport.\n\nAccelerating action \n26. We note the adoption of the Agreement.\n\n27. We call upon States.\n',
    expect: [],
  },
  {
    name: 'A/RES/79/144: an annex of amendments numbers as the amended text does',
    draft: '380. Requests.\n\n381. Decides to include the item.\n\n52nd plenary meeting\n\nAnnex\n\nAmend paragraph 8 to read:\n\n8. The Secretary-General may engage an independent panel.\n',
    expect: [],
  },
  {
    name: 'A/RES/80/226: sub-paragraphs run into the lines after the colon and the semicolons',
    draft: '12. Such assessments should be updated, for example: (a) when the sentence is determined; (b) at the beginning of a period \nof imprisonment; \n(c) whenever there are significant changes.\n\n13. Next.\n',
    expect: [],
  },
  {
    name: 'A/RES/79/160: numbers alone on their lines without the full stop',
    draft:
      '25. Recalls the recommendation of the Special Rapporteur that education \nof national histories and identities in order to sustain ethnonationalist myths of \nracially or ethnically “pure” nations;14 \n \n26 \nCondemns without reservation any denial of or attempt to deny the \nHolocaust; \n \n27 \nAffirms its deep commitment to the duty of remembrance;15 \n \n28. Recalls the conclusions of the Special Rapporteur;\n',
    expect: [],
  },
  {
    name: 'A/RES/80/3: a sub-heading broken over two lines before the number',
    draft:
      '12. We look forward to the 2028 Conference, to be hosted by Tajikistan. \n \nII. Implementation of the Awaza Programme of Action for Landlocked \nDeveloping Countries for the Decade 2024–2034 \n13. We strongly commit ourselves to the full implementation of the Awaza \nProgramme of Action: \n \n(a) \nStructural transformation; \n \n(b) \nMeans of implementation. \n14. We reaffirm our commitment to advancing the concrete deliverables.\n',
    expect: [],
  },
  {
    name: 'A/RES/80/243: a table’s number cell before a one-word cell is no paragraph number',
    draft:
      '2. Approves the changes to the staffing table as set out in the table below: \n \nAction \nTitle of post \nNumber \nEstablishment \nLegal Officer \nP-4 \n1 \nTotal new posts \n \n \n3 \nReclassification \nPublic Information Officer \nP-4 \n1 \n\n3. Also approves the estimates.\n',
    expect: [],
  },
  {
    name: 'a number without its full stop that breaks the run is still a slip',
    draft: '4. Four.\n\n5. Five.\n\n5 \nAlso reaffirms the important role of the Commission.\n\n7. Seven.\n',
    expect: [{ flagged: '5', message: /numbered twice/, fixTitle: 'Renumber paragraph 5 as 6', fixed: '4. Four.\n\n5. Five.\n\n6 \nAlso reaffirms the important role of the Commission.\n\n7. Seven.\n' }],
  },
  {
    name: 'alternatives of one paragraph in negotiation brackets',
    draft: draft('1. One.', '2. Two.', '3. [Alt 1: The Assembly decides x.]', '3. [Alt 2: The Assembly decides y.]', '4. Four.'),
    expect: [],
  },
  {
    name: 'a skipped number: renumbered to the end of the run',
    draft: draft('1. One.', '2. Two.', '4. Four.', '5. Five.', '1. Operative.'),
    expect: [
      {
        flagged: '4',
        message: /^Paragraph 4 follows paragraph 2: there is no paragraph 3\.$/,
        fixTitle: 'Renumber paragraphs 4–5', fixed: draft('1. One.', '2. Two.', '3. Four.', '4. Five.', '1. Operative.'),
      },
    ],
  },
  {
    name: 'two numbers skipped',
    draft: draft('1. One.', '4. Four.'),
    expect: [{ flagged: '4', message: /^Paragraph 4 follows paragraph 1: there are no paragraphs 2 and 3\.$/, fixTitle: 'Renumber paragraph 4 as 2', fixed: draft('1. One.', '2. Four.') }],
  },
  {
    name: 'a number given twice',
    draft: draft('1. One.', '2. Two.', '2. Again.', '3. Three.'),
    expect: [
      {
        flagged: '2',
        message: /^Paragraph 2 is numbered twice: this one should be 3\.$/,
        fixTitle: 'Renumber paragraphs 2–3', fixed: draft('1. One.', '2. Two.', '3. Again.', '4. Three.'),
      },
    ],
  },
  {
    name: 'a slip of one number: only that paragraph moves',
    draft: draft('1. One.', '2. Two.', '3. Three.', '3. Four.', '5. Five.'),
    expect: [
      {
        flagged: '3',
        message: /^Paragraph 3 is numbered twice: this one should be 4\.$/,
        fixTitle: 'Renumber paragraph 3 as 4', fixed: draft('1. One.', '2. Two.', '3. Three.', '4. Four.', '5. Five.'),
      },
    ],
  },
  {
    name: 'references to renumbered paragraphs move with them, in the same fix',
    draft: draft('1. One, see paragraph 4 below.', '2. Two.', '4. Four, see paras. 4–6 below.', '5. Five.', '5 bis. Inserted, see paragraph 1 above.', '6. Six, see paras. 4 and 5 above.'),
    expect: [
      {
        flagged: '4',
        message: /^Paragraph 4 follows paragraph 2: there is no paragraph 3\.$/,
        fixTitle: 'Renumber paragraphs 4–6',
        fixed: draft('1. One, see paragraph 3 below.', '2. Two.', '3. Four, see paras. 3–5 below.', '4. Five.', '4 bis. Inserted, see paragraph 1 above.', '5. Six, see paras. 3 and 4 above.'),
      },
    ],
  },
  {
    name: 'the house style’s hyphen in the title',
    draft: draft('1. One.', '3. Three.', '4. Four.'),
    houseStyle: { rangeDash: 'hyphen' },
    expect: [{ flagged: '3', message: /^Paragraph 3 follows paragraph 1: there is no paragraph 2\.$/, fixTitle: 'Renumber paragraphs 3-4', fixed: draft('1. One.', '2. Three.', '3. Four.') }],
  },
  {
    name: '"bis" after a missing base: flagged, no renumbering',
    draft: draft('1. One.', '2. Two.', '3 bis. Inserted.', '3. Three.'),
    expect: [{ flagged: '3 bis', message: /^Paragraph 3 bis follows paragraph 2; it should follow paragraph 3\.$/, fixed: null }],
  },
  {
    name: '"ter" without "bis"',
    draft: draft('4. Four.', '5. Five.', '5 ter. Inserted.', '6. Six.'),
    expect: [{ flagged: '5 ter', message: /^Paragraph 5 ter follows paragraph 5: there is no paragraph 5 bis\.$/, fixed: null }],
  },
  {
    name: '"bis" twice',
    draft: draft('4. Four.', '5. Five.', '5 bis. Inserted.', '5 bis. Inserted again.', '6. Six.'),
    expect: [{ flagged: '5 bis', message: /^Paragraph 5 bis is numbered twice\.$/, fixed: null }],
  },

  // Sub-paragraphs.
  { name: 'sub-paragraphs (a)–(c) with (i), (ii) inside (b)', draft: draft('1. The Assembly:', '(a) Decides x;', '(b) Decides y:', '(i) one;', '(ii) two;', '(c) Decides z.'), expect: [] },
  { name: 'letters running past (h): (i) is a letter there', draft: draft('1. The Assembly:', '(g) G;', '(h) H;', '(i) I;', '(j) J.').replace('(g)', '(a) A;\n\n(b) B;\n\n(c) C;\n\n(d) D;\n\n(e) E;\n\n(f) F;\n\n(g)'), expect: [] },
  {
    name: 'a letter skipped: relettered to the end of the list',
    draft: draft('1. The Assembly:', '(a) Decides x;', '(b) Decides y;', '(d) Decides z;', '(e) Decides w.'),
    expect: [
      {
        flagged: 'd',
        message: /^In paragraph 1, sub-paragraph \(d\) follows \(b\): there is no sub-paragraph \(c\)\.$/,
        fixTitle: 'Reletter sub-paragraphs (d)–(e)', fixed: draft('1. The Assembly:', '(a) Decides x;', '(b) Decides y;', '(c) Decides z;', '(d) Decides w.'),
      },
    ],
  },
  {
    name: 'a letter given twice',
    draft: draft('1. The Assembly:', '(a) Decides x;', '(b) Decides y;', '(b) Decides z.'),
    expect: [
      {
        flagged: 'b',
        message: /^In paragraph 1, sub-paragraph \(b\) is lettered twice: this one should be \(c\)\.$/,
        fixTitle: 'Reletter sub-paragraph (b) as (c)', fixed: draft('1. The Assembly:', '(a) Decides x;', '(b) Decides y;', '(c) Decides z.'),
      },
    ],
  },
  {
    name: 'a list starting at (b)',
    draft: draft('1. The Assembly:', '(b) Decides x;', '(c) Decides y.'),
    expect: [
      {
        flagged: 'b',
        message: /^In paragraph 1, sub-paragraph \(b\) is the first: there is no sub-paragraph \(a\)\.$/,
        fixTitle: 'Reletter sub-paragraphs (b)–(c)', fixed: draft('1. The Assembly:', '(a) Decides x;', '(b) Decides y.'),
      },
    ],
  },
  {
    // A/C.4/80/L.1, paras. 1-3: a footnote number after ")." at the line's end, then "2." on the next line.
    name: 'A/C.4/80/L.1: a footnote number after a bracket and a full stop, then the next number',
    draft: [
      '1. ',
      'The agenda items allocated by the General Assembly to the Special Political and ',
      'included in the provisional agenda of the eightieth session (A/80/100 and ',
      'A/80/100/Add.1).1 ',
      '2. ',
      'The General Assembly, in rule 99, paragraph (b), of its rules of procedure, calls ',
      'items and the number of meetings to be allocated for the consideration of each item .  ',
      '3. ',
      'The General Assembly decided that the eightieth session should recess on ',
      '',
    ].join('\n'),
    expect: [],
  },
  {
    // A/C.5/80/L.6, section II: a table of income whose rows are numbered, inside operative paragraph 1.
    name: 'A/C.5/80/L.6: numbered rows of a table (label, then its amount) are not paragraphs',
    draft: [
      'Resolves that, for 2026: ',
      ' ',
      '1. ',
      'Estimates of income totalling 312,115,000 United States dollars are ',
      'approved as follows: ',
      ' ',
      'Income section ',
      'Amount (United States dollars) ',
      '1. Income from staff assessment ',
      '278 735 200 ',
      '2. General income ',
      '32 815 100 ',
      '3. Services to the public ',
      '564 700 ',
      'Total ',
      '312 115 000 ',
      ' ',
      '2. ',
      'The income from staff assessment shall be credited to the Tax Equalization ',
      'Fund in accordance with the provisions of General Assembly resolution 973 (X) of ',
      '15 December 1955; ',
      ' ',
      '3. ',
      'Direct expenses of the United Nations Postal Administration shall be charged;',
      '',
    ].join('\n'),
    expect: [],
  },
  {
    name: 'a paragraph that only looks like a table row still counts when its body is a sentence',
    draft: draft('1. One.', '2. Decides to allocate\n278 735 200 dollars to the Fund;', '4. Four.'),
    expect: [{ flagged: '4', message: /^Paragraph 4 follows paragraph 2: there is no paragraph 3\.$/, fixTitle: 'Renumber paragraph 4 as 3', fixed: draft('1. One.', '2. Decides to allocate\n278 735 200 dollars to the Fund;', '3. Four.') }],
  },
  {
    // A/C.2/80/L.33, para. 7 (and A/C.2/80/L.45, para. 8), as its PDF text layer breaks the lines.
    name: 'a list begun inside the paragraph, only (c) at the start of a line',
    draft: [
      '7. Encourages Governments and other relevant stakeholders to commit to',
      'building resilient, inclusive, quality education systems by (a) providing increased',
      'support to teachers and educational personnel; (b) investing in skills',
      'development, and full and productive employment;',
      '(c) eradicating poverty, combating inequality and bridging the digital divide;',
      '',
    ].join('\n'),
    expect: [],
  },
  {
    name: 'a roman numeral skipped inside (b); the letters after it are untouched',
    draft: draft('1. The Assembly:', '(a) Decides x;', '(b) Decides y:', '(i) one;', '(ii) two;', '(iv) four;', '(v) five;', '(c) Decides z.'),
    expect: [
      {
        flagged: 'iv',
        message: /^In paragraph 1, sub-paragraph \(iv\) follows \(ii\): there is no sub-paragraph \(iii\)\.$/,
        fixTitle: 'Renumber sub-paragraphs (iv)–(v)',
        fixed: draft('1. The Assembly:', '(a) Decides x;', '(b) Decides y:', '(i) one;', '(ii) two;', '(iii) four;', '(iv) five;', '(c) Decides z.'),
      },
    ],
  },
  {
    name: 'sub-paragraphs typed on the paragraph’s own lines',
    draft: '12. The Assembly:\n(a) Decides that x;\n(c) Requests y.\n',
    expect: [{ flagged: 'c', message: /^In paragraph 12, sub-paragraph \(c\) follows \(a\): there is no sub-paragraph \(b\)\.$/, fixTitle: 'Reletter sub-paragraph (c) as (b)', fixed: '12. The Assembly:\n(a) Decides that x;\n(b) Requests y.\n' }],
  },
  {
    name: 'two letters skipped',
    draft: draft('1. The Assembly:', '(a) Decides x;', '(d) Decides y.'),
    expect: [
      {
        flagged: 'd',
        message: /^In paragraph 1, sub-paragraph \(d\) follows \(a\): there are no sub-paragraphs \(b\) and \(c\)\.$/,
        fixTitle: 'Reletter sub-paragraph (d) as (b)', fixed: draft('1. The Assembly:', '(a) Decides x;', '(b) Decides y.'),
      },
    ],
  },
  { name: 'a label that fits no list: the rule is unsure and says nothing', draft: draft('1. The Assembly:', '(a) Decides x;', '(q) Decides y.'), expect: [] },
];

describe('paragraph-numbering', () => {
  // Only numbers and labels are rewritten, and a fix leaves no numbering fault.
  runRuleTable(paragraphNumberingRule, rows, { editsMay: /^(?:\d+|[a-z]{1,2}|[ivxlc]+)$/, fixLeavesNothing: true });

  test('regression: 3,000 paragraphs all numbered 2 — every slip reported, the first ones with a fix, fast (each fix renumbered the rest: 3 s, quadratic)', { timeout: 60_000 }, () => {
    const text = '1. One.\n\n' + '2. Again.\n\n'.repeat(3_000);
    const { findings } = timedCheck(paragraphNumberingRule, text);
    assert.equal(findings.length, 2_999);
    assert.equal(findings[0].fixes[0].title, 'Renumber paragraphs 2–2');
    assert.equal(applyFix(text, findings[0].fixes[0]), '1. One.\n\n' + Array.from({ length: 3_000 }, (_, i) => `${i + 2}. Again.\n\n`).join(''));
    assert.equal(findings[findings.length - 1].fixes.length, 0, 'past the budget, no fix');
  });

  test('regression: 4,000 sub-paragraphs all lettered (b) — every slip reported, fast (each fix relettered the rest: 7 s, quadratic)', { timeout: 60_000 }, () => {
    const text = '1. Chapeau:\n\n' + '(b) item;\n\n'.repeat(4_000);
    const { findings } = timedCheck(paragraphNumberingRule, text);
    assert.equal(findings.length, 4_000);
    assert.equal(findings[0].fixes[0].title, 'Reletter sub-paragraphs (b)–(b)');
  });

  test('seed A/68/283: paragraphs 1–143 run on, sub-paragraphs too', () => {
    assert.deepEqual(flagged(seed('A-68-283.md'), check(paragraphNumberingRule, seed('A-68-283.md'))), []);
  });

  for (const name of ['A-71-285-excerpt.txt', 'GCM-issue-brief-3-2017.md']) {
    test(`seed ${name}: no numbering finding`, () => {
      assert.deepEqual(flagged(seed(name), check(paragraphNumberingRule, seed(name))), []);
    });
  }

  test('seed A/68/283 with paragraph 40 numbered 41: one finding, and the fix restores the seed', () => {
    const original = seed('A-68-283.md');
    const at = original.indexOf('\n40. ') + 1;
    const text = original.slice(0, at) + '41' + original.slice(at + 2);
    const findings = check(paragraphNumberingRule, text);
    assert.deepEqual(flagged(text, findings), ['41']);
    assert.match(findings[0].message, /^Paragraph 41 is numbered twice: this one should be 40\.$|^Paragraph 41 follows paragraph 39: it should be 40\.$|^Paragraph 41 follows paragraph 39: there is no paragraph 40\.$/);
    assert.equal(applyFix(text, findings[0].fixes[0]), original);
  });
});
