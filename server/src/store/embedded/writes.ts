// The embedded store's writes. A batch of documents is first prepared (its units numbered and
// encoded, its postings gathered by fingerprint) and written to its data files (storeData.ts);
// then, inside one LMDB write transaction (the caller's), its records are put and the documents it
// replaces removed. `meta` is updated in place; the caller writes it with the transaction and
// restores it if the transaction fails.
import { symbolKey } from '../../corpus/registry';
import { unitFingerprints } from '../../reuse/index';
import type { StoreDocumentInput } from '../corpusStore';
import type { DocRecord, Meta, StoreDatabases } from './layout';
import { encodeUnit } from './records';
import type { TextPlace } from './textFile';

export interface WriteTarget {
  readonly db: StoreDatabases;
  readonly meta: Meta;
}

/** A batch ready to be written: its unit records in unit order, postings by fingerprint, each document's unit range. */
export interface PreparedBatch {
  readonly firstUnit: number;
  readonly units: Buffer[];
  readonly postings: Map<number, number[]>;
  readonly documents: { readonly input: StoreDocumentInput; readonly firstUnit: number; readonly postings: number }[];
}

/** Numbers the batch's units from `firstUnit` on and fingerprints them. */
export function prepareBatch(documents: readonly StoreDocumentInput[], firstUnit: number): PreparedBatch {
  const units: Buffer[] = [];
  const postings = new Map<number, number[]>();
  const prepared: PreparedBatch['documents'][number][] = [];
  let next = firstUnit;
  for (const input of documents) {
    const first = next;
    let count = 0;
    for (const unit of input.units) {
      const number = next++;
      units.push(encodeUnit(unit.label, unit.text));
      for (const fp of unitFingerprints(unit.text) ?? []) {
        const list = postings.get(fp);
        if (list) list.push(number);
        else postings.set(fp, [number]);
        count++;
      }
    }
    prepared.push({ input, firstUnit: first, postings: count });
  }
  return { firstUnit, units, postings, documents: prepared };
}

/** Puts the batch's documents (replacing those of the same ids); what was added and which ids it replaced. */
export function putInTransaction({ db, meta }: WriteTarget, batch: PreparedBatch, textFile: number, places: readonly TextPlace[]): { added: [string, DocRecord][]; replaced: string[] } {
  const added: [string, DocRecord][] = [];
  const replaced: string[] = [];
  for (const [k, { input: document, firstUnit, postings }] of batch.documents.entries()) {
    if (removeInTransaction({ db, meta }, document.id)) replaced.push(document.id);
    const labels = document.units.map((unit) => unit.label ?? null);
    const record: DocRecord = { symbol: document.symbol, uri: document.uri, title: document.title, date: document.date, contentHash: document.contentHash, firstUnit, labels, postings, textFile, text: places[k]! };
    db.docs.putSync(document.id, record);
    if (document.symbol) db.symbols.putSync(symbolKey(document.symbol), document.id);
    meta.documents++;
    meta.units += labels.length;
    meta.postings += postings;
    added.push([document.id, record]);
  }
  meta.nextUnit = batch.firstUnit + batch.units.length;
  return { added, replaced };
}

/**
 * The document's records and names gone; whether it was held. Its units and postings stay in the
 * data files, passed over by the unit table, until its text file is deleted and its segments merged.
 */
export function removeInTransaction({ db, meta }: WriteTarget, id: string): boolean {
  const record = db.docs.get(id) as DocRecord | undefined;
  if (!record) return false;
  db.docs.removeSync(id);
  if (record.symbol && db.symbols.get(symbolKey(record.symbol)) === id) db.symbols.removeSync(symbolKey(record.symbol));
  meta.documents--;
  meta.units -= record.labels.length;
  meta.postings -= record.postings;
  return true;
}
