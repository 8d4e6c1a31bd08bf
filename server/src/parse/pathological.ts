// micromark (remark's tokenizer) takes time that grows with the square of the input, or worse, on a
// few shapes no draft has but a paste or a fuzzer does: thousands of "]" on a line, lists nested
// thousands deep on one line ("2. 2. 2. …"), thousands of emphasis delimiters, long stacks of
// setext underlines. 20 KB of any of them held the server for 1 to 15 seconds. Before parsing, the
// syntax characters of such a line are swapped for private-use stand-ins of the same length (so
// every offset holds), which Markdown reads as text; the parsed tree gets the characters back.

import type { Root } from 'mdast';

/** Stand-ins, in the Private Use Area: a draft that already holds one is parsed as it is. */
const STAND_IN: Record<string, string> = {
  '[': '\ue000',
  ']': '\ue001',
  '*': '\ue002',
  _: '\ue003',
  '.': '\ue004',
  ')': '\ue005',
  '=': '\ue006',
  '-': '\ue007',
  '+': '\ue008',
};
const ORIGINAL = Object.fromEntries(Object.entries(STAND_IN).map(([char, standIn]) => [standIn, char]));
const ANY_STAND_IN = /[\ue000-\ue008]/;
const STAND_INS = /[\ue000-\ue008]/g;

/** More of these on one line than any drafted text has. */
const MAX_BRACKETS_PER_LINE = 500;
const MAX_EMPHASIS_PER_LINE = 500;
/** List markers opening one line: "1. (a) -" is three; a draft never nests deeper than a few. */
const MAX_MARKERS_PER_LINE = 8;
/** Consecutive lines of only "=" or "-" (setext underlines, rules). */
const MAX_UNDERLINE_RUN = 32;

const LIST_MARKER = /^[ \t]{0,3}(?:\d{1,9}[.)]|[-+*])(?:[ \t]+|$)/;
const UNDERLINE = /^[ \t]{0,3}(?:=+|-+)[ \t]*$/;

/**
 * The text with the syntax of pathological lines swapped for stand-ins, or the text itself when it
 * has none (the common case: one pass over the lines, no copy).
 */
export function defusePathological(text: string): string {
  if (ANY_STAND_IN.test(text)) return text;
  let out: string[] | undefined;
  let underlineRun = 0;
  let start = 0;
  let lineIndex = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const defused = defuseLine(line, UNDERLINE.test(line) ? ++underlineRun : (underlineRun = 0));
    if (defused !== line) {
      out ??= splitLines(text).slice(0, lineIndex);
      out.push(defused);
    } else out?.push(line);
    start = end + 1;
    lineIndex++;
  }
  return out ? out.join('\n') : text;
}

function splitLines(text: string): string[] {
  return text.split('\n');
}

function defuseLine(line: string, underlineRun: number): string {
  if (underlineRun > MAX_UNDERLINE_RUN) return swap(line, /[=-]/g);
  if (line.length < 16) return line;
  let result = line;
  if (count(line, /[[\]]/g) > MAX_BRACKETS_PER_LINE) result = swap(result, /[[\]]/g);
  if (count(line, /[*_]/g) > MAX_EMPHASIS_PER_LINE) result = swap(result, /[*_]/g);
  result = defuseNestedMarkers(result);
  return result;
}

/** Keeps the first few list markers of a line and turns the rest into text. */
function defuseNestedMarkers(line: string): string {
  let rest = line;
  let at = 0;
  let markers = 0;
  for (let m = LIST_MARKER.exec(rest); m; m = LIST_MARKER.exec(rest)) {
    markers++;
    if (markers > MAX_MARKERS_PER_LINE) {
      // The marker's "." / ")" / "-" / "*" becomes text: the line stops nesting here.
      return line.slice(0, at) + swap(line.slice(at), /(?<=\d)[.)](?=[ \t]|$)|(?<=^|[ \t])[-*+](?=[ \t]|$)/g);
    }
    at += m[0].length;
    rest = rest.slice(m[0].length);
    if (m[0].length === 0) break;
  }
  return line;
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (pattern.lastIndex = 0; pattern.exec(text); ) n++;
  return n;
}

function swap(text: string, pattern: RegExp): string {
  return text.replace(pattern, (char) => STAND_IN[char] ?? char);
}

/** Puts the swapped characters back into every string the parsed tree holds. */
export function restoreStandIns(tree: Root): Root {
  const visit = (node: Record<string, unknown>) => {
    for (const key of ['value', 'url', 'alt', 'title', 'label', 'identifier'] as const) {
      const value = node[key];
      if (typeof value === 'string' && ANY_STAND_IN.test(value)) node[key] = value.replace(STAND_INS, (c) => ORIGINAL[c] ?? c);
    }
    const children = node.children;
    if (Array.isArray(children)) for (const child of children) visit(child as Record<string, unknown>);
  };
  visit(tree as unknown as Record<string, unknown>);
  return tree;
}
