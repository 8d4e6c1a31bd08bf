// Sub-paragraphs, the Compact's objectives and actions, and annexes in a compare (issue 18): tables of
// small rounds, and an earlier round of the Global Compact made from its adopted text
// (../shared/corpus/A-RES-73-195.md) by the edits negotiators make to a list of actions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { compareRounds, type CompareRow } from '../../server/src/compare/compare';
import { readUnits } from '../../server/src/compare/units';
import { sharedDir } from './realRounds';

function rowKey(r: CompareRow): string {
  return `${r.status} ${r.old.join('+')}>${r.new.join('+')}${r.force ? ` ${r.force}` : ''}`;
}

function subRows(oldText: string, newText: string): string[] {
  return compareRounds(oldText, newText).paragraphs.filter((r) => r.level === 'subparagraph').map(rowKey);
}

/** A resolution in Markdown: operative paragraphs, each a chapeau and its lettered sub-paragraphs. */
function draft(paragraphs: { chapeau: string; subs?: string[] }[], annex?: string[]): string {
  const lines = ['*The General Assembly*,', '', '*Recalling* its resolution 73/195 of 19 December 2018,', ''];
  paragraphs.forEach((p, i) => {
    lines.push(`${i + 1}. ${p.chapeau}`, '');
    p.subs?.forEach((s, k) => lines.push(`(${'abcdefghij'[k]}) ${s}`, ''));
  });
  if (annex) {
    lines.push('64th plenary meeting', '19 December 2025', '', 'Annex', '', 'Political declaration', '');
    annex.forEach((a, i) => lines.push(`${i + 1}. ${a}`, ''));
  }
  return lines.join('\n');
}

const ACTIONS = [
  'To strengthen data collection on migration, disaggregated by sex, age and migration status;',
  'To develop labour mobility agreements with sector-specific standard terms of employment;',
  'To review existing options and pathways for regular migration in consultation with the private sector;',
  'To facilitate access to procedures for family reunification for migrants at all skills levels.',
];
const OTHER = ['To enhance consular protection and assistance to nationals abroad;', 'To cooperate on the issuance of travel documents for the return of nationals.'];

describe('compare: sub-paragraphs', () => {
  const table: { name: string; old: string; new: string; expect: string[] }[] = [
    {
      name: 'a sub-paragraph inserted: the others renumbered, unchanged',
      old: draft([{ chapeau: '*Decides*:', subs: ACTIONS.slice(0, 3) }]),
      new: draft([{ chapeau: '*Decides*:', subs: [ACTIONS[0], ACTIONS[3], ACTIONS[1], ACTIONS[2]] }]),
      expect: ['unchanged 1 (a)>1 (a)', 'new >1 (b)', 'unchanged 1 (b)>1 (c)', 'unchanged 1 (c)>1 (d)'],
    },
    {
      // Either of the two could be called moved; as for paragraphs, the one now first is.
      name: 'two sub-paragraphs swapped: one moved',
      old: draft([{ chapeau: '*Decides*:', subs: ACTIONS.slice(0, 3) }]),
      new: draft([{ chapeau: '*Decides*:', subs: [ACTIONS[0], ACTIONS[2], ACTIONS[1]] }]),
      expect: ['unchanged 1 (a)>1 (a)', 'moved 1 (c)>1 (b)', 'unchanged 1 (b)>1 (c)'],
    },
    {
      name: 'a sub-paragraph moved to another paragraph',
      old: draft([{ chapeau: '*Decides*:', subs: ACTIONS.slice(0, 3) }, { chapeau: '*Requests* the Secretary-General:', subs: OTHER }]),
      new: draft([{ chapeau: '*Decides*:', subs: ACTIONS.slice(0, 2) }, { chapeau: '*Requests* the Secretary-General:', subs: [...OTHER, ACTIONS[2]] }]),
      expect: ['unchanged 1 (a)>1 (a)', 'unchanged 1 (b)>1 (b)', 'unchanged 2 (a)>2 (a)', 'unchanged 2 (b)>2 (b)', 'moved 1 (c)>2 (c)'],
    },
    {
      name: 'a qualifier added in a sub-paragraph weakens that sub-paragraph, not its paragraph',
      old: draft([{ chapeau: '*Decides*:', subs: ACTIONS.slice(0, 2) }]),
      new: draft([{ chapeau: '*Decides*:', subs: [ACTIONS[0], ACTIONS[1].replace(';', ', as appropriate;')] }]),
      expect: ['unchanged 1 (a)>1 (a)', 'edited 1 (b)>1 (b) weakened'],
    },
    {
      name: 'a sub-paragraph deleted',
      old: draft([{ chapeau: '*Decides*:', subs: ACTIONS.slice(0, 3) }]),
      new: draft([{ chapeau: '*Decides*:', subs: [ACTIONS[0], ACTIONS[2]] }]),
      expect: ['unchanged 1 (a)>1 (a)', 'deleted 1 (b)>', 'unchanged 1 (c)>1 (b)'],
    },
  ];
  for (const row of table) test(row.name, () => assert.deepEqual(subRows(row.old, row.new), row.expect));

  test('the paragraph row compares the chapeau; the summary counts sub-paragraphs apart', () => {
    const result = compareRounds(
      draft([{ chapeau: '*Encourages* States:', subs: ACTIONS.slice(0, 2) }]),
      draft([{ chapeau: '*Urges* States:', subs: [ACTIONS[0]] }]),
    );
    const paragraph = result.paragraphs.find((r) => r.level === 'paragraph' && r.new[0] === '1')!;
    assert.equal(rowKey(paragraph), 'edited 1>1 strengthened');
    assert.deepEqual(paragraph.diff.filter((d) => d.op !== 'equal'), [{ op: 'replace', old: 'Encourages', new: 'Urges' }]);
    assert.equal(result.summary.subparagraphs.oldSubparagraphs, 2);
    assert.equal(result.summary.subparagraphs.newSubparagraphs, 1);
    assert.equal(result.summary.subparagraphs.unchanged, 1);
    assert.equal(result.summary.subparagraphs.deleted, 1);
    assert.equal(result.summary.edited, 1);
  });

  test('a roman list inside a lettered sub-paragraph stays in it, also after "(h)"', () => {
    const letters = 'abcdefgh'.split('').map((l) => `(${l}) Action ${l} on migration data;`);
    const text = ['The General Assembly,', '', '1. Decides:', '', ...letters.flatMap((l) => [l, '']), '(i) first part of action h;', '', '(ii) second part of action h;', '', '2. Requests a report.'].join('\n');
    const [one] = readUnits(text);
    assert.deepEqual(one.subparagraphs.map((s) => s.id), ['1 (a)', '1 (b)', '1 (c)', '1 (d)', '1 (e)', '1 (f)', '1 (g)', '1 (h)']);
    assert.match(one.subparagraphs[7].text, /\(i\) first part of action h; \(ii\) second part/);
  });

  test('an action deleted and the others not yet relettered: "(d)" after "(b)" is still a sub-paragraph', () => {
    const old = draft([{ chapeau: '*Decides*:', subs: ACTIONS }]);
    const next = old.replace(`(c) ${ACTIONS[2]}\n\n`, '');
    assert.deepEqual(subRows(old, next), ['unchanged 1 (a)>1 (a)', 'unchanged 1 (b)>1 (b)', 'deleted 1 (c)>', 'unchanged 1 (d)>1 (d)']);
  });

  test('a run-in list is not cut where a line happens to start with a marker', () => {
    const text = ['The General Assembly,', '', '1. Decides to act by: (a) collecting data;', '(b) sharing it; and (c) reporting.', '', '2. Requests a report.'].join('\n');
    assert.deepEqual(readUnits(text)[0].subparagraphs.length, 0);
  });
});

