// The reuse index: winnowed fingerprints of every numbered paragraph of every corpus document
// (or of its prose spans when it has none) mapped to compact postings, so a draft paragraph's
// candidate sources are found without comparing it with the whole corpus. The index keeps its
// own copy of each unit's text (UTF-8, see textStore.ts) and no reference to the documents'
// models: it is the only copy the disk cache needs, and a corpus streamed through build() is
// not held.
import { fingerprintsOf, hashWord } from './fingerprints';
import { wordList, type WordList } from './normalise';
import { TextStore } from './textStore';
import { bestCandidates } from './bestCandidates';
import { BUCKET_BITS, BUCKET_SHIFT, POSTING_CHUNK, sortPostings } from './postings';
import { refOf, unitFingerprints, unitsOf, type ReuseSourceDocument, type ReuseSourceRef, type ReuseUnit } from './units';

export { MIN_UNIT_WORDS, unitFingerprints, unitsOf, type ReuseSourceDocument, type ReuseSourceRef, type ReuseUnit } from './units';

export interface Candidate {
  readonly unit: number;
  /** Fingerprints the query shares with the unit. */
  readonly shared: number;
}

interface Slot {
  readonly document: ReuseSourceRef;
  readonly firstUnit: number;
  readonly unitCount: number;
  alive: boolean;
}

/** The index as plain data (the disk cache's): units in order, their texts as one UTF-8 block. */
export interface ReuseSnapshot {
  /** Each document's id and its units' labels (null: a prose span), in unit order. */
  readonly documents: readonly { readonly id: string; readonly labels: readonly (string | null)[] }[];
  /** Every unit's text, UTF-8, one after another. */
  readonly texts: Uint8Array;
  /** The byte length of each unit's text. */
  readonly textLengths: Uint32Array;
  /** Postings sorted by fingerprint: keys[k] is in unit units[k]. */
  readonly keys: Uint32Array;
  readonly units: Uint32Array;
}

interface UnitSource {
  readonly document: ReuseSourceRef;
  readonly units: Iterable<{ readonly label: string | undefined; readonly text: string }>;
}

/** Word lists of the units last verified, kept for the next scan. */
const WORD_CACHE_UNITS = 2048;

export class ReuseIndex {
  private slots: Slot[] = [];
  private slotById = new Map<string, number>();
  private unitSlot = new Uint32Array(1024);
  private unitLabels: (string | undefined)[] = [];
  private store = new TextStore();
  /** Labels repeat across documents ("1", "2", …): one string each. */
  private readonly labelPool = new Map<string, string>();
  // Postings built in bulk: fingerprints sorted, with the unit of each (parallel arrays), and
  // where each bucket of fingerprints starts.
  private baseKeys: Uint32Array = new Uint32Array(0);
  private baseUnits: Uint32Array = new Uint32Array(0);
  private bucketStart: Uint32Array = new Uint32Array((1 << BUCKET_BITS) + 1);
  // Postings added since: fingerprint → units.
  private delta = new Map<number, number[]>();
  private deltaPostings = 0;
  private deadUnits = 0;
  private wordCache = new Map<number, WordList>();
  private counts = new Uint16Array(0);
  private touched = new Int32Array(0);
  /** Bumped on every change, so cached scan results can tell they are stale. */
  generation = 0;

  /** An index of the documents (an array, or any iterable: a streamed corpus is not held). */
  static build(corpus: { readonly documents: Iterable<ReuseSourceDocument> }): ReuseIndex {
    const index = new ReuseIndex();
    index.bulkLoad(mapIterable(corpus.documents, (document) => ({ document: refOf(document), units: unitsOf(document) })));
    return index;
  }

  /** Number of live units. */
  get unitCount(): number {
    return this.unitTotal - this.deadUnits;
  }

  private get unitTotal(): number {
    return this.unitLabels.length;
  }

  /** Number of postings held (bulk and incremental, dead ones included until compaction). */
  get postingCount(): number {
    return this.baseKeys.length + this.deltaPostings;
  }

  /** Bytes held in typed arrays and buffers (texts and postings), for the bench. */
  get byteSize(): number {
    return this.store.byteLength + this.baseKeys.byteLength + this.baseUnits.byteLength + this.bucketStart.byteLength + this.unitSlot.byteLength + this.deltaPostings * 8;
  }

  private addUnit(slot: number, label: string | undefined, text: string): number {
    const id = this.unitTotal;
    if (id === this.unitSlot.length) {
      const next = new Uint32Array(this.unitSlot.length * 2);
      next.set(this.unitSlot);
      this.unitSlot = next;
    }
    this.unitSlot[id] = slot;
    this.unitLabels.push(this.pooled(label));
    if (this.store.add(text) !== id) throw new Error('text store out of step with the units');
    return id;
  }

  private pooled(label: string | undefined): string | undefined {
    if (label === undefined) return undefined;
    let pooled = this.labelPool.get(label);
    if (pooled === undefined) this.labelPool.set(label, (pooled = label));
    return pooled;
  }

