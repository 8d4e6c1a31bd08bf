// A/68/283 (server/data/corpus/A-68-283.md): paragraphs 1-143 as a Markdown list broken by UN
// headings, page-break continuations, footnote lines in the flow, superscript markers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDraft } from './index';
import type { NumberedParagraph, Section } from './model';
import { assertModelInvariants, findInSpans, flattenSections, seed, sourceRange } from './testSupport';

const text = seed('A-68-283.md');
const model = parseDraft(text);
const paragraph = (label: string): NumberedParagraph => {
  const found = model.paragraphs.find((p) => p.label === label);
  assert.ok(found, `paragraph ${label}`);
  return found;
};

type Outline = [string, Outline[]?];
const outline = (sections: readonly Section[]): Outline[] =>
  sections.map((s) => {
    const name = `${s.label} ${s.title}`;
    return s.children.length ? [name, outline(s.children)] : [name];
  });

describe('A/68/283: numbered paragraphs', () => {
  test('paragraphs 1 to 143, in order, each once', () => {
    assert.deepEqual(
      model.paragraphs.map((p) => p.label),
      Array.from({ length: 143 }, (_, i) => String(i + 1)),
    );
    assert.ok(model.paragraphs.every((p, i) => p.number === i + 1 && p.insertion === undefined));
  });

  test('each number range is the printed "N." and each paragraph range starts with it', () => {
    for (const p of model.paragraphs) {
      assert.equal(text.slice(p.numberRange.start, p.numberRange.end), `${p.label}.`);
      assert.ok(text.slice(p.range.start).startsWith(`${p.label}. `), `paragraph ${p.label} range`);
    }
  });

  test('paragraph texts', () => {
    assert.equal(
      paragraph('1').text,
      'The present report is submitted to the General Assembly by the Special Rapporteur on the human rights of migrants, François Crépeau, pursuant to resolution 67/172.',
    );
    assert.ok(paragraph('15').text.startsWith('In 2002, the Secretary-General, in his report entitled “Strengthening of the United Nations'));
    assert.ok(paragraph('15').text.endsWith('as part of his proposals for strengthening the United Nations.'));
    assert.ok(paragraph('90').text.startsWith('States have the power to determine who enters and stays in their territory. More governance does not mean giving up this sovereignty.'));
    assert.equal(
      paragraph('143').text,
      "The Secretary-General should strive to strengthen the Global Migration Group through his leadership and guidance, including the Group's role in relation to the human rights of migrants.",
    );
    // Bold markers are not text.
    assert.equal(paragraph('136').text, 'States should consider enhancing civil society participation at the Global Forum.');
  });

  test('paragraph 8 continues after the page break: "… for such other" + "global issues, recognizing …"', () => {
    const p = paragraph('8');
    assert.ok(p.text.includes('States have created international frameworks for such other global issues, recognizing the advantages of regulation'));
    assert.ok(p.text.endsWith('an international migration governance regime strongly focused on human rights.'));
    assert.equal(p.spans.length, 2);
    assert.equal(p.text, p.spans.map((s) => s.text).join(' '));
    assert.ok(text.slice(p.range.start, p.range.end).endsWith('strongly focused on human rights.'));
    assert.ok(p.range.end >= p.spans[1].range.end);
  });

  test('paragraph 54 continues after footnotes 5 and 6 with "Forum meeting, …"', () => {
    const p = paragraph('54');
    assert.ok(p.text.includes('During each Global Forum meeting, “civil society days” precede the official government programme.'));
    assert.ok(p.text.endsWith('advocacy and activities at the Global Forum.'));
    assert.ok(!p.text.includes('Background and objectives'));
    assert.ok(!p.text.includes('consolidated_assessment_paper'));
    assert.equal(p.spans.length, 2);
  });

  test('paragraph 142 ("… agenda at**") continues with "the United Nations, giving it …"', () => {
    const p = paragraph('142');
    assert.equal(
      p.text,
      'The Special Rapporteur urges the Secretary-General to show a clear vision and strong leadership on migration and advance the migration agenda at the United Nations, giving it more visibility and ensuring the adoption of a human rights framework for migration inside the United Nations system.',
    );
  });

  test('other page-break continuations: after a comma (76), after footnote lines (76, 91), mid-phrase (26, 49)', () => {
    assert.ok(paragraph('76').text.includes('between the principal regional consultative processes, including global meetings of their Chairs'));
    assert.ok(paragraph('91').text.includes('less loss of life at borders, less labour exploitation and fewer migrants'));
    assert.ok(paragraph('26').text.endsWith('OHCHR, in consultation with the Global Migration Group and other United Nations system partners, should prepare a concise analytical report by mid-2013 on migration and human rights.'));
    assert.ok(paragraph('49').text.includes('the involvement of some Global Migration Group agencies has been encouraged'));
  });

  test('paragraph 134 holds sub-paragraphs (a) to (h)', () => {
    const p = paragraph('134');
    assert.deepEqual(
      p.subparagraphs.map((s) => s.label),
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
    );
    assert.equal(p.subparagraphs[0].text, 'Decriminalization of irregular entry and stay, which should never be considered criminal offences;');
    assert.equal(p.subparagraphs[3].text, 'Measures to combat xenophobia and xenophobic violence against migrants;');
    assert.equal(
      p.subparagraphs[7].text,
      'Measures to guarantee that migrants have effective access to recourse to independent institutions with regard to all the human rights violations that they face.',
    );
    for (const sub of p.subparagraphs) assert.ok(text.slice(sub.range.start).startsWith(`(${sub.label}) `));
    assert.ok(p.text.startsWith('Human rights must be a cross-cutting issue'));
    assert.ok(p.text.includes('following issues: (a) Decriminalization of irregular entry and stay'));
    assert.equal(p.range.end, p.subparagraphs[7].range.end);
    // The numbered paragraphs around it have none.
    assert.equal(paragraph('133').subparagraphs.length, 0);
    assert.equal(paragraph('135').subparagraphs.length, 0);
  });

  test('no paragraph holds the text of a footnote line', () => {
    for (const p of model.paragraphs) {
      assert.ok(!p.text.includes('Alexander Betts'), `paragraph ${p.label}`);
      for (const footnote of model.footnotes) assert.ok(!p.text.includes(footnote.text), `footnote ${footnote.label} in paragraph ${p.label}`);
    }
  });
});