describe('compare: annexes', () => {
  test('annex paragraphs are aligned with annex paragraphs only', () => {
    const old = draft([{ chapeau: '*Endorses* the political declaration annexed to the present resolution;' }, { chapeau: '*Reaffirms* its commitment to the full implementation of the Global Compact;' }], [
      'We, the Heads of State and Government, commit to safe, orderly and regular migration.',
      'We welcome the progress made by Member States in the implementation of the Global Compact.',
    ]);
    const next = draft([{ chapeau: '*Endorses* the political declaration annexed to the present resolution;' }], [
      'We, the Heads of State and Government, commit to safe, orderly and regular migration.',
      'We reaffirm our commitment to the full implementation of the Global Compact.',
      'We welcome the progress made by Member States in the implementation of the Global Compact.',
    ]);
    const rows = compareRounds(old, next).paragraphs.map(rowKey);
    assert.deepEqual(rows, ['unchanged pp1>pp1', 'unchanged 1>1', 'deleted 2>', 'unchanged annex 1>annex 1', 'new >annex 2', 'unchanged annex 2>annex 3']);
  });

  test('a declaration with opening words: its own preamble, its paragraphs numbered anew', () => {
    const text = draft([{ chapeau: '*Endorses* the declaration;' }], ['We commit to act.']).replace('Political declaration\n', 'Political declaration\n\nWe, the Heads of State and Government, assembled in New York, declare:\n');
    assert.deepEqual(readUnits(text).map((u) => `${u.id} [${u.part}]`), ['pp1 []', '1 []', 'annex pp1 [annex]', 'annex 1 [annex]']);
  });
});

