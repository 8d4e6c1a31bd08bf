// Running-text lines → blocks (one per printed paragraph), footnote lines → footnotes.
//
// A new block starts at a line that
//   - starts with a label: "12.", "5 bis.", "(a)", "(iv)", "I.", "A.", "Annex II";
//   - is indented past the left margin (a preambular paragraph's first line, a sub-paragraph, the dateline);
//   - follows a gap wider than the line spacing, or is set in another size (a heading);
//   - opens a page after a page whose last line ended short of the right margin (the paragraph ended there).
// Everything else continues the block: a justified paragraph runs over the page with a full last line.
import type { Block, Footnote, Inline } from '../model';
import type { Line } from './lines';
import type { ZonedLine } from './zones';
import { startsWithMarker } from './zones';
import { INSERTION_SOURCE } from '../../vocabulary';

const LABEL_START = new RegExp(String.raw`^(?:\d{1,3}(?: (?:${INSERTION_SOURCE}))?\.\s|\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)\s|[IVXL]{1,6}\.\s|[A-H]\.\s)`);
const ANNEX_LINE = /^Annex(?:es)?(?:\s+[IVXL]{1,6}|\s+\d{1,2})?\*?$/;

interface Geometry {
  readonly margin: number;
  /** Where this document sets its paragraph numbers: at the margin (the Pact) or at the first-line indent (most resolutions). */
  readonly numberX: number;
  readonly rightEdge: number;
  readonly pageMiddle: number;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(Math.round(value), (counts.get(Math.round(value)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/**
 * The left margin: the leftmost x where a fair share of the lines start. Not simply the commonest x:
 * in a one-page resolution more lines may start at the first-line indent than at the margin.
 */
function leftMargin(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.x), (counts.get(Math.round(line.x)) ?? 0) + 1);
  const enough = Math.max(2, lines.length * 0.05);
  const candidates = [...counts].filter(([, n]) => n >= enough).map(([x]) => x);
  return candidates.length ? Math.min(...candidates) : mode(lines.map((line) => line.x));
}

export function geometryOf(lines: readonly Line[], textSize: number, pageWidth: number): Geometry {
  // The cover's left column (session, agenda item) sits in the outer margin: not where the text is set.
  const text = lines.filter((line) => Math.abs(line.size - textSize) < 0.3 && line.x > pageWidth * 0.15);
  const ends = text.map((line) => line.end).sort((a, b) => a - b);
  return {
    margin: leftMargin(text),
    numberX: mode(text.filter((line) => /^\d{1,3}\.\s/.test(line.text.trim())).map((line) => line.x)),
    // Justified lines all end at the right margin; the 90th percentile of line ends finds it.
    rightEdge: ends[Math.floor(ends.length * 0.9)] ?? pageWidth,
    pageMiddle: pageWidth / 2,
  };
}

/** Pieces of a line as inlines; a footnote label known to the document becomes a marker. */
function inlinesOf(line: Line): Inline[] {
  const inlines: Inline[] = [];
  for (const piece of line.pieces) {
    if ('marker' in piece) inlines.push({ footnote: piece.marker });
    else inlines.push({ text: piece.text });
  }
  return inlines;
}

function textOf(inlines: readonly Inline[]): string {
  return inlines.map((inline) => ('text' in inline ? inline.text : '')).join('');
}

/** Appends a line to a block: a space between lines, none after a hyphen that joins a compound split at the line end. */
function appendLine(target: Inline[], line: Inline[]): void {
  const before = textOf(target).replace(/\s+$/, '');
  const after = textOf(line).replace(/^\s+/, '');
  trimEnd(target);
  const compound = /\p{L}\s?-$/u.test(before) && /^\p{L}/u.test(after) && !/^(?:and|or|nor|to)\b/.test(after);
  if (compound) {
    // "Two -" / "State" and "decision-" / "making": the hyphen stays, the space goes.
    const last = target[target.length - 1];
    if (last && 'text' in last) target[target.length - 1] = { text: last.text.replace(/\s-$/, '-') };
  } else if (target.length) {
    target.push({ text: ' ' });
  }
  const first = line[0];
  if (first && 'text' in first) line[0] = { text: first.text.replace(/^\s+/, '') };
  target.push(...line);
}

function trimEnd(inlines: Inline[]): void {
  const last = inlines[inlines.length - 1];
  if (last && 'text' in last) inlines[inlines.length - 1] = { text: last.text.replace(/\s+$/, '') };
}

export interface BlockResult {
  readonly blocks: Block[];
  readonly footnotes: Footnote[];
}

export function buildBlocks(lines: readonly ZonedLine[], textSize: number, geometry: Geometry): BlockResult {
  const blocks: Block[] = [];
  const footnotes: Footnote[] = [];
  let current: { kind: Block['kind']; inlines: Inline[]; last: ZonedLine } | undefined;
  let lastFootnote: Footnote | undefined;

  const close = () => {
    if (current) {
      trimEnd(current.inlines);
      blocks.push({ kind: current.kind, inlines: current.inlines });
    }
    current = undefined;
  };

  for (const zoned of lines) {
    const { line } = zoned;
    if (zoned.zone === 'furniture') continue;
    if (zoned.zone === 'footnote') {
      const inlines = inlinesOf(line);
      if (startsWithMarker(line)) {
        const firstIndex = inlines.findIndex((inline) => !('text' in inline) || inline.text.trim() !== '');
        const first = inlines[firstIndex];
        let label: string;
        if ('footnote' in first) {
          label = first.footnote;
          inlines.splice(0, firstIndex + 1);
        } else {
          label = /^\s*(\*{1,3})/.exec(first.text)![1];
          inlines[firstIndex] = { text: first.text.replace(/^\s*\*{1,3}\s*/, '') };
          inlines.splice(0, firstIndex);
        }
        while (inlines.length && 'text' in inlines[0] && inlines[0].text.trim() === '') inlines.shift();
        const opening = inlines[0];
        if (opening && 'text' in opening) inlines[0] = { text: opening.text.replace(/^\s+/, '') };
        lastFootnote = { label, inlines };
        footnotes.push(lastFootnote);
      } else if (lastFootnote) {
        appendLine(lastFootnote.inlines, inlines);
      }
      continue;
    }
    const text = line.text.trim();
    const previous = current?.last;
    const samePage = previous !== undefined && previous.page === zoned.page;
    const indented = line.x > geometry.margin + 5;
    const rightSide = line.x > geometry.pageMiddle;
    // A label opens a block only where the line before could end one: "… in paragraph" / "17. of …" is a wrapped line.
    const previousEnds = !previous || /[.;:,)\]”’"]$/.test(previous.line.text.trim()) || previous.line.end < geometry.rightEdge - 15;
    let starts = !current || (LABEL_START.test(text) && previousEnds) || ANNEX_LINE.test(text) || current.kind === 'annex';
    if (!starts && current && previous) {
      const gap = previous.line.y - line.y;
      if (Math.abs(line.size - previous.line.size) > 0.5) starts = true;
      // A heading set larger than the text wraps onto an indented line: still one heading.
      else if (current.kind === 'heading' && samePage && gap <= 1.45 * line.size) starts = false;
      else if (rightSide && current.kind === 'dateline') starts = false;
      else if (indented) starts = true;
      else if (samePage && gap > 1.45 * Math.max(line.size, previous.line.size)) starts = true;
      else if (!samePage && previous.line.end < geometry.rightEdge - 15 && !/^\p{Ll}/u.test(text)) starts = true;
    }
    if (starts) {
      close();
      // An indented number is an item of a list inside a paragraph ("7. … the following objectives:" / "1. Close …"), not a paragraph.
      const item = line.x > geometry.numberX + 5 && /^\d{1,3}\.\s/.test(text);
      const kind: Block['kind'] = ANNEX_LINE.test(text) ? 'annex' : rightSide ? 'dateline' : line.size > textSize + 0.5 ? 'heading' : item ? 'item' : 'text';
      current = { kind, inlines: inlinesOf(line), last: zoned };
      const first = current.inlines[0];
      if (first && 'text' in first) current.inlines[0] = { text: first.text.replace(/^\s+/, '') };
    } else if (current!.kind === 'dateline') {
      trimEnd(current!.inlines);
      current!.inlines.push({ text: '\n' }, ...inlinesOf(line));
      current!.last = zoned;
    } else {
      appendLine(current!.inlines, inlinesOf(line));
      current!.last = zoned;
    }
  }
  close();
  return { blocks, footnotes };
}
