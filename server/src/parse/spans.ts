// mdast inline content → TextSpan: the plain text a reader sees, with a map back to the source.
// Dropped: emphasis markers, link brackets and targets, inline HTML tags, backslashes of escapes,
// footnote markers (superscript digits, <sup>N</sup>, [^N]). Each kept character maps to the
// source character it was read from; where a node's value cannot be aligned with its source
// (an entity, an unusual construct) the rest of the node maps proportionally, clamped to the node.

import type { Nodes, PhrasingContent } from 'mdast';
import type { FootnoteMarker, OffsetRange, TextSpan } from './model';

/** Inline content nested deeper than this is read straight from the source (hostile input). */
const MAX_INLINE_DEPTH = 64;
/** How far ahead in the source the aligner looks for a character the value kept (escapes, entities, indentation). */
const ALIGN_LOOKAHEAD = 12;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** Superscript digit runs and literal GFM references ("[^1]" without a definition stays text). */
const INLINE_MARKER = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^([^\]\s]{1,32})\]/g;
const NEEDS_SCAN = /[\r⁰¹²³⁴⁵⁶⁷⁸⁹]|\[\^/;
const SUP_OPEN = /^<sup(?:\s[^>]*)?>$/i;
const SUP_CLOSE = /^<\/sup\s*>$/i;
const FOOTNOTE_LABEL = /^\s*([0-9]{1,4}|[*†‡§]{1,3})\s*$/;
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

export function superscriptToDigits(run: string): string {
  let digits = '';
  for (const ch of run) digits += String(SUPERSCRIPT_DIGITS.indexOf(ch));
  return digits;
}

/** Accumulates plain text and its source offsets for one block. */
export class SpanBuilder {
  private readonly chunks: string[] = [];
  readonly offsets: number[] = [];
  readonly markers: FootnoteMarker[] = [];

  constructor(private readonly source: string) {}

  get length(): number {
    return this.offsets.length;
  }

  /** Walks inline content; `depth` guards against pathological nesting. */
  addPhrasing(nodes: readonly PhrasingContent[] | readonly Nodes[], depth = 0): void {
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n];
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      if (depth > MAX_INLINE_DEPTH) {
        this.addSource(start, end);
        continue;
      }
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          this.addValue(node.value, start, end);
          break;
        case 'break':
          this.addBreak(start, end);
          break;
        case 'footnoteReference':
          this.markers.push({ label: node.label ?? node.identifier, range: { start, end } });
          break;
        case 'html':
          n = this.addHtml(nodes, n, start);
          break;
        case 'image':
        case 'imageReference':
          break;
        default:
          if ('children' in node && Array.isArray(node.children)) this.addPhrasing(node.children as Nodes[], depth + 1);
          else if ('value' in node && typeof node.value === 'string') this.addValue(node.value, start, end);
      }
    }
  }

  /** `<sup>3</sup>` is a footnote marker; any other tag is dropped and its content kept. Returns the last node index consumed. */
  private addHtml(nodes: readonly Nodes[], n: number, start: number): number {
    const open = nodes[n];
    const inner = nodes[n + 1];
    const close = nodes[n + 2];
    if (
      open.type === 'html' &&
      SUP_OPEN.test(open.value) &&
      inner?.type === 'text' &&
      close?.type === 'html' &&
      SUP_CLOSE.test(close.value) &&
      close.position
    ) {
      const label = FOOTNOTE_LABEL.exec(inner.value);
      if (label) {
        this.markers.push({ label: label[1], range: { start, end: close.position.end.offset! } });
        return n + 2;
      }
    }
    return n;
  }

  /** Source text taken as is (deep nesting, indented-code prose). */
  addSource(start: number, end: number): void {
    this.addValue(this.source.slice(start, end), start, end);
  }

  /** A hard line break reads as a newline, mapped to the line ending. */
  private addBreak(start: number, end: number): void {
    let at = end - 1;
    while (at > start && this.source[at] !== '\n' && this.source[at] !== '\r') at--;
    this.push('\n', clamp(at, 0, this.source.length - 1));
  }

  private push(text: string, offset: number): void {
    this.chunks.push(text);
    this.offsets.push(offset);
  }

  /** A node's value read from source [start, end). */
  addValue(value: string, start: number, end: number): void {
    if (value.length === 0) return;
    const aligned = value.length === end - start && this.source.startsWith(value, start);
    if (aligned && !NEEDS_SCAN.test(value)) {
      this.chunks.push(value);
      for (let i = 0; i < value.length; i++) this.offsets.push(start + i);
      return;
    }
    const map = aligned ? null : alignValue(value, this.source, start, end);
    const at = (i: number) => (map ? map[i] : start + i);
    INLINE_MARKER.lastIndex = 0;
    let next = NEEDS_SCAN.test(value) ? INLINE_MARKER.exec(value) : null;
    for (let i = 0; i < value.length; i++) {
      if (next && next.index === i) {
        const last = i + next[0].length - 1;
        const label = next[1] ?? superscriptToDigits(next[0]);
        this.markers.push({ label, range: { start: at(i), end: at(last) + 1 } });
        i = last;
        next = INLINE_MARKER.exec(value);
        continue;
      }
      const ch = value[i];
      if (ch === '\r') {
        // CRLF reads as one newline; a lone CR as a newline.
        if (value[i + 1] !== '\n') this.push('\n', at(i));
        continue;
      }
      this.push(ch, at(i));
    }
  }

  /** The plain text, trimmed of surrounding whitespace. */
  build(fallbackOffset: number): TextSpan {
    return trimSpan(makeSpan(this.chunks.join(''), this.offsets, fallbackOffset));
  }
}

