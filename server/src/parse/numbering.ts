// Paragraph numbers: where they are ("27." as a list marker or at the start of a block, "5 bis.",
// "… initiatives 107. The Special Rapporteur …" inside a line run together by PDF extraction) and
// which of them make the document's paragraph sequence. Numbered sub-headings ("1. Human rights")
// and items quoted from another numbered list ("9. Giving favourable consideration …") carry
// numbers too; what sets the paragraphs apart is that their numbers run on.

import type { Block, NumberMarker } from './blocks';
import { INSERTION_SOURCE as INSERTIONS } from '../vocabulary';
import { sliceSpan, trimSpan } from './spans';

/** A paragraph number at the start of a block: "27. ", "5 bis. ". */
const LEADING_NUMBER = new RegExp(`^(\\d{1,3})(?:[ \\u00a0]?(${INSERTIONS}))?\\.(?=\\s)\\s*`);
/**
 * A paragraph number alone on its line without its full stop, as a PDF text layer sometimes prints
 * it ("26 \nCondemns without reservation …", A/RES/79/160; "6 \nAlso reaffirms …", A/RES/80/167):
 * the next line is prose opening with a capital (a table's cell, "3 \nReclassification", A/RES/80/243, is
 * not). Whether it is a paragraph is decided by the run it continues.
 */
const BARE_NUMBER_LINE = /^(\d{1,3})()[ \t\u00a0]*\n(?=[ \t]*\p{Lu}\p{Ll}+(?:[ \t]+[^\s]+){3})/u;
/**
 * A paragraph number inside a line, followed by a capital or an opening quote or bracket; it must
 * also follow a space, which the caller checks: a lookbehind here makes the scan several times slower.
 */
const INLINE_NUMBER = new RegExp(`(\\d{1,3})(?:[ \\u00a0](${INSERTIONS}))?\\.\\s+(?=[\\p{Lu}“"‘(\\[])`, 'gu');
/** A number after these words is cited, not a paragraph number: "see paragraph 8. The …", "in 5. …". */
const CITING_WORDS = new Set(
  (
    'paragraph paragraphs para paras p pp page pages no nos number art article articles annex annexes chapter chapters chap ' +
    'section sections sect rule rules recommendation recommendations resolution resolutions decision decisions footnote footnotes ' +
    'note notes target targets goal goals item items principle principles objective objectives action actions step steps part parts ' +
    'volume vol table figure fig box sdg and or to of see cf in at by on from under with'
  ).split(' '),
);
const SENTENCE_END = /[.;:!?…”"’')\]]$/;
/** The same with a footnote number glued on, as PDF text layers print it: "Paris Agreement.3", "persons.8". */
const SENTENCE_END_FOOTNOTE = /\p{L}[.;:”’)]\d{1,3}$/u;

/**
 * At a line's end, a footnote number after the sentence's last word or number and its closing marks,
 * one or more: "A/80/100/Add.1).1 \n2. The General Assembly, …" (A/C.4/80/L.1), "persons.8".
 */
const LINE_END_FOOTNOTE = /[\p{L}\p{N}][.;:”’)]{1,3}\d{1,3}$/u;

function numberMarker(digits: string, insertion: string | undefined, span: Block['span'], at: number, markerLength: number, bodyStart: number): NumberMarker {
  const number = Number(digits);
  return {
    number,
    insertion,
    label: insertion ? `${number} ${insertion}` : String(number),
    range: { start: span.sourceOffsets[at], end: span.sourceOffsets[at + markerLength - 1] + 1 },
    bodyStart,
  };
}

/** Blocks that may be numbered paragraphs: top-level prose, or the first block of a top-level list item. */
function mayBeNumbered(block: Block): boolean {
  if (block.furniture || block.footnote || block.quoteDepth > 0) return false;
  if (block.kind !== 'paragraph' && block.kind !== 'code') return false;
  return block.listDepth === 0 || (block.listDepth === 1 && block.itemStart && block.listNumber !== undefined);
}

/** Sets `numbering` on blocks that begin with a paragraph number. */
export function detectLeadingNumbers(blocks: readonly Block[]): void {
  for (const block of blocks) {
    if (!mayBeNumbered(block)) continue;
    if (block.listNumber) {
      const { number, range } = block.listNumber;
      block.numbering = { number, label: String(number), range, bodyStart: 0 };
      continue;
    }
    const match = LEADING_NUMBER.exec(block.span.text) ?? BARE_NUMBER_LINE.exec(block.span.text);
    if (match) block.numbering = numberMarker(match[1], match[2] || undefined, block.span, 0, match[0].trimEnd().length, match[0].length);
  }
}

interface InlineNumber {
  readonly index: number;
  readonly digits: string;
  readonly insertion?: string;
  readonly markerLength: number;
  readonly sentenceEnd: boolean;
  /** Starts a line of the source text (a PDF line break), not the middle of one. */
  readonly lineStart: boolean;
}

