import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareRounds } from './compare';

/** A resolution from its preambular and operative paragraphs, as drafters write it in Markdown. */
function draft(preamble: string[], operative: string[], numbers?: string[]): string {
  return ['*The General Assembly*,', '', ...preamble.flatMap((p) => [p, '']), ...operative.flatMap((p, i) => [`${numbers?.[i] ?? i + 1}. ${p}`, ''])].join('\n');
}

const PP = [
  '*Recalling* its resolution 72/179 of 19 December 2017 on the protection of migrants,',
  '*Reaffirming* the Universal Declaration of Human Rights and the International Covenant on Civil and Political Rights,',
];
const OP = [
  '*Urges* States to protect the human rights of all migrants, regardless of their migration status;',
  '*Calls upon* States to promote safe, orderly and regular migration and to cooperate with countries of origin, transit and destination;',
  '*Requests* the Secretary-General to submit a report on the implementation of the present resolution at its seventy-fourth session.',
];

function rows(oldText: string, newText: string): string[] {
  return compareRounds(oldText, newText).paragraphs.map((r) => `${r.status} ${r.old.join('+')}>${r.new.join('+')}${r.force ? ` ${r.force}` : ''}`);
}

describe('compare: alignment', () => {
  const table: { name: string; old: string; new: string; expect: string[] }[] = [
    { name: 'identical rounds', old: draft(PP, OP), new: draft(PP, OP), expect: ['unchanged pp1>pp1', 'unchanged pp2>pp2', 'unchanged 1>1', 'unchanged 2>2', 'unchanged 3>3'] },
    {
      name: 'a paragraph inserted renumbers the rest, which stay unchanged',
      old: draft(PP, OP),
      new: draft(PP, [OP[0], '*Invites* the International Organization for Migration to continue its work with host communities;', OP[1], OP[2]]),
      expect: ['unchanged pp1>pp1', 'unchanged pp2>pp2', 'unchanged 1>1', 'new >2', 'unchanged 2>3', 'unchanged 3>4'],
    },
    {
      name: 'a paragraph deleted',
      old: draft(PP, OP),
      new: draft(PP, [OP[0], OP[2]]),
      expect: ['unchanged pp1>pp1', 'unchanged pp2>pp2', 'unchanged 1>1', 'deleted 2>', 'unchanged 3>2'],
    },
    {
      name: 'a paragraph moved to the end',
      old: draft(PP, OP),
      new: draft(PP, [OP[1], OP[2], OP[0]]),
      expect: ['unchanged pp1>pp1', 'unchanged pp2>pp2', 'unchanged 2>1', 'unchanged 3>2', 'moved 1>3'],
    },
    {
      name: 'one paragraph split in two',
      old: draft(PP, OP),
      new: draft(PP, [OP[0], '*Calls upon* States to promote safe, orderly and regular migration;', '*Also calls upon* States to cooperate with countries of origin, transit and destination;', OP[2]]),
      expect: ['unchanged pp1>pp1', 'unchanged pp2>pp2', 'unchanged 1>1', 'split 2>2+3', 'unchanged 3>4'],
    },
    {
      name: 'two preambular paragraphs merged',
      old: draft(['*Reaffirming* the Universal Declaration of Human Rights,', '*Recalling* the International Covenant on Civil and Political Rights,'], OP),
      new: draft(['*Reaffirming* the Universal Declaration of Human Rights, and recalling the International Covenant on Civil and Political Rights,'], OP),
      expect: ['merged pp1+pp2>pp1', 'unchanged 1>1', 'unchanged 2>2', 'unchanged 3>3'],
    },
    {
      name: '"5 bis" inserted, printed numbers kept',
      old: draft(PP, OP),
      new: draft(PP, [OP[0], '*Encourages* Member States to share good practices on the integration of migrants in cities;', OP[1], OP[2]], ['1', '1 bis', '2', '3']),
      expect: ['unchanged pp1>pp1', 'unchanged pp2>pp2', 'unchanged 1>1', 'new >1 bis', 'unchanged 2>2', 'unchanged 3>3'],
    },
  ];
  for (const row of table) test(row.name, () => assert.deepEqual(rows(row.old, row.new), row.expect));
});

describe('compare: footnote markers of PDF layers', () => {
  // Real pairs: "Goals5" / "Goals 5" (A/C.1/80/L.11), "200627" / "2006 27" (A/C.4/80/L.8).
  const table: { name: string; old: string; new: string; expect: string[] }[] = [
    { name: 'a marker glued to the word before or not: unchanged', old: '*Recalls* the Sustainable Development Goals5 and the Paris Agreement;', new: '*Recalls* the Sustainable Development Goals 5 and the Paris Agreement;', expect: ['unchanged 1>1'] },
    { name: 'a marker glued to a year or not: unchanged', old: '*Recalls* its resolution 61/295 of 13 September 200627 on indigenous peoples;', new: '*Recalls* its resolution 61/295 of 13 September 2006 27 on indigenous peoples;', expect: ['unchanged 1>1'] },
    { name: 'a year changed: edited', old: '*Recalls* the report of 2025 on indigenous peoples;', new: '*Recalls* the report of 2015 on indigenous peoples;', expect: ['edited 1>1'] },
  ];
  for (const row of table) test(row.name, () => assert.deepEqual(rows(draft([], [row.old]), draft([], [row.new])), row.expect));
});

