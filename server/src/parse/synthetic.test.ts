// Small drafts, one rule each.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseDraft } from './index';
import type { DraftModel, Section } from './model';
import { assertModelInvariants, seed } from './testSupport';

const labels = (model: DraftModel) => model.paragraphs.map((p) => p.label);
const texts = (model: DraftModel) => model.paragraphs.map((p) => p.text);
const outline = (sections: readonly Section[]): string[] =>
  sections.flatMap((s) => [`${'  '.repeat(s.depth - 1)}${s.kind} ${s.label} ${s.title}`, ...outline(s.children)]);
const parse = (text: string) => {
  const model = parseDraft(text);
  assertModelInvariants(model);
  return model;
};

describe('numbered paragraphs', () => {
  test('"5 bis." and "5 ter." are inserted paragraphs, not a break in the sequence', () => {
    const text = '4. Four.\n\n5. Five.\n\n5 bis. Inserted after five.\n\n5 ter. Inserted again.\n\n6. Six.\n';
    const model = parse(text);
    assert.deepEqual(labels(model), ['4', '5', '5 bis', '5 ter', '6']);
    const bis = model.paragraphs[2];
    assert.equal(bis.number, 5);
    assert.equal(bis.insertion, 'bis');
    assert.equal(bis.text, 'Inserted after five.');
    assert.equal(text.slice(bis.numberRange.start, bis.numberRange.end), '5 bis.');
    assert.equal(model.paragraphs[1].insertion, undefined);
  });

  test('a numbered line is a heading when it is short, unpunctuated and does not continue the sequence', () => {
    const model = parse('1. The present report is submitted.\n\n1. The concept of governance\n\n2. Governance has been defined.\n\n3. It is fragmented.\n\n2. Brief overview\n\n4. In 1990, the Assembly acted.\n');
    assert.deepEqual(labels(model), ['1', '2', '3', '4']);
    assert.deepEqual(outline(model.sections), ['arabic 1 The concept of governance', 'arabic 2 Brief overview']);
  });

  test('a heading-like "2. Activities" right before paragraph 2 is a heading, though 2 would continue the sequence', () => {
    const model = parse('1. The present report.\n\n2. Activities\n\n2. During the period under review.\n\n3. Then.\n');
    assert.deepEqual(labels(model), ['1', '2', '3']);
    assert.equal(model.paragraphs[1].text, 'During the period under review.');
    assert.deepEqual(outline(model.sections), ['arabic 2 Activities']);
  });

  test('numbering slips stay paragraphs, so that they can be reported: a gap, a repeat, two swapped', () => {
    assert.deepEqual(labels(parse('1. One.\n\n2. Two.\n\n4. Four.\n\n5. Five.\n')), ['1', '2', '4', '5']);
    assert.deepEqual(labels(parse('1. One.\n\n2. Two.\n\n2. Two again.\n\n3. Three.\n')), ['1', '2', '2', '3']);
    assert.deepEqual(labels(parse('1. One.\n\n2. Two.\n\n3. Three.\n\n5. Five.\n\n4. Four.\n\n6. Six.\n\n7. Seven.\n')), ['1', '2', '3', '5', '4', '6', '7']);
  });

  test('an item of another list between two paragraphs is not a paragraph', () => {
    const model = parse('1. One.\n\n2. Two.\n\n3. Three is about to quote.\n\n17. Quoted item from another report, with full stop.\n\n4. Four.\n\n5. Five.\n');
    assert.deepEqual(labels(model), ['1', '2', '3', '4', '5']);
    assert.ok(model.spans.some((s) => s.text === 'Quoted item from another report, with full stop.'));
  });

  test('numbers inside a sentence are not paragraph numbers', () => {
    const model = parse('1. As decided in paragraph 8. The Assembly met in 2013. He spoke. See also annex 2. Other text.\n');
    assert.deepEqual(labels(model), ['1']);
    assert.equal(model.paragraphs[0].text, 'As decided in paragraph 8. The Assembly met in 2013. He spoke. See also annex 2. Other text.');
  });

  test('paragraphs run together on one line are split at their numbers', () => {
    const model = parse('Tail of a previous page. 5. Fifth paragraph text. 6. Sixth paragraph text. 7. Seventh.\n');
    assert.deepEqual(labels(model), ['5', '6', '7']);
    assert.deepEqual(texts(model), ['Fifth paragraph text.', 'Sixth paragraph text.', 'Seventh.']);
    assert.equal(model.spans[0].text, 'Tail of a previous page.');
  });

  test('paragraphs in a block quote are quoted, not the draft\'s own', () => {
    const model = parse('> 3. Quoted paragraph of another text.\n\n1. Own paragraph.\n');
    assert.deepEqual(labels(model), ['1']);
    assert.ok(model.spans.some((s) => s.text === 'Quoted paragraph of another text.'));
  });
});