describe('A/68/283: footnotes', () => {
  test('footnotes 1 to 13 with their texts', () => {
    assert.deepEqual(
      model.footnotes.map((f) => f.label),
      Array.from({ length: 13 }, (_, i) => String(i + 1)),
    );
    const text1 = model.footnotes[0].text;
    assert.equal(text1, 'Alexander Betts, ed., Global Migration Governance (Oxford, Oxford University Press, 2011).');
    assert.equal(model.footnotes[9].text, 'www.iom.int/cms/en/sites/iom/home/what-we-do/regional-processes-1/global-rcp-meetings.html.');
    assert.ok(model.footnotes[12].text.startsWith('Communication from the European Commission to the European Parliament'));
    for (const footnote of model.footnotes) {
      const superscript = [...footnote.label].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('');
      assert.ok(text.slice(footnote.range.start).startsWith(`${superscript} `), `footnote ${footnote.label} range`);
    }
  });

  test('markers in the text, including one in a heading and 11 cited twice', () => {
    assert.deepEqual(
      model.footnoteMarkers.map((m) => m.label),
      ['1', '2', '3', '4', '5', '5', '6', '7', '8', '9', '10', '11', '12', '13', '11'],
    );
    for (const marker of model.footnoteMarkers) {
      const superscript = [...marker.label].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('');
      assert.equal(text.slice(marker.range.start, marker.range.end), superscript);
    }
    const p10 = paragraph('10');
    assert.ok(model.footnoteMarkers[0].range.start > p10.range.start && model.footnoteMarkers[0].range.end < p10.range.end);
    assert.ok(p10.text.includes('(and other transnational actors). In the sphere'), 'the marker is not in the text');
  });
});

