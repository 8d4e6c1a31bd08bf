// Objectives of the Global Compact as drafters cite them: the table of what is read, and what is not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findReferences } from './index';

const rows: [written: string, expected: string | null][] = [
  ['in line with objective 5 of the Global Compact,', 'objective 5 of the Global Compact → 5'],
  ['objective 23 of the Global Compact for Safe, Orderly and Regular Migration', 'objective 23 of the Global Compact for Safe, Orderly and Regular Migration → 23'],
  ['as set out in objective 5 (b),', 'objective 5 (b) → 5 b'],
  ['GCM objective 7 calls for', 'GCM objective 7 → 7'],
  ['Objective 13 of the Compact', 'Objective 13 of the Compact → 13'],
  // Not the Compact's, or not a citation.
  ['the objective of the present resolution', null],
  ['objective 5 of the strategy', null],
  ['in pursuit of objective 5,', null],
  ['objective 24 of the Global Compact', null],
  ['strategic objective A.1 of the Beijing Platform for Action', null],
];

describe('objectives of the Global Compact', () => {
  for (const [written, expected] of rows) {
    test(written, () => {
      const refs = findReferences(written).filter((r) => r.objective);
      const read = refs.map((r) => `${written.slice(r.range.start, r.range.end)} → ${r.objective!.number}${r.objective!.action ? ` ${r.objective!.action}` : ''}`);
      assert.deepEqual(read, expected ? [expected] : []);
      for (const ref of refs) assert.equal(ref.symbol, 'A/RES/73/195');
    });
  }
});
