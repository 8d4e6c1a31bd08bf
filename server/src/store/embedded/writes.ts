// The embedded store's writes, inside one LMDB write transaction each (the caller's): a batch of
// documents put (their records, texts, units and postings) and a document removed. `meta` is
// updated in place; the caller writes it with the transaction and restores it if the transaction fails.
import { symbolKey } from '../../corpus/registry';
import { unitFingerprints } from '../../reuse/index';
import type { StoreDocumentInput } from '../corpusStore';
import type { DocRecord, Meta, StoreDatabases } from './layout';
import { appendPostings, decodeUnit, encodeUnit, withoutPosting } from './records';

export interface WriteTarget {
  readonly db: StoreDatabases;
  readonly meta: Meta;
}

/** Puts documents (replacing those of the same ids); what was added and which ids it replaced. */
export function putInTransaction({ db, meta }: WriteTarget, documents: readonly StoreDocumentInput[]): { added: [string, DocRecord][]; replaced: string[] } {
  const added: [string, DocRecord][] = [];
  const replaced: string[] = [];
  // Postings are gathered per fingerprint and appended once each: a fingerprint's record is read
  // and rewritten once per batch, not once per unit.
  const postings = new Map<number, number[]>();
  for (const document of documents) {
    if (removeInTransaction({ db, meta }, document.id)) replaced.push(document.id);
    const firstUnit = meta.nextUnit;
    const labels: (string | null)[] = [];
    for (const unit of document.units) {
      const number = meta.nextUnit++;
      labels.push(unit.label ?? null);
      db.units.putSync(number, encodeUnit(unit.label, unit.text));
      for (const fp of unitFingerprints(unit.text) ?? []) {
        const list = postings.get(fp);
        if (list) list.push(number);
        else postings.set(fp, [number]);
        meta.postings++;
      }
    }
    const record: DocRecord = { symbol: document.symbol, uri: document.uri, title: document.title, date: document.date, contentHash: document.contentHash, firstUnit, labels };
    db.docs.putSync(document.id, record);
    db.texts.putSync(document.id, document.text);
    if (document.symbol) db.symbols.putSync(symbolKey(document.symbol), document.id);
    meta.documents++;
    meta.units += labels.length;
    added.push([document.id, record]);
  }
  for (const [fp, units] of postings) db.postings.putSync(fp, appendPostings(db.postings.getBinary(fp), units));
  return { added, replaced };
}

/** The document's units, postings, text and names gone; whether it was held. */
export function removeInTransaction({ db, meta }: WriteTarget, id: string): boolean {
  const record = db.docs.get(id) as DocRecord | undefined;
  if (!record) return false;
  for (let k = 0; k < record.labels.length; k++) {
    const unit = record.firstUnit + k;
    const bytes = db.units.getBinary(unit);
    if (bytes) {
      for (const fp of unitFingerprints(decodeUnit(bytes, unit).text) ?? []) {
        const list = db.postings.getBinary(fp);
        if (!list) continue;
        const rest = withoutPosting(list, unit);
        if (rest.length === list.length) continue;
        meta.postings--;
        if (rest.length === 0) db.postings.removeSync(fp);
        else db.postings.putSync(fp, rest);
      }
    }
    db.units.removeSync(unit);
  }
  db.docs.removeSync(id);
  db.texts.removeSync(id);
  if (record.symbol && db.symbols.get(symbolKey(record.symbol)) === id) db.symbols.removeSync(symbolKey(record.symbol));
  meta.documents--;
  meta.units -= record.labels.length;
  return true;
}
