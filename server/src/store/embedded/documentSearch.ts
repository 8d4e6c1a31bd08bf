// Documents found by symbol prefix and title words, for completion and the corpus's search: the
// registry's entries first, then the texts held that the registry does not name.
import { symbolKey, type RegistryEntry } from '../../corpus/registry';
import type { DocumentHit, DocumentQuery } from '../corpusStore';
import type { Database, DocRecord, StoreDatabases } from './layout';

export function searchDocuments(db: StoreDatabases, query: DocumentQuery): DocumentHit[] {
  const limit = query.limit ?? 50;
  const hits = new Map<string, DocumentHit>();
  const prefix = query.symbolPrefix ? symbolKey(query.symbolPrefix) : '';
  const words = (query.titleWords ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const titleOk = (title: string | undefined) => words.every((w) => title?.toLowerCase().includes(w));
  const range = (table: Database) => (prefix ? table.getRange({ start: prefix }) : table.getRange());
  for (const { key, value } of range(db.registry)) {
    if (hits.size >= limit || !(key as string).startsWith(prefix)) break;
    const entry = value as RegistryEntry;
    if (titleOk(entry.title)) hits.set(key as string, { symbol: entry.symbol, title: entry.title, date: entry.date, hasText: db.symbols.get(key) !== undefined });
  }
  for (const { key, value } of range(db.symbols)) {
    if (hits.size >= limit || !(key as string).startsWith(prefix)) break;
    if (hits.has(key as string)) continue;
    const record = db.docs.get(value as string) as DocRecord | undefined;
    if (record?.symbol && titleOk(record.title)) hits.set(key as string, { symbol: record.symbol, title: record.title, date: record.date, hasText: true });
  }
  return [...hits.values()];
}
