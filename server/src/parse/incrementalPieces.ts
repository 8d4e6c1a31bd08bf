// The pieces an incremental parse keeps between versions of a draft (incremental.ts): each piece's
// entry (its blocks as last placed, what it defines and may use, the stubs it was parsed with), the
// entries by text, and the placement of a kept piece's blocks where it now starts. Apart from the
// parser so that what is kept, and why it is still valid, reads on its own.
import type { Block } from './blocks';
import { shiftBlock } from './chunkParse';
import { definitionKey, type Definition } from './definitions';

export interface Entry {
  /** The piece's text (blanked), a copy of its own: a slice would keep the whole version it came from alive. */
  readonly key: string;
  /** The first piece of a draft with front matter: its text as written (remark reads the blanked text). */
  readonly original?: string;
  /** Every block was closed at its end (chunkParse.ts). */
  readonly closed: boolean;
  /** What the piece defines, for the other pieces. */
  readonly definitions: readonly Definition[];
  /** How many list-item ids the piece uses. */
  readonly items: number;
  /** Keys of the labels the piece may use (definitions.ts). */
  readonly uses: readonly string[];
  /** Keys of the definitions the piece was parsed with, joined. */
  readonly stubbed: string;
  /**
   * The piece's blocks as last placed: at offset `at` of the draft, list items numbered from
   * `itemBase`; moved (copied) when the piece moves. One copy per piece, whatever its history.
   */
  placed: { readonly at: number; readonly itemBase: number; readonly blocks: readonly Block[] };
}

/** What a version leaves for the next one besides its entries: where its pieces were. */
export interface Layout {
  readonly text: string;
  /** Proposed starts, and the text's length last. */
  readonly starts: readonly number[];
  /** The pieces taken, in order. */
  readonly pieces: readonly Piece[];
}

export interface Piece {
  /** Indices into the proposed starts: the piece covers proposed pieces [first, last). */
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  entry: Entry;
}

/**
 * Entries by the text of their piece: the last piece of a draft apart, since it is parsed without
 * the stand-in for a following line (chunkParse.ts).
 */
export class Entries {
  private readonly middle = new Map<string, Entry>();
  private readonly last = new Map<string, Entry>();

  get(key: string, last: boolean): Entry | undefined {
    return (last ? this.last : this.middle).get(key);
  }

  set(entry: Entry, last: boolean): void {
    (last ? this.last : this.middle).set(entry.key, entry);
  }
}

/** A flat copy of a string: V8 would keep a slice's whole parent string alive as long as the slice. */
export function copy(text: string): string {
  return (` ${text}`).slice(1);
}

/**
 * Which definitions made elsewhere a piece reads: the labels it uses that the draft defines, less
 * those it defines itself. Its blocks depend on the draft's definitions through these alone.
 */
export function stubbedKeys(uses: readonly string[], defines: readonly Definition[], definitions: ReadonlyMap<string, Definition>): string {
  if (definitions.size === 0) return '';
  const own = new Set(defines.map((d) => definitionKey(d.kind, d.id)));
  return keysOf(stubsFor(uses, definitions).filter((d) => !own.has(definitionKey(d.kind, d.id))));
}

/** The definitions of labels a run uses, in a stable order. A stub of a label the run defines itself changes nothing: a second definition is ignored. */
export function stubsFor(uses: readonly string[], definitions: ReadonlyMap<string, Definition>): Definition[] {
  if (definitions.size === 0) return [];
  const stubs: Definition[] = [];
  for (const key of uses) {
    const d = definitions.get(key);
    if (d) stubs.push(d);
  }
  return stubs.sort((a, b) => compareKeys(definitionKey(a.kind, a.id), definitionKey(b.kind, b.id)));
}

function keysOf(stubs: readonly Definition[]): string {
  return stubs.map((d) => definitionKey(d.kind, d.id)).join('\n');
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The piece's blocks at absolute offsets, reusing the last placement when the piece has not moved. */
export function placedBlocks(entry: Entry, at: number, itemBase: number): readonly Block[] {
  const placed = entry.placed;
  if (placed.at === at && placed.itemBase === itemBase) return placed.blocks;
  const blocks = placed.blocks.map((b) => shiftBlock(b, at - placed.at, itemBase - placed.itemBase));
  entry.placed = { at, itemBase, blocks };
  return blocks;
}

/** The piece starting at `start`, by binary search. */
export function pieceAt(pieces: readonly Piece[], start: number): Piece | undefined {
  let low = 0;
  let high = pieces.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = pieces[mid].start;
    if (at === start) return pieces[mid];
    if (at < start) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}
