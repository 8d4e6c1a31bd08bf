// The openings as data, and the pattern that finds one at the start of a line: a table of real lines.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findReferences } from '../references';
import { EXHORTATION_SCALE, OPENINGS, OPERATIVE_OPENINGS, PREAMBULAR_OPENINGS, findOpening } from './openings';
import { INSERTION_WORDS, openingInLine } from './patterns';

describe('openings data', () => {
  test('each phrase once, each with a note; preambular participles and operative verbs apart', () => {
    const phrases = OPENINGS.map((o) => o.phrase.toLowerCase());
    assert.equal(new Set(phrases).size, phrases.length);
    for (const opening of OPENINGS) assert.ok(opening.note.length > 20, opening.phrase);
    assert.ok(PREAMBULAR_OPENINGS.every((o) => o.part === 'preambular' && /^[A-Z]/.test(o.phrase)));
    assert.ok(OPERATIVE_OPENINGS.every((o) => o.part === 'operative' && /^[A-Z][a-z]+s\b/.test(o.phrase)), 'operative verbs are in the third person');
  });

  test('the exhortation scale: invites < encourages < calls upon < urges < demands', () => {
    assert.deepEqual(
      EXHORTATION_SCALE.map((o) => o.phrase),
      ['Invites', 'Encourages', 'Calls upon', 'Urges', 'Demands'],
    );
  });

  test('the notes say what the verbs weigh', () => {
    assert.match(findOpening('Urges')!.note, /stronger than “calls upon” and “encourages”/);
    assert.match(findOpening('Calls upon')!.addresses!, /^States/);
    assert.match(findOpening('Decides')!.note, /binding on the body itself/);
    assert.equal(findOpening('Decides')!.addresses, 'the body itself');
    assert.match(findOpening('Taking note')!.note, /without approving/);
    assert.match(findOpening('Reaffirming')!.note, /stronger than “Recalling”/);
  });

  test('findOpening ignores case and spacing', () => {
    assert.equal(findOpening('calls  upon')?.phrase, 'Calls upon');
    assert.equal(findOpening('Shouts'), undefined);
  });
});

// [line, opening phrase, text covered] — or [line, undefined] where none opens the line.
const LINES: readonly (readonly [string, string | undefined, string?])[] = [
  // examples/draft-resolution.md
  ['*Recalling* its resolution 71/1 of 19 September 2016, entitled “New York Declaration for Refugees and Migrants”,', 'Recalling', 'Recalling'],
  ['*Recalling also* its resolution A/RES/71/280 of 6 April 2017', 'Recalling', 'Recalling also'],
  ['*Recalling further* General Assembly resolution 67/172', 'Recalling', 'Recalling further'],
  ['*Taking note* of the report of the Special Representative', 'Taking note', 'Taking note'],
  ['*Noting with concern* that, “despite the existence of legal frameworks', 'Noting with concern', 'Noting with concern'],
  ['*Mindful* of Security Council resolution 2240 (2015)', 'Mindful', 'Mindful'],
  ['1. *Welcomes* the consultations held in accordance with resolution 71/280, paragraph 8,', 'Welcomes', 'Welcomes'],
  ['4. *Recalls* the Special Rapporteur’s views on detention of migrants (A/HRC/20/24)', 'Recalls', 'Recalls'],
  ['6. *Decides* to include in the provisional agenda of its seventy-third session', 'Decides', 'Decides'],
  // negotiated drafts
  ['5 bis. *Also requests* the Secretary-General', 'Requests', 'Also requests'],
  ['[7. *Urges* States to] ratify', 'Urges', 'Urges'],
  ['2. [*Calls upon*][*Encourages*] States', 'Calls upon', 'Calls upon'],
  ['**Requests further** the Secretary-General', 'Requests', 'Requests further'],
  ['_Noting_ that', 'Noting', 'Noting'],
  ['urges all States', 'Urges', 'urges'],
  ['   Takes note with appreciation of the report', 'Takes note with appreciation', 'Takes note with appreciation'],
  // not openings
  ['*The General Assembly*,', undefined],
  ['States urges', undefined],
  ['Urgesmore', undefined],
  ['    *Urges* (indented code in Markdown)', undefined],
  ['- Reaffirm and update existing tools and frameworks', undefined],
  ['(a) Urges', undefined],
];

describe('openingInLine', () => {
  for (const [line, phrase, covered] of LINES) {
    test(JSON.stringify(line), () => {
      const found = openingInLine(line);
      assert.equal(found?.opening.phrase, phrase);
      if (found) assert.equal(line.slice(found.range.start, found.range.end), covered);
    });
  }

  test('the paragraph number before the opening is reported', () => {
    assert.equal(openingInLine('5 bis. *Decides*')?.paragraphNumber, '5 bis');
    assert.equal(openingInLine('12. Urges')?.paragraphNumber, '12');
    assert.equal(openingInLine('*Urges*')?.paragraphNumber, undefined);
  });
});

test('the insertion words are the reference grammar’s: "5 bis" … "10 decies" are read as paragraph labels', () => {
  for (const word of INSERTION_WORDS) {
    const [ref] = findReferences(`resolution 71/280, paragraph 5 ${word}`);
    assert.deepEqual(ref?.paragraphs, [`5 ${word}`], word);
  }
});
