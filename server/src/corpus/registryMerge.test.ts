import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bundledRegistry } from './bundledRegistry';
import { Registry, type RegistryEntry } from './registry';
import { mergeRegistries } from './registryMerge';
import { libraryRecord, type LibraryRecord } from './undl/libraryRecord';
import { readMarcXml } from './undl/marcxml';
import { registryEntries } from './undl/toRegistry';
import { collection, fixtureRecord } from './undl/testFixture';

const libraryEntries = (...positions: number[]): RegistryEntry[] =>
  registryEntries(readMarcXml(collection(...positions.map(fixtureRecord))).records.map((r) => libraryRecord(r) as LibraryRecord), 'test.xml');

describe('Digital Library records as registry entries', () => {
  test('a draft (record 74, A/C.3/78/L.52/Rev.1): every field sourced from its record; the resolution adopted from it names it as its draft', () => {
    const [draft, resolution] = libraryEntries(74);
    const source = [{ kind: 'library', from: 'UN Digital Library record 4027181' }];
    assert.deepEqual(draft, {
      symbol: 'A/C.3/78/L.52/Rev.1',
      title: 'Protection of migrants',
      date: '2023-11-09',
      body: 'General Assembly',
      kind: 'draft resolution',
      committee: 'Third Committee',
      agendaItem: '71 (b): Human rights questions, including alternative approaches for improving the effective enjoyment of human rights and fundamental freedoms',
      report: 'A/78/481/Add.2',
      source: 'UN Digital Library record 4027181',
      provenance: { title: source, date: source, body: source, kind: source, committee: source, agendaItem: source, report: source },
    });
    assert.equal(resolution.symbol, 'A/RES/78/217');
    assert.equal(resolution.draft, 'A/C.3/78/L.52/Rev.1');
    assert.deepEqual(resolution.unverified, ['title', 'date'], 'the draft’s record does not say when or under which title it was adopted');
    assert.equal(resolution.date, '2023');
    assert.deepEqual(resolution.provenance?.draft, [{ kind: 'library', from: 'UN Digital Library record 4027181 (of the draft A/C.3/78/L.52/Rev.1)' }]);
    assert.equal(new Registry([draft, resolution]).adoptedFrom('A/C.3/78/L.52/Rev.1')?.symbol, 'A/RES/78/217');
  });

  test('kinds: amendment, draft decision (to A/DEC/…), note, statement', () => {
    const kinds = libraryEntries(2, 12, 11, 83).map((e) => `${e.symbol} ${e.kind}`);
    assert.deepEqual(kinds, ['A/C.3/78/L.67 amendment', 'A/C.3/78/L.72 draft decision', 'A/DEC/78/539 decision', 'A/C.3/78/L.1 note', 'A/C.3/78/L.73 statement']);
  });
});

describe('mergeRegistries', () => {
  const bundled = [...bundledRegistry().all()];
  const entry = (symbol: string, fields: Partial<RegistryEntry>): RegistryEntry => ({ symbol, title: 'T', date: '2020-01-01', body: 'General Assembly', kind: 'resolution', ...fields });
  const library = (field: string) => ({ [field]: [{ kind: 'library' as const, from: 'UN Digital Library record 1' }] });

  test('a bundled field wins over a user record; what the bundled entry lacks is filled, with its source', () => {
    const [merged] = mergeRegistries([entry('A/RES/1/1', { title: 'Bundled title' })], [entry('A/RES/1/1', { title: 'Library title', committee: 'Third Committee', provenance: { ...library('title'), ...library('committee') } })]);
    assert.equal(merged.title, 'Bundled title');
    assert.equal(merged.committee, 'Third Committee');
    assert.deepEqual(merged.provenance, library('committee'));
  });

  test('a bundled field marked unverified is replaced by a record that vouches for it', () => {
    const [merged] = mergeRegistries([entry('A/RES/1/1', { date: '2020', unverified: ['date'] })], [entry('A/RES/1/1', { date: '2020-12-18', provenance: library('date') })]);
    assert.equal(merged.date, '2020-12-18');
    assert.equal(merged.unverified, undefined);
    assert.deepEqual(merged.provenance?.date, library('date').date);
  });

  test('a stand-in (a resolution known from its draft) gives way to the resolution’s own record, keeping the draft link', () => {
    const standIn = entry('A/RES/78/217', { title: 'Protection of migrants', date: '2023', draft: 'A/C.3/78/L.52/Rev.1', unverified: ['title', 'date'], provenance: library('draft') });
    const own = entry('A/RES/78/217', { title: 'Protection of migrants', date: '2023-12-19', provenance: { ...library('title'), ...library('date') } });
    const [merged] = mergeRegistries([], [standIn, own]);
    assert.deepEqual([merged.date, merged.draft, merged.unverified], ['2023-12-19', 'A/C.3/78/L.52/Rev.1', undefined]);
  });

  test('the bundled registry: the draft is added, the resolution adopted from it keeps its facts and gains the draft link', () => {
    const merged = mergeRegistries(bundled, libraryEntries(74));
    const known = (symbol: string) => bundled.some((e) => e.symbol === symbol);
    assert.deepEqual([known('A/C.3/78/L.52/Rev.1'), known('A/RES/78/217')], [false, true], 'as the bundled registry stands');
    assert.equal(merged.length, bundled.length + 1);
    const resolution = merged.find((e) => e.symbol === 'A/RES/78/217')!;
    const original = bundled.find((e) => e.symbol === 'A/RES/78/217')!;
    assert.deepEqual([resolution.title, resolution.date, resolution.provenance?.date], [original.title, original.date, original.provenance?.date], 'the year stand-in does not replace the bundled date');
    assert.equal(resolution.draft, 'A/C.3/78/L.52/Rev.1');
    assert.deepEqual(resolution.provenance?.draft, [{ kind: 'library', from: 'UN Digital Library record 4027181 (of the draft A/C.3/78/L.52/Rev.1)' }]);
    for (const entry of bundled) if (entry.symbol !== 'A/RES/78/217') assert.ok(merged.includes(entry), entry.symbol);
  });
});