describe('continuations and sub-paragraphs', () => {
  test('a paragraph broken at a page end continues after page furniture and footnote lines', () => {
    const text = [
      '7. The Special Rapporteur notes that the',
      'A/68/283',
      '13-42117 5/23',
      '¹ A footnote at the page end.',
      '<sup>2</sup> Another one.',
      'continuation of the sentence.¹',
      '8. Next paragraph.',
    ].join('\n\n');
    const model = parse(text);
    assert.deepEqual(texts(model), ['The Special Rapporteur notes that the continuation of the sentence.', 'Next paragraph.']);
    assert.deepEqual(
      model.footnotes.map((f) => [f.label, f.text]),
      [
        ['1', 'A footnote at the page end.'],
        ['2', 'Another one.'],
      ],
    );
    assert.deepEqual(model.footnoteMarkers.map((m) => m.label), ['1']);
    assert.ok(!model.spans.some((s) => s.text === 'A/68/283' || s.text.includes('13-42117')));
    assert.ok(text.slice(model.paragraphs[0].range.start, model.paragraphs[0].range.end).endsWith('of the sentence.¹'));
  });

  test('a paragraph ending with punctuation is not continued by the next prose block', () => {
    const model = parse('1. Text ends here.\n\nThe next block is not part of it.\n\n(a) Nor is this item;\n');
    assert.deepEqual(texts(model), ['Text ends here.']);
    assert.deepEqual(model.paragraphs[0].subparagraphs, []);
  });

  test('sub-paragraphs in blocks of their own, a sub-paragraph broken by a page end, and a lettered heading after them', () => {
    const model = parse(
      '1. The Assembly recalls:\n\n(a) General principles\n\nof international law;\n\n(b) Human rights.\n\n(b) Human Rights Council\n\n2. The Council acts.\n',
    );
    const [first] = model.paragraphs;
    assert.deepEqual(
      first.subparagraphs.map((s) => [s.label, s.text]),
      [
        ['a', 'General principles of international law;'],
        ['b', 'Human rights.'],
      ],
    );
    assert.equal(first.text, 'The Assembly recalls: (a) General principles of international law; (b) Human rights.');
    assert.deepEqual(outline(model.sections), ['letter (b) Human Rights Council']);
  });

  test('sub-paragraphs typed on lines of the paragraph\'s own block', () => {
    const model = parse('12. The Assembly:\n(a) Decides that x;\n(b) Requests y.\n\n13. Next.\n');
    assert.deepEqual(
      model.paragraphs[0].subparagraphs.map((s) => [s.label, s.text]),
      [
        ['a', 'Decides that x;'],
        ['b', 'Requests y.'],
      ],
    );
  });

  test('a numbered list inside a paragraph (nested in its item) is part of it, not the paragraph sequence', () => {
    const model = parse('5. The Assembly decides:\n   1. to establish a fund;\n   2. to review it.\n6. Requests the Secretary-General to report.\n');
    assert.deepEqual(labels(model), ['5', '6']);
    assert.equal(model.paragraphs[0].text, 'The Assembly decides: to establish a fund; to review it.');
    assert.deepEqual(model.paragraphs[0].subparagraphs.map((s) => s.label), ['1', '2']);
  });

  test('a numbered list under a sub-paragraph, in blocks of its own, belongs to the paragraph', () => {
    const model = parse('5. The Assembly decides:\n\n(a) To establish the following:\n\n1. a secretariat;\n\n2. a fund;\n\n(b) To review progress.\n\n6. Requests a report.\n');
    assert.deepEqual(labels(model), ['5', '6']);
    assert.deepEqual(
      model.paragraphs[0].subparagraphs.map((s) => [s.label, s.text]),
      [
        ['a', 'To establish the following:'],
        ['1', 'a secretariat;'],
        ['2', 'a fund;'],
        ['b', 'To review progress.'],
      ],
    );
  });

  test('a bullet list under a chapeau belongs to the paragraph', () => {
    const model = parse('3. The Forum should:\n\n- focus on rights;\n- include civil society.\n\n4. Next.\n');
    assert.equal(model.paragraphs[0].text, 'The Forum should: focus on rights; include civil society.');
    assert.deepEqual(model.paragraphs[0].subparagraphs, []);
  });
});

describe('headings and sections', () => {
  test('a document of only headings', () => {
    const model = parse('# Draft outcome document\n\n## Preamble\n\n## Operative part\n\n### Follow-up\n');
    assert.deepEqual(model.paragraphs, []);
    assert.deepEqual(outline(model.sections), ['markdown  Draft outcome document', '  markdown  Preamble', '  markdown  Operative part', '    markdown  Follow-up']);
    const [top] = model.sections;
    assert.equal(top.depth, 1);
    assert.equal(top.children[1].children[0].depth, 3);
    assert.equal(top.range.end, model.text.length);
  });

  test('UN plain headings nest roman > capital > arabic > letter, below Markdown headings', () => {
    const model = parse('# Report\n\nI. Introduction\n\nA. Background\n\n1. Scope\n\n(a) General Assembly\n\nB. Framework\n\nII. Conclusions\n\nH. Eighth\n\nI. Ninth\n');
    assert.deepEqual(outline(model.sections), [
      'markdown  Report',
      '  roman I Introduction',
      '    capital A Background',
      '      arabic 1 Scope',
      '        letter (a) General Assembly',
      '    capital B Framework',
      '  roman II Conclusions',
      '    capital H Eighth',
      // "I." after "H." is the capital I.
      '    capital I Ninth',
    ]);
  });

  test('bold lines: a UN heading in bold is that heading; a bold title nests in the current section', () => {
    const model = parse('**I. Introduction**\n\n1. Text.\n\n**Annex to the introduction**\n\nMore text.\n\n*An italic dateline*\n');
    assert.deepEqual(outline(model.sections), ['roman I Introduction', '  markdown  Annex to the introduction']);
  });

  test('a short line followed by lower-case text is a broken sentence, not a heading', () => {
    const model = parse('A. The Assembly\n\nrecalls its resolution.\n');
    assert.deepEqual(model.sections, []);
  });
});

