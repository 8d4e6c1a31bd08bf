// Small helpers shared by the readers: word boundaries, URL masking, ranges.
import type { OffsetRange } from '../parse/model';

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

/** Letters, digits and "_": what a whole-word match must not touch. */
export function isWordChar(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  }
  return NON_ASCII_WORD.test(text[index]);
}

export function range(start: number, end: number): OffsetRange {
  return { start, end };
}

// A symbol or a name inside a web address is part of the address, not a citation a reader sees,
// and "fixing" it (case, spacing) would break the link; so nothing inside a URL is reported.
const URL_PATTERN = /(?:\b(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp]):\/\/|\b[Ww][Ww][Ww]\.)[^\s<>"“”‘’]*/g;

/** The URLs of a text, in order. */
export function urlRanges(text: string): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  URL_PATTERN.lastIndex = 0;
  for (let m = URL_PATTERN.exec(text); m; m = URL_PATTERN.exec(text)) ranges.push(range(m.index, m.index + m[0].length));
  return ranges;
}

export function insideAny(offset: number, ranges: readonly OffsetRange[]): boolean {
  for (const r of ranges) {
    if (r.start > offset) return false;
    if (offset < r.end) return true;
  }
  return false;
}

/** Runs a sticky regex at `index`; the regex must have the `y` flag. */
export function execAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/** The [start, end) of capture group `group` of a match made with the `d` flag. */
export function groupRange(match: RegExpExecArray, group: number): OffsetRange | undefined {
  const indices = match.indices?.[group];
  return indices ? range(indices[0], indices[1]) : undefined;
}
