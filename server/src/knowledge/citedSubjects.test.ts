// Subjects adopted texts give the resolutions they cite: sentences of the 1,190 real texts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findReferences } from '../references';
import { citedSubjects, subjectAfter } from './citedSubjects';

const source = { kind: 'cited', from: 'A/RES/80/1' } as const;
const subjects = (text: string) =>
  citedSubjects(text, findReferences(text).filter((ref) => ref.symbol && ref.kind !== 'internal'), source).map((c) => `${c.symbol}: ${c.value}`);

describe('the subject a text gives the resolutions it cites', () => {
  const rows: { name: string; text: string; expect: string[] }[] = [
    {
      name: 'a list of two, then the subject (A/80/L.11)',
      text: 'Reaffirming also its resolutions 53/199 of 15 December 1998 and 61/185 of 20 December 2006 on the proclamation of international years, and Economic and Social Council resolution 1980/67 of 25 July 1980 on international years and anniversaries,',
      expect: ['A/RES/53/199: proclamation of international years', 'A/RES/61/185: proclamation of international years'],
    },
    {
      name: 'a comma inside the subject is read on',
      text: 'Recalling its resolution 76/300 of 28 July 2022 on the human right to a clean, healthy and sustainable environment,',
      expect: ['A/RES/76/300: human right to a clean, healthy and sustainable environment'],
    },
    {
      name: 'a comma before "including" ends it',
      text: 'Recalling its resolution 77/178 of 14 December 2022 on the promotion of sustainable and resilient tourism, including ecotourism, for poverty eradication,',
      expect: ['A/RES/77/178: promotion of sustainable and resilient tourism'],
    },
    {
      name: 'a title stated for one member: no subject for the list',
      text: 'Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”, on the sustainable development goals,',
      expect: [],
    },
    {
      name: 'what the resolution did is no subject',
      text: 'Recalling its resolution 78/10 of 21 November 2023, in which it decided to include in the provisional agenda the sub-item,',
      expect: [],
    },
    { name: 'a mission named before: no subject alone', text: 'Recalling its resolution 53/241 of 28 July 1999 on the financing of the Mission,', expect: [] },
    {
      name: 'a comma between lower-case words is read on (the title of 78/31 is “Youth, disarmament and non-proliferation”)',
      text: 'Recalling its resolution 78/31 of 4 December 2023 on youth, disarmament and non-proliferation,',
      expect: ['A/RES/78/31: youth, disarmament and non-proliferation'],
    },
    { name: 'one word says too little', text: 'Recalling its resolution 78/31 of 4 December 2023 on youth, and its resolution 77/64,', expect: [] },
    { name: 'another body’s resolution is no Assembly resolution', text: 'Recalling Security Council resolution 1325 (2000) of 31 October 2000 on women and peace and security,', expect: [] },
  ];
  for (const row of rows) test(row.name, () => assert.deepEqual(subjects(row.text), row.expect));
});

test('the subject ends before a second thing or a clause', () => {
  assert.equal(subjectAfter(' on the girl child and all its previous resolutions'), 'girl child');
  assert.equal(subjectAfter(' on the protection of migrants, which'), 'protection of migrants');
  assert.equal(subjectAfter(', and recalling'), undefined);
});
