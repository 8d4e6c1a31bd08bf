// Anaphora in place of a repeated symbol, on real strings of ../shared/un-documents/texts.jsonl
// (each row names the resolution it comes from; line breaks as the PDF text layer prints them).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findReferences } from './find';

const TABLE: readonly { from: string; text: string; expected: string[] }[] = [
  {
    from: 'A/RES/78/211',
    text: 'Recalling its resolution 47/135 of 18 December 1992, by which it adopted the Declaration on the Rights of Persons Belonging to National or Ethnic, Religious and Linguistic Minorities annexed to that resolution,',
    expected: ['that resolution → A/RES/47/135 (47/135)'],
  },
  {
    from: 'A/RES/79/185',
    text: 'Noting that, consistent with Security Council resolution 2474 (2019), States bear \nthe primary responsibility to respect and ensure the human rights of all individuals \nwithin their territory, and noting also that, \nin the same resolution, the Council',
    expected: ['the same resolution → S/RES/2474 (2019) (2474 (2019))'],
  },
  {
    from: 'A/RES/79/192',
    text: 'Recalls its resolution 47/202 B of 22 December 1992 on the pattern of \nconferences, and urges the authors of reports to submit their reports for \nconsideration by the General Assembly in a timely manner in order to comply with \nthat resolution, including to',
    expected: ['that resolution → A/RES/47/202 (47/202 B)'],
  },
  {
    // A name of the same document between them: the citation is the antecedent.
    from: 'A/RES/79/214',
    text: 'Recalling its resolution 71/256 of 23 December 2016, entitled “New Urban \nAgenda”, in which it endorsed the New Urban Agenda, adopted by the United Nations \nConference on Housing and Sustainable Urban Development (Habitat III), held in \nQuito from 17 to 20 October 2016, as contained in the annex to the above-mentioned \nresolution,',
    expected: ['the above-mentioned \nresolution → A/RES/71/256 (71/256)'],
  },
  // The antecedent in another paragraph: nothing (A/RES/78/63, operative paragraph 4).
  { from: 'A/RES/78/63', text: '4. Calls for immediate steps towards the full implementation of that resolution;', expected: [] },
  // A report cited, then "that resolution": another kind of document, nothing (A/RES/79/189).
  { from: 'A/RES/79/189', text: 'Requests the Secretary-General to submit a report (see A/79/200), and urges Member States to contribute relevant information to that resolution', expected: [] },
];

describe('anaphora: "that resolution", "the same resolution", "the above-mentioned report"', () => {
  for (const row of TABLE) {
    test(`${row.from}: ${row.expected.join('; ') || 'nothing'}`, () => {
      const refs = findReferences(row.text).filter((r) => r.antecedent);
      assert.deepEqual(
        refs.map((r) => `${row.text.slice(r.targetRange.start, r.targetRange.end)} → ${r.symbol} (${row.text.slice(r.antecedent!.start, r.antecedent!.end)})`),
        row.expected,
      );
    });
  }

  test('two resolutions before it: ambiguous, nothing; with a pinpoint before it, the paragraph', () => {
    const two = 'Recalling its resolutions 70/1 and 71/1, and the commitments made in that resolution';
    assert.deepEqual(findReferences(two).filter((r) => r.antecedent), []);
    const pinned = 'Takes note of the report of the Secretary-General (A/79/200) and of the recommendations in paragraph 12 of the same report';
    const [ref] = findReferences(pinned).filter((r) => r.antecedent);
    assert.deepEqual([ref.symbol, ref.paragraphs, pinned.slice(ref.range.start, ref.range.end)], ['A/79/200', ['12'], 'paragraph 12 of the same report']);
  });
});
