// Table tests of the registry build's readers, on strings from real UN texts
// (../shared/un-documents/texts.jsonl), and of the merge's rules on claims.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ClaimBook, type Claim } from './claims';
import { footnoteSymbol } from './citedClaims';
import { plausibleDate } from '../corpus/sessions';
import { committeeDraftLinks } from './draftLinks';
import { footnotedNames, nameBefore } from './footnoteNames';
import { namesADocument } from './documentNames';
import { learnAliases } from './learnedAliases';
import { mergeClaims } from './merge';
import { printedClaims } from './printedFacts';
import { deriveSeries } from './series';
import { readUnText } from './unText';
import type { RegistryEntry } from '../corpus/registry';

// The first page of A/RES/79/163 as its PDF's text layer gives it (shortened in the middle).
const A_RES_79_163 = `United Nations \nA/RES/79/163\n \n \nGeneral Assembly \nDistr.: General \n19 December 2024 \n \n24-24157 (E) \n*2424157* \n \n \nSeventy-ninth session \nAgenda item 70 \nRight of peoples to self-determination \n \n \n \n \n Resolution adopted by the General Assembly \non 17 December 2024 \n \n \n \n \n[on the report of the Third Committee (A/79/457, para. 32)] \n \n \n 79/163. The right of the Palestinian people to self-determination \n \n \n \nThe General Assembly, \n \nBearing in mind the International Covenants on Human Rights,1 the Universal \nDeclaration of Human Rights,2 the Declaration on the Granting of Independence to \nColonial Countries and Peoples 3  and the Vienna Declaration and Programme of \nAction adopted at the World Conference on Human Rights on 25 June 1993, 4 \n \nRecalling its resolution 67/19 of 29 November 2012, \n \n__________________ \n \n1  Resolution 2200 A (XXI), annex. \n \n2  Resolution 217 A (III). \n \n3  Resolution 1514 (XV). \n \n4  A/CONF.157/24 (Part I), chap. III. \n \n5  A/78/968. \n\nA/RES/79/163 \nThe right of the Palestinian people to self-determination\n \n24-24157\n2/2 \n \n1. \nReaffirms the right of the Palestinian people to self-determination;`;

// The cover of the draft A/80/L.1.
const A_80_L_1 = `United Nations \nA/80/L.1\n \n \nGeneral Assembly \nDistr.: Limited \n9 September 2025 \nOriginal: English \n \n25-14304 (E)    100925 \n*2514304* \n \n \nEightieth session \nItem 35 of the provisional agenda* \nQuestion of Palestine \n \n \n \n \n \nFrance, Guinea, Indonesia, Ireland, Qatar, Saudi Arabia and State of \nPalestine:** draft decision \n \n \n \n Endorsement of the New York Declaration \n \n \n \nThe General Assembly, \n`;

const record79163 = { symbol: 'A/RES/79/163', title: '79/163. The right of the Palestinian people to self-determination', text: A_RES_79_163 };

describe('a UN text layer', () => {
  const doc = readUnText(record79163);
  test('footnotes are read by number, the page header is not body text', () => {
    assert.equal(doc.footnotes.get(1), 'Resolution 2200 A (XXI), annex.');
    assert.equal(doc.footnotes.get(4), 'A/CONF.157/24 (Part I), chap. III.');
    assert.equal(doc.footnotes.size, 5);
    assert.doesNotMatch(doc.body, /24-24157|2\/2/);
    assert.match(doc.body, /Recalling its resolution 67\/19 of 29 November 2012, 1\. Reaffirms/);
  });

  test('the cover page and heading give title, adoption date, committee, report and agenda item', () => {
    const facts = Object.fromEntries(printedClaims(doc).map((c) => [c.field, c.value]));
    assert.deepEqual(facts, {
      title: 'The right of the Palestinian people to self-determination',
      body: 'General Assembly',
      agendaItem: '70: Right of peoples to self-determination',
      kind: 'resolution',
      date: '2024-12-17',
      committee: 'Third Committee',
      report: 'A/79/457',
    });
    assert.ok(printedClaims(doc).every((c) => c.source.kind === 'printed' && c.source.from === 'A/RES/79/163'));
  });

  test('a draft gives its date of issue, kind and the plenary', () => {
    const facts = Object.fromEntries(printedClaims(readUnText({ symbol: 'A/80/L.1', title: 'Endorsement of the New York Declaration', text: A_80_L_1 })).map((c) => [c.field, c.value]));
    assert.equal(facts.date, '2025-09-09');
    assert.equal(facts.kind, 'draft decision');
    assert.equal(facts.committee, 'plenary');
  });

  test('names before footnote markers, read in sequence', () => {
    assert.deepEqual(footnotedNames(doc.body, doc.footnotes), [
      { footnote: 1, name: 'International Covenants on Human Rights' },
      { footnote: 2, name: 'Universal Declaration of Human Rights' },
      { footnote: 3, name: 'Declaration on the Granting of Independence to Colonial Countries and Peoples' },
    ]);
  });
});