  /** Registers a document's units, giving each unit's fingerprints to emit. */
  private register(source: UnitSource, emit: (unit: number, fingerprint: number) => void): void {
    const existing = this.slotById.get(source.document.id);
    if (existing !== undefined) this.kill(existing);
    const slot = this.slots.length;
    const firstUnit = this.unitTotal;
    let count = 0;
    for (const unit of source.units) {
      const fps = unitFingerprints(unit.text);
      if (!fps) continue;
      const id = this.addUnit(slot, unit.label, unit.text);
      count++;
      for (const fp of fps) emit(id, fp);
    }
    this.slots.push({ document: source.document, firstUnit, unitCount: count, alive: true });
    this.slotById.set(source.document.id, slot);
  }

  private bulkLoad(sources: Iterable<UnitSource>): void {
    const keyChunks: Uint32Array[] = [];
    const unitChunks: Uint32Array[] = [];
    let n = 0;
    for (const source of sources) {
      this.register(source, (unit, fp) => {
        const at = n % POSTING_CHUNK;
        if (at === 0) {
          keyChunks.push(new Uint32Array(POSTING_CHUNK));
          unitChunks.push(new Uint32Array(POSTING_CHUNK));
        }
        keyChunks[keyChunks.length - 1]![at] = fp;
        unitChunks[unitChunks.length - 1]![at] = unit;
        n++;
      });
    }
    this.setBasePostings(sortPostings(keyChunks, unitChunks, n));
    this.generation++;
  }

  private setBasePostings(postings: { keys: Uint32Array; units: Uint32Array }): void {
    this.baseKeys = postings.keys;
    this.baseUnits = postings.units;
    const start = new Uint32Array((1 << BUCKET_BITS) + 1);
    for (let i = 0; i < postings.keys.length; i++) start[(postings.keys[i]! >>> BUCKET_SHIFT) + 1]!++;
    for (let b = 1; b < start.length; b++) start[b]! += start[b - 1]!;
    this.bucketStart = start;
  }

