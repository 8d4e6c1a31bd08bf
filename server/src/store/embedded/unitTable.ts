// The embedded store's table of documents and unit ranges, held in memory: which document a unit
// number belongs to (a scan's candidates are unit numbers; units of a removed document must not
// appear), by symbol key for excludeSymbol. Read from the file's documents when the store opens:
// 15,000 documents and 1.5 million units take ~6 MB here (a Uint32Array of unit → slot).
import { symbolKey } from '../../corpus/registry';

const NONE = 0xffffffff;

export interface DocumentSlot {
  readonly id: string;
  readonly symbol: string | undefined;
  readonly symbolKey: string | undefined;
  readonly uri: string;
  readonly firstUnit: number;
  readonly unitCount: number;
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

  add(id: string, document: { readonly symbol?: string; readonly uri: string; readonly firstUnit: number; readonly unitCount: number }): void {
    const index = this.slots.length;
    const slot: DocumentSlot = { id, symbol: document.symbol, symbolKey: document.symbol ? symbolKey(document.symbol) : undefined, uri: document.uri, firstUnit: document.firstUnit, unitCount: document.unitCount };
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

  /** The document a unit belongs to, if it is held. */
  documentOf(unit: number): DocumentSlot | undefined {
    const index = this.unitSlot[unit];
    return index === undefined || index === NONE ? undefined : this.slots[index];
  }
}