describe('A/68/283: sections', () => {
  test('the section tree', () => {
    assert.deepEqual(outline(model.sections), [
      ['I Introduction'],
      ['II Activities'],
      [
        'III Thematic section: a human rights framework for global migration governance',
        [
          ['A Background', [['1 The concept of global migration governance'], ['2 Brief overview of developments relating to global migration governance']]],
          [
            'B Legal and normative framework',
            [['1 Human rights'], ['2 Refugees and stateless persons'], ['3 Labour standards'], ['4 Trafficking in persons'], ['5 Migrant smuggling']],
          ],
          [
            'C Institutional framework',
            [
              ['1 United Nations', [['(a) General Assembly'], ['(b) Human Rights Council'], ['(c) Global Migration Group']]],
              ['2 Outside the United Nations framework', [['(a) Global Forum on Migration and Development'], ['(b) International Organization for Migration']]],
              ['3 Governance at the regional level', [['(a) Regional organizations: focus on the European Union'], ['(b) Regional consultative processes']]],
              ['4 Bilateral migration initiatives'],
              ['5 Governance at the national level'],
              ['6 Impact at the global level of regional and bilateral governance'],
            ],
          ],
          ['D Need for better migration governance and a strengthened institutional framework'],
          ['E Need to base the institutional framework inside the United Nations'],
          ['F Benefits of a human rights framework for global migration governance'],
          [
            'G Possible future models for global migration governance',
            [
              ['1 New United Nations organization'],
              ['2 Expand the mandate of the Office of the United Nations High Commissioner for Refugees to cover all migrants'],
              ['3 Creating a lead agency on migration'],
              ['4 Integrating the International Organization for Migration into the United Nations, with a revised mandate'],
              ['5 Measures to strengthen the current institutional framework'],
            ],
          ],
        ],
      ],
      [
        'IV Conclusions and recommendations',
        [
          ['A Conclusions'],
          [
            'B Recommendations',
            [
              [
                '1 Recommendations to States',
                [
                  ['(a) Recommendations in relation to the High-level Dialogue on International Migration'],
                  ['(b) Recommendations in relation to the Global Forum on Migration and Development'],
                ],
              ],
              ['2 Recommendations to the Human Rights Council'],
              ['3 Recommendations to the Secretary-General'],
            ],
          ],
        ],
      ],
    ]);
  });

  test('kinds, depths and ranges', () => {
    const all = flattenSections(model.sections);
    const byName = (label: string, title: string) => all.find((s) => s.label === label && s.title.startsWith(title))!;
    assert.deepEqual(
      [byName('III', 'Thematic'), byName('C', 'Institutional'), byName('1', 'United Nations'), byName('(a)', 'General Assembly')].map((s) => [s.kind, s.depth]),
      [
        ['roman', 1],
        ['capital', 2],
        ['arabic', 3],
        ['letter', 4],
      ],
    );
    // The cover page and Summary before "I. Introduction" are no section.
    const first = model.sections[0];
    assert.equal(text.slice(first.headingRange.start, first.headingRange.end), 'I. Introduction');
    assert.equal(first.range.end, model.sections[1].range.start);
    assert.equal(model.sections[3].range.end, text.length);
    const humanRights = byName('1', 'Human rights');
    assert.equal(text.slice(humanRights.headingRange.start, humanRights.headingRange.end), '1. Human rights³');
    // A section runs to the next heading of its level or a higher one.
    const c = byName('C', 'Institutional');
    assert.equal(c.range.end, byName('D', 'Need for better').range.start);
    assert.ok(paragraph('36').range.start > c.range.start && paragraph('86').range.end <= c.range.end);
  });
});

describe('A/68/283: spans', () => {
  test('"resolution 67/172" reads without link syntax and maps back to "resolution [67/172"', () => {
    const found = findInSpans(model, 'resolution 67/172');
    assert.ok(found);
    const range = sourceRange(found.span, found.index, found.index + 'resolution 67/172'.length);
    assert.equal(text.slice(range.start, range.end), 'resolution [67/172');
  });

  test('every character maps to itself in the source', () => {
    for (const span of model.spans) {
      for (let i = 0; i < span.text.length; i++) assert.equal(text[span.sourceOffsets[i]], span.text[i]);
    }
  });

  test('spans hold the cover page, headings, paragraphs, continuations, sub-paragraphs and footnotes, in order', () => {
    const texts = model.spans.map((s) => s.text);
    for (const expected of [
      'Report of the Special Rapporteur on the human rights of migrants',
      'I. Introduction',
      'Human rights', // "1. Human rights³": the list marker and the footnote marker are syntax
      '(a) General Assembly',
      'global issues, recognizing the advantages of regulation at the international level, but despite the existence of legal frameworks on migration issues, a comprehensive framework for migration governance is still lacking. Certain aspects of migration are more frequently discussed at the bilateral and multilateral levels, such as the connections between migration and development. However, given that migration is in essence a fundamentally human phenomenon, the Special Rapporteur notes the need for an international migration governance regime strongly focused on human rights.',
      '(a) Decriminalization of irregular entry and stay, which should never be considered criminal offences;',
      'Alexander Betts, ed., Global Migration Governance (Oxford, Oxford University Press, 2011).',
    ]) {
      assert.ok(texts.includes(expected), expected);
    }
    assert.ok(texts.includes(paragraph('27').text), 'a paragraph span is its text without the number');
    assertModelInvariants(model);
  });
});
