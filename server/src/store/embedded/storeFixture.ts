// Real documents for the store's tests: the 1,190 General Assembly texts of
// ../shared/un-documents/texts.jsonl as store inputs, their units the text layer's blank-line
// blocks (lines joined), labelled by position. Also run as a child process by the resume test:
// `node --import tsx storeFixture.ts build FILE COUNT` builds a store of the first COUNT texts in
// small transactions and prints "committed N" after each, so the test can kill it between two.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sharedPath } from '../../../../test/sharedData';
import type { StoreDocumentInput } from '../corpusStore';
import type { SyncSource } from '../sync';
import { EmbeddedCorpusStore } from './lmdbStore';

export function realInputs(count: number): StoreDocumentInput[] {
  const lines = readFileSync(sharedPath('un-documents', 'texts.jsonl'), 'utf8').split('\n').filter((line) => line.trim());
  return lines.slice(0, count).map((line) => {
    const { symbol, title, text } = JSON.parse(line) as { symbol: string; title: string; text: string };
    const blocks = text.split(/\n\s*\n/).map((block) => block.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const uri = `file:///corpus/${symbol.replace(/\//g, '-')}.md`;
    return { id: uri, symbol, uri, title, text, units: blocks.map((b, k) => ({ label: String(k + 1), text: b })), contentHash: createHash('sha256').update(text).digest('hex') };
  });
}

export const sourcesOf = (inputs: readonly StoreDocumentInput[]): SyncSource[] => inputs.map((input) => ({ id: input.id, contentHash: input.contentHash, input: () => input }));

if (process.argv[2] === 'build') {
  const [file, count] = [process.argv[3]!, Number(process.argv[4])];
  const store = EmbeddedCorpusStore.open(file, { batchUnits: 300, onCommit: (documents) => console.log(`committed ${documents}`) });
  store.syncSync(sourcesOf(realInputs(count)));
  console.log('done');
}