describe('the name before a footnote marker', () => {
  const rows: [string, string | undefined][] = [
    ['Reaffirming the 2030 Agenda for Sustainable Development,', '2030 Agenda for Sustainable Development'],
    ['Recalling the Global Compact for Safe, Orderly and Regular Migration', 'Global Compact for Safe, Orderly and Regular Migration'],
    ['and Non-custodial Measures for Women Offenders (the Bangkok Rules)', 'Bangkok Rules'],
    ['Welcoming the Sendai Framework for Disaster Risk Reduction 2015–2030,', 'Sendai Framework for Disaster Risk Reduction 2015–2030'],
    // Tails of longer phrases are not names.
    ['Cooperation among States in accordance with the Charter of the United Nations,', undefined],
    ['the Conference held in Addis Ababa', undefined],
    ['of Marine Biological Diversity of Areas beyond National Jurisdiction', undefined],
    ['on Human Rights on 25 June 1993,', undefined],
    ['article 18 of the Universal Declaration of Human Rights', undefined],
    ['Recalling its resolution', undefined],
  ];
  for (const [before, name] of rows) test(`${before} → ${name}`, () => assert.equal(nameBefore(before), name));
});

describe('the document a footnote gives', () => {
  const rows: [string, string | undefined][] = [
    ['Resolution 2200 A (XXI), annex.', 'A/RES/2200 (XXI)'],
    ['Resolution 217 A (III).', 'A/RES/217 (III)'],
    ['A/CONF.157/24 (Part I), chap. III.', 'A/CONF.157/24 (Part I)'],
    ['See resolution 70/1.', 'A/RES/70/1'],
    ['Resolution 69/283, annex II.', 'A/RES/69/283'],
    ['A/56/1026-S/2002/932, annex II, resolution 14/221.', undefined],
    ['United Nations, Treaty Series, vol. 1465, No. 24841.', undefined],
    ['Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 53 (A/78/53), chap. IV.', undefined],
  ];
  for (const [footnote, symbol] of rows) test(`${footnote} → ${symbol}`, () => assert.equal(footnoteSymbol(footnote), symbol));
});

test('a General Assembly resolution is dated within its session', () => {
  assert.equal(plausibleDate('A/RES/74/148', '2019-12-18'), true);
  assert.equal(plausibleDate('A/RES/79/1', '2024-09-22'), true);
  assert.equal(plausibleDate('A/RES/53/9', '2023-07-12'), false, 'resolution 53/9 of 12 July 2023 is not the Assembly’s');
  assert.equal(plausibleDate('A/HRC/RES/53/9', '2023-07-12'), true);
});

const claim = (symbol: string, field: Claim['field'], value: string, kind: Claim['source']['kind'], from: string): Claim => ({ symbol, field, value, source: { kind, from } });

describe('merging claims', () => {
  const merged = (claims: Claim[], unvouched: Claim[] = []) => {
    const book = new ClaimBook();
    book.addAll(claims);
    return mergeClaims(book, unvouched);
  };

  test('two citing texts that agree make a fact; one text alone is kept as uncertain', () => {
    const { entries } = merged([
      claim('A/RES/74/148', 'date', '2019-12-18', 'cited', 'A/RES/78/217'),
      claim('A/RES/74/148', 'date', '2019-12-18', 'cited', 'A/RES/80/218'),
      claim('A/RES/67/19', 'date', '2012-11-29', 'cited', 'A/RES/79/163'),
    ]);
    const [a, b] = [entries.find((e) => e.symbol === 'A/RES/74/148')!, entries.find((e) => e.symbol === 'A/RES/67/19')!];
    assert.equal(a.date, '2019-12-18');
    assert.equal(a.unverified, undefined);
    assert.deepEqual(a.provenance?.date?.map((s) => s.from), ['A/RES/78/217', 'A/RES/80/218']);
    assert.equal(b.date, '2012-11-29');
    assert.deepEqual(b.unverified, ['date']);
  });

  test('the document’s own heading beats what others say of it, and the disagreement is reported', () => {
    const { entries, disagreements } = merged([
      claim('A/RES/78/68', 'date', '2023-12-05', 'printed', 'A/RES/78/68'),
      claim('A/RES/78/68', 'date', '2023-12-09', 'cited', 'A/RES/79/145'),
      claim('A/RES/78/68', 'date', '2023-12-09', 'cited', 'A/RES/80/109'),
    ]);
    assert.equal(entries[0].date, '2023-12-05');
    assert.equal(disagreements.length, 1);
    assert.equal(disagreements[0].other, '2023-12-09');
  });

  test('texts that disagree one against one state nothing', () => {
    const { entries } = merged([
      claim('A/RES/1/1', 'title', 'One', 'cited', 'A/RES/78/1'),
      claim('A/RES/1/1', 'title', 'Two', 'cited', 'A/RES/78/2'),
      claim('A/RES/1/1', 'date', '1946-12-01', 'cited', 'A/RES/78/1'),
    ]);
    assert.equal(entries[0].title, '');
  });

  test('a fact the verified facts state without vouching for it yields to two agreeing texts', () => {
    const { entries } = merged(
      [claim('A/RES/67/172', 'date', '2012-12-20', 'cited', 'A/RES/78/217'), claim('A/RES/67/172', 'date', '2012-12-20', 'cited', 'A/RES/80/218')],
      [claim('A/RES/67/172', 'date', '2012-12-20', 'verified', 'shared/facts')],
    );
    assert.equal(entries[0].unverified, undefined);
    assert.equal(entries[0].provenance?.date?.[0].kind, 'cited');
  });
});