describe('footnotes', () => {
  test('GFM footnotes: references are markers, definitions are footnotes (with all their paragraphs)', () => {
    const text = '1. Text with a note.[^1]\n\n2. More text.[^note]\n\n[^1]: The note.\n\n    Its second paragraph.\n\n[^note]: Named, see A/71/728.\n';
    const model = parse(text);
    assert.deepEqual(texts(model), ['Text with a note.', 'More text.']);
    assert.deepEqual(
      model.footnotes.map((f) => [f.label, f.text]),
      [
        ['1', 'The note. Its second paragraph.'],
        ['note', 'Named, see A/71/728.'],
      ],
    );
    assert.deepEqual(model.footnoteMarkers.map((m) => text.slice(m.range.start, m.range.end)), ['[^1]', '[^note]']);
    assert.ok(text.slice(model.footnotes[0].range.start).startsWith('[^1]: The note.'));
    assert.ok(model.spans.some((s) => s.text === 'Named, see A/71/728.'));
  });
});

describe('text forms', () => {
  test('CRLF line endings give the same model as LF', () => {
    const lf = seed('A-68-283.md');
    const crlf = lf.replace(/\n/g, '\r\n');
    const shape = (model: DraftModel) =>
      JSON.stringify({
        paragraphs: model.paragraphs.map((p) => [p.label, p.text, p.subparagraphs.map((s) => [s.label, s.text])]),
        footnotes: model.footnotes.map((f) => [f.label, f.text]),
        markers: model.footnoteMarkers.map((m) => m.label),
        spans: model.spans.map((s) => s.text),
        sections: outline(model.sections),
      });
    const model = parse(crlf);
    assert.equal(shape(model), shape(parseDraft(lf)));
    assert.ok(model.spans.every((s) => !s.text.includes('\r')));
    const p8 = model.paragraphs[7];
    assert.equal(crlf.slice(p8.numberRange.start, p8.numberRange.end), '8.');
  });

  test('the empty string and blank text', () => {
    for (const text of ['', '   ', '\n\n\n', '\r\n']) {
      const model = parse(text);
      assert.deepEqual(
        { ...model, text: '' },
        { text: '', sections: [], paragraphs: [], footnotes: [], footnoteMarkers: [], spans: [] },
      );
      assert.equal(model.text, text);
    }
  });

  test('YAML front matter is not prose', () => {
    const text = '---\nsymbol: A/99/1\ntitle: A report\n---\n\n1. First paragraph.\n';
    const model = parse(text);
    assert.deepEqual(labels(model), ['1']);
    assert.deepEqual(model.sections, []);
    assert.deepEqual(model.spans.map((s) => s.text), ['First paragraph.']);
  });

  test('the last line is a tool label only when it looks like one', () => {
    assert.ok(!parse('1. Text.\n\nSelect target paragraph3').spans.some((s) => s.text.includes('Select')));
    assert.ok(parse('1. Text.\n\nAdopted at the 3rd meeting').spans.some((s) => s.text === 'Adopted at the 3rd meeting'));
    assert.ok(parse('1. Text.\n\nSee A/RES/71/1').spans.some((s) => s.text === 'See A/RES/71/1'));
  });

  test('the example draft: preamble, operative paragraphs 1-6, a GFM footnote', () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'draft-resolution.md'), 'utf8');
    const model = parse(text);
    assert.deepEqual(labels(model), ['1', '2', '3', '4', '5', '6']);
    assert.ok(model.paragraphs[1].text.startsWith('Affirms that States have the power'));
    assert.deepEqual(outline(model.sections), [
      'markdown  International migration and development: towards the global compact',
      '  markdown  Preamble',
      '  markdown  Operative paragraphs',
    ]);
    assert.deepEqual(model.footnotes.map((f) => f.label), ['1']);
  });
});

test('a symbol opening a sentence after a full stop is prose, not a running header', () => {
  const text = 'Recalling its earlier resolutions.\n\nA/70/59 and, again, A/70/59.\n';
  const model = parseDraft(text);
  assert.ok(model.spans.some((span) => span.text.startsWith('A/70/59 and, again')), model.spans.map((s) => s.text).join(' | '));
});