/** "… Pact for the Future. 16 \n9. We note": the token before the number is a footnote number set apart from its sentence. */
function footnoteAfterSentence(text: string, tokenStart: number, token: string): boolean {
  if (!/^\d{1,3}$/.test(token)) return false;
  let end = tokenStart - 1;
  while (end >= 0 && (text[end] === ' ' || text[end] === '\t')) end--;
  return end >= 0 && /[.;:,]/.test(text[end]);
}

/** The block's first line or two, short and unpunctuated at their ends: a sub-heading before a paragraph number. */
function isHeadingBefore(head: string): boolean {
  if (head.length >= 200) return false;
  const lines = head.split('\n');
  if (lines.length > 2 || (lines.length === 1 && head.length >= 100)) return false;
  return lines.length === 1 || !lines.some((line) => /[.;:,]\s*$/.test(line.replace(/\d{1,3}\s*$/, '')) || line.trim() === '');
}

function inlineNumbers(text: string): InlineNumber[] {
  const found: InlineNumber[] = [];
  INLINE_NUMBER.lastIndex = 0;
  for (let m = INLINE_NUMBER.exec(text); m; m = INLINE_NUMBER.exec(text)) {
    // After a digit or a word the number is not a paragraph's (and no number starts inside this match).
    if (m.index === 0 || !/\s/.test(text[m.index - 1])) continue;
    let end = m.index - 1;
    while (end >= 0 && /\s/.test(text[end])) end--;
    let start = end;
    while (start > 0 && !/\s/.test(text[start - 1])) start--;
    const token = text.slice(start, end + 1);
    const lineStart = text.slice(end + 1, m.index).includes('\n');
    const sentenceEnd = SENTENCE_END.test(token) || SENTENCE_END_FOOTNOTE.test(token) || (lineStart && (footnoteAfterSentence(text, start, token) || LINE_END_FOOTNOTE.test(token)));
    const word = token.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    // A sub-heading standing as the block's first line before the number ("Accelerating action \n26. We
    // note …", "IV. Mainstreaming the Programme of Action \n333. We call …"): its last word is no citing word.
    // The sub-heading may be broken over two lines ("II. Implementation of the Awaza Programme of Action
    // for Landlocked \nDeveloping Countries for the Decade 2024–2034 \n13. We strongly commit …", A/RES/80/3).
    const lineBreak = text.lastIndexOf('\n', m.index - 1);
    const headingLine = lineStart && isHeadingBefore(text.slice(0, lineBreak));
    if (!sentenceEnd && !headingLine && (CITING_WORDS.has(word) || /[\d/–-]$/.test(token))) continue;
    found.push({ index: m.index, digits: m[1], insertion: m[2], markerLength: m[0].trimEnd().length, sentenceEnd, lineStart });
  }
  return found;
}

/**
 * Splits blocks that hold several paragraphs in one line. Only a block whose numbers include a run
 * (n, n+1, …, as a subsequence) is split: at the numbers of its longest run, which are its
 * paragraphs, and at numbers of another run or after a full stop, which end the paragraph before
 * them (an item quoted from another list). Other numbers in prose ("in 2013. The", "paragraph 8.
 * All") are left alone.
 */
export function splitInlineNumbers(blocks: readonly Block[]): Block[] {
  const result: Block[] = [];
  for (const block of blocks) {
    if (!mayBeNumbered(block) || block.span.text.length < 8) {
      result.push(block);
      continue;
    }
    const found = inlineNumbers(block.span.text);
    if (found.length === 0) {
      result.push(block);
      continue;
    }
    const items: SequenceItem[] = found.map((f) => ({ number: Number(f.digits), insertion: f.insertion, headingLike: false }));
    const lead = block.numbering ? 1 : 0;
    if (block.numbering) items.unshift({ number: block.numbering.number, insertion: block.numbering.insertion, headingLike: false });
    const chains = buildChains(items);
    let longest = chains[0];
    for (const chain of chains) if (chain.members.length > longest.members.length) longest = chain;
    // A number at the start of a line is a paragraph that Markdown
    // ran into the one before ("… persons.8 \n6. \nWe recall …": only a list from 1 may interrupt a
    // paragraph); whether it continues the paragraph sequence is decided later, as for every number.
    // A sub-heading line without punctuation may stand before it ("IV. Industrialization \n99. We recognize").
    const lineParagraph = (k: number) => found[k].lineStart;
    if (longest.members.length < 2 && !found.some((_, k) => lineParagraph(k))) {
      result.push(block);
      continue;
    }
    const split = new Set<number>();
    for (const chain of chains) {
      for (const member of chain.members) {
        if (member < lead) continue;
        if (longest.members.length < 2 ? lineParagraph(member - lead) : chain === longest || chain.members.length >= 2 || found[member - lead].sentenceEnd) {
          split.add(member - lead);
        }
      }
    }
    result.push(...splitBlock(block, found.filter((_, k) => split.has(k))));
  }
  return result;
}

