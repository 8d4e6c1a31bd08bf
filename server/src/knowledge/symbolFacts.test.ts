// What a symbol alone says of its document (symbolFacts.ts), on real symbols: one row per series of
// the symbol grammar, each a document of the registry or cited in the real UN texts
// (../shared/un-documents), and, over every symbol of the bundled registry, the same organ and word
// as the one vocabulary module (server/src/vocabulary) gives for the numbered series.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bundledRegistry } from '../corpus';
import { BODY_NAMES, numberedSeriesOf, ORGAN_FULL_NAMES } from '../vocabulary';
import { factsOfSymbol } from './symbolFacts';

const TABLE: readonly { symbol: string; expect: { body: string; kind: string } | undefined }[] = [
  { symbol: 'A/RES/73/195', expect: { body: 'General Assembly', kind: 'resolution' } },
  { symbol: 'A/RES/1 (I)', expect: { body: 'General Assembly', kind: 'resolution' } },
  { symbol: 'A/HRC/RES/7/25', expect: { body: 'Human Rights Council', kind: 'resolution' } },
  { symbol: 'A/HRC/DEC/18/120', expect: { body: 'Human Rights Council', kind: 'decision' } },
  { symbol: 'A/HRC/23/46', expect: { body: 'Human Rights Council', kind: 'document' } },
  { symbol: 'S/RES/2240 (2015)', expect: { body: 'Security Council', kind: 'resolution' } },
  { symbol: 'S/PRST/2021/5', expect: { body: 'Security Council', kind: 'presidential statement' } },
  { symbol: 'S/2024/600', expect: { body: 'Security Council', kind: 'document' } },
  { symbol: 'E/RES/1984/50', expect: { body: 'Economic and Social Council', kind: 'resolution' } },
  { symbol: 'E/CN.4/RES/1993/51', expect: { body: 'Economic and Social Council', kind: 'commission document' } },
  { symbol: 'E/2005/23', expect: { body: 'Economic and Social Council', kind: 'document' } },
  { symbol: 'A/C.3/80/L.12', expect: { body: 'General Assembly', kind: 'draft' } },
  { symbol: 'A/80/L.2', expect: { body: 'General Assembly', kind: 'draft' } },
  { symbol: 'A/CONF.216/5', expect: { body: 'United Nations conference', kind: 'document' } },
  { symbol: 'A/71/728', expect: { body: 'General Assembly', kind: 'document' } },
  // Not a principal organ's series: nothing is said.
  { symbol: 'CBD/COP/DEC/16/5', expect: undefined },
  { symbol: 'FCCC/CP/2015/10/Add.1', expect: undefined },
];

describe('facts of a symbol', () => {
  for (const row of TABLE) {
    test(row.symbol, () => assert.deepEqual(factsOfSymbol(row.symbol), row.expect));
  }

  test('every registry symbol of a numbered series: the organ and word the vocabulary gives', () => {
    let checked = 0;
    for (const entry of bundledRegistry().all()) {
      const series = numberedSeriesOf(entry.symbol);
      if (!series) continue;
      assert.deepEqual(factsOfSymbol(entry.symbol), { body: ORGAN_FULL_NAMES[series.organ], kind: series.word }, entry.symbol);
      checked++;
    }
    // 3,509 Assembly, 160 Council, 172 Security Council and 53 ECOSOC resolutions and decisions when written.
    assert.ok(checked > 3800, `only ${checked} symbols of a numbered series`);
  });

  test('every body said of a registry symbol is one the vocabulary names, or a conference', () => {
    for (const entry of bundledRegistry().all()) {
      const facts = factsOfSymbol(entry.symbol);
      if (facts) assert.ok(BODY_NAMES.includes(facts.body) || facts.body === 'United Nations conference', `${entry.symbol}: ${facts.body}`);
    }
  });
});
