// "Ibid." in footnotes, on real text layers of ../shared/un-documents/texts.jsonl (each row names
// the document it is taken from; body text between the footnote blocks shortened with "…", the
// page furniture and line breaks kept as the PDF prints them).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findReferences } from './find';
import { footnoteBlocks, ibidReferences } from './ibid';

interface Row {
  readonly from: string;
  readonly text: string;
  /** Each "Ibid." read: the symbol, and its annex and paragraphs as "annex I" / "¶38". */
  readonly expected: readonly string[];
}

const TABLE: readonly Row[] = [
  {
    // Footnote 1 on page 1, footnotes 2 and 3 at the top of page 2's block: the rule and the page's body text lie between.
    from: 'A/RES/78/103',
    text:
      'activities in this field, in particular to avoid duplication of efforts, including among \n__________________ \n \n1 Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 17 (A/78/17). \n\nA/RES/78/103 \nReport of the United Nations Commission on International Trade \nLaw on the work of its fifty-sixth session\n \n23-24974\n2/6 \n \norganizations formulating … the development of a model law on warehouse receipts; 12  \n__________________ \n \n2 Ibid., chap. IV, sect. B.2, and annex I. \n \n3 Ibid., chap. IV, sect. C.2, and annex II. \n',
    expected: ['A/78/17 annex I', 'A/78/17 annex II'],
  },
  {
    // Paragraph pinpoints (footnote 3 is not in the row, so "4 Ibid." reads nothing); the header prints the title before the symbol, after an empty line.
    from: 'A/RES/78/108',
    text:
      '__________________ \n \n4 Ibid., chap. IV, sect. C. \n \n5 See Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 10 \n(A/78/10). \n\nReport of the International Law Commission on the work of its \nseventy-fourth session \nA/RES/78/108\n \n3/7\n23-24964 \n \n \n(c) \nSea-level rise in relation to international law; … and the Secretariat to give due \n__________________ \n \n6 Ibid., para. 38. \n \n7 Ibid., para. 29. \n',
    expected: ['A/78/10 ¶38', 'A/78/10 ¶29'],
  },
  {
    // A bare "Ibid." is the same place: the annex of resolution 2200 A (XXI); then treaties, which have no symbol.
    from: 'A/RES/78/213',
    text: '_______ \n \n1 Resolution 217 A (III). \n \n2 See resolution 2200 A (XXI), annex. \n \n3 Ibid. \n \n4 United Nations, Treaty Series, vol. 1577, No. 27531. \n \n5 Ibid., vol. 1465, No. 24841. \n \n6 Ibid., vol. 660, No. 9464. \n',
    expected: ['A/RES/2200 (XXI) annex '],
  },
  {
    // The Official Records form after "Ibid.": the bracketed symbol is the citation, not the footnote before.
    from: 'A/RES/78/103',
    text: '__________________ \n \n8 Ibid., chap. XII, sect. B.3 (a). \n \n9 Ibid., Sixty-eighth Session, Supplement No. 17 (A/68/17), annex I. \n \n10 Ibid., Seventy-eighth Session, Supplement No. 17 (A/78/17), chap. XIV, sect. D.4. \n',
    expected: [],
  },
  {
    // The footnote before cites a conference report by its sales number: no symbol, so nothing.
    from: 'A/RES/78/143',
    text: '__________________ \n \n1  See Report of the United Nations Conference on the Human Environment, Stockholm, 5–16 June \n1972 (A/CONF.48/14/Rev.1), part one, chap. I. \n \n2  Report of the United Nations Conference on Environment and Development, Rio de Janeiro, \n3 – 14 June 1992, vol. I, Resolutions Adopted by the Conference (United Nations publication, \nSales No. E.93.I.8 and corrigendum), resolution 1, annex I. \n \n3  Ibid., annex II. \n\nA/RES/78/143 \nOil slick on Lebanese shores\n',
    expected: [],
  },
  {
    // Three documents in the footnote before: "Ibid." cannot be told.
    from: 'A/RES/80/110',
    text: '__________________ \n \n37 See ISBA/30/C/20. \n \n38 See ISBA/28/A/15, ISBA/29/A/11 and ISBA/30/A/11. \n \n39 Ibid. \n',
    expected: [],
  },
  {
    // An Ibid. of an Ibid.: the chain follows the document.
    from: 'A/RES/79/258',
    text: '__________________ \n \n17 A/79/7/Add.1. \n \n18 Ibid. \n \n19 Ibid. \n',
    expected: ['A/79/7/Add.1', 'A/79/7/Add.1'],
  },
  {
    // corpus add writes the footnotes of A/RES/78/108 as Markdown definitions.
    from: 'A/RES/78/108 (Markdown)',
    text: 'the Secretariat to give due[^6]\n\n[^5]: See Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 10 (A/78/10).\n[^6]: Ibid., para. 38.\n',
    expected: ['A/78/10 ¶38'],
  },
];

const describeIbid = (text: string) =>
  ibidReferences(text, findReferences(text)).map(
    (r) => `${r.symbol}${r.annex !== undefined ? ` annex ${r.annex}` : ''}${r.paragraphs.length ? ` ¶${r.paragraphs.join(',')}` : ''}`,
  );

describe('Ibid. in footnotes: the previous footnote’s document', () => {
  for (const row of TABLE) {
    test(`${row.from}: ${row.expected.join('; ') || 'nothing'}`, () => {
      assert.deepEqual(describeIbid(row.text), row.expected);
    });
  }

  test('footnote blocks end at the page furniture, not at a footnote’s second line', () => {
    const text = TABLE[4].text;
    const blocks = footnoteBlocks(text).map((f) => `${f.number}: ${text.slice(f.start, f.end).replace(/\s+/g, ' ')}`);
    assert.deepEqual(blocks, [
      '1: 1 See Report of the United Nations Conference on the Human Environment, Stockholm, 5–16 June 1972 (A/CONF.48/14/Rev.1), part one, chap. I.',
      '2: 2 Report of the United Nations Conference on Environment and Development, Rio de Janeiro, 3 – 14 June 1992, vol. I, Resolutions Adopted by the Conference (United Nations publication, Sales No. E.93.I.8 and corrigendum), resolution 1, annex I.',
      '3: 3 Ibid., annex II.',
    ]);
  });
});
