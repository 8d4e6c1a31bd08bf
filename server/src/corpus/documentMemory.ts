// What the server keeps of its corpus texts in memory: the texts read on demand and the parsed
// models, each in a least-recently-used cache bounded by the characters of text behind it. A corpus
// of the 1,190 real texts (24 million characters) fits whole, as every corpus did before; one of
// 1.5 million paragraphs (750 million characters, issue #19) is no longer held whole: its reuse
// index is in the embedded store, and a hover or a rule parses the few texts it reads again (from
// the model disk cache when it can). Models were per document and never let go: with the warm-up
// parsing every text, the server's heap grew with the corpus.

/** Characters of text whose parsed models are kept (models take several times their text). */
export const MODEL_BUDGET_CHARS = 32 * 1024 * 1024;
/** Characters of texts read on demand that are kept (held texts are not counted). */
export const TEXT_BUDGET_CHARS = 32 * 1024 * 1024;

/** A least-recently-used cache of one value per key, bounded by a size given with each value. */
export class SizedLru<K, V> {
  private readonly entries = new Map<K, { value: V; size: number }>();
  private total = 0;

  constructor(private readonly budget: number) {}

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The kept value, or a new one from `make` (kept, the least recently used let go past the budget). */
  get(key: K, size: number, make: () => V): V {
    const kept = this.entries.get(key);
    if (kept) {
      // Moved to the end: Map order is the recency order.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept.value;
    }
    const value = make();
    this.entries.set(key, { value, size });
    this.total += size;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.budget || oldest === key) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
    }
    return value;
  }

  get size(): number {
    return this.total;
  }
}
