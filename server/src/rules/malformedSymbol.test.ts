import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { malformedSymbolRule } from './malformedSymbol';
import type {  HouseStyle } from './rule';
import { applyFix, check, flagged, type RuleRow, runRuleTable, seed } from './testing';

const HYPHEN: HouseStyle = { rangeDash: 'hyphen' };
const CAPITALS = /set capitals: “A\/RES\/71\/280”/;

const rows: readonly RuleRow[] = [
  {
    name: 'case: "Res"',
    draft: 'In A/Res/71/280, the Assembly decided',
    expect: [{ flagged: 'A/Res/71/280', message: CAPITALS, fixTitle: 'Write A/RES/71/280', fixed: 'In A/RES/71/280, the Assembly decided' }],
  },
  {
    name: 'case: all lower case',
    draft: 'see a/res/71/280.',
    expect: [{ flagged: 'a/res/71/280', message: CAPITALS, fixTitle: 'Write A/RES/71/280', fixed: 'see A/RES/71/280.' }],
  },
  {
    name: 'order: the type after the session',
    draft: 'see A/71/RES/280 on modalities',
    expect: [{ flagged: 'A/71/RES/280', message: /type comes before the session and number: “A\/RES\/71\/280”/, fixTitle: 'Write A/RES/71/280', fixed: 'see A/RES/71/280 on modalities' }],
  },
  {
    name: 'spacing',
    draft: 'see A /RES/71/280 on modalities',
    expect: [{ flagged: 'A /RES/71/280', message: /spac.*“A\/RES\/71\/280”/, fixTitle: 'Write A/RES/71/280', fixed: 'see A/RES/71/280 on modalities' }],
  },
  {
    name: 'a stray final slash',
    draft: 'see A/RES/71/280/ on modalities',
    expect: [{ flagged: 'A/RES/71/280/', message: /does not end with a slash: “A\/RES\/71\/280”/, fixTitle: 'Write A/RES/71/280', fixed: 'see A/RES/71/280 on modalities' }],
  },
  {
    name: 'two problems in one symbol: one finding each, each fix writes the whole symbol',
    draft: 'see a /res/71/280',
    expect: [
      { flagged: 'a /res/71/280', message: CAPITALS, fixTitle: 'Write A/RES/71/280', fixed: 'see A/RES/71/280' },
      { flagged: 'a /res/71/280', message: /spac.*“A\/RES\/71\/280”/, fixTitle: 'Write A/RES/71/280', fixed: 'see A/RES/71/280' },
    ],
  },
  {
    name: 'inside a Markdown link: only the symbol changes',
    draft: 'resolution [A/Res/71/280](https://undocs.org/A/RES/71/280).',
    expect: [{ flagged: 'A/Res/71/280', message: CAPITALS, fixTitle: 'Write A/RES/71/280', fixed: 'resolution [A/RES/71/280](https://undocs.org/A/RES/71/280).' }],
  },
  {
    name: 'a report symbol',
    draft: 'the report a/71/728 shows',
    expect: [{ flagged: 'a/71/728', message: /set capitals: “A\/71\/728”/, fixTitle: 'Write A/71/728', fixed: 'the report A/71/728 shows' }],
  },
  {
    name: 'a paragraph range with a hyphen (house style: en dash)',
    draft: 'resolution 71/280, paras. 89-91 and',
    expect: [{ flagged: '-', message: /^A range takes an en dash, not a hyphen: “89–91”\.$/, fixTitle: 'Write 89–91', fixed: 'resolution 71/280, paras. 89–91 and' }],
  },
  {
    name: 'a spaced hyphen: the spaces go too',
    draft: 'See A/68/283, paras. 12 - 14.',
    expect: [{ flagged: ' - ', message: /en dash, not a hyphen: “12–14”/, fixTitle: 'Write 12–14', fixed: 'See A/68/283, paras. 12–14.' }],
  },
  { name: 'a paragraph range with an en dash', draft: 'resolution 71/280, paras. 89–91', expect: [] },
  { name: 'house style "hyphen": the hyphen is right', draft: 'resolution 71/280, paras. 89-91', houseStyle: HYPHEN, expect: [] },
  { name: 'house style "hyphen": an en dash is not flagged either (the Editorial Manual’s form)', draft: 'resolution 71/280, paras. 89–91', houseStyle: HYPHEN, expect: [] },
  {
    name: 'house style "hyphen": symbols are still checked',
    draft: 'See A/Res/71/280, paras. 89-91',
    houseStyle: HYPHEN,
    expect: [{ flagged: 'A/Res/71/280', message: CAPITALS, fixTitle: 'Write A/RES/71/280', fixed: 'See A/RES/71/280, paras. 89-91' }],
  },
  { name: 'well formed', draft: 'See A/RES/71/280, A/HRC/23/46, S/RES/2240 (2015), A/C.3/74/L.35/Rev.1 and A/71/L.1*', expect: [] },
  { name: 'a symbol in a web address is left alone', draft: 'https://undocs.org/a/res/71/280', expect: [] },
  // Look-alike and invisible characters (references/lookalikes.ts): the grammar does not read these as the symbol.
  {
    name: 'look-alike: Cyrillic А for the series letter',
    draft: 'Recalling \u0410/RES/71/280, the Assembly',
    expect: [{ flagged: '\u0410/RES/71/280', message: /“А” \(U\+0410\), not the Latin “A”.*“A\/RES\/71\/280”/, fixTitle: 'Write A/RES/71/280', fixed: 'Recalling A/RES/71/280, the Assembly' }],
  },
  {
    name: 'look-alike: fullwidth slashes',
    draft: 'Recalling A\uff0fRES\uff0f71\uff0f280.',
    expect: [{ flagged: 'A\uff0fRES\uff0f71\uff0f280', message: /^[^;]*“／” \(U\+FF0F\), not a slash\. It is written “A\/RES\/71\/280”/, fixTitle: 'Write A/RES/71/280', fixed: 'Recalling A/RES/71/280.' }],
  },
  {
    name: 'look-alike: the letter O for a zero',
    draft: 'Recalling A/RES/71/28O, the Assembly',
    expect: [{ flagged: 'A/RES/71/28O', message: /the letter “O” among the digits of “28O”/, fixTitle: 'Write A/RES/71/280', fixed: 'Recalling A/RES/71/280, the Assembly' }],
  },
  {
    name: 'invisible: a zero-width space inside the number',
    draft: 'Recalling A/RES/71/28\u200b0, the Assembly',
    expect: [{ flagged: 'A/RES/71/28\u200b0', message: /an invisible character \(U\+200B\)/, fixTitle: 'Write A/RES/71/280', fixed: 'Recalling A/RES/71/280, the Assembly' }],
  },
  {
    name: 'invisible: a word joiner after the series',
    draft: 'Recalling A\u2060/RES/71/280.',
    expect: [{ flagged: 'A\u2060/RES/71/280', message: /U\+2060/, fixTitle: 'Write A/RES/71/280', fixed: 'Recalling A/RES/71/280.' }],
  },
  {
    name: 'quiet: Russian "и/или", an ordinary "I/O", a date 1/10/2020',
    draft: 'и/или; I/O; on 1/10/2020; A/RES/71/280.',
    expect: [],
  },
];

describe('malformed-symbol', () => {
  // Every finding offers exactly one fix: the symbol or the dash in its proper form.
  runRuleTable(malformedSymbolRule, rows, { eachFinding: (finding) => assert.equal(finding.fixes.length, 1) });

  test('seed GCM issue brief 3 with one symbol miswritten: flagged, and the fix restores the seed', () => {
    const original = seed('GCM-issue-brief-3-2017.md');
    const text = original.replace('paragraph 17 of resolution A/RES/71/280', 'paragraph 17 of resolution A/71/RES/280');
    assert.notEqual(text, original);
    const findings = check(malformedSymbolRule, text);
    assert.deepEqual(flagged(text, findings), ['A/71/RES/280']);
    assert.equal(applyFix(text, findings[0].fixes[0]), original);
  });

  for (const name of ['A-68-283.md', 'GCM-issue-brief-3-2017.md']) {
    test(`seed ${name}: every symbol is written in its official form`, () => {
      assert.deepEqual(flagged(seed(name), check(malformedSymbolRule, seed(name))), []);
    });
  }
});
