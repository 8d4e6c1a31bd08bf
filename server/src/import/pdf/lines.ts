// Text items → printed lines, with footnote markers recognised by where they sit.
//
// A footnote marker is a superscript: drawn smaller (6.5 pt in 10 pt text, 5.5 pt before 8.5 pt
// footnote text in the official PDFs) and raised (3.5 pt) above the line it belongs to. pdf.js gives
// it its own baseline, so rows are first formed by baseline, then a row of small digits just above a
// row of larger text is folded into it as markers, in x order ("Agenda¹ and").
import type { TextItem } from './pages';

export type LinePiece = { readonly text: string; readonly x: number; readonly end: number } | { readonly marker: string; readonly x: number; readonly end: number };

export interface Line {
  /** Baseline. */
  readonly y: number;
  /** Left edge of the first piece. */
  readonly x: number;
  /** Right edge of the last piece. */
  readonly end: number;
  /** The size most of the line's characters are drawn at. */
  readonly size: number;
  readonly pieces: LinePiece[];
  /** The line's words with markers left out, spaces as printed. */
  readonly text: string;
}

const BASELINE_TOLERANCE = 1;
/** A superscript is at most this share of the size of the text it is raised above. */
const SUPERSCRIPT_RATIO = 0.8;
const MARKER = /^\s*(?:\d{1,3}|\*{1,3}|[†‡§])\s*$/;

interface Row {
  y: number;
  items: TextItem[];
}

function rowsOf(items: readonly TextItem[]): Row[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - item.y) <= BASELINE_TOLERANCE) row.items.push(item);
    else rows.push({ y: item.y, items: [item] });
  }
  return rows;
}

function dominantSize(items: readonly TextItem[]): number {
  const weight = new Map<number, number>();
  for (const item of items) {
    const size = Math.round(item.size * 10) / 10;
    weight.set(size, (weight.get(size) ?? 0) + item.text.trim().length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best;
}

/** Splits a superscript item into its markers: "1" → ["1"], "2, 3" (two notes at one place) → ["2", "3"]. */
function markerLabels(text: string): string[] {
  return text.split(/[,\s]+/).filter(Boolean);
}

/** The row a superscript item is raised above: the nearest row below it, within its own height, set larger. */
function hostRow(rows: readonly Row[], item: TextItem, sizes: Map<Row, number>): Row | undefined {
  let best: Row | undefined;
  for (const row of rows) {
    const rise = item.y - row.y;
    if (rise <= 0.3 || rise > item.size) continue;
    if (item.size > SUPERSCRIPT_RATIO * (sizes.get(row) ?? 0)) continue;
    if (!best || row.y > best.y) best = row;
  }
  return best;
}

export function linesOf(items: readonly TextItem[]): Line[] {
  const rows = rowsOf(items);
  const sizes = new Map(rows.map((row) => [row, dominantSize(row.items)]));
  const markers = new Map<Row, TextItem[]>();
  const kept: Row[] = [];
  for (const row of rows) {
    const candidates = row.items.filter((item) => item.text.trim() !== '');
    const allMarkers = candidates.length > 0 && candidates.every((item) => MARKER.test(item.text) || /^[\d\s,]+$/.test(item.text));
    const host = allMarkers ? hostRow(rows, candidates[0], sizes) : undefined;
    if (host) {
      if (!markers.has(host)) markers.set(host, []);
      markers.get(host)!.push(...candidates);
    } else {
      kept.push(row);
    }
  }
  return kept.map((row) => toLine(row, markers.get(row) ?? [], sizes.get(row) ?? 0));
}

function toLine(row: Row, markerItems: readonly TextItem[], size: number): Line {
  const pieces: LinePiece[] = [];
  for (const item of row.items) pieces.push({ text: item.text, x: item.x, end: item.x + item.width });
  for (const item of markerItems) {
    for (const label of markerLabels(item.text)) pieces.push({ marker: label, x: item.x, end: item.x + item.width });
  }
  pieces.sort((a, b) => a.x - b.x);
  // Words drawn as separate items with no space item between them: put the space back where the gap is wide.
  const spaced: LinePiece[] = [];
  let previousEnd = -Infinity;
  let previousText = '';
  for (const piece of pieces) {
    if ('text' in piece && spaced.length && piece.x - previousEnd > 0.2 * size && !/\s$/.test(previousText) && !/^\s/.test(piece.text)) {
      spaced.push({ text: ' ', x: previousEnd, end: piece.x });
    }
    spaced.push(piece);
    if ('text' in piece) {
      previousEnd = piece.end;
      previousText = piece.text;
    } else {
      previousEnd = piece.end;
      previousText = '';
    }
  }
  const visible = spaced.filter((piece) => !('text' in piece) || piece.text.trim() !== '');
  const first = visible[0] ?? spaced[0];
  const last = visible[visible.length - 1] ?? spaced[spaced.length - 1];
  const text = spaced.map((piece) => ('text' in piece ? piece.text : '')).join('');
  return { y: row.y, x: first.x, end: last.end, size, pieces: spaced, text };
}