  /** Adds (or replaces) one document without rebuilding the index. */
  addDocument(document: ReuseSourceDocument): void {
    this.register({ document: refOf(document), units: unitsOf(document) }, (unit, fp) => {
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
    const s = this.slots[slot]!;
    if (!s.alive) return;
    s.alive = false;
    this.deadUnits += s.unitCount;
    for (let u = s.firstUnit; u < s.firstUnit + s.unitCount; u++) this.wordCache.delete(u);
  }

  /** Rebuilds the bulk postings once dead units or incremental postings weigh too much. */
  private maybeCompact(): void {
    if (this.deadUnits > 1000 && this.deadUnits > this.unitTotal / 4) this.compact();
    else if (this.deltaPostings > 50_000 && this.deltaPostings > this.baseKeys.length / 4) this.compact();
  }

  /** Rebuilds the postings from the live documents' texts (ids change; results do not). */
  compact(): void {
    const old = { slots: this.slots, store: this.store, labels: this.unitLabels };
    this.slots = [];
    this.slotById = new Map();
    this.unitSlot = new Uint32Array(1024);
    this.unitLabels = [];
    this.store = new TextStore();
    this.delta = new Map();
    this.deltaPostings = 0;
    this.deadUnits = 0;
    this.wordCache = new Map();
    const live = old.slots.filter((s) => s.alive);
    this.bulkLoad(
      live.map((slot) => ({
        document: slot.document,
        units: mapIterable(range(slot.firstUnit, slot.firstUnit + slot.unitCount), (u) => ({ label: old.labels[u], text: old.store.get(u) })),
      })),
    );
  }

  /** The index as plain data, for the disk cache. Dead units and incremental postings are compacted away first. */
  toSnapshot(): ReuseSnapshot {
    if (this.deadUnits > 0 || this.deltaPostings > 0) this.compact();
    const textLengths = new Uint32Array(this.unitTotal);
    const texts = Buffer.allocUnsafeSlow(this.store.byteLength);
    let offset = 0;
    for (let u = 0; u < this.unitTotal; u++) {
      const bytes = this.store.bytes(u);
      bytes.copy(texts, offset);
      textLengths[u] = bytes.length;
      offset += bytes.length;
    }
    return {
      documents: this.slots.map((slot) => ({
        id: slot.document.id,
        labels: Array.from({ length: slot.unitCount }, (_, k) => this.unitLabels[slot.firstUnit + k] ?? null),
      })),
      texts,
      textLengths,
      keys: this.baseKeys,
      units: this.baseUnits,
    };
  }

  /**
   * An index from a snapshot; `documentOf` gives the live document for each id (its text is not
   * read again). Throws on a snapshot that does not hold together; the caller rebuilds then.
   */
  static fromSnapshot(snapshot: ReuseSnapshot, documentOf: (id: string) => ReuseSourceRef | undefined): ReuseIndex {
    const index = new ReuseIndex();
    if (!Array.isArray(snapshot.documents)) throw new Error('no documents');
    for (const entry of snapshot.documents) {
      const document = documentOf(entry.id);
      if (!document) throw new Error(`document ${entry.id} is not in the corpus`);
      if (index.slotById.has(entry.id)) throw new Error(`document ${entry.id} twice`);
      if (!Array.isArray(entry.labels)) throw new Error('malformed document');
      const slot = index.slots.length;
      const firstUnit = index.unitTotal;
      for (const label of entry.labels) {
        if (label !== null && typeof label !== 'string') throw new Error('malformed unit');
        if (index.unitTotal === index.unitSlot.length) {
          const next = new Uint32Array(index.unitSlot.length * 2);
          next.set(index.unitSlot);
          index.unitSlot = next;
        }
        index.unitSlot[index.unitTotal] = slot;
        index.unitLabels.push(index.pooled(label ?? undefined));
      }
      index.slots.push({ document: refOf(document), firstUnit, unitCount: entry.labels.length, alive: true });
      index.slotById.set(entry.id, slot);
    }
    if (snapshot.textLengths.length !== index.unitTotal) throw new Error(`${snapshot.textLengths.length} texts for ${index.unitTotal} paragraphs`);
    index.store = TextStore.fromBytes(snapshot.texts, snapshot.textLengths);
    const { keys, units } = snapshot;
    if (keys.length !== units.length) throw new Error('postings of unequal length');
    const unitCount = index.unitTotal;
    for (let i = 0; i < keys.length; i++) {
      if (units[i]! >= unitCount) throw new Error('a posting for a unit that does not exist');
      if (i > 0 && keys[i]! < keys[i - 1]!) throw new Error('postings out of order');
    }
    index.setBasePostings({ keys, units });
    index.generation++;
    return index;
  }

  /** The documents indexed (what the index keeps of each). */
  documents(): ReuseSourceRef[] {
    return this.slots.filter((s) => s.alive).map((s) => s.document);
  }

  hasDocument(id: string): boolean {
    return this.slotById.has(id);
  }

  unit(id: number): ReuseUnit {
    return { document: this.slots[this.unitSlot[id]!]!.document, label: this.unitLabels[id], text: this.wordCache.get(id)?.texts[0] ?? this.store.get(id) };
  }

  /** The unit's words (offsets into its text), cached for the units last verified. */
  unitWords(id: number): WordList {
    let words = this.wordCache.get(id);
    if (!words) {
      words = wordList([this.store.get(id)]);
      if (this.wordCache.size >= WORD_CACHE_UNITS) this.wordCache.delete(this.wordCache.keys().next().value!);
      this.wordCache.set(id, words);
    } else {
      // Keep recently used units last.
      this.wordCache.delete(id);
      this.wordCache.set(id, words);
    }
    return words;
  }

  /** Index of the first base posting with this fingerprint (or where it would be). */
  private firstPosting(key: number): number {
    const bucket = key >>> BUCKET_SHIFT;
    let lo = this.bucketStart[bucket]!;
    let hi = this.bucketStart[bucket + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.baseKeys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Units sharing at least minShared of the query's fingerprints, most shared first (then by
   * unit), at most limit of them. The query is normalised words or precomputed fingerprints.
   */
  candidates(query: readonly string[] | { readonly fingerprints: readonly number[] }, options: { minShared?: number; limit?: number; excludeSymbol?: string } = {}): Candidate[] {
    const minShared = options.minShared ?? 2;
    const limit = options.limit ?? 16;
    const fps = 'fingerprints' in query ? query.fingerprints : fingerprintsOf((query as readonly string[]).map(hashWord));
    const total = this.unitTotal;
    if (this.counts.length < total) {
      this.counts = new Uint16Array(Math.max(total, this.counts.length * 2));
      this.touched = new Int32Array(this.counts.length);
    }
    const counts = this.counts;
    const touched = this.touched;
    let touchedCount = 0;
    const keys = this.baseKeys;
    const units = this.baseUnits;
    for (const fp of fps) {
      for (let i = this.firstPosting(fp); i < keys.length && keys[i] === fp; i++) {
        const unit = units[i]!;
        if (counts[unit]++ === 0) touched[touchedCount++] = unit;
      }
      const extra = this.delta.get(fp);
      if (extra) for (const unit of extra) if (counts[unit]++ === 0) touched[touchedCount++] = unit;
    }
    const exclude = options.excludeSymbol?.toUpperCase();
    return bestCandidates(counts, touched, touchedCount, minShared, limit, (unit) => {
      const slot = this.slots[this.unitSlot[unit]!]!;
      return slot.alive && !(exclude && slot.document.symbol?.toUpperCase() === exclude);
    });
  }
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of items) yield map(item);
}

function* range(from: number, to: number): Iterable<number> {
  for (let i = from; i < to; i++) yield i;
}
