// The 1,190 real General Assembly texts of ../shared/un-documents/texts.jsonl as corpus documents,
// read as `corpus add` writes them and the corpus loader reads them, in file order.
import { readFileSync } from 'node:fs';
import { CorpusDocument, documentFromBytes } from '../../server/src/corpus';
import { unTextMarkdown } from '../../server/src/knowledge/unTextMarkdown';
import { sharedPath } from '../sharedData';

export function realDocuments(limit = Infinity): CorpusDocument[] {
  const lines = readFileSync(sharedPath('un-documents', 'texts.jsonl'), 'utf8').split('\n').filter((line) => line.trim());
  const documents: CorpusDocument[] = [];
  for (const line of lines.slice(0, limit)) {
    const record = JSON.parse(line) as { symbol: string; title: string; text: string };
    const name = `${record.symbol.replace(/[^A-Za-z0-9.()-]+/g, '-').replace(/^-|-$/g, '')}.md`;
    const result = documentFromBytes(Buffer.from(unTextMarkdown(record, 'texts.jsonl')), `file:///corpus/${name}`, 'workspace');
    if (result instanceof CorpusDocument) documents.push(result);
    else throw new Error(`${name}: ${result.message}`);
  }
  return documents;
}