/**
 * Maps each character of a node's value to the source in [start, end): characters that match are
 * taken in order, source characters the value dropped (escape backslashes, backticks, indentation)
 * are skipped, a character reference maps to its "&". Linear; falls back to a proportional map.
 */
export function alignValue(value: string, source: string, start: number, end: number): number[] {
  const map = new Array<number>(value.length);
  const last = Math.max(start, Math.min(end, source.length) - 1);
  let j = start;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (j < end && source.charCodeAt(j) === code) {
      map[i] = j++;
      continue;
    }
    const limit = Math.min(end, j + ALIGN_LOOKAHEAD);
    let k = j + 1;
    while (k < limit && source.charCodeAt(k) !== code) k++;
    if (k < limit) {
      map[i] = k;
      j = k + 1;
      continue;
    }
    if (source.charCodeAt(j) === 38 /* & */) {
      ENTITY.lastIndex = j;
      if (ENTITY.test(source) && ENTITY.lastIndex <= end) {
        map[i] = j;
        // A reference decoding to a surrogate pair yields two value characters.
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) map[++i] = j;
        j = ENTITY.lastIndex;
        continue;
      }
    }
    // Unalignable: spread the rest of the value over the rest of the node.
    const rest = value.length - i;
    const room = Math.max(0, end - j);
    for (let r = 0; r < rest; r++) map[i + r] = clamp(j + Math.floor((r * room) / rest), start, last);
    return map;
  }
  return map;
}

function clamp(n: number, low: number, high: number): number {
  return n < low ? low : n > high ? high : n;
}

const WHITESPACE = /\s/;

function makeSpan(text: string, offsets: readonly number[], fallbackOffset: number): TextSpan {
  const start = offsets.length ? offsets[0] : fallbackOffset;
  const end = offsets.length ? offsets[offsets.length - 1] + 1 : fallbackOffset;
  return { text, sourceOffsets: [...offsets, end], range: { start, end } };
}

/** text[start, end) of a span, with its own map and range. */
export function sliceSpan(span: TextSpan, start: number, end: number): TextSpan {
  const from = clamp(start, 0, span.text.length);
  const to = clamp(end, from, span.text.length);
  if (from === 0 && to === span.text.length) return span;
  const offsets = span.sourceOffsets.slice(from, to);
  if (offsets.length === 0) {
    const at = span.sourceOffsets[from];
    return { text: '', sourceOffsets: [at], range: { start: at, end: at } };
  }
  const rangeEnd = offsets[offsets.length - 1] + 1;
  offsets.push(to < span.text.length ? span.sourceOffsets[to] : rangeEnd);
  return { text: span.text.slice(from, to), sourceOffsets: offsets, range: { start: offsets[0], end: rangeEnd } };
}

export function trimSpan(span: TextSpan): TextSpan {
  const text = span.text;
  let from = 0;
  let to = text.length;
  while (from < to && WHITESPACE.test(text[from])) from++;
  while (to > from && WHITESPACE.test(text[to - 1])) to--;
  return from === 0 && to === text.length ? span : sliceSpan(span, from, to);
}

/** The span without the given text ranges (sorted, disjoint), e.g. page footers inside a line. */
export function cutSpan(span: TextSpan, cuts: readonly OffsetRange[]): TextSpan {
  if (cuts.length === 0) return span;
  let text = '';
  const offsets: number[] = [];
  let at = 0;
  for (const cut of [...cuts, { start: span.text.length, end: span.text.length }]) {
    if (cut.start > at) {
      text += span.text.slice(at, cut.start);
      for (let i = at; i < cut.start; i++) offsets.push(span.sourceOffsets[i]);
    }
    at = Math.max(at, cut.end);
  }
  return trimSpan(makeSpan(text, offsets, span.range.start));
}

/** A span read straight from the source, each line without its indentation (indented-code prose). */
export function sourceLinesSpan(source: string, start: number, end: number): { span: TextSpan; markers: FootnoteMarker[] } {
  const builder = new SpanBuilder(source);
  let line = start;
  while (line < end) {
    let content = line;
    while (content < end && (source[content] === ' ' || source[content] === '\t')) content++;
    let eol = source.indexOf('\n', content);
    if (eol < 0 || eol > end) eol = end;
    const stop = eol > content && source[eol - 1] === '\r' ? eol - 1 : eol;
    if (builder.length > 0) builder.addValue('\n', Math.max(line - 1, 0), line);
    builder.addSource(content, stop);
    line = eol + 1;
  }
  return { span: builder.build(start), markers: builder.markers };
}
