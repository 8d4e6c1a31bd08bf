// The reuse index: winnowed fingerprints of every numbered paragraph of every corpus document
// (or of its prose spans when it has none) mapped to compact postings, so a draft paragraph's
// candidate sources are found without comparing it with the whole corpus.
import { fingerprints } from './fingerprints';
import { tokenize, type WordToken } from './normalise';

/** What the index needs of a corpus document (a CorpusDocument is one). */
export interface ReuseSourceDocument {
  readonly id: string;
  readonly symbol: string | undefined;
  readonly uri: string;
  readonly model: {
    readonly paragraphs: readonly { readonly label: string; readonly text: string }[];
    readonly spans: readonly { readonly text: string }[];
  };
}

/** One indexed unit: a numbered paragraph, or a prose span of a document without numbered paragraphs. */
export interface ReuseUnit {
  readonly document: ReuseSourceDocument;
  /** The paragraph's label ("11"), undefined for a prose span. */
  readonly label: string | undefined;
  /** The unit's plain text; the source words of a match are taken from it. */
  readonly text: string;
}

export interface Candidate {
  readonly unit: number;
  /** Fingerprints the query shares with the unit. */
  readonly shared: number;
}

interface Slot {
  readonly document: ReuseSourceDocument;
  readonly firstUnit: number;
  readonly unitCount: number;
  alive: boolean;
}

export interface ReuseSnapshot {
  readonly documents: readonly { readonly id: string; readonly units: readonly (readonly [string | null, string])[] }[];
  readonly keys: Uint32Array;
  readonly units: Uint32Array;
}

/** Units shorter than this (in words) are not indexed. */
const MIN_UNIT_WORDS = 8;

