import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CorpusDocument, type Corpus } from '../corpus';
import { supersededRule } from './superseded';
import { applyFix, assertFixTouchesOnlyFlaggedText, check, flagged, seed, testCorpus } from './testing';

interface Expected {
  readonly flagged: string;
  readonly message: RegExp;
  /** The draft once the fix is applied; null when no fix is offered. */
  readonly fixed: string | null;
}

interface Row {
  readonly name: string;
  readonly draft: string;
  readonly corpus?: Corpus;
  readonly expect: readonly Expected[];
}

const workspaceText = (symbol: string) => new CorpusDocument(symbol, symbol, `file:///corpus/${symbol.replace(/\//g, '-')}.md`, 'workspace', '1. Text.\n');
const withRevisions = testCorpus(['A/C.3/74/L.35/Rev.1', 'A/C.3/74/L.35/Rev.2', 'A/71/728/Corr.1'].map(workspaceText));

const PROTECTION = (cited: string, year: string) =>
  new RegExp(`^Resolution ${cited} \\(${year}\\) has been superseded: the latest resolution on “Protection of migrants” is 72/179 of 19 December 2017\\.$`);
const MODALITIES_DRAFT = /^Draft resolution A\/71\/L\.58 was adopted as resolution 71\/280 of 6 April 2017; cite the resolution, not the draft\.$/;

const rows: readonly Row[] = [
  // (1) A recurring series: "Protection of migrants".
  {
    name: 'series, short form',
    draft: 'Recalling its resolution 67/172 on the protection of migrants,',
    expect: [{ flagged: '67/172', message: PROTECTION('67/172', '2012'), fixed: 'Recalling its resolution 72/179 on the protection of migrants,' }],
  },
  {
    name: 'series, full symbol',
    draft: 'See A/RES/67/172.',
    expect: [{ flagged: 'A/RES/67/172', message: PROTECTION('67/172', '2012'), fixed: 'See A/RES/72/179.' }],
  },
  {
    name: 'series, Markdown link: only the number inside the link changes',
    draft: 'pursuant to General Assembly resolution [67/172](#).',
    expect: [{ flagged: '67/172', message: PROTECTION('67/172', '2012'), fixed: 'pursuant to General Assembly resolution [72/179](#).' }],
  },
  {
    name: 'series, a later member that is still not the latest',
    draft: 'resolution 70/147 of 17 December 2015',
    expect: [{ flagged: '70/147', message: PROTECTION('70/147', '2015'), fixed: 'resolution 72/179 of 17 December 2015' }],
  },
  { name: 'series, the latest member', draft: 'Recalling its resolution 72/179,', expect: [] },
  {
    name: 'series recalled in full, the latest included: deliberate',
    draft: 'Recalling its resolutions 67/172 of 20 December 2012, 70/147 of 17 December 2015 and 72/179 of 19 December 2017,',
    expect: [],
  },
  {
    name: 'series with a pinpoint: the later resolution numbers its paragraphs differently, so no fix',
    draft: 'resolution 67/172, paragraph 5',
    expect: [{ flagged: '67/172', message: PROTECTION('67/172', '2012'), fixed: null }],
  },
  {
    name: 'series with lettered parts: no fix rather than a guess',
    draft: 'resolution 67/172 A.',
    expect: [{ flagged: '67/172 A', message: PROTECTION('67/172', '2012'), fixed: null }],
  },
  // (2) A draft after its adoption.
  {
    name: 'adopted draft, bare symbol',
    draft: 'as proposed in A/71/L.58, the',
    expect: [{ flagged: 'A/71/L.58', message: MODALITIES_DRAFT, fixed: 'as proposed in A/RES/71/280, the' }],
  },
  {
    name: 'adopted draft: "draft resolution" in the citation loses "draft"',
    draft: 'Recalling draft resolution A/71/L.58 on modalities,',
    expect: [{ flagged: 'draft resolution A/71/L.58', message: MODALITIES_DRAFT, fixed: 'Recalling resolution A/RES/71/280 on modalities,' }],
  },
  {
    name: 'adopted draft at the start of a sentence',
    draft: 'Draft resolution A/71/L.58 was adopted without a vote.',
    expect: [{ flagged: 'Draft resolution A/71/L.58', message: MODALITIES_DRAFT, fixed: 'Resolution A/RES/71/280 was adopted without a vote.' }],
  },
  {
    name: 'adopted draft in parentheses after "draft resolution": flagged, no fix ("the draft resolution (A/RES/71/280)" would be wrong)',
    draft: 'the draft resolution (A/71/L.58)',
    expect: [{ flagged: 'A/71/L.58', message: MODALITIES_DRAFT, fixed: null }],
  },
  {
    name: 'adopted draft after "the draft" without "resolution": no fix ("the draft A/RES/71/280" would be wrong)',
    draft: 'the draft A/71/L.58 was',
    expect: [{ flagged: 'A/71/L.58', message: MODALITIES_DRAFT, fixed: null }],
  },
  {
    name: 'adopted drafts in a list: no fix touches the shared "draft resolutions"',
    draft: 'draft resolutions A/71/L.58 and A/72/L.9',
    expect: [
      { flagged: 'A/71/L.58', message: MODALITIES_DRAFT, fixed: null },
      { flagged: 'A/72/L.9', message: /^Draft resolution A\/72\/L\.9 was adopted as resolution 72\/244 of 24 December 2017; cite/, fixed: null },
    ],
  },
  {
    name: 'adopted draft, reissued: the asterisk goes with the draft',
    draft: 'See A/71/L.1* and',
    expect: [{ flagged: 'A/71/L.1*', message: /^Draft resolution A\/71\/L\.1 was adopted as resolution 71\/1 of 19 September 2016; cite the resolution, not the draft\.$/, fixed: 'See A/RES/71/1 and' }],
  },
  {
    name: 'adopted draft with a pinpoint: the resolution keeps the draft’s numbering',
    draft: 'See A/71/L.58, paragraph 8',
    expect: [{ flagged: 'A/71/L.58', message: MODALITIES_DRAFT, fixed: 'See A/RES/71/280, paragraph 8' }],
  },
  { name: 'draft cited beside its resolution: deliberate', draft: 'resolution 71/280 (adopted from A/71/L.58)', expect: [] },
  { name: 'the resolution itself', draft: 'resolution 71/280 and A/RES/71/1', expect: [] },
  // (3) A text after its revision.
  {
    name: 'revised: the highest revision the corpus knows; "draft" stays (a revision is still a draft)',
    draft: 'draft resolution A/C.3/74/L.35 on migrants',
    corpus: withRevisions,
    expect: [{ flagged: 'A/C.3/74/L.35', message: /^A\/C\.3\/74\/L\.35 has been revised: A\/C\.3\/74\/L\.35\/Rev\.2 replaces it\.$/, fixed: 'draft resolution A/C.3/74/L.35/Rev.2 on migrants' }],
  },
  {
    name: 'revised: an earlier revision',
    draft: 'See A/C.3/74/L.35/Rev.1.',
    corpus: withRevisions,
    expect: [{ flagged: 'A/C.3/74/L.35/Rev.1', message: /has been revised: A\/C\.3\/74\/L\.35\/Rev\.2 replaces it/, fixed: 'See A/C.3/74/L.35/Rev.2.' }],
  },
  { name: 'revised: the latest revision', draft: 'See A/C.3/74/L.35/Rev.2.', corpus: withRevisions, expect: [] },
  { name: 'a corrigendum replaces nothing', draft: 'the Sutherland report (A/71/728)', corpus: withRevisions, expect: [] },
  { name: 'revisions unknown to this corpus', draft: 'See A/C.3/74/L.35.', expect: [] },
  // Nothing to say.
  { name: 'unknown document', draft: 'resolution 99/999', expect: [] },
  { name: 'Security Council resolution', draft: 'Security Council resolution 2240 (2015)', expect: [] },
  { name: 'a name', draft: 'the New York Declaration', expect: [] },
];