describe('compare: force', () => {
  const table: { name: string; old: string; new: string; force: string | null; changes: string[] }[] = [
    { name: 'urges → encourages', old: OP[0], new: OP[0].replace('*Urges*', '*Encourages*'), force: 'weakened', changes: ['urges → encourages'] },
    { name: 'invites → calls upon', old: '*Invites* States to ratify the Convention;', new: '*Calls upon* States to ratify the Convention;', force: 'strengthened', changes: ['invites → calls upon'] },
    { name: '"also" does not change the verb', old: '*Encourages* States to ratify the Convention;', new: '*Also encourages* States to ratify the Convention;', force: null, changes: [] },
    { name: 'encourages → requests', old: '*Encourages* States to report on progress;', new: '*Requests* States to report on progress;', force: 'strengthened', changes: ['encourages → requests'] },
    { name: 'shall → should', old: '*Decides* that States shall report every two years;', new: '*Decides* that States should report every two years;', force: 'weakened', changes: ['“shall” → “should”'] },
    { name: 'the bracket [shall/should] settled on "should"', old: '*Decides* that States [shall/should] report every two years;', new: '*Decides* that States should report every two years;', force: 'weakened', changes: ['“shall” → “should”'] },
    { name: 'consider → commit', old: '*Decides* that Member States consider measures to end child detention;', new: '*Decides* that Member States commit to measures to end child detention;', force: 'strengthened', changes: ['“consider” → “commit”'] },
    { name: 'qualifier added', old: OP[0], new: OP[0].replace(';', ', as appropriate;'), force: 'weakened', changes: ['added “as appropriate”'] },
    { name: 'qualifier removed', old: '*Calls upon* States, in accordance with national legislation, to regularize migrants;', new: '*Calls upon* States to regularize migrants;', force: 'strengthened', changes: ['removed “in accordance with national legislation”'] },
    {
      name: 'both ways: no single verdict',
      old: '*Encourages* States to ratify the Convention, where applicable;',
      new: '*Urges* States to ratify the Convention, as appropriate;',
      force: null,
      changes: ['encourages → urges', 'added “as appropriate”', 'removed “where applicable”'],
    },
    { name: 'welcomes → takes note: wording, not force on the scale', old: '*Welcomes* the report of the Secretary-General;', new: '*Takes note* of the report of the Secretary-General;', force: null, changes: [] },
  ];
  for (const row of table) {
    test(row.name, () => {
      const result = compareRounds(draft([], [row.old]), draft([], [row.new]));
      assert.equal(result.paragraphs.length, 1);
      const [paragraph] = result.paragraphs;
      assert.equal(paragraph.force, row.force);
      assert.deepEqual(paragraph.forceChanges.map((c) => c.description), row.changes);
    });
  }
});

describe('compare: citations and brackets', () => {
  test('a resolution replaced by a later one of the same organ is updated', () => {
    const result = compareRounds(draft([PP[0]], [OP[0]]), draft([PP[0].replace('72/179 of 19 December 2017', '73/195 of 19 December 2018')], [OP[0] + ' see also resolution 71/1.']));
    assert.deepEqual(result.citations.updated, [{ from: 'A/RES/72/179', to: 'A/RES/73/195' }]);
    assert.deepEqual(result.citations.added, ['A/RES/71/1']);
    assert.deepEqual(result.citations.removed, []);
  });
  test('brackets resolved, remaining and new', () => {
    const result = compareRounds(
      draft([], ['*Encourages* States to [implement][take into account] the Global Compact [G77: in full];', 'States [shall/should] report.']),
      draft([], ['*Encourages* States to take into account the Global Compact [G77: in full];', 'States should report [US: delete].']),
    );
    assert.deepEqual(result.brackets.resolved.map((p) => p.alternatives.map((a) => a.text)), [['implement', 'take into account'], ['shall', 'should']]);
    assert.deepEqual(result.brackets.remaining.map((p) => p.alternatives.map((a) => `${a.proponent}: ${a.text}`)), ['G77: in full'].map((x) => [x]));
    assert.deepEqual(result.brackets.new.map((p) => p.alternatives.map((a) => `${a.proponent}: ${a.text}`)), [['US: delete']]);
  });
});
