import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBrackets, plainBracketText, type BracketPassage } from './parse';
import { bracketReport } from './report';

function show(p: BracketPassage): string {
  const alternatives = p.alternatives.map((a) => `${a.label ? `${a.label}| ` : ''}${a.proponent ? `${a.proponent}: ` : ''}${a.text}${a.action ? ` (${a.action})` : ''}`).join(' || ');
  return `${p.marker ? `${p.marker}: ` : ''}${alternatives}${p.nested.length ? ` {${p.nested.map(show).join('; ')}}` : ''}`;
}

function passages(text: string): string[] {
  return parseBrackets([plainBracketText(text)]).passages.map(show);
}

describe('brackets as negotiators write them', () => {
  const table: { name: string; text: string; expect: string[] }[] = [
    { name: 'one bracketed word', text: 'States [shall] report.', expect: ['shall'] },
    { name: 'two alternatives side by side are one passage', text: 'States should [implement][take into account] the Compact.', expect: ['implement || take into account'] },
    { name: 'alternatives with a space between', text: 'States [shall] [should] report.', expect: ['shall || should'] },
    { name: 'slash alternatives', text: 'States [shall/should] report.', expect: ['shall || should'] },
    { name: 'a symbol is not split at its slashes', text: 'Recalling [A/RES/71/1], and [resolution 73/195].', expect: ['A/RES/71/1', 'resolution 73/195'] },
    { name: 'proponents', text: 'to [G77: implement fully] [EU: take into account] the Compact', expect: ['G77: implement fully || EU: take into account'] },
    { name: 'a group of two words', text: '[G77 and China: with full respect for national sovereignty]', expect: ['G77 and China: with full respect for national sovereignty'] },
    { name: 'a lone deletion proposal', text: '12. Encourages States to share data [US: delete].', expect: ['US: delete (delete)'] },
    { name: 'labelled alternatives are not proponents', text: '[Alt 1: shall report] [Alt 2: may report]', expect: ['Alt 1| shall report || Alt 2| may report'] },
    { name: '[alt] marks an alternative paragraph', text: '4. Urges States to act.\n\n4. [alt] Encourages States to act.', expect: ['alt: Encourages States to act.'] },
    { name: 'nested brackets', text: 'States [shall [, as appropriate,] report] annually.', expect: ['shall [, as appropriate,] report {, as appropriate,}'] },
    { name: 'Markdown links, footnotes and task boxes are not negotiation brackets', text: '- [ ] review\n\nSee [resolution 71/1](https://undocs.org/A/RES/71/1).[^1]\n\n[^1]: A note.', expect: [] },
    {
      name: 'the editors’ brackets of an adopted resolution and agenda numbers are not negotiation text',
      text: '[on the report of the Third Committee (A/80/481/Add.2, para. 139)]\n\nDiplomatic protection [82]\n\n[without reference to a Main Committee (A/80/L.2/Rev.1)]',
      expect: [],
    },
    { name: 'separate passages in one paragraph', text: '[Welcomes] the report and [urges] States', expect: ['Welcomes', 'urges'] },
  ];
  for (const row of table) test(row.name, () => assert.deepEqual(passages(row.text), row.expect));

  test('thousands of nested brackets neither overflow the stack nor go uncounted', () => {
    const deep = `${'['.repeat(5000)}x${']'.repeat(4999)}`;
    const parsed = parseBrackets([plainBracketText(deep)]);
    assert.equal(parsed.unmatched.length, 1);
    assert.equal(parsed.passages.length, 1);
  });

  test('unbalanced brackets are reported, the balanced ones inside still read', () => {
    const parsed = parseBrackets([plainBracketText('States [shall [should] report.')]);
    assert.deepEqual(parsed.passages.map(show), ['should']);
    assert.deepEqual(parsed.unmatched, [{ offset: 7, bracket: '[' }]);
  });
});

describe('bracket report', () => {
  const text = [
    '## Preamble',
    '',
    '*The General Assembly*,',
    '',
    '*Recalling* [its resolution 73/195][the Global Compact],',
    '',
    '## Operative paragraphs',
    '',
    '1. *Urges* States to [implement][take into account] the Compact [G77: in full] [EU: delete];',
    '',
    '2. *Requests* the Secretary-General to report. (agreed ad ref)',
    '',
    '3. *Decides*:',
    '',
    '(a) To [convene][hold] a review forum every four years;',
    '',
  ].join('\n');
  const report = bracketReport(text);
  test('passages with their paragraph and section', () => {
    assert.deepEqual(
      report.passages.map((p) => [p.paragraph, p.section, p.alternatives.length]),
      [
        ['pp1', 'Preamble', 2],
        ['1', 'Operative paragraphs', 2],
        ['1', 'Operative paragraphs', 2],
        ['3 (a)', 'Operative paragraphs', 2],
      ],
    );
  });
  test('ad ref and counts', () => {
    assert.deepEqual(report.adRef, ['2']);
    assert.deepEqual(report.summary, { passages: 4, alternatives: 8 });
    assert.deepEqual(report.sections, [
      { title: 'Preamble', passages: 1, alternatives: 2 },
      { title: 'Operative paragraphs', passages: 3, alternatives: 6 },
    ]);
  });
});
