// Texts known by body and number rather than by a UN document symbol (kind 'numbered'), on real
// strings of ../shared/un-documents/texts.jsonl (each row names the adopted resolution it comes
// from; line breaks as the PDF text layer prints them). Where the text is another organ's with a
// symbol, the row says so: a body's reading must never take an Assembly resolution away.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findReferences } from './find';
import type { Reference } from './model';

function describeRef(text: string, r: Reference): string {
  const written = text.slice(r.targetRange.start, r.targetRange.end).replace(/\s+/g, ' ');
  if (r.kind !== 'numbered') return `${written} → ${r.symbol}`;
  const n = r.numbered!;
  const pin = r.annex !== undefined ? `, annex ${r.annex}` : '';
  return `${written} → ${n.type} ${n.number}${n.year ? ` (${n.year})` : ''} of ${n.body ?? '?'}${n.title ? ` “${n.title}”` : ''}${pin}`;
}

const TABLE: readonly { from: string; text: string; expected: string[] }[] = [
  {
    // Was A/RES/65/2 (1980s numbering of the Assembly): the Commission's own 65th session.
    from: 'A/RES/78/229',
    text: 'as well as Commission on Narcotic \nDrugs resolution 65/2, entitled “Strengthening international cooperation to address \nthe links between illicit drug trafficking and illicit firearms trafficking”',
    expected: ['65/2 → resolution 65/2 of Commission on Narcotic Drugs'],
  },
  {
    from: 'A/RES/80/229',
    text: 'Taking note of Commission on Crime Prevention and Criminal Justice resolution \n25/2 of 27 May 2016 on promoting legal aid',
    expected: ['25/2 → resolution 25/2 of Commission on Crime Prevention and Criminal Justice'],
  },
  {
    from: 'A/RES/80/191',
    text: 'Commission on the Status of Women resolutions 49/7 of \n11 March 2005, entitled “Indigenous women: beyond the ten-year review”',
    expected: ['49/7 → resolution 49/7 of Commission on the Status of Women'],
  },
  {
    // The Commission is the subject ("by the …, in its resolution"): its number, not the Assembly's 73/8.
    from: 'A/RES/78/149',
    text: 'by the Economic and Social Commission for Asia and the Pacific in its resolution \n73/8 of 19 May 2017',
    expected: ['73/8 → resolution 73/8 of Economic and Social Commission for Asia and the Pacific'],
  },
  { from: 'A/RES/79/202', text: 'in accordance with decision 1/CMA.5,16 ', expected: ['1/CMA.5 → decision 1/CMA.5 of CMA.5'] },
  {
    from: 'A/RES/78/153',
    text: 'decisions 1/CMA.3 and 1/CMA.4, 28  the call to \naccelerate',
    expected: ['1/CMA.3 → decision 1/CMA.3 of CMA.3', '1/CMA.4 → decision 1/CMA.4 of CMA.4'],
  },
  // Decisions of the principal organs are published in their Official Records, without a symbol.
  { from: 'A/RES/78/174', text: 'Economic and Social Council decision 2005/234', expected: ['2005/234 → decision 2005/234 of Economic and Social Council'] },
  { from: 'A/C.1/80/L.3', text: 'established pursuant to General Assembly decision \n79/512 of 2 December 2024,', expected: ['79/512 → decision 79/512 of General Assembly'] },
  // Without the organ named, a decision's body is not guessed.
  { from: 'A/RES/79/212', text: 'and recalling its decision 79/545,', expected: [] },
  // The report that holds the decision is the reference, as before.
  { from: 'A/RES/78/153', text: 'See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.', expected: ['FCCC/CP/2015/10/Add.1 → FCCC/CP/2015/10/Add.1'] },
  // The Assembly's resolutions stay the Assembly's.
  { from: 'A/RES/78/62', text: 'Commission and Assembly resolution 61/98', expected: ['61/98 → A/RES/61/98'] },
  {
    from: 'A/RES/78/234',
    text: 'establishment of the Permanent Forum on People of African \nDescent, through its resolution 75/314 of 2 August 2021',
    expected: ['75/314 → A/RES/75/314'],
  },
  // A misprint of the Economic and Social Council's name: still its resolution, by the number's form.
  { from: 'A/RES/78/227', text: 'Economic and Council resolution 2002/12, annex', expected: ['2002/12 → E/RES/2002/12'] },
  // "… Biological Diversity and resolutions 3/4 …" are the Environment Assembly's, named after them: not the Conference's.
  { from: 'A/RES/78/155', text: 'Conference of the Parties to the Convention on Biological Diversity and resolutions \n3/4 of 30 January 2018', expected: [] },
  {
    from: 'A/RES/79/155',
    text: 'Report of the Fourth World Conference on Women, Beijing, 4–15 September 1995 (United \nNations publication, Sales No. E.96.IV.13), chap. I, resolution 1, annexes I and II. ',
    expected: ['United Nations publication, Sales No. E.96.IV.13 → publication E.96.IV.13 of ? “Report of the Fourth World Conference on Women, Beijing, 4–15 September 1995”'],
  },
  {
    from: 'A/RES/79/172',
    text: 'general comments No. 21 (1992) \non humane treatment of persons deprived of their liberty, 14 No. 32 (2007) on the right \nto equality before courts and tribunals and to a fair trial15 and No. 35 (2014) on liberty \nand security of person,16 adopted by the Human Rights Committee, general comments \nNo. 13 (2011) on the right of the child to freedom from all forms of violence 17 and \nNo. 24 (2019) on children’s rights in the child justice system, 18  adopted by the \nCommittee on the Rights of the Child',
    expected: [
      'general comments No. 21 (1992) → general comment 21 (1992) of Human Rights Committee',
      'No. 32 (2007) → general comment 32 (2007) of Human Rights Committee',
      'No. 35 (2014) → general comment 35 (2014) of Human Rights Committee',
      'general comments No. 13 (2011) → general comment 13 (2011) of Committee on the Rights of the Child',
      'No. 24 (2019) → general comment 24 (2019) of Committee on the Rights of the Child',
    ],
  },
  {
    from: 'A/RES/80/9',
    text: 'Committee on the Elimination of \nDiscrimination against Women general recommendation No. 38 (2020)',
    expected: ['general recommendation No. 38 (2020) → general recommendation 38 (2020) of Committee on the Elimination of Discrimination against Women'],
  },
  // "its general comment": the Committee is the sentence's subject, further back; not guessed.
  { from: 'A/RES/78/198', text: 'in particular its general \ncomment No. 12 (1999)', expected: ['general comment No. 12 (1999) → general comment 12 (1999) of ?'] },
];

describe('texts known by body and number: no symbol made up', () => {
  for (const row of TABLE) {
    test(`${row.from}: ${row.expected.join('; ') || 'nothing'}`, () => {
      const refs = findReferences(row.text);
      assert.deepEqual(
        refs.map((r) => describeRef(row.text, r)),
        row.expected,
      );
      for (const r of refs.filter((ref) => ref.kind === 'numbered')) assert.equal(r.symbol, undefined, 'no symbol for a numbered text');
    });
  }
});
