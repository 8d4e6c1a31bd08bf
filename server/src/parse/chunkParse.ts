// A run of pieces of a draft (chunks.ts) through remark in one go, split back into pieces where the
// tree proves the cut, each piece's blocks collected on their own.
//
// The run is parsed as `stubs + run + "2. x"`: the stubs define the labels it uses that other pieces
// define (definitions.ts); "2. x" stands for whatever line follows the run. If it is a list item at
// the top level, every block of the run was closed by then and nothing was left that makes a new
// block an interruption, so the line that really follows starts afresh too and the cut after the
// run is sound. If not (an unclosed fence swallowed it, indented code was still open), the run is
// reported open and the caller extends it. Inside the run, a cut is proved when a top-level block,
// or an item of a top-level list, starts there after everything before it has ended, and not right
// after top-level code. A list split at an item is read as two lists; the draft parser reads items,
// not lists, so its blocks are the same.

import type { List, ListItem, Root, RootContent } from 'mdast';
import type { Block } from './blocks';
import { collectBlocks } from './blocks';
import { areStubs, definitionsOf, stubText, type Definition } from './definitions';
import { parseBlankedMarkdown } from './markdown';

const SENTINEL = '2. x';

export interface ParsedPiece {
  /** Where the piece ends in the run (it starts where the one before ended). */
  readonly end: number;
  /** Every block was closed at the piece's end (always true for the last piece of a draft). */
  readonly closed: boolean;
  /** What the piece defines, for the other pieces. */
  readonly definitions: readonly Definition[];
  /** Offsets in the draft (the run starts at `RunInput.offset`); list items numbered from 1 within the piece. */
  readonly blocks: readonly Block[];
  /** How many list-item ids the piece uses. */
  readonly items: number;
}

export interface RunInput {
  /** Where the run starts in the draft. */
  readonly offset: number;
  /** The run as written. */
  readonly source: string;
  /** The run with front matter blanked (what remark reads); usually `source` itself. */
  readonly blanked: string;
  /** Nothing follows the run. */
  readonly last: boolean;
  /** Definitions made elsewhere that the run may use. */
  readonly stubs: readonly Definition[];
  /** Proposed cuts inside the run, ascending, relative to its start. */
  readonly cuts: readonly number[];
}

/** One top-level block, or one item of a top-level list. */
type Unit = { readonly node: RootContent; readonly list?: undefined } | { readonly node: ListItem; readonly list: List };

/**
 * Parses a run into the pieces its proved cuts make, or returns undefined if the stubs did not read
 * as the definitions they stand for (the caller then parses the whole draft). Throws if remark does.
 */
export function parseRun(input: RunInput): ParsedPiece[] | undefined {
  const stubs = stubText(input.stubs);
  const sentinel = input.last ? '' : SENTINEL;
  // Stubs go before the run, where the blank line after them closes them, unless the run starts
  // indented or blank (only the first piece of a draft can): its first line would continue the last
  // stub. (Or with a byte order mark, which is only dropped at the start.)
  const before = stubs !== '' && startsAtColumnZero(input.blanked);
  const head = before ? stubs : '';
  const tail = stubs !== '' && !before ? `\n\n${stubs}` : '';
  const root = parseBlankedMarkdown(head + input.blanked + sentinel + tail);
  const from = head.length;
  const to = from + input.blanked.length;

  const children = root.children;
  let first = 0;
  while (first < children.length && startOf(children[first]) < from) first++;
  if (before && !areStubs(children.slice(0, first), input.stubs)) return undefined;
  let rest = first;
  while (rest < children.length && startOf(children[rest]) < to + sentinel.length) rest++;

  const all: Unit[] = [];
  for (const node of children.slice(first, rest)) {
    if (node.type === 'list') for (const item of node.children) all.push({ node: item, list: node });
    else all.push({ node });
  }
  let count = 0;
  while (count < all.length && startOf(all[count].node) < to) count++;
  const units = all.slice(0, count);
  // The stand-in line is a list item numbered 2, which is one only where nothing before it is open
  // and nothing makes it an interruption (micromark lets only "1." interrupt).
  const closed = input.last || (count < all.length && all[count].list !== undefined && startOf(all[count].node) === to && startsAfresh(all, count));
  // Stubs after an open run were swallowed by it; it is parsed again, longer, anyway.
  if (tail && closed && !areStubs(children.slice(rest), input.stubs)) return undefined;
  const source = head + input.source + sentinel + tail;
  const pieces: ParsedPiece[] = [];
  let unit = 0;
  const close = (end: number, untilUnit: number, isClosed: boolean) => {
    pieces.push(collectPiece(root, units.slice(unit, untilUnit), source, input.offset - from, end, isClosed));
    unit = untilUnit;
  };
  let k = 0;
  for (const cut of input.cuts) {
    const at = from + cut;
    while (k < units.length && startOf(units[k].node) < at) k++;
    if (k < units.length && startOf(units[k].node) === at && startsAfresh(units, k)) close(cut, k, true);
  }
  close(input.blanked.length, units.length, closed);
  return pieces;
}

