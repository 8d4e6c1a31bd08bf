import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, check, flagged, type RuleRow, runRuleTable, seed } from './testing';
import { titleMismatchRule } from './titleMismatch';

const NYD = 'New York Declaration for Refugees and Migrants';
const MODALITIES = 'Modalities for the intergovernmental negotiations of the global compact for safe, orderly and regular migration';
const AGENDA = 'Transforming our world: the 2030 Agenda for Sustainable Development';
const entitled = (name: string, title: string) => new RegExp(`^${name} is entitled “${title.replace(/[.:/()]/g, '\\$&')}”\\.$`);

const rows: readonly RuleRow[] = [
  {
    name: 'a word missing',
    draft: 'Recalling its resolution 71/1 of 19 September 2016, entitled “New York Declaration for Migrants”,',
    expect: [{ flagged: 'New York Declaration for Migrants', message: entitled('Resolution 71/1', NYD), fixed: `Recalling its resolution 71/1 of 19 September 2016, entitled “${NYD}”,` }],
  },
  {
    name: 'a case difference inside the title counts (titles are cited exactly)',
    draft: 'resolution 70/1, entitled “Transforming Our World: the 2030 Agenda for Sustainable Development”',
    expect: [{ flagged: 'Transforming Our World: the 2030 Agenda for Sustainable Development', message: entitled('Resolution 70/1', AGENDA), fixed: `resolution 70/1, entitled “${AGENDA}”` }],
  },
  {
    name: 'straight quotes',
    draft: 'resolution 71/1, entitled "New York Declaration on Refugees and Migrants".',
    expect: [{ flagged: 'New York Declaration on Refugees and Migrants', message: entitled('Resolution 71/1', NYD), fixed: `resolution 71/1, entitled "${NYD}".` }],
  },
  {
    name: 'a quotation right after the symbol that reads like the title (cut short)',
    draft: 'In resolution A/RES/71/280 “Modalities for the intergovernmental negotiations of the global compact”, the Assembly',
    expect: [{ flagged: 'Modalities for the intergovernmental negotiations of the global compact', message: entitled('Resolution 71/280', MODALITIES), fixed: `In resolution A/RES/71/280 “${MODALITIES}”, the Assembly` }],
  },
  {
    name: 'a report',
    draft: 'See A/71/728, entitled “Report of the Special Representative on Migration”',
    expect: [{ flagged: 'Report of the Special Representative on Migration', message: entitled('A/71/728', 'Report of the Special Representative of the Secretary-General on Migration'), fixed: 'See A/71/728, entitled “Report of the Special Representative of the Secretary-General on Migration”' }],
  },
  { name: 'exact', draft: `resolution 71/1, entitled “${NYD}”`, expect: [] },
  { name: 'tolerated: straight quotes', draft: `resolution 71/1, entitled "${NYD}"`, expect: [] },
  {
    // A/RES/78/263, as adopted: the official title ends with the short name the registry leaves out.
    name: 'tolerated: the short name in brackets at the end of the official title',
    draft: 'Reaffirming also its resolution 69/313 of 27 July 2015, entitled “Addis Ababa Action Agenda of the Third International Conference on Financing for Development (Addis Ababa Action Agenda)”, which',
    expect: [],
  },
  { name: 'tolerated: first letter in lower case', draft: 'resolution 70/1, entitled “transforming our world: the 2030 Agenda for Sustainable Development”', expect: [] },
  { name: 'tolerated: a comma swept inside the quotes', draft: `resolution 71/1, entitled “${NYD},” and`, expect: [] },
  { name: 'tolerated: doubled and no-break spaces', draft: 'resolution 71/1, entitled “New York  Declaration for\u00a0Refugees and Migrants ”', expect: [] },
  { name: 'a quotation after the symbol that is not its title', draft: 'resolution A/RES/71/280 “encourages all Member States” to', expect: [] },
  { name: 'title not verified (A/68/150)', draft: 'See A/68/150, entitled “Agenda of the sixty-eighth session”', expect: [] },
  { name: 'Security Council resolutions bear no title', draft: 'Security Council resolution 2240 (2015), entitled “Migrant smuggling”', expect: [] },
  { name: 'registry title with a description in parentheses (A/68/283)', draft: 'See A/68/283, entitled “Human rights of migrants”', expect: [] },
  { name: 'a name, not a symbol', draft: 'the New York Declaration, entitled “Declaration on refugees”', expect: [] },
  { name: 'a document the registry does not know', draft: 'See A/70/59, entitled “In safety and dignity”', expect: [] },
  // Adopted resolutions (../shared/un-documents) against titles the registry learned from PDF text layers.
  { name: 'A/RES/78/172: the registry has no title for 74/270', draft: 'Recalling its resolution 74/270 of 2 April 2020, entitled “Global solidarity to fight the coronavirus disease 2019 (COVID-19)”, and', expect: [] },
  { name: 'A/RES/78/122: a hyphen broken at the line end in the registry’s title', draft: 'its resolution 77/161 of 14 December 2022, entitled “Promoting zero-waste initiatives to advance the 2030 Agenda for Sustainable Development”, in which', expect: [] },
  { name: 'A/RES/78/151: the same hyphen broken at a line end in the draft too', draft: 'its resolution 77/161 of 14 December 2022 entitled “Promoting zero- \nwaste initiatives to advance the 2030 Agenda for Sustainable Development”, Noting', expect: [] },
  {
    name: 'A/RES/78/128: a title holding a quotation is read only to the inner closing mark: not judged',
    draft: 'its resolution 77/334 of 1 September 2023, entitled “Follow-up to the United Nations Conference on the Midterm Comprehensive Review of the Implementation of the Objectives of the International Decade for Action, “Water for Sustainable Development”, 2018–2028”, and',
    expect: [],
  },
  {
    name: 'A/RES/78/318: a title opening with a quoted name, read to that name’s closing mark',
    draft: 'Reaffirming further its resolution 78/261 of 26 February 2024, entitled “World Social Summit” under the title “Second World Summit for Social Development”, by which',
    expect: [],
  },
];

describe('title-mismatch', () => {
  runRuleTable(titleMismatchRule, rows);

  test('seed GCM issue brief 3 with a word of the modalities title changed: flagged, and the fix restores the seed', () => {
    const original = seed('GCM-issue-brief-3-2017.md');
    const text = original.replace('“Modalities for the intergovernmental negotiations', '“Modalities for the negotiations');
    assert.notEqual(text, original);
    const findings = check(titleMismatchRule, text);
    assert.deepEqual(flagged(text, findings), [`Modalities for the negotiations of the global compact for safe, orderly and regular migration`]);
    assert.match(findings[0].message, entitled('Resolution 71/280', MODALITIES));
    assert.equal(applyFix(text, findings[0].fixes[0]), original);
  });

  for (const name of ['A-68-283.md', 'GCM-issue-brief-3-2017.md']) {
    test(`seed ${name}: every title it quotes after a citation is right`, () => {
      assert.deepEqual(flagged(seed(name), check(titleMismatchRule, seed(name))), []);
    });
  }
});