export class ReuseIndex {
  private readonly slots: Slot[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly unitSlot: number[] = [];
  private readonly unitLabels: (string | undefined)[] = [];
  private readonly unitTexts: string[] = [];
  // Postings built in bulk: fingerprints sorted, with the unit of each (parallel arrays).
  private baseKeys: Uint32Array = new Uint32Array(0);
  private baseUnits: Uint32Array = new Uint32Array(0);
  // Postings added since: fingerprint → units.
  private delta = new Map<number, number[]>();
  private deltaPostings = 0;
  private deadUnits = 0;
  private tokenCache = new Map<number, WordToken[]>();
  private counts = new Uint16Array(0);
  /** Bumped on every change, so cached scan results can tell they are stale. */
  generation = 0;

  static build(corpus: { readonly documents: readonly ReuseSourceDocument[] }): ReuseIndex {
    const index = new ReuseIndex();
    index.bulkLoad(corpus.documents);
    return index;
  }

  /** Number of live units. */
  get unitCount(): number {
    return this.unitSlot.length - this.deadUnits;
  }

  /** Number of postings held (bulk and incremental, dead ones included until compaction). */
  get postingCount(): number {
    return this.baseKeys.length + this.deltaPostings;
  }

  private unitsOf(document: ReuseSourceDocument): { label: string | undefined; text: string }[] {
    const model = document.model;
    if (model.paragraphs.length > 0) return model.paragraphs.map((p) => ({ label: p.label, text: p.text }));
    return model.spans.map((s) => ({ label: undefined, text: s.text }));
  }

  /** Registers a document's units; returns each unit's id and fingerprints. */
  private register(document: ReuseSourceDocument, emit: (unit: number, fingerprint: number) => void): void {
    const existing = this.slotById.get(document.id);
    if (existing !== undefined) this.kill(existing);
    const slot = this.slots.length;
    const firstUnit = this.unitSlot.length;
    let count = 0;
    for (const unit of this.unitsOf(document)) {
      const words = tokenize(unit.text).map((t) => t.norm);
      if (words.length < MIN_UNIT_WORDS) continue;
      const id = firstUnit + count++;
      this.unitSlot.push(slot);
      this.unitLabels.push(unit.label);
      this.unitTexts.push(unit.text);
      for (const fp of fingerprints(words)) emit(id, fp);
    }
    this.slots.push({ document, firstUnit, unitCount: count, alive: true });
    this.slotById.set(document.id, slot);
  }

  private bulkLoad(documents: readonly ReuseSourceDocument[]): void {
    let keys = new Uint32Array(1 << 16);
    let units = new Uint32Array(1 << 16);
    let n = 0;
    for (const document of documents) {
      this.register(document, (unit, fp) => {
        if (n === keys.length) {
          const k2 = new Uint32Array(keys.length * 2);
          k2.set(keys);
          keys = k2;
          const u2 = new Uint32Array(units.length * 2);
          u2.set(units);
          units = u2;
        }
        keys[n] = fp;
        units[n++] = unit;
      });
    }
    // Sort postings by fingerprint (then unit) through an index permutation.
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => keys[a] - keys[b] || units[a] - units[b]);
    this.baseKeys = new Uint32Array(n);
    this.baseUnits = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      this.baseKeys[i] = keys[order[i]];
      this.baseUnits[i] = units[order[i]];
    }
    this.generation++;
  }

  /** Adds (or replaces) one document without rebuilding the index. */
  addDocument(document: ReuseSourceDocument): void {
    this.register(document, (unit, fp) => {
      const list = this.delta.get(fp);
      if (list) list.push(unit);
      else this.delta.set(fp, [unit]);
      this.deltaPostings++;
    });
    this.generation++;
    this.maybeCompact();
  }

  /** Removes a document by id; returns whether it was indexed. */
  removeDocument(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.kill(slot);
    this.slotById.delete(id);
    this.generation++;
    this.maybeCompact();
    return true;
  }

  private kill(slot: number): void {
    const s = this.slots[slot];
    if (!s.alive) return;
    s.alive = false;
    this.deadUnits += s.unitCount;
    for (let u = s.firstUnit; u < s.firstUnit + s.unitCount; u++) {
      this.unitTexts[u] = '';
      this.tokenCache.delete(u);
    }
  }

  /** Rebuilds the bulk postings once dead units or incremental postings weigh too much. */
  private maybeCompact(): void {
    const total = this.unitSlot.length;
    if (this.deadUnits > 1000 && this.deadUnits > total / 4) this.compact();
    else if (this.deltaPostings > 50_000 && this.deltaPostings > this.baseKeys.length / 4) this.compact();
  }

  /** Rebuilds the postings from the live documents (ids change; results do not). */
  compact(): void {
    const live = this.slots.filter((s) => s.alive).map((s) => s.document);
    this.slots.length = 0;
    this.slotById.clear();
    this.unitSlot.length = 0;
    this.unitLabels.length = 0;
    this.unitTexts.length = 0;
    this.delta = new Map();
    this.deltaPostings = 0;
    this.deadUnits = 0;
    this.tokenCache = new Map();
    this.bulkLoad(live);
  }

  /**
   * The index as plain data, for the disk cache: each document's units (label, text) and the
   * postings. Dead units and incremental postings are compacted away first.
   */
  toSnapshot(): ReuseSnapshot {
    if (this.deadUnits > 0 || this.deltaPostings > 0) this.compact();
    return {
      documents: this.slots.map((slot) => ({
        id: slot.document.id,
        units: Array.from({ length: slot.unitCount }, (_, k) => [this.unitLabels[slot.firstUnit + k] ?? null, this.unitTexts[slot.firstUnit + k]!] as [string | null, string]),
      })),
      keys: this.baseKeys,
      units: this.baseUnits,
    };
  }

  /**
   * An index from a snapshot; `documentOf` gives the live document for each id (its text is not
   * read again). Throws on a snapshot that does not hold together; the caller rebuilds then.
   */
  static fromSnapshot(snapshot: ReuseSnapshot, documentOf: (id: string) => ReuseSourceDocument | undefined): ReuseIndex {
    const index = new ReuseIndex();
    for (const entry of snapshot.documents) {
      const document = documentOf(entry.id);
      if (!document) throw new Error(`document ${entry.id} is not in the corpus`);
      if (index.slotById.has(entry.id)) throw new Error(`document ${entry.id} twice`);
      const slot = index.slots.length;
      const firstUnit = index.unitSlot.length;
      for (const [label, text] of entry.units) {
        if (typeof text !== 'string' || (label !== null && typeof label !== 'string')) throw new Error('malformed unit');
        index.unitSlot.push(slot);
        index.unitLabels.push(label ?? undefined);
        index.unitTexts.push(text);
      }
      index.slots.push({ document, firstUnit, unitCount: entry.units.length, alive: true });
      index.slotById.set(entry.id, slot);
    }
    const { keys, units } = snapshot;
    if (keys.length !== units.length) throw new Error('postings of unequal length');
    const unitCount = index.unitSlot.length;
    for (let i = 0; i < keys.length; i++) {
      if (units[i]! >= unitCount) throw new Error('a posting for a unit that does not exist');
      if (i > 0 && keys[i]! < keys[i - 1]!) throw new Error('postings out of order');
    }
    index.baseKeys = keys;
    index.baseUnits = units;
    index.generation++;
    return index;
  }

  documents(): ReuseSourceDocument[] {
    return this.slots.filter((s) => s.alive).map((s) => s.document);
  }

  hasDocument(id: string): boolean {
    return this.slotById.has(id);
  }

  unit(id: number): ReuseUnit {
    return { document: this.slots[this.unitSlot[id]].document, label: this.unitLabels[id], text: this.unitTexts[id] };
  }

  /** The unit's tokens (offsets into its text), cached for the units last verified. */
  unitTokens(id: number): WordToken[] {
    let tokens = this.tokenCache.get(id);
    if (!tokens) {
      tokens = tokenize(this.unitTexts[id]);
      if (this.tokenCache.size >= 2048) this.tokenCache.delete(this.tokenCache.keys().next().value!);
      this.tokenCache.set(id, tokens);
    } else {
      // Keep recently used units last.
      this.tokenCache.delete(id);
      this.tokenCache.set(id, tokens);
    }
    return tokens;
  }

  private lowerBound(key: number): number {
    let lo = 0;
    let hi = this.baseKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.baseKeys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Units sharing at least minShared of the query's fingerprints, most shared first, at most
   * limit of them. The query is normalised words (WordToken.norm) or precomputed fingerprints.
   */
  candidates(query: readonly string[] | { readonly fingerprints: readonly number[] }, options: { minShared?: number; limit?: number; excludeSymbol?: string } = {}): Candidate[] {
    const minShared = options.minShared ?? 2;
    const limit = options.limit ?? 16;
    const fps = 'fingerprints' in query ? query.fingerprints : fingerprints(query as readonly string[]);
    if (this.counts.length < this.unitSlot.length) this.counts = new Uint16Array(Math.max(this.unitSlot.length, this.counts.length * 2));
    const counts = this.counts;
    const touched: number[] = [];
    const bump = (unit: number) => {
      if (counts[unit]++ === 0) touched.push(unit);
    };
    for (const fp of fps) {
      for (let i = this.lowerBound(fp); i < this.baseKeys.length && this.baseKeys[i] === fp; i++) bump(this.baseUnits[i]);
      const extra = this.delta.get(fp);
      if (extra) for (const unit of extra) bump(unit);
    }
    const exclude = options.excludeSymbol?.toUpperCase();
    const out: Candidate[] = [];
    for (const unit of touched) {
      const shared = counts[unit];
      counts[unit] = 0;
      if (shared < minShared) continue;
      const slot = this.slots[this.unitSlot[unit]];
      if (!slot.alive) continue;
      if (exclude && slot.document.symbol?.toUpperCase() === exclude) continue;
      out.push({ unit, shared });
    }
    out.sort((a, b) => b.shared - a.shared || a.unit - b.unit);
    return out.length > limit ? out.slice(0, limit) : out;
  }
}