describe('superseded', () => {
  for (const row of rows) {
    test(row.name, () => {
      const findings = check(supersededRule, row.draft, { corpus: row.corpus });
      assert.deepEqual(flagged(row.draft, findings), row.expect.map((e) => e.flagged));
      findings.forEach((finding, i) => {
        const expected = row.expect[i];
        assert.match(finding.message, expected.message);
        if (expected.fixed === null) assert.equal(finding.fixes.length, 0);
        else assert.equal(applyFix(row.draft, finding.fixes[0]), expected.fixed);
        for (const fix of finding.fixes) assertFixTouchesOnlyFlaggedText(row.draft, finding, fix);
      });
    });
  }

  test('seed A/68/283 (2013): its four citations of 67/172, the mandate it reported under, are flagged and nothing else', () => {
    // Accepted: the rule cannot know the report predates 72/179; the message stays true.
    const text = seed('A-68-283.md');
    const findings = check(supersededRule, text);
    assert.deepEqual(flagged(text, findings), ['67/172', '67/172', '67/172', '67/172']);
    for (const finding of findings) {
      assert.match(finding.message, PROTECTION('67/172', '2012'));
      assert.equal(applyFix(text, finding.fixes[0]), text.slice(0, finding.range.start) + '72/179' + text.slice(finding.range.end));
    }
  });

  test('seed GCM issue brief 3: nothing is superseded', () => {
    const text = seed('GCM-issue-brief-3-2017.md');
    assert.deepEqual(flagged(text, check(supersededRule, text)), []);
  });
});
