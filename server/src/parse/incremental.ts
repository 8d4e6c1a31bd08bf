// Re-parsing a draft after an edit without running remark over all of it. The draft is cut into
// pieces that Markdown reads independently (chunks.ts proposes the cuts, chunkParse.ts proves them);
// each piece's blocks are kept, keyed by its text, and a new version parses only the runs of pieces
// whose text is new. Blocks of the others are moved to where their piece now starts, and the cheap
// assemble stage runs over all of them. The model is the one parseDraft gives; where that cannot be
// shown (a stub that does not read as a definition, a parser failure), the whole draft is parsed.
//
// What a version keeps for the next (entries, their placement) is in incrementalPieces.ts; what did
// not change since the previous version (common start and end, resumed cuts) in unchangedText.ts.
import { assembleDraft } from './assemble';
import type { Block } from './blocks';
import { chunkStarts } from './chunks';
import { parseRun } from './chunkParse';
import { definitionKey, labelsUsed, type Definition } from './definitions';
import { copy, Entries, pieceAt, placedBlocks, stubbedKeys, stubsFor, type Entry, type Layout, type Piece } from './incrementalPieces';
import { parseDraft } from './index';
import { blankFrontMatter } from './markdown';
import type { DraftModel } from './model';
import { commonPrefix, commonSuffix, resumedStarts, type Unchanged } from './unchangedText';

/** What the last parse did, for tests and the bench. */
export interface IncrementalStats {
  /** Pieces the cut scan proposed (chunks.ts). */
  readonly proposed: number;
  /** Pieces after merging those whose cut was not proved. */
  readonly pieces: number;
  /** Runs remark read this time. */
  readonly runs: number;
  /** Characters remark read this time. */
  readonly parsedChars: number;
  /** The whole draft went through parseDraft instead. */
  readonly whole: boolean;
}

export interface IncrementalOptions {
  /**
   * How many new pieces in a row remark reads in one go (default: all). Tests set 1, so that every
   * piece is parsed alone, as an edited one is, and each cut is put to the proof.
   */
  readonly runPieces?: number;
}

/** The pieces of a document's previous version, for its next one. One per document. */
export class IncrementalParser {
  private entries = new Entries();
  /** Proposed pieces that the previous version had to merge with the next ones (a fence across blank lines): how many. */
  private merges = new Map<string, number>();
  /** Definitions of the previous version: the best guess of which stubs a new piece needs. */
  private definitions = new Map<string, Definition>();
  /** The previous version's pieces (not after a whole parse, nor with front matter). */
  private layout: Layout | undefined;
  lastStats: IncrementalStats = { proposed: 0, pieces: 0, runs: 0, parsedChars: 0, whole: false };

  constructor(readonly options: IncrementalOptions = {}) {}

  parse(text: string): DraftModel {
    const source = typeof text === 'string' ? text : String(text ?? '');
    try {
      const model = new Version(this, source).parse();
      if (model) return model;
    } catch {
      // remark failed on a run: parseDraft has its own fallback for the whole text.
    }
    this.entries = new Entries();
    this.merges = new Map();
    this.definitions = new Map();
    this.layout = undefined;
    this.lastStats = { proposed: 1, pieces: 1, runs: 1, parsedChars: source.length, whole: true };
    return parseDraft(source);
  }

  /** @internal Called by Version once the new version is parsed. */
  keep(entries: Entries, merges: Map<string, number>, definitions: Map<string, Definition>, layout: Layout | undefined, stats: IncrementalStats): void {
    this.entries = entries;
    this.layout = layout;
    this.merges = merges;
    this.definitions = definitions;
    this.lastStats = stats;
  }

  /** @internal */
  previous() {
    return { entries: this.entries, merges: this.merges, definitions: this.definitions, layout: this.layout };
  }
}

/** One parse of one version of a draft. */
class Version {
  private readonly blanked: string;
  private readonly starts: number[];
  /** keyOf(i, i + 1), once computed. */
  private readonly keys: (string | undefined)[];
  private readonly previous: ReturnType<IncrementalParser['previous']>;
  private readonly unchanged: Unchanged | undefined;
  private readonly entries = new Entries();
  private readonly merges = new Map<string, number>();
  private runs = 0;
  private parsedChars = 0;