test('aliases need three texts that agree', () => {
  const claims = learnAliases([
    pair('New Urban Agenda', 'A/RES/71/256', 'A/RES/78/1'),
    pair('New Urban Agenda', 'A/RES/71/256', 'A/RES/78/2'),
    pair('New Urban Agenda', 'A/RES/71/256', 'A/RES/78/3'),
    pair('Common Agenda', 'A/75/982', 'A/RES/78/1'),
    pair('Common Agenda', 'A/75/982', 'A/RES/78/2'),
    pair('Charter of the United Nations', 'A/RES/2625 (XXV)', 'A/RES/78/1'),
    pair('Charter of the United Nations', 'A/RES/2625 (XXV)', 'A/RES/78/2'),
    pair('Charter of the United Nations', 'A/RES/2625 (XXV)', 'A/RES/78/3'),
    pair('Charter of the United Nations', 'A/RES/70/1', 'A/RES/78/4'),
  ]);
  assert.deepEqual(claims.map((c) => [c.value, c.symbol, c.source.count]), [['New Urban Agenda', 'A/RES/71/256', 3]]);
});

const pair = (name: string, symbol: string, from: string) => ({ name, symbol, from });

describe('a learned name becomes an alias only where it names a document', () => {
  // Names the 1,190 texts pair with a symbol through a footnote, as footnoteNames.ts reads them.
  const rows: [string, boolean][] = [
    ['New Urban Agenda', true],
    ['Vienna Declaration and Programme of Action', true],
    ['Sendai Framework for Disaster Risk Reduction 2015–2030', true],
    ['Guiding Principles on Business and Human Rights', true],
    ['International Covenants on Human Rights', true],
    ['Nelson Mandela Rules', true],
    ['Treaty of Pelindaba', true],
    ['2005 World Summit Outcome', true],
    ['Sevilla Commitment of the Fourth International Conference on Financing For Development', true],
    ['South Atlantic', false],
    ['Indian Ocean', false],
    ['Habitat III', false],
    ['Sustainable Development Goals Summit', false],
    ['SDG Summit', false],
    ['World Conference on Indigenous Peoples', false],
    ['International Day of Non-Violence', false],
    ['Fourth International Decade for the Eradication of Colonialism', false],
    ['Headquarters of the United Nations', false],
    ['Towards the Achievement of the 2030 Agenda for Sustainable Development', false],
  ];
  for (const [name, document] of rows) test(`${name} → ${document ? 'a document' : 'not a document'}`, () => assert.equal(namesADocument(name), document));

  test('however many texts agree', () => {
    const texts = ['A/RES/78/1', 'A/RES/78/2', 'A/RES/78/3', 'A/RES/78/4'];
    const claims = learnAliases([...texts.map((from) => pair('South Atlantic', 'A/RES/41/11', from)), ...texts.map((from) => pair('Habitat III', 'A/RES/71/256', from))]);
    assert.deepEqual(claims, []);
  });
});

test('series: one title in several sessions, never two in one session', () => {
  const entry = (symbol: string, title: string): RegistryEntry => ({ symbol, title, date: '', body: 'General Assembly', kind: 'resolution' });
  const entries = [
    entry('A/RES/78/68', 'Sustainable fisheries'),
    entry('A/RES/79/145', 'Sustainable fisheries'),
    entry('A/RES/80/109', 'Sustainable fisheries'),
    entry('A/RES/79/10', 'Cooperation between the United Nations and regional organizations'),
    entry('A/RES/79/11', 'Cooperation between the United Nations and regional organizations'),
    entry('A/RES/80/12', 'Cooperation between the United Nations and regional organizations'),
  ];
  assert.equal(deriveSeries(entries), 1);
  assert.deepEqual(entries.map((e) => e.series), ['sustainable-fisheries', 'sustainable-fisheries', 'sustainable-fisheries', undefined, undefined, undefined]);
  assert.equal(entries[0].provenance?.series?.[0].kind, 'derived');
});

test('a committee draft is matched to the resolution of its title; of revisions, the last', () => {
  const links = committeeDraftLinks([
    { symbol: 'A/C.3/80/L.52', title: 'Protection of migrants' },
    { symbol: 'A/C.3/80/L.52/Rev.1', title: 'Protection of migrants' },
    { symbol: 'A/RES/80/218', title: 'Protection of migrants', committee: 'Third Committee' },
    { symbol: 'A/C.3/80/L.4', title: 'Trafficking' },
    { symbol: 'A/C.3/80/L.5', title: 'Trafficking' },
    { symbol: 'A/RES/80/228', title: 'Trafficking', committee: 'Third Committee' },
  ]);
  assert.deepEqual(links.map((l) => [l.symbol, l.value]), [['A/RES/80/218', 'A/C.3/80/L.52/Rev.1']]);
});
