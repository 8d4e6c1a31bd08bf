import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dateMismatchRule } from './dateMismatch';
import { applyFix, check, flagged, type RuleRow, runRuleTable, seed } from './testing';

const MODALITIES = /^Resolution 71\/280 was adopted on 6 April 2017, not 6 April 2016\.$/;

const rows: readonly RuleRow[] = [
  {
    name: 'wrong year, "of" date',
    draft: 'Recalling its resolution 71/280 of 6 April 2016, the',
    expect: [{ flagged: '6 April 2016', message: MODALITIES, fixed: 'Recalling its resolution 71/280 of 6 April 2017, the' }],
  },
  {
    name: 'full symbol, with a title after the date',
    draft: 'resolution A/RES/71/280 of 6 April 2016, entitled “Modalities for the intergovernmental negotiations of the global compact for safe, orderly and regular migration”',
    expect: [{ flagged: '6 April 2016', message: MODALITIES, fixed: 'resolution A/RES/71/280 of 6 April 2017, entitled “Modalities for the intergovernmental negotiations of the global compact for safe, orderly and regular migration”' }],
  },
  {
    name: 'date in parentheses',
    draft: 'adopted by General Assembly resolution 45/158 (18 December 1991), has',
    expect: [{ flagged: '18 December 1991', message: /^Resolution 45\/158 was adopted on 18 December 1990, not 18 December 1991\.$/, fixed: 'adopted by General Assembly resolution 45/158 (18 December 1990), has' }],
  },
  {
    name: 'a leading zero is kept',
    draft: 'resolution 71/280 of 06 April 2016',
    expect: [{ flagged: '06 April 2016', message: MODALITIES, fixed: 'resolution 71/280 of 06 April 2017' }],
  },
  {
    name: 'a report is dated, not adopted',
    draft: 'the Sutherland report, A/71/728 of 2 February 2017,',
    expect: [{ flagged: '2 February 2017', message: /^A\/71\/728 is dated 3 February 2017, not 2 February 2017\.$/, fixed: 'the Sutherland report, A/71/728 of 3 February 2017,' }],
  },
  {
    name: 'in a list, only the wrong one',
    draft: 'resolutions 71/280 of 6 April 2017 and 72/244 of 24 December 2016',
    expect: [{ flagged: '24 December 2016', message: /^Resolution 72\/244 was adopted on 24 December 2017, not 24 December 2016\.$/, fixed: 'resolutions 71/280 of 6 April 2017 and 72/244 of 24 December 2017' }],
  },
  { name: 'the right date', draft: 'resolution 71/280 of 6 April 2017', expect: [] },
  // From A/RES/78/253: parts of budget resolutions are adopted months apart.
  { name: 'a lettered part has a date of its own', draft: 'Recalling section I of its resolution 68/247 B of 9 April 2014,', expect: [] },
  // From A/RES/78/147: the Economic and Social Commission for Asia and the Pacific's 79/8, not the Assembly's.
  { name: 'a date far outside the session is another body’s resolution', draft: 'the adoption, by the Commission at its seventy-ninth session, of resolution 79/8 of 19 May 2023', expect: [] },
  // A/RES/78/244, as adopted: part B of 72/266 was adopted at the resumed session.
  { name: 'a part of a resolution adopted in parts, with its own date', draft: 'its resolutions 72/266 A of 24 December 2017, 72/266 B of 5 July 2018 and', expect: [] },
  { name: 'the right date, in parentheses', draft: 'resolution 45/158 (18 December 1990)', expect: [] },
  { name: 'registry date not verified (67/172): say nothing', draft: 'resolution 67/172 of 21 December 2012', expect: [] },
  { name: 'registry has the year only (A/61/515)', draft: 'See A/61/515 of 3 March 2006', expect: [] },
  { name: 'Security Council resolution, date from memory', draft: 'Security Council resolution 2240 (2015) of 8 October 2015', expect: [] },
  { name: 'a document the registry does not know', draft: 'resolution 99/999 of 1 January 2016', expect: [] },
  { name: 'a name dates the instrument (the Compact, 10 December 2018), not the resolution', draft: 'the Global Compact for Safe, Orderly and Regular Migration of 10 December 2018', expect: [] },
  { name: 'no date stated', draft: 'resolution 71/280, paragraph 8', expect: [] },
];

describe('date-mismatch', () => {
  runRuleTable(dateMismatchRule, rows);

  test('seed GCM issue brief 3 with a wrong year for 45/158: flagged, and the fix restores the seed', () => {
    const original = seed('GCM-issue-brief-3-2017.md');
    const text = original.replace('45/158 (18 December 1990)', '45/158 (18 December 1991)');
    assert.notEqual(text, original);
    const findings = check(dateMismatchRule, text);
    assert.deepEqual(flagged(text, findings), ['18 December 1991']);
    assert.equal(applyFix(text, findings[0].fixes[0]), original);
  });

  for (const name of ['A-68-283.md', 'GCM-issue-brief-3-2017.md']) {
    test(`seed ${name}: every date it states is right (or not vouched for)`, () => {
      assert.deepEqual(flagged(seed(name), check(dateMismatchRule, seed(name))), []);
    });
  }
});
