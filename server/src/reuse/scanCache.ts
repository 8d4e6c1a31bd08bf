// The server's cache of reuse scans, per unit of text (scan.ts): bounded by bytes and evicted
// least recently used first, one entry at a time. It was capped at 20,000 entries and cleared
// whole when full: over 40,000 edits the heap after GC saw-toothed 16 → 84 MB and RSS sat at
// 280–318 MB against 116–124 MB fresh. Sizes are estimates (UTF-16 keys, a fixed cost per
// match and its strings), enough to keep the bound honest to within a small factor.

import type { CachedMatch, ScanCache } from './scan';

/** About a thousand paragraphs' scans: every paragraph of the drafts a session has open, and their recent versions. */
export const SCAN_CACHE_BYTES = 4 * 1024 * 1024;
/** Calibrated on the heap after GC (1,000 new paragraphs of the 150 KB bench draft): the Map entry, the key, the array. */
const ENTRY_OVERHEAD = 2048;
const MATCH_OVERHEAD = 400;
const OBJECT_OVERHEAD = 48;

export class BoundedScanCache implements ScanCache {
  private readonly entries = new Map<string, { value: CachedMatch[]; bytes: number }>();
  private total = 0;

  constructor(private readonly maxBytes = SCAN_CACHE_BYTES) {}

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
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes || oldest === key) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
    return this;
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.total -= entry.bytes;
    return true;
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
