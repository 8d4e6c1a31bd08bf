// Plain text and its map back to the source: what Markdown syntax is dropped, where each kept
// character comes from.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDraft } from './index';
import type { TextSpan } from './model';
import { alignValue, cutSpan, sliceSpan, trimSpan } from './spans';
import { sourceRange } from './testSupport';

function only(source: string): { span: TextSpan; model: ReturnType<typeof parseDraft> } {
  const model = parseDraft(source);
  assert.equal(model.spans.length, 1, JSON.stringify(model.spans.map((s) => s.text)));
  return { span: model.spans[0], model };
}

/** The source text a plain-text substring maps back to. */
function mapsTo(source: string, span: TextSpan, needle: string): string {
  const index = span.text.indexOf(needle);
  assert.ok(index >= 0, `"${needle}" in "${span.text}"`);
  const range = sourceRange(span, index, index + needle.length);
  return source.slice(range.start, range.end);
}

/** Characters that map to a different source character (syntax replaced, e.g. an entity). */
function mismatches(source: string, span: TextSpan): string[] {
  const found: string[] = [];
  for (let i = 0; i < span.text.length; i++) if (source[span.sourceOffsets[i]] !== span.text[i]) found.push(span.text[i]);
  return found;
}

describe('plain text of inline Markdown', () => {
  const rows: [source: string, text: string][] = [
    ['resolution [67/172](#) of 2012', 'resolution 67/172 of 2012'],
    ['see [the report][r]\n\n[r]: https://undocs.org/A/71/728', 'see the report'],
    ['**bold**, *italic*, ***both*** and ~~struck~~', 'bold, italic, both and struck'],
    ['snake\\_case and \\*stars\\*', 'snake_case and *stars*'],
    ['Fish &amp; chips, caf&eacute;, &#8220;quoted&#8221;', 'Fish & chips, café, “quoted”'],
    ['code `x_y` here', 'code x_y here'],
    ['<b>Opening</b> <span style="float: right;">segment</span>', 'Opening segment'],
    ['the 19<sup>th</sup> session', 'the 19th session'],
    ['<https://refugeesmigrants.un.org/migration-compact>', 'https://refugeesmigrants.un.org/migration-compact'],
    ['www.un.org/en and https://undocs.org/A/71/1.', 'www.un.org/en and https://undocs.org/A/71/1.'],
    ['first line  \nsecond line', 'first line\nsecond line'],
    ['first line\r\nsecond line', 'first line\nsecond line'],
    ['![a chart](chart.png) Figures', 'Figures'],
    ['arabic عربي and 中文 and emoji 😀', 'arabic عربي and 中文 and emoji 😀'],
  ];
  for (const [source, text] of rows) {
    test(JSON.stringify(source), () => {
      const { span } = only(source);
      assert.equal(span.text, text);
      assert.equal(span.sourceOffsets.length, span.text.length + 1);
    });
  }

  test('kept characters map to themselves; escaped ones to the character after the backslash', () => {
    const source = 'A [link](#x) with **A/RES/71/1**, snake\\_case, `code`, and a\r\nbreak.';
    const { span } = only(source);
    assert.deepEqual(mismatches(source, span), []);
    assert.equal(mapsTo(source, span, 'link'), 'link');
    assert.equal(mapsTo(source, span, 'A/RES/71/1'), 'A/RES/71/1');
    assert.equal(mapsTo(source, span, 'snake_case'), 'snake\\_case');
    assert.equal(mapsTo(source, span, 'a\nbreak'), 'a\r\nbreak');
  });

  test('a character reference maps to its "&" and the text after it realigns', () => {
    const source = 'caf&eacute; au lait';
    const { span } = only(source);
    assert.equal(span.text, 'café au lait');
    assert.equal(span.sourceOffsets[3], 3);
    assert.equal(mapsTo(source, span, 'au lait'), 'au lait');
  });

  test('a citation across link syntax maps from its first to its last character read', () => {
    const source = 'pursuant to resolution [67/172](#).';
    const { span } = only(source);
    assert.equal(mapsTo(source, span, 'resolution 67/172'), 'resolution [67/172');
  });
});

describe('footnote markers', () => {
  test('<sup>N</sup>, superscript digits and GFM references are markers, not text', () => {
    const source = 'One<sup>3</sup> two.¹² Three[^a] four[^n].\n\n[^n]: Note.';
    const model = parseDraft(source);
    assert.equal(model.spans[0].text, 'One two. Three four.');
    assert.deepEqual(
      model.footnoteMarkers.map((m) => [m.label, source.slice(m.range.start, m.range.end)]),
      [
        ['3', '<sup>3</sup>'],
        ['12', '¹²'],
        ['a', '[^a]'],
        ['n', '[^n]'],
      ],
    );
    assert.deepEqual(model.footnotes.map((f) => [f.label, f.text]), [['n', 'Note.']]);
  });
});

describe('span helpers', () => {
  const span: TextSpan = { text: '  ab cd  ', sourceOffsets: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19], range: { start: 10, end: 19 } };

  test('trimSpan and sliceSpan keep the map and derive the range', () => {
    const trimmed = trimSpan(span);
    assert.equal(trimmed.text, 'ab cd');
    assert.deepEqual(trimmed.sourceOffsets, [12, 13, 14, 15, 16, 17]);
    assert.deepEqual(trimmed.range, { start: 12, end: 17 });
    const empty = sliceSpan(span, 4, 4);
    assert.deepEqual(empty, { text: '', sourceOffsets: [14], range: { start: 14, end: 14 } });
    assert.equal(sliceSpan(span, -5, 100), span);
  });

  test('cutSpan leaves out ranges of the text', () => {
    const cut = cutSpan(span, [{ start: 4, end: 5 }]);
    assert.equal(cut.text, 'abcd');
    assert.deepEqual(cut.sourceOffsets, [12, 13, 15, 16, 17]);
  });

  test('alignValue maps an unalignable value proportionally, in order, inside the node', () => {
    const source = 'xx&unknownentitythatislong;yy';
    const map = alignValue('QRS', source, 2, 27);
    assert.equal(map.length, 3);
    assert.ok(map.every((offset, i) => offset >= 2 && offset < 27 && (i === 0 || offset >= map[i - 1])));
  });
});