  constructor(
    private readonly owner: IncrementalParser,
    private readonly text: string,
  ) {
    // Front matter only ever lies in the first piece: its blanked lines are blank, so a cut follows it.
    this.blanked = text.startsWith('---') || text.charCodeAt(0) === 0xfeff ? blankFrontMatter(text) : text;
    this.previous = owner.previous();
    const before = this.previous.layout;
    if (before && this.blanked === text) {
      const prefix = commonPrefix(before.text, text);
      const suffix = commonSuffix(before.text, text, Math.min(before.text.length, text.length) - prefix);
      this.unchanged = { before, prefix, suffixStart: text.length - suffix, delta: text.length - before.text.length };
      this.starts = resumedStarts(text, this.unchanged);
    } else {
      this.starts = chunkStarts(this.blanked);
    }
    this.starts.push(text.length);
    this.keys = new Array(this.starts.length);
  }

  parse(): DraftModel | undefined {
    const count = this.starts.length - 1;
    const pieces: Piece[] = [];
    for (let i = 0; i < count; ) {
      const found = this.lookup(i);
      if (found) {
        pieces.push(found);
        i = found.last;
        continue;
      }
      // A run of pieces not seen before is parsed in one go: on a first parse, the whole draft.
      const limit = i + (this.owner.options.runPieces ?? count);
      let j = i + 1;
      while (j < count && j < limit && !this.lookup(j)) j++;
      const parsed = this.parseRuns(i, j, this.previous.definitions);
      if (!parsed) return undefined;
      pieces.push(...parsed);
      i = parsed[parsed.length - 1].last;
    }

    // Now that every piece's definitions are known, a piece parsed with other stubs than it needs is parsed again.
    const definitions = new Map<string, Definition>();
    for (const piece of pieces) {
      for (const d of piece.entry.definitions) {
        const key = definitionKey(d.kind, d.id);
        if (!definitions.has(key)) definitions.set(key, d);
      }
    }
    for (const piece of pieces) {
      if (piece.entry.stubbed === stubbedKeys(piece.entry.uses, piece.entry.definitions, definitions)) continue;
      const again = this.parseRuns(piece.first, piece.last, definitions);
      if (!again || again.length !== 1 || again[0].last !== piece.last) return undefined;
      piece.entry = again[0].entry;
    }

    const blocks: Block[] = [];
    let itemBase = 0;
    for (const piece of pieces) {
      for (const block of placedBlocks(piece.entry, piece.start, itemBase)) blocks.push({ ...block });
      itemBase += piece.entry.items;
    }
    const layout = this.blanked === this.text ? { text: this.text, starts: this.starts, pieces } : undefined;
    this.owner.keep(this.entries, this.merges, definitions, layout, { proposed: count, pieces: pieces.length, runs: this.runs, parsedChars: this.parsedChars, whole: false });
    return assembleDraft(this.text, blocks);
  }

  /** The piece starting at proposed piece i, if its text was parsed before (alone, or merged with the next ones). */
  private lookup(i: number): Piece | undefined {
    const kept = this.unmoved(i);
    if (kept) return kept;
    const single = this.entryOf(i, i + 1);
    if (single) return single;
    const key = this.keyOf(i, i + 1);
    const merged = this.previous.merges.get(key) ?? this.merges.get(key);
    return merged !== undefined && i + merged < this.starts.length ? this.entryOf(i, i + merged) : undefined;
  }

  /** The previous version's piece at proposed piece i, if its text did not change (found without hashing the text). */
  private unmoved(i: number): Piece | undefined {
    const u = this.unchanged;
    if (!u) return undefined;
    const start = this.starts[i];
    const inSuffix = start >= u.suffixStart;
    if (!inSuffix && start >= u.prefix) return undefined;
    const old = pieceAt(u.before.pieces, inSuffix ? start - u.delta : start);
    if (!old) return undefined;
    const last = i + (old.last - old.first);
    const end = this.starts[last];
    const count = this.starts.length - 1;
    if (last > count || end !== old.end + (inSuffix ? u.delta : 0) || (!inSuffix && end > u.prefix)) return undefined;
    // The last piece is parsed without the stand-in for a following line: it must stay the last, or stay not.
    if ((last === count) !== (old.last === u.before.starts.length - 1)) return undefined;
    this.remember(i, last, old.entry);
    return { first: i, last, start, end, entry: old.entry };
  }

