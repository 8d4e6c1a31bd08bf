// The embedded store's table of documents and unit ranges, held in memory: which document a unit
// number belongs to (a scan's candidates are unit numbers; units of a removed document must not
// appear), by symbol key for excludeSymbol, and each document's content hash (what a build
// compares). 15,000 documents and 1.5 million units take ~6 MB here (a Uint32Array of unit → slot).
// The store opens it from one record written when a build finishes (TableRecord below), not from
// the 15,000 document records (each with its paragraph labels: 1.3 s at 1.5 million paragraphs).
import { symbolKey } from '../../corpus/registry';

const NONE = 0xffffffff;

export interface DocumentSlot {
  readonly id: string;
  readonly symbol: string | undefined;
  readonly symbolKey: string | undefined;
  readonly uri: string;
  readonly firstUnit: number;
  readonly unitCount: number;
  readonly contentHash: string;
  /** The data file holding its units and text (storeData.ts). */
  readonly textFile: number;
}

/**
 * The table as one record (in the meta database), columns of equal length; `generation` is the
 * store's generation when it was written: a record of another generation is stale and not used.
 */
export interface TableRecord {
  readonly generation: number;
  readonly ids: readonly string[];
  readonly symbols: readonly (string | null)[];
  /** null where the URI is the id (always, for the texts of files). */
  readonly uris: readonly (string | null)[];
  readonly firstUnits: readonly number[];
  readonly unitCounts: readonly number[];
  readonly hashes: readonly string[];
  readonly textFiles: readonly number[];
}

export class UnitTable {
  private slots: (DocumentSlot | undefined)[] = [];
  private readonly slotById = new Map<string, number>();
  private unitSlot: Uint32Array;

  constructor(units: number) {
    this.unitSlot = new Uint32Array(units).fill(NONE);
  }

  get documents(): number {
    return this.slotById.size;
  }

  /** The first and the last document held (the store reads a unit of each back when it opens). */
  ends(): (DocumentSlot | undefined)[] {
    return [this.slots[0], this.slots[this.slots.length - 1]];
  }

  add(id: string, document: { readonly symbol?: string; readonly uri: string; readonly firstUnit: number; readonly unitCount: number; readonly contentHash: string; readonly textFile: number }): void {
    const index = this.slots.length;
    const slot: DocumentSlot = { id, symbol: document.symbol, symbolKey: document.symbol ? symbolKey(document.symbol) : undefined, uri: document.uri, firstUnit: document.firstUnit, unitCount: document.unitCount, contentHash: document.contentHash, textFile: document.textFile };
    this.slots.push(slot);
    this.slotById.set(id, index);
    const end = slot.firstUnit + slot.unitCount;
    if (this.unitSlot.length < end) {
      const next = new Uint32Array(Math.max(end, this.unitSlot.length * 2)).fill(NONE);
      next.set(this.unitSlot);
      this.unitSlot = next;
    }
    this.unitSlot.fill(index, slot.firstUnit, end);
  }

  /** Forgets a document; its slot (for the units it had), or undefined when it was not held. */
  drop(id: string): DocumentSlot | undefined {
    const index = this.slotById.get(id);
    if (index === undefined) return undefined;
    const slot = this.slots[index]!;
    this.unitSlot.fill(NONE, slot.firstUnit, slot.firstUnit + slot.unitCount);
    this.slots[index] = undefined;
    this.slotById.delete(id);
    return slot;
  }

  /** id → content hash of every document held (what sync.ts compares). */
  hashes(): Map<string, string> {
    const out = new Map<string, string>();
    for (const slot of this.slots) if (slot) out.set(slot.id, slot.contentHash);
    return out;
  }

  /** The text files some document held is in (the others can be deleted). */
  textFiles(): Set<number> {
    const out = new Set<number>();
    for (const slot of this.slots) if (slot) out.add(slot.textFile);
    return out;
  }

  /** Units held (the sum of the documents' unit counts). */
  get units(): number {
    let units = 0;
    for (const slot of this.slots) if (slot) units += slot.unitCount;
    return units;
  }

  toRecord(generation: number): TableRecord {
    const held = this.slots.filter((slot): slot is DocumentSlot => slot !== undefined);
    return {
      generation,
      ids: held.map((s) => s.id),
      symbols: held.map((s) => s.symbol ?? null),
      uris: held.map((s) => (s.uri === s.id ? null : s.uri)),
      firstUnits: held.map((s) => s.firstUnit),
      unitCounts: held.map((s) => s.unitCount),
      hashes: held.map((s) => s.contentHash),
      textFiles: held.map((s) => s.textFile),
    };
  }

  /**
   * The table of a record, checked as far as a record can be (columns of one length, of the right
   * types, units inside `nextUnit`); undefined when it does not hold together (the caller reads
   * the documents instead).
   */
  static fromRecord(record: unknown, nextUnit: number): UnitTable | undefined {
    const r = record as TableRecord | undefined;
    if (!r || typeof r !== 'object') return undefined;
    const columns = [r.ids, r.symbols, r.uris, r.firstUnits, r.unitCounts, r.hashes, r.textFiles];
    if (!columns.every(Array.isArray) || !columns.every((c) => c.length === r.ids.length)) return undefined;
    const table = new UnitTable(nextUnit);
    for (let k = 0; k < r.ids.length; k++) {
      const [id, symbol, uri, firstUnit, unitCount, hash, textFile] = [r.ids[k], r.symbols[k], r.uris[k], r.firstUnits[k], r.unitCounts[k], r.hashes[k], r.textFiles[k]];
      if (!Number.isSafeInteger(textFile)) return undefined;
      if (typeof id !== 'string' || typeof hash !== 'string' || !(symbol === null || typeof symbol === 'string') || !(uri === null || typeof uri === 'string')) return undefined;
      if (!Number.isSafeInteger(firstUnit) || !Number.isSafeInteger(unitCount) || firstUnit! < 0 || unitCount! < 0 || firstUnit! + unitCount! > nextUnit) return undefined;
      table.add(id, { symbol: symbol ?? undefined, uri: uri ?? id, firstUnit: firstUnit!, unitCount: unitCount!, contentHash: hash, textFile: textFile! });
    }
    return table;
  }

  /** The document a unit belongs to, if it is held. */
  documentOf(unit: number): DocumentSlot | undefined {
    const index = this.unitSlot[unit];
    return index === undefined || index === NONE ? undefined : this.slots[index];
  }
}
