// What the server keeps of its corpus texts in memory: the texts read on demand and the parsed
// models, each in a least-recently-used cache bounded by the characters of text behind it. The
// texts of the 1,190 real documents (24 million characters) fit whole; of a corpus of 1.5 million
// paragraphs (750 million characters, issue #19) only the recent ones are held: its reuse index is
// in the embedded store, and a hover or a rule reads and parses the few texts it needs again (the
// model from the model disk cache when it can). Models were per document and never let go: with
// the warm-up parsing every text, the server's heap grew with the corpus.

/**
 * Characters of text whose parsed models are kept. A model takes ~30 bytes per character of its
 * text (a server holding the models of 32 million characters reached 1.7 GB; bench/serverScale.ts),
 * so this is ~250 MB at most; a model let go is read back from the model disk cache when needed.
 */
export const MODEL_BUDGET_CHARS = 8 * 1024 * 1024;
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