  private entryOf(first: number, last: number): Piece | undefined {
    const key = this.keyOf(first, last);
    const final = last === this.starts.length - 1;
    const entry = this.entries.get(key, final) ?? this.previous.entries.get(key, final);
    if (!entry || entry.original !== this.originalOf(first, last)) return undefined;
    this.remember(first, last, entry);
    return { first, last, start: this.starts[first], end: this.starts[last], entry };
  }

  private remember(first: number, last: number, entry: Entry): void {
    this.entries.set(entry, last === this.starts.length - 1);
    if (last - first > 1) this.merges.set(copy(this.keyOf(first, first + 1)), last - first);
  }

  /**
   * Parses proposed pieces [i, j) as runs until the last run ends closed (an unclosed fence takes in
   * the pieces after it, twice as many each time, so one over the rest of the draft costs a few parses).
   */
  private parseRuns(i: number, j: number, definitions: ReadonlyMap<string, Definition>): Piece[] | undefined {
    const count = this.starts.length - 1;
    const pieces: Piece[] = [];
    for (let from = i, to = j; ; ) {
      const run = this.parseRun(from, to, definitions);
      if (!run) return undefined;
      const tail = run[run.length - 1];
      if (tail.entry.closed || to === count) {
        for (const piece of run) this.remember(piece.first, piece.last, piece.entry);
        pieces.push(...run);
        return pieces;
      }
      // Keep the pieces before the open one; parse again from it, with more after it.
      for (const piece of run.slice(0, -1)) this.remember(piece.first, piece.last, piece.entry);
      pieces.push(...run.slice(0, -1));
      from = tail.first;
      to = Math.min(count, to + Math.max(1, to - from));
    }
  }

  private parseRun(i: number, j: number, definitions: ReadonlyMap<string, Definition>): Piece[] | undefined {
    const start = this.starts[i];
    const end = this.starts[j];
    const blanked = this.blanked.slice(start, end);
    const stubs = stubsFor(labelsUsed(blanked), definitions);
    const cuts = this.starts.slice(i + 1, j).map((s) => s - start);
    this.runs++;
    this.parsedChars += end - start;
    const parsed = parseRun({ offset: start, source: this.text.slice(start, end), blanked, last: j === this.starts.length - 1, stubs, cuts });
    if (!parsed) return undefined;
    const pieces: Piece[] = [];
    let first = i;
    let pieceStart = start;
    for (const piece of parsed) {
      const pieceEnd = start + piece.end;
      let last = first + 1;
      while (this.starts[last] < pieceEnd) last++;
      const uses = labelsUsed(this.blanked.slice(pieceStart, pieceEnd));
      const key = copy(this.keyOf(first, last));
      const placed = { at: pieceStart, itemBase: 0, blocks: piece.blocks };
      const entry: Entry = {
        key,
        original: this.originalOf(first, last),
        closed: piece.closed,
        definitions: piece.definitions,
        items: piece.items,
        uses,
        stubbed: stubbedKeys(uses, piece.definitions, definitions),
        placed,
      };
      pieces.push({ first, last, start: pieceStart, end: pieceEnd, entry });
      first = last;
      pieceStart = pieceEnd;
    }
    return pieces;
  }

  /** The blanked text of proposed pieces [first, last): what their entry is found by. */
  private keyOf(first: number, last: number): string {
    const single = last === first + 1;
    const cached = single ? this.keys[first] : undefined;
    if (cached !== undefined) return cached;
    const key = this.blanked.slice(this.starts[first], this.starts[last]);
    if (single) this.keys[first] = key;
    return key;
  }

  /** The text as written of the first piece of a draft with front matter, which its blanked text does not tell. */
  private originalOf(first: number, last: number): string | undefined {
    return first === 0 && this.blanked !== this.text ? this.text.slice(0, this.starts[last]) : undefined;
  }
}

