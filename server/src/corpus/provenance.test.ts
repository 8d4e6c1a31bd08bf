// Where facts came from, in a drafter's words: fields with one source are named together.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeProvenance, describeSources } from './provenance';
import type { RegistryEntry } from './registry';

const entry = (extra: Partial<RegistryEntry>): RegistryEntry => ({ symbol: 'A/RES/79/163', title: 'T', date: '2024-12-17', body: 'General Assembly', kind: 'resolution', ...extra });

test('one source for several fields is said once', () => {
  const printed = [{ kind: 'printed', from: 'A/RES/79/163' }] as const;
  assert.equal(describeProvenance(entry({ provenance: { title: printed, date: printed } }), ['title', 'date']), 'title and date as printed on A/RES/79/163');
  assert.equal(describeProvenance(entry({ draft: 'A/71/L.1', aliases: ['N'], confidence: 'verified' }), ['title', 'date', 'draft', 'aliases']), 'title, date, draft and name verified by the project');
});

test('different sources stay apart, with how many texts state a cited fact', () => {
  const provenance = { title: [{ kind: 'printed', from: 'A/RES/79/163' }], date: [{ kind: 'cited', from: 'A/RES/78/217', count: 5 }] } as const;
  assert.equal(describeProvenance(entry({ provenance }), ['title', 'date']), 'title as printed on A/RES/79/163 · date as cited in A/RES/78/217 and 4 other texts');
  assert.equal(describeSources([{ kind: 'library', from: 'UN Digital Library record 4029134' }]), 'from the UN Digital Library record 4029134');
  assert.equal(describeProvenance(entry({}), ['title', 'date']), undefined);
});
