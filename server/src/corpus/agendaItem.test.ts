// One format for agenda items, from the cover pages of real texts (../shared/un-documents/texts.jsonl)
// and from the real Digital Library export: "<number>: <title>".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { sharedPath } from '../../../test/sharedData';
import { agendaItemLabel, coverAgendaItem, libraryAgendaNumber } from './agendaItem';
import { libraryRecord, type LibraryRecord } from './undl/libraryRecord';
import { readMarcXml } from './undl/marcxml';
import { registryEntries } from './undl/toRegistry';
import { collection, fixtureRecord } from './undl/testFixture';

const texts = new Map(
  readFileSync(sharedPath('un-documents', 'texts.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { symbol: string; text: string })
    .map((record) => [record.symbol, record.text]),
);
const cover = (symbol: string) => coverAgendaItem(texts.get(symbol)!.split('\n').slice(0, 80));

describe('the agenda item on a real cover page', () => {
  const rows: [string, string][] = [
    ['A/RES/79/163', '70: Right of peoples to self-determination'],
    ['A/C.3/80/L.17', '68 (a): Rights of Indigenous Peoples: rights of Indigenous Peoples'],
    ['A/80/L.10', '11: Sport for development and peace: building a peaceful and better world through sport and the Olympic ideal'],
    // The sponsors follow after a blank line: they are not the item's title.
    ['A/80/L.4', '13: Integrated and coordinated implementation of and follow-up to the outcomes of the major United Nations conferences and summits in the economic, social and related fields'],
    // A draft issued before the agenda was adopted: "Item 35 of the provisional agenda*".
    ['A/80/L.1', '35: Question of Palestine'],
  ];
  for (const [symbol, label] of rows) test(`${symbol} → ${label}`, () => assert.equal(cover(symbol), label));
});

describe('a Digital Library item number as the cover page prints it', () => {
  const rows: [string | undefined, string | undefined][] = [['71b', '71 (b)'], ['71b[20]', '71 (b)'], ['120', '120'], [undefined, undefined], ['', undefined]];
  for (const [filed, printed] of rows) test(`${filed} → ${printed}`, () => assert.equal(libraryAgendaNumber(filed), printed));
});

test('number or title alone where the other is not known', () => {
  assert.equal(agendaItemLabel('70', undefined), '70');
  assert.equal(agendaItemLabel(undefined, 'Revitalization of the work of the General Assembly.'), 'Revitalization of the work of the General Assembly');
  assert.equal(agendaItemLabel(undefined, undefined), undefined);
});

test('the Digital Library record of a draft (record 1) and the cover page of A/RES/78/213, adopted from it, give the item in one format', () => {
  const [draft, resolution] = registryEntries(readMarcXml(collection(fixtureRecord(1))).records.map((r) => libraryRecord(r) as LibraryRecord), 'test.xml');
  assert.equal(resolution.symbol, 'A/RES/78/213');
  const printed = cover('A/RES/78/213')!;
  const number = (label: string) => /^([^:]+): /.exec(label)?.[1];
  assert.equal(number(draft.agendaItem!), '71 (b)');
  assert.equal(number(printed), '71 (b)');
  // The record catalogues the sub-item's title; the cover page prints the item's, then the sub-item's.
  assert.ok(printed.toLowerCase().endsWith(draft.agendaItem!.slice('71 (b): '.length).toLowerCase()), printed);
});