/**
 * Whether unit k starts afresh, as at the start of a draft: everything before it has ended, and it
 * does not follow indented code at the top level. micromark keeps indented code open across blank
 * lines (more indented lines could continue it), and a list starting while it is open counts as an
 * interruption: "2." or "1. 41." then read otherwise than at the start of a draft. (Fenced code is
 * left out too, for simplicity: a cut after it is rarely needed.)
 */
function startsAfresh(units: readonly Unit[], k: number): boolean {
  if (k === 0) return true;
  const previous = units[k - 1];
  return endOf(previous.node) <= startOf(units[k].node) && !(previous.list === undefined && previous.node.type === 'code');
}

function startOf(node: RootContent): number {
  return node.position?.start.offset ?? -1;
}

function endOf(node: RootContent): number {
  return node.position?.end.offset ?? -1;
}

/** Whether the text starts with a line at column 0 (a byte order mark, dropped at the start of a text only, does not count). */
function startsAtColumnZero(text: string): boolean {
  const c = text.charCodeAt(0);
  return text.length > 0 && c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff;
}

/**
 * The blocks of a piece's units, as if they were a draft of their own (items of one list regrouped
 * into a list), moved by `delta` from the parsed text to the draft.
 */
function collectPiece(root: Root, units: readonly Unit[], source: string, delta: number, end: number, closed: boolean): ParsedPiece {
  const nodes: RootContent[] = [];
  for (let u = 0; u < units.length; u++) {
    const { node, list } = units[u];
    if (!list) {
      nodes.push(node);
      continue;
    }
    const items: ListItem[] = [node];
    while (u + 1 < units.length && units[u + 1].list === list) items.push(units[++u].node as ListItem);
    nodes.push(items.length === list.children.length ? list : { ...list, children: items });
  }
  const blocks: Block[] = [];
  let items = 0;
  for (const block of collectBlocks({ ...root, children: nodes }, source)) {
    items = Math.max(items, block.topItem);
    blocks.push(delta === 0 ? block : shiftBlock(block, delta, 0));
  }
  return { end, closed, definitions: definitionsOf(nodes), blocks, items };
}

/** A copy of the block `delta` characters further on, its list items renumbered `itemDelta` further. */
export function shiftBlock(block: Block, delta: number, itemDelta: number): Block {
  const topItem = block.topItem === 0 ? 0 : block.topItem + itemDelta;
  if (delta === 0) return { ...block, topItem };
  const offsets = block.span.sourceOffsets;
  const shifted = offsets.slice();
  for (let i = 0; i < shifted.length; i++) shifted[i] += delta;
  return {
    ...block,
    topItem,
    span: { text: block.span.text, sourceOffsets: shifted, range: shiftRange(block.span.range, delta) },
    markers: block.markers.length ? block.markers.map((marker) => ({ label: marker.label, range: shiftRange(marker.range, delta) })) : block.markers,
    range: shiftRange(block.range, delta),
    listNumber: block.listNumber && { number: block.listNumber.number, range: shiftRange(block.listNumber.range, delta) },
  };
}

function shiftRange(range: { readonly start: number; readonly end: number }, delta: number) {
  return { start: range.start + delta, end: range.end + delta };
}