function splitBlock(block: Block, at: readonly InlineNumber[]): Block[] {
  const pieces: Block[] = [];
  const text = block.span.text;
  const bounds = [0, ...at.map((f) => f.index), text.length];
  for (let k = 0; k + 1 < bounds.length; k++) {
    if (bounds[k + 1] <= bounds[k]) continue;
    const span = trimSpan(sliceSpan(block.span, bounds[k], bounds[k + 1]));
    if (!span.text) continue;
    const first = k === 0;
    const last = k + 2 === bounds.length;
    const number = first ? undefined : at[k - 1];
    pieces.push({
      ...block,
      span,
      range: { start: first ? block.range.start : span.range.start, end: last ? block.range.end : span.range.end },
      numbering: number ? numberMarker(number.digits, number.insertion, span, 0, number.markerLength, bodyStart(span.text, number.markerLength)) : block.numbering,
      lineStart: first && block.lineStart,
      listNumber: first ? block.listNumber : undefined,
      itemStart: first && block.itemStart,
    });
  }
  return pieces;
}

function bodyStart(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}

export interface SequenceItem {
  readonly number: number;
  readonly insertion?: string;
  /** Short, one line, unpunctuated: could be a numbered sub-heading. */
  readonly headingLike: boolean;
}

export interface Chain {
  /** Item indices, ascending. */
  readonly members: number[];
  /** Holds an item that is not heading-like. */
  prose: boolean;
}

/** How many recent runs ending at the wanted number are searched for one of the right kind. */
const RECENT_RUNS = 8;

/**
 * Links each numbered item to a run ending at its number minus one (an inserted "5 bis" to one
 * ending at 5), preferring the latest run of its own kind, so that sub-headings "1., 2., 3." and
 * paragraphs "27., 28." interleave without mixing. A heading-like item is not linked to a
 * paragraph run when the next paragraph-like item has its number ("2. Activities" before "2. During …").
 */
export function buildChains(items: readonly SequenceItem[]): Chain[] {
  const chains: Chain[] = [];
  const tails = new Map<number, number[]>();
  const nextProseNumber = new Array<number>(items.length);
  let next = Number.NaN;
  for (let i = items.length - 1; i >= 0; i--) {
    nextProseNumber[i] = next;
    if (!items[i].headingLike) next = items[i].number;
  }
  const addTail = (number: number, id: number) => {
    const list = tails.get(number);
    if (list) list.push(id);
    else tails.set(number, [id]);
  };
  items.forEach((item, i) => {
    const open = tails.get(item.insertion ? item.number : item.number - 1);
    let chosen = -1;
    if (open?.length) {
      for (let k = open.length - 1; k >= Math.max(0, open.length - RECENT_RUNS) && chosen < 0; k--) {
        if (chains[open[k]].prose === !item.headingLike) chosen = k;
      }
      if (chosen < 0) chosen = open.length - 1;
      if (item.headingLike && !item.insertion && chains[open[chosen]].prose && nextProseNumber[i] === item.number) chosen = -1;
    }
    if (chosen >= 0 && open) {
      const id = open[chosen];
      open.splice(chosen, 1);
      chains[id].members.push(i);
      if (!item.headingLike) chains[id].prose = true;
      addTail(item.number, id);
    } else {
      chains.push({ members: [i], prose: !item.headingLike });
      addTail(item.number, chains.length - 1);
    }
  });
  return chains;
}

/** Numbers within this distance of the paragraph sequence are numbering slips, not another list. */
const NEAR = 3;
/** Beyond this many runs the interleaving check is skipped (hostile input): every run is kept. */
const MAX_RUNS_CHECKED = 2000;

/**
 * Which items are numbered paragraphs. Runs holding a paragraph-like item are taken longest first;
 * a run that interleaves with a longer one and whose numbers are far from it is another list (items
 * quoted from an earlier report) and is left out. Runs of sub-headings only are never paragraphs.
 */
export function selectParagraphSequence(items: readonly SequenceItem[]): boolean[] {
  const accepted = new Array<boolean>(items.length).fill(false);
  const chains = buildChains(items).filter((chain) => chain.prose);
  const check = chains.length <= MAX_RUNS_CHECKED;
  const order = chains.map((_, id) => id).sort((a, b) => chains[b].members.length - chains[a].members.length || a - b);
  const taken: Chain[] = [];
  for (const id of order) {
    const chain = chains[id];
    if (check && taken.some((other) => interleavesFar(chain, other, items))) continue;
    taken.push(chain);
    for (const member of chain.members) accepted[member] = true;
  }
  return accepted;
}

function interleavesFar(chain: Chain, other: Chain, items: readonly SequenceItem[]): boolean {
  const first = chain.members[0];
  const last = chain.members[chain.members.length - 1];
  const otherFirst = other.members[0];
  const otherLast = other.members[other.members.length - 1];
  if (last < otherFirst || first > otherLast) return false;
  // The other run's item just before this run starts (or its first item).
  let low = 0;
  let high = other.members.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (other.members[mid] < first) low = mid;
    else high = mid - 1;
  }
  return Math.abs(items[first].number - items[other.members[low]].number) > NEAR;
}
