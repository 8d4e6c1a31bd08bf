import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { entriesFromMarcXml } from './importExport';
import { type LibraryRecord, libraryRecord } from './libraryRecord';
import { readMarcXml } from './marcxml';
import { repairDoubleEncoding } from './mojibake';
import { collection, FIXTURE, fixtureRecord } from './testFixture';

const fixture = readFileSync(FIXTURE, 'utf8');

const read = (xml: string): LibraryRecord[] =>
  readMarcXml(xml).records.map((record) => {
    const result = libraryRecord(record);
    assert.ok(!('problem' in result), `record ${record.position}: ${'problem' in result ? result.problem : ''}`);
    return result as LibraryRecord;
  });

/**
 * Seven records checked by hand against the XML of the fixture (fields 001, 191, 245, 260/269, 981,
 * 989, 991, 993 read in the file itself): positions 1, 11, 12, 17, 53, 69, 74 and 83 of the export.
 */
const HAND_CHECKED: readonly { position: number; expect: Partial<LibraryRecord> }[] = [
  {
    position: 1,
    expect: {
      id: '4026910', symbol: 'A/C.3/78/L.49/Rev.1', title: 'Promotion and protection of human rights in the context of digital technologies', designation: 'revised draft resolution',
      date: '2023-11-08', body: 'General Assembly', committee: 'Third Committee', documentType: 'Draft Resolutions and Decisions',
      agendaItems: [{ number: '71b', title: 'Human rights questions, including alternative approaches for improving the effective enjoyment of human rights and fundamental freedoms' }],
      adoptedAs: ['A/RES/78/213'], reports: ['A/78/481/Add.2'], notes: [],
    },
  },
  {
    // A note: "… 3rd Committee :" $a, "General Assembly, 78th session : note /" $b; no 989 $b, a 991 without a title, no 993.
    position: 11,
    expect: { id: '4020189', symbol: 'A/C.3/78/L.1', title: 'Organization of the work of the 3rd Committee: General Assembly, 78th session', designation: 'note', responsibility: 'by the Secretariat', date: '2023-08-28', documentType: undefined, agendaItems: [], adoptedAs: [], reports: [] },
  },
  {
    position: 12,
    expect: { id: '4027347', symbol: 'A/C.3/78/L.72', designation: 'draft decision', date: '2023-11-13', agendaItems: [{ number: '120', title: 'Revitalization of the work of the General Assembly' }], adoptedAs: ['A/DEC/78/539'], reports: ['A/78/484'] },
  },
  {
    // " : " inside 245 $a is a subtitle, kept; the trailing "draft resolution" ($b) is not.
    position: 17,
    expect: {
      id: '4026398', symbol: 'A/C.3/78/L.53', title: 'Implementation of the Convention on the Rights of Persons with Disabilities and the Optional Protocol thereto: situations of risk and humanitarian emergencies',
      designation: 'draft resolution', date: '2023-11-01', agendaItems: [{ number: '71a', title: 'Implementation of human rights instruments' }], adoptedAs: [], reports: [],
    },
  },
  {
    // The Library's own slip: 993 ind1 3 is "AA/78/481/Add.2"; left out, and said so.
    position: 53,
    expect: { id: '4025975', symbol: 'A/C.3/78/L.32', title: 'Promotion of a democratic and equitable international order', date: '2023-10-30', adoptedAs: ['A/RES/78/196'], reports: [], notes: ['993 $a “AA/78/481/Add.2” is not a document symbol; left out'] },
  },
  {
    // Sponsors double-encoded ("TÃ¼rkiye"); the resolution adopted in parts ("A/RES/78/183 B").
    position: 69,
    expect: { id: '4026076', symbol: 'A/C.3/78/L.28', responsibility: 'Argentina, Georgia, Germany, Türkiye and Ukraine', date: '2023-10-30', adoptedAs: ['A/RES/78/183 B'], reports: ['A/78/474'] },
  },
  {
    position: 74,
    expect: {
      id: '4027181', symbol: 'A/C.3/78/L.52/Rev.1', title: 'Protection of migrants', designation: 'revised draft resolution', date: '2023-11-09', body: 'General Assembly', committee: 'Third Committee',
      agendaItems: [{ number: '71b', title: 'Human rights questions, including alternative approaches for improving the effective enjoyment of human rights and fundamental freedoms' }],
      adoptedAs: ['A/RES/78/217'], reports: ['A/78/481/Add.2'],
    },
  },
  {
    // A statement of programme budget implications under two agenda items; "statement" is the kind, not the title.
    position: 83,
    expect: {
      id: '4027455', symbol: 'A/C.3/78/L.73', title: 'Subregional Centre for Human Rights and Democracy in Central Africa: programme budget implications of draft resolution A/C.3/78/L.55', designation: 'statement',
      agendaItems: [{ number: '134', title: 'Proposed programme budget for 2024' }, { number: '71b', title: 'Human rights questions, including alternative approaches for improving the effective enjoyment of human rights and fundamental freedoms' }],
    },
  },
];