describe('reader: annexed conventions and rules', () => {
  // As a PDF text layer prints it (A/RES/80/162): a cover, a footnote rule, footnotes and a running header.
  const convention = [
    'A/RES/80/162',
    'Distr.: General',
    '',
    'The General Assembly,',
    '',
    '1. Adopts the Convention annexed to the present resolution;',
    '',
    '64th plenary meeting',
    '',
    'Annex',
    'Convention on Negotiable Cargo Documents',
    '',
    'The States Parties to this Convention,',
    '',
    'Convinced that certainty with regard to the legal effect of negotiable cargo documents will encourage the',
    '_______________',
    '',
    '1 Official Records of the General Assembly, Eightieth Session, Supplement No. 17 (A/80/17).',
    '',
    'United Nations Convention on Negotiable Cargo Documents',
    'A/RES/80/162',
    '',
    'acceptance of such documents by banks,',
    '',
    'Have agreed as follows:',
    '',
    'Article 1',
    'Scope of application',
    '',
    '1.',
    'This Convention applies to the issuance of a negotiable cargo document.',
    '2.',
    'This Convention does not affect the application of any international convention:',
    '',
    '(a)',
    'On the carriage of goods;',
    '',
    'Article 2',
    'Use of terms',
    '',
    'For the purposes of this Convention, “holder” means a person in possession of a negotiable cargo document.',
  ].join('\n');
  test('paragraphs named per article, a page-broken paragraph kept whole', () => {
    assert.deepEqual(
      readUnits(convention).map((u) => [u.id, ...u.subparagraphs.map((s) => s.id)].join(' / ')),
      ['1', 'annex pp1', 'annex pp2', 'annex pp3', 'annex art. 1 para. 1', 'annex art. 1 para. 2 / annex art. 1 para. 2 (a)', 'annex art. 2'],
    );
    assert.match(readUnits(convention)[2].text, /will encourage the acceptance of such documents by banks,$/);
  });
});

describe('compare: the Global Compact, objectives and actions', () => {
  const compact = readFileSync(join(sharedDir(), 'corpus', 'A-RES-73-195.md'), 'utf8');
  /** The actions of the paragraph that starts with `number` + ". We commit", without their markers. */
  const actionsOf = (number: number): { start: number; end: number; actions: string[] } => {
    const start = compact.indexOf(`\n${number}. We commit`);
    const end = compact.indexOf('\nObjective', start);
    const actions = [...compact.slice(start, end).matchAll(/^\([a-z]\) (.*)$/gm)].map((m) => m[1]);
    return { start, end, actions };
  };
  const lettered = (actions: string[]) => actions.map((a, i) => `(${'abcdefghijklmn'[i]}) ${a}\n`).join('\n');
  const withActions = (text: string, number: number, actions: string[]) => {
    const start = text.indexOf(`\n${number}. We commit`);
    const first = text.indexOf('\n(a) ', start);
    const end = text.indexOf('\nObjective', start);
    return `${text.slice(0, first + 1)}${lettered(actions)}${text.slice(end)}`;
  };
  // The earlier round: in objective 5 (paragraph 21) actions (b) and (c) in the other order and (b)
  // without "in accordance with national priorities", action (e) still under objective 6
  // (paragraph 22) as its last, action (j) not yet proposed.
  const five = actionsOf(21).actions;
  const six = actionsOf(22).actions;
  const earlierFive = [five[0], five[2], five[1].replace('in accordance with national priorities, ', ''), five[3], ...five.slice(5, 9)];
  const earlier = withActions(withActions(compact, 21, earlierFive), 22, [...six, five[4]]);

  test('the Compact is read as the Compact maps itself: objective 5 is paragraph 21, its actions (a) to (j)', () => {
    assert.equal(five.length, 10);
    const unit = readUnits(compact).find((u) => u.id === 'annex 21')!;
    assert.equal(unit.label, 'objective 5');
    assert.deepEqual(unit.subparagraphs.map((s) => s.label), 'abcdefghij'.split('').map((l) => `objective 5 (${l})`));
    assert.deepEqual(readUnits(compact).find((u) => u.id === 'annex 16')!.subparagraphs.length, 23, "paragraph 16's list of the 23 objectives");
  });

  test('actions reordered, weakened, moved between objectives and added', () => {
    const rows = compareRounds(earlier, compact).paragraphs;
    const under21 = rows.filter((r) => r.level === 'subparagraph' && r.new.some((id) => id.startsWith('annex 21 ')));
    assert.deepEqual(under21.map(rowKey).sort(), [
      'moved annex 21 (c)>annex 21 (b) weakened',
      'unchanged annex 21 (b)>annex 21 (c)',
      'moved annex 22 (m)>annex 21 (e)',
      'new >annex 21 (j)',
      'unchanged annex 21 (a)>annex 21 (a)',
      'unchanged annex 21 (d)>annex 21 (d)',
      'unchanged annex 21 (e)>annex 21 (f)',
      'unchanged annex 21 (f)>annex 21 (g)',
      'unchanged annex 21 (g)>annex 21 (h)',
      'unchanged annex 21 (h)>annex 21 (i)',
    ].sort());
    const weakened = under21.find((r) => r.force === 'weakened')!;
    assert.ok(weakened.edited, 'moved and edited');
    assert.deepEqual(weakened.labels, ['objective 5 (b)']);
    assert.deepEqual(weakened.forceChanges.map((c) => c.description), ['added “in accordance with national priorities”']);
    assert.ok(rows.filter((r) => r.status !== 'unchanged' || r.old.join() !== r.new.join()).every((r) => r.new.some((id) => id.startsWith('annex 21')) || r.old.some((id) => id.startsWith('annex 21'))), 'nothing else changed');
  });
});
