// The server's cache of reuse scans, per unit of text (scan.ts): bounded by bytes and evicted
// least recently used first, one entry at a time. It was capped at 20,000 entries and cleared
// whole when full: over 40,000 edits the heap after GC saw-toothed 16 → 84 MB and RSS sat at
// 280–318 MB against 116–124 MB fresh. Sizes are estimates (UTF-16 keys, a fixed cost per
// match and its strings), enough to keep the bound honest to within a small factor.
//
// Within the bound, what the open drafts read now is kept apart from history. Each draft's latest
// scan marks the entries it used (markUsed); every other entry is history: a paragraph as it was
// before an edit, kept for an undo. History has its own, smaller bound. With one LRU order for all,
// each word typed left its paragraph's version behind until the whole 4 MB was full: over a long
// session the heap after GC grew by 4.2 MB of versions no draft held any more (5.6 MB growth in
// 2,000 edits, 1.4 MB with the cache at 512 KB).

import type { CachedMatch, ScanCache } from './scan';

/** About a thousand paragraphs' scans: every paragraph of the drafts a session has open, and their recent versions. */
export const SCAN_CACHE_BYTES = 4 * 1024 * 1024;
/** Of which entries no open draft's latest scan used (earlier versions of edited paragraphs): a few hundred. */
export const SCAN_HISTORY_BYTES = 512 * 1024;
/** Calibrated on the heap after GC (1,000 new paragraphs of the 150 KB bench draft): the Map entry, the key, the array. */
const ENTRY_OVERHEAD = 2048;
const MATCH_OVERHEAD = 400;
const OBJECT_OVERHEAD = 48;

export class BoundedScanCache implements ScanCache {
  private readonly entries = new Map<string, { value: CachedMatch[]; bytes: number }>();
  private total = 0;
  /** The keys each draft's latest scan used, and for each key how many drafts' latest scans use it. */
  private readonly usedBy = new Map<string, ReadonlySet<string>>();
  private readonly users = new Map<string, number>();
  /** Bytes of entries no draft's latest scan uses. */
  private history = 0;

  constructor(
    private readonly maxBytes = SCAN_CACHE_BYTES,
    private readonly maxHistoryBytes = SCAN_HISTORY_BYTES,
  ) {}

  /**
   * The keys a draft's latest scan used: they are kept as long as the overall bound allows; the
   * entries its earlier scan used and this one did not become history, bounded on their own.
   */
  markUsed(draft: string, keys: ReadonlySet<string>): void {
    const before = this.usedBy.get(draft);
    for (const key of keys) if (!before?.has(key)) this.addUser(key);
    if (before) for (const key of before) if (!keys.has(key)) this.removeUser(key);
    this.usedBy.set(draft, keys);
    this.trimHistory();
  }

  /** A draft closed: what its latest scan used is history now. */
  forgetDraft(draft: string): void {
    for (const key of this.usedBy.get(draft) ?? []) this.removeUser(key);
    this.usedBy.delete(draft);
    this.trimHistory();
  }

  get(key: string): CachedMatch[] | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Moved to the end: Map order is the recency order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: CachedMatch[]): this {
    this.delete(key);
    const bytes = ENTRY_OVERHEAD + key.length * 2 + value.reduce((sum, match) => sum + MATCH_OVERHEAD + stringBytes(match), 0);
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    if (!this.users.has(key)) this.history += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.total <= this.maxBytes || oldest === key) break;
      this.delete(oldest);
    }
    return this;
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.total -= entry.bytes;
    if (!this.users.has(key)) this.history -= entry.bytes;
    return true;
  }

  /** The estimated bytes of history (entries no draft's latest scan used). */
  get historyBytes(): number {
    return this.history;
  }

  private addUser(key: string): void {
    const count = this.users.get(key) ?? 0;
    this.users.set(key, count + 1);
    if (count === 0) this.history -= this.entries.get(key)?.bytes ?? 0;
  }

  private removeUser(key: string): void {
    const count = this.users.get(key) ?? 0;
    if (count > 1) {
      this.users.set(key, count - 1);
      return;
    }
    this.users.delete(key);
    this.history += this.entries.get(key)?.bytes ?? 0;
  }

  /** History evicted least recently used first, down to its bound; entries in use stay. */
  private trimHistory(): void {
    if (this.history <= this.maxHistoryBytes) return;
    for (const key of [...this.entries.keys()]) {
      if (this.history <= this.maxHistoryBytes) break;
      if (!this.users.has(key)) this.delete(key);
    }
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The estimated bytes held. */
  get bytes(): number {
    return this.total;
  }
}

/** The strings a match holds (its source's symbol and labels, its diff's words), as UTF-16 bytes. */
function stringBytes(value: unknown, depth = 0): number {
  if (typeof value === 'string') return 16 + value.length * 2;
  if (depth > 6 || typeof value !== 'object' || value === null) return 8;
  let sum = OBJECT_OVERHEAD;
  for (const item of Array.isArray(value) ? value : Object.values(value)) sum += stringBytes(item, depth + 1);
  return sum;
}
