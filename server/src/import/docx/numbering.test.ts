// Word's automatic numbering replayed: each row a numbering.xml, the (numId, level) of each paragraph
// in order, and the labels Word shows for them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatNumber, Numbering } from './numbering';
import { parseXml } from './xml';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, format: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const UN = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}${lvl(1, 'lowerLetter', '(%2)')}${lvl(2, 'lowerRoman', '(%3)')}</w:abstractNum>`;

const CASES: { name: string; xml: string; paragraphs: [string, number][]; labels: (string | undefined)[] }[] = [
  {
    name: 'operative paragraphs, letters restarting under each, roman under letters',
    xml: `${UN}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
    paragraphs: [['1', 0], ['1', 1], ['1', 1], ['1', 2], ['1', 2], ['1', 1], ['1', 0], ['1', 1]],
    labels: ['1.', '(a)', '(b)', '(i)', '(ii)', '(c)', '2.', '(a)'],
  },
  {
    name: 'two instances of one list share their counters (a list interrupted by a heading goes on)',
    xml: `${UN}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>`,
    paragraphs: [['1', 0], ['1', 0], ['2', 0]],
    labels: ['1.', '2.', '3.'],
  },
  {
    name: 'an instance with a start override restarts (an annex numbered from 1)',
    xml: `${UN}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
    paragraphs: [['1', 0], ['1', 0], ['2', 0], ['2', 0]],
    labels: ['1.', '2.', '1.', '2.'],
  },
  {
    name: 'a list starting at 5 (a draft continuing another), with w:lvlRestart="0": letters never restart',
    xml: `<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>${lvl(1, 'lowerLetter', '(%2)', '<w:lvlRestart w:val="0"/>')}</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>`,
    paragraphs: [['7', 0], ['7', 1], ['7', 0], ['7', 1]],
    labels: ['5.', '(a)', '6.', '(b)'],
  },
  {
    name: 'bullets and numId 0 have no label',
    xml: `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '•')}</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>`,
    paragraphs: [['3', 0], ['0', 0], ['9', 0]],
    labels: [undefined, undefined, undefined],
  },
  {
    name: 'multi-level text "%1.%2" (report sections)',
    xml: `<w:abstractNum w:abstractNumId="2">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%1.%2')}</w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>`,
    paragraphs: [['4', 0], ['4', 1], ['4', 1], ['4', 0], ['4', 1]],
    labels: ['I.', 'I.1', 'I.2', 'II.', 'II.1'],
  },
];

describe('Word numbering', () => {
  for (const { name, xml, paragraphs, labels } of CASES) {
    test(name, () => {
      const numbering = new Numbering(parseXml(`<w:numbering ${W}>${xml}</w:numbering>`));
      assert.deepEqual(paragraphs.map(([numId, ilvl]) => numbering.next(numId, ilvl)), labels);
    });
  }

  test('formats', () => {
    assert.deepEqual([1, 4, 9, 14, 40].map((n) => formatNumber(n, 'lowerRoman')), ['i', 'iv', 'ix', 'xiv', 'xl']);
    assert.deepEqual([1, 26, 27, 28].map((n) => formatNumber(n, 'lowerLetter')), ['a', 'z', 'aa', 'bb']);
    assert.equal(formatNumber(3, 'upperLetter'), 'C');
  });
});
