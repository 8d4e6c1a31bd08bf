import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { workspaceText } from '../corpus/testCorpus';
import { supersededRule } from './superseded';
import { applyFix, check, flagged, type RuleRow, runRuleTable, seed, testCorpus } from './testing';

const withRevisions = testCorpus(['A/C.3/74/L.35/Rev.1', 'A/C.3/74/L.35/Rev.2', 'A/71/728/Corr.1'].map((symbol) => workspaceText(symbol)));

const PROTECTION = (cited: string, year: string) =>
  new RegExp(`^80/218 of 18 December 2025 is the latest resolution on “Protection of migrants”, after resolution ${cited} \\(${year}\\)\\.$`);
const dated = (date: string, body: string) => `---\ndate: ${date}\n---\n${body}`;
const MODALITIES_DRAFT = /^Draft resolution A\/71\/L\.58 was adopted as resolution 71\/280 of 6 April 2017; cite the resolution, not the draft\.$/;

const rows: readonly RuleRow[] = [
  // (1) A recurring series: "Protection of migrants".
  {
    name: 'series, short form',
    draft: 'Recalling its resolution 67/172 on the protection of migrants,',
    expect: [{ flagged: '67/172', message: PROTECTION('67/172', '2012'), fixed: 'Recalling its resolution 80/218 on the protection of migrants,' }],
  },
  {
    name: 'series, full symbol',
    draft: 'See A/RES/67/172.',
    expect: [{ flagged: 'A/RES/67/172', message: PROTECTION('67/172', '2012'), fixed: 'See A/RES/80/218.' }],
  },
  {
    name: 'series, Markdown link: only the number inside the link changes',
    draft: 'pursuant to General Assembly resolution [67/172](#).',
    expect: [{ flagged: '67/172', message: PROTECTION('67/172', '2012'), fixed: 'pursuant to General Assembly resolution [80/218](#).' }],
  },
  {
    name: 'series, a later member that is still not the latest',
    draft: 'resolution 72/179 of 19 December 2017',
    expect: [{ flagged: '72/179 of 19 December 2017', message: PROTECTION('72/179', '2017'), fixed: 'resolution 80/218 of 18 December 2025' }],
  },
  {
    name: 'series: the fix rewrites the date and title that follow, so no date-mismatch is left behind',
    draft: 'Recalling its resolution 76/172 of 16 December 2021, entitled “Protection of migrants”,',
    expect: [{ flagged: '76/172 of 16 December 2021', message: PROTECTION('76/172', '2021'), fixed: 'Recalling its resolution 80/218 of 18 December 2025, entitled “Protection of migrants”,' }],
  },
  { name: 'series, the latest member', draft: 'Recalling its resolution 80/218,', expect: [] },
  {
    name: 'series recalled in full, the latest included: deliberate',
    draft: 'Recalling its resolutions 67/172 of 20 December 2012, 70/147 of 17 December 2015 and 80/218 of 18 December 2025,',
    expect: [],
  },
  // Judged as of the draft's date.
  {
    name: 'as of its date (22 December 2023), a text citing 76/172 as the most recent is right',
    draft: dated('2023-12-15', 'Recalling its resolution 76/172 of 16 December 2021, the most recent on the protection of migrants,'),
    expect: [],
  },
  {
    name: 'the same citation in a draft of 2026 is outdated by 80/218',
    draft: dated('2026-03-01', 'Recalling its resolution 76/172 of 16 December 2021,'),
    expect: [
      {
        flagged: '76/172 of 16 December 2021',
        message: /^80\/218 of 18 December 2025 was the latest resolution on “Protection of migrants” at this draft’s date \(1 March 2026\), after resolution 76\/172 \(2021\)\.$/,
        fixed: dated('2026-03-01', 'Recalling its resolution 80/218 of 18 December 2025,'),
      },
    ],
  },
  {
    name: 'a draft of June 2021 is told of 74/148, the latest before it, not of what came later',
    draft: dated('2021-06-01', 'resolution 72/179'),
    expect: [{ flagged: '72/179', message: /^74\/148 of 18 December 2019 was the latest .*at this draft’s date \(1 June 2021\), after resolution 72\/179 \(2017\)\.$/, fixed: dated('2021-06-01', 'resolution 74/148') }],
  },
  {
    name: 'a resolution is not outdated by one adopted in the same session as the draft (from A/RES/79/156)',
    draft: '---\nsymbol: A/RES/79/156\ndate: 2024-12-17\n---\nRecalling its resolution 78/119 of 8 December 2023,',
    expect: [],
  },
  {
    name: 'a series known from titles alone is held only against drafts of that series (from A/RES/79/18: 77/250 set up a group of experts)',
    draft: '---\ndate: 2024-12-02\n---\nRecalling its resolution 77/250 of 30 December 2022,',
    expect: [],
  },
  {
    name: 'a draft of that same recurring resolution, recalling the round before last, is told of the latest',
    draft: '---\ndate: 2024-11-20\ntitle: Further practical measures for the prevention of an arms race in outer space\n---\nRecalling its resolution 77/250 of 30 December 2022,',
    expect: [
      {
        flagged: '77/250 of 30 December 2022',
        message: /^78\/238 of 22 December 2023 was the latest resolution on “Further practical measures for the prevention of an arms race in outer space” at this draft’s date \(20 November 2024\), after resolution 77\/250 \(2022\)\.$/,
        fixed: '---\ndate: 2024-11-20\ntitle: Further practical measures for the prevention of an arms race in outer space\n---\nRecalling its resolution 78/238 of 22 December 2023,',
      },
    ],
  },
  {
    name: 'no successor older than a member the draft already cites',
    draft: dated('2020-01-15', 'resolutions 72/179 and 76/172'),
    expect: [],
  },
  {
    name: 'an adopted resolution is not replaced by itself, nor by what was adopted with it',
    draft: 'United Nations\n\nA/RES/80/218\n\nGeneral Assembly\n\nDistr.: General\n\n22 December 2025\n\nResolution adopted by the General Assembly on 18 December 2025\n\nRecalling its resolution 78/217 of 19 December 2023,\n',
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
  runRuleTable(supersededRule, rows);

  test('seed A/68/283 (7 August 2013): 67/172, the mandate it reported under, was the latest then', () => {
    const text = seed('A-68-283.md');
    assert.deepEqual(flagged(text, check(supersededRule, text)), []);
    // Undated, the same words are outdated today.
    const undated = text.replace(/Distr\.: General/, 'Distr.: Unknown');
    const findings = check(supersededRule, undated);
    assert.deepEqual(flagged(undated, findings), ['67/172', '67/172', '67/172', '67/172']);
    for (const finding of findings) assert.equal(applyFix(undated, finding.fixes[0]), undated.slice(0, finding.range.start) + '80/218' + undated.slice(finding.range.end));
  });

  test('seed GCM issue brief 3: nothing is superseded', () => {
    const text = seed('GCM-issue-brief-3-2017.md');
    assert.deepEqual(flagged(text, check(supersededRule, text)), []);
  });
});