describe('UN Digital Library MARCXML: the real export', () => {
  const records = read(fixture);

  test('every one of the 94 records is read, and none is a problem', () => {
    assert.equal(records.length, 94);
    assert.deepEqual(readMarcXml(fixture).problems, []);
    assert.equal(new Set(records.map((r) => r.symbol)).size, 94);
  });

  for (const row of HAND_CHECKED) {
    test(`record ${row.position} (${row.expect.symbol}): fields as in the XML`, () => {
      const record = records[row.position - 1];
      for (const [field, value] of Object.entries(row.expect)) assert.deepEqual(record[field as keyof LibraryRecord], value, field);
    });
  }

  test('every record has a symbol, a title, an ISO date, the body and the committee; no title keeps cataloguing punctuation', () => {
    for (const record of records) {
      assert.match(record.symbol, /^A\/C\.3\/78\/L\.\d+/);
      assert.ok(record.title && !/\s[:/;]$|\s:\s/.test(record.title), `${record.symbol}: ${record.title}`);
      assert.match(record.date ?? '', /^2023-\d{2}-\d{2}$/);
      assert.equal(record.body, 'General Assembly');
      assert.equal(record.committee, 'Third Committee');
    }
  });

  test('993: the resolutions adopted from these drafts and the committee reports, as the export counts them (63 and 68; a 69th report symbol is a slip)', () => {
    assert.equal(records.flatMap((r) => r.adoptedAs).length, 63);
    assert.equal(records.flatMap((r) => r.reports).length, 68);
    assert.deepEqual(records.flatMap((r) => r.notes), ['993 $a “AA/78/481/Add.2” is not a document symbol; left out']);
  });

  test('no double-encoded text is left in any field', () => {
    const json = JSON.stringify(records);
    assert.doesNotMatch(json, /Ã|Â|Ð|Ø/);
    assert.match(json, /Türkiye/);
    assert.match(json, /Côte d'Ivoire/);
  });
});

describe('UN Digital Library MARCXML: forms of the file', () => {
  const first = fixtureRecord(1);
  const expected = read(collection(first))[0];

  test('the default namespace, as the Library itself exports', () => {
    const plain = first.replace(/<(\/?)ns0:/g, '<$1').replace(/ xmlns:ns0="[^"]*"/, '');
    assert.deepEqual(read(collection(plain))[0], expected);
  });

  test('a prefix declared only on the collection', () => {
    const bare = first.replace(/ xmlns:ns0="[^"]*"/, '');
    const xml = `<marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim">${bare.replace(/ns0:/g, 'marc:')}</marc:collection>`;
    assert.deepEqual(read(xml)[0], expected);
  });

  const rows: readonly { name: string; xml: string; records: string[]; problems: { position: number; id?: string; message: RegExp }[] }[] = [
    {
      name: 'a file cut off in its third record: the first two are read, the third reported',
      xml: collection(fixtureRecord(1), fixtureRecord(2), fixtureRecord(3)).slice(0, collection(fixtureRecord(1), fixtureRecord(2)).length + 1500),
      records: ['A/C.3/78/L.49/Rev.1', 'A/C.3/78/L.67'],
      problems: [{ position: 3, id: '4026539', message: /cut off/ }],
    },
    {
      name: 'a broken record between good ones',
      xml: collection(fixtureRecord(1), fixtureRecord(2).replace('</ns0:subfield>', '</ns0:subfeld>'), fixtureRecord(3)),
      records: ['A/C.3/78/L.49/Rev.1', 'A/C.3/78/L.47'],
      problems: [{ position: 2, id: '4026780', message: /not well-formed XML/ }],
    },
    {
      name: 'a record without a symbol',
      xml: collection(fixtureRecord(1).replace(/<ns0:datafield tag="191"[\s\S]*?<\/ns0:datafield>/, ''), fixtureRecord(2)),
      records: ['A/C.3/78/L.67'],
      problems: [{ position: 1, id: '4026910', message: /no document symbol \(191 \$a\)/ }],
    },
    { name: 'not MARCXML at all', xml: '<html><body>Service unavailable</body></html>', records: [], problems: [{ position: 0, message: /not a MARCXML file/ }] },
    { name: 'an empty search result', xml: collection(), records: [], problems: [{ position: 0, message: /no records/ }] },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const result = entriesFromMarcXml(row.xml, 'test.xml');
      assert.deepEqual(result.imported.map((r) => r.symbol), row.records);
      assert.equal(result.problems.length, row.problems.length, JSON.stringify(result.problems));
      row.problems.forEach((expected, i) => {
        assert.equal(result.problems[i].position, expected.position);
        assert.equal(result.problems[i].id, expected.id);
        assert.match(result.problems[i].message, expected.message);
      });
    });
  }
});

describe('double-encoded UTF-8', () => {
  const rows: readonly [string, string][] = [
    ['TÃ¼rkiye', 'Türkiye'],
    ['FranÃ§ais', 'Français'],
    ['EspaÃ±ol', 'Español'],
    ['Ð\u00a0Ñ\u0083Ñ\u0081Ñ\u0081ÐºÐ¸Ð¹', 'Русский'],
    ['Ø§Ù\u0084Ø¹Ø±Ø¨Ù\u008aØ©', 'العربية'],
    ['ä¸\u00adæ\u0096\u0087', '中文'],
    ['Windows-1252 on the way: itâ€™s', 'Windows-1252 on the way: it’s'],
    // Correct text is left alone, accented or not.
    ["Côte d'Ivoire", "Côte d'Ivoire"],
    ['Türkiye', 'Türkiye'],
    ['Ã la carte', 'Ã la carte'],
    ['English', 'English'],
  ];
  for (const [input, output] of rows) test(`${JSON.stringify(input)} → ${output}`, () => assert.equal(repairDoubleEncoding(input), output));
});
