// Negotiation brackets as negotiators write them.
//
//   [shall]                     a passage with one alternative (text not yet agreed)
//   [shall][should]             one passage, two alternatives (also with spaces between: "[shall] [should]")
//   [shall/should]              one passage, two alternatives (a slash between words, no digits:
//                               "[A/RES/71/1]" and "[and/or]"-free symbols are not split)
//   [G77: text] [EU: delete]    proposals tagged with their proponent: a group or delegation, capitalised,
//                               before a colon ("G77 and China", "EU", "US", "CARICOM")
//   [US: delete]                a lone proposal to delete: one passage, one alternative, action "delete"
//   [Alt 1: text]               a labelled alternative (label, not proponent)
//   [alt]                       a marker: the rest of the paragraph is an alternative to the one before
//   [a [b] c]                   nested: [b] is a passage inside the alternative "a [b] c"
//   [on the report of …], [82]  editorial, not negotiation text (see EDITORIAL)
//
// Read from plain text (the draft's spans, or a whole text with its Markdown links blanked, see
// plainBracketText): what a reader sees, with a map back to the source.
import type { OffsetRange, TextSpan } from '../parse/model';

export interface BracketAlternative {
  /** The alternative's words, without its proponent tag. */
  readonly text: string;
  readonly proponent: string | null;
  /** "Alt 1", "Option 2": a label the negotiators gave the alternative. */
  readonly label?: string;
  /** "delete" for "[US: delete]", "retain" for "[EU: retain]". */
  readonly action?: 'delete' | 'retain';
  readonly range: OffsetRange;
}

export interface BracketPassage {
  /** From the first "[" to the last "]" of its alternatives (for "[alt]", to the end of the paragraph). */
  readonly range: OffsetRange;
  readonly alternatives: readonly BracketAlternative[];
  /** Passages inside its alternatives. */
  readonly nested: readonly BracketPassage[];
  /** "alt" for the "[alt]" marker of an alternative paragraph. */
  readonly marker?: 'alt';
}

export interface ParsedBrackets {
  /** Outermost passages, in order. */
  readonly passages: readonly BracketPassage[];
  /** Brackets with no partner: a "]" that closes nothing, a "[" never closed. */
  readonly unmatched: readonly { readonly offset: number; readonly bracket: '[' | ']' }[];
}

interface Node {
  /** Offsets into the joined plain text. */
  readonly open: number;
  close: number;
  readonly children: Node[];
}

const MAX_DEPTH = 16;

/** Between spans, as between paragraphs: brackets of two blocks are never alternatives of one passage. */
const SPAN_SEPARATOR = '\n\n';

/** Plain text to read brackets from; without sourceOffsets the text is its own source (offset i is i). */
export type BracketSource = { readonly text: string; readonly sourceOffsets?: TextSpan['sourceOffsets'] };

export function parseBrackets(spans: readonly BracketSource[]): ParsedBrackets {
  const { text, offsetAt } = joinSpans(spans);
  const roots: Node[] = [];
  const stack: Node[] = [];
  const unmatched: { offset: number; bracket: '[' | ']' }[] = [];
  // Brackets nested deeper than MAX_DEPTH still balance, but are not kept as passages: negotiators
  // nest two or three levels, and a run of thousands of "[" (the fuzz test's) must not exhaust the stack.
  const detached = new Set<Node>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b) {
      const node: Node = { open: i, close: -1, children: [] };
      if (stack.length >= MAX_DEPTH) detached.add(node);
      else (stack.length ? stack[stack.length - 1].children : roots).push(node);
      stack.push(node);
    } else if (c === 0x5d) {
      const node = stack.pop();
      if (node) node.close = i;
      else unmatched.push({ offset: offsetAt(i), bracket: ']' });
    }
  }
  for (const node of stack) if (detached.has(node)) unmatched.push({ offset: offsetAt(node.open), bracket: '[' });
  // A "[" never closed: its children are kept as passages of their own, where they balance.
  const closed = (nodes: Node[]): Node[] =>
    nodes.flatMap((n) => {
      if (n.close >= 0) return [{ ...n, children: closed(n.children) }];
      unmatched.push({ offset: offsetAt(n.open), bracket: '[' });
      return closed(n.children);
    });
  const balanced = closed(roots);
  unmatched.sort((a, b) => a.offset - b.offset);
  const source = (from: number, to: number): OffsetRange => ({ start: offsetAt(from), end: to > from ? offsetAt(to - 1) + 1 : offsetAt(from) });
  return { passages: group(balanced, text, source), unmatched };
}

/**
 * The spans as one text (SPAN_SEPARATOR between them) and the source offset of each of its
 * characters. Offsets are looked up per bracket, not listed per character: a list of every
 * character's offset, built at each edit of a 150 KB draft, was a fifth of the server's time over
 * a long session. A separator maps to one past the last character before it, the text's end to one
 * past its last character.
 */
function joinSpans(spans: readonly BracketSource[]): { text: string; offsetAt: (i: number) => number } {
  if (spans.length === 1 && !spans[0].sourceOffsets) return { text: spans[0].text, offsetAt: (i) => i };
  const parts: string[] = [];
  /** Where each span starts in the joined text, and the offset its preceding separator maps to. */
  const starts: number[] = [];
  const separatorOffsets: number[] = [];
  let length = 0;
  let last: number | undefined;
  for (const span of spans) {
    if (length > 0) {
      last = last === undefined ? 0 : last + 1;
      parts.push(SPAN_SEPARATOR);
      length += SPAN_SEPARATOR.length;
    }
    separatorOffsets.push(last ?? 0);
    starts.push(length);
    parts.push(span.text);
    length += span.text.length;
    if (span.text.length) last = span.sourceOffsets ? span.sourceOffsets[span.text.length - 1] : span.text.length - 1;
  }
  const end = last === undefined ? 0 : last + 1;
  const offsetAt = (i: number): number => {
    if (i >= length) return end;
    // The last span starting at or before i.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    const span = spans[lo];
    const within = i - starts[lo];
    if (within < span.text.length) return span.sourceOffsets ? span.sourceOffsets[within] : within;
    // In the separator after span lo, which belongs to the next span.
    return separatorOffsets[lo + 1] ?? end;
  };
  return { text: parts.join(''), offsetAt };
}

/**
 * Square brackets the UN's editors print, not negotiators: the heading of an adopted resolution
 * ("[on the report of the Third Committee (A/80/481, para. 12)]", "[without reference to a Main
 * Committee (A/80/L.2)]") and agenda item numbers after a title ("Diplomatic protection [82]"). In the
 * 1,190 documents of ../shared/un-documents these were every bracket of the adopted resolutions.
 */
const EDITORIAL = /^\s*(?:on the report of the\b|without reference to a Main Committee\b|\d{1,3}\s*$)/;

/** Adjacent bracketed stretches (only spaces or tabs between) are the alternatives of one passage. */
function group(all: readonly Node[], text: string, source: (from: number, to: number) => OffsetRange): BracketPassage[] {
  const nodes = all.filter((n) => n.children.length > 0 || !EDITORIAL.test(text.slice(n.open + 1, n.close)));
  const passages: BracketPassage[] = [];
  for (let i = 0; i < nodes.length; ) {
    let j = i + 1;
    while (j < nodes.length && /^[ \t]*$/.test(text.slice(nodes[j - 1].close + 1, nodes[j].open))) j++;
    const members = nodes.slice(i, j);
    const first = members[0];
    const inner = text.slice(first.open + 1, first.close);
    if (members.length === 1 && first.children.length === 0 && /^\s*alt(?:ernative)?\.?\s*$/i.test(inner)) {
      const end = paragraphEnd(text, first.close + 1);
      const rest = text.slice(first.close + 1, end);
      const lead = rest.length - rest.trimStart().length;
      passages.push({
        range: source(first.open, end),
        marker: 'alt',
        alternatives: [{ text: rest.trim(), proponent: null, range: source(first.close + 1 + lead, end) }],
        nested: [],
      });
    } else {
      const alternatives = members.flatMap((m) => alternativesOf(m, text, source));
      const nested = group(members.flatMap((m) => m.children), text, source);
      passages.push({ range: source(first.open, members[members.length - 1].close + 1), alternatives, nested });
    }
    i = j;
  }
  return passages;
}

function paragraphEnd(text: string, from: number): number {
  const stop = text.indexOf('\n\n', from);
  return from + text.slice(from, stop < 0 ? text.length : stop).trimEnd().length;
}

// A proponent: one to four capitalised words or acronyms ("G77", "EU", "G77 and China", "Holy See"),
// then a colon. Labels the negotiators give alternatives are not proponents.
const PROPONENT = /^\s*((?:[A-Z][\p{L}\p{N}.&+'-]*|G\d+)(?:(?:\s+and\s+|[\s,/+&]+)(?:[A-Z][\p{L}\p{N}.&+'-]*|G\d+)){0,3})\s*:\s*/u;
const LABEL = /^\s*((?:Alt(?:ernative)?|Option|Opt)\.?\s*\d*[A-Za-z]?)\s*:\s*/i;
const ACTION = /^\s*(delete|del\.?|deletion|retain|keep)(?:\s+(?:para(?:graph)?\.?|this|the paragraph))?\s*\.?\s*$/i;
/** "[shall/should]", "[implement / take into account]": words only, no digits (symbols are not alternatives). */
const SLASHED = /^[^\d/\[\]]+(?:\/[^\d/\[\]]+)+$/;

function alternativesOf(node: Node, text: string, source: (from: number, to: number) => OffsetRange): BracketAlternative[] {
  const from = node.open + 1;
  const inner = text.slice(from, node.close);
  const label = LABEL.exec(inner);
  const tag = label ? undefined : PROPONENT.exec(inner);
  const head = label?.[0].length ?? tag?.[0].length ?? 0;
  const body = inner.slice(head);
  const bodyStart = from + head;
  const make = (start: number, end: number): BracketAlternative => {
    const words = text.slice(start, end);
    const lead = words.length - words.trimStart().length;
    const trimmed = words.trim();
    const action = ACTION.exec(trimmed)?.[1].toLowerCase();
    return {
      text: trimmed,
      proponent: tag ? tag[1] : null,
      ...(label ? { label: label[1].trim() } : {}),
      ...(action ? { action: action === 'retain' || action === 'keep' ? ('retain' as const) : ('delete' as const) } : {}),
      range: source(start + lead, start + lead + trimmed.length),
    };
  };
  if (node.children.length === 0 && !tag && !label && SLASHED.test(body) && body.split('/').every((w) => w.trim().split(/\s+/).length <= 8 && /\p{L}{2}/u.test(w))) {
    const parts: BracketAlternative[] = [];
    let start = bodyStart;
    for (const piece of body.split('/')) {
      parts.push(make(start, start + piece.length));
      start += piece.length + 1;
    }
    return parts;
  }
  return [make(bodyStart, node.close)];
}

/**
 * A whole text as one span for parseBrackets, with Markdown's own brackets blanked: links and images
 * "[text](url)" (their text kept), reference links "[text][ref]" are read as written, footnote marks
 * "[^1]", link definitions "[x]: url", task boxes "- [ ]", and inline code.
 */
export function plainBracketText(text: string): BracketSource {
  if (!text.includes('[')) return { text };
  const blanks: [number, number][] = [];
  for (const m of text.matchAll(/`[^`\n]*`/g)) blanks.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(/\[\^[^\]\s]+\](?::)?/g)) blanks.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(/^[ \t]*\[[^\]\n]+\]:[ \t]+\S.*$/gm)) blanks.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(/^([ \t]*[-*+][ \t]+)\[[ xX]\]/gm)) blanks.push([m.index + m[1].length, m.index + m[0].length]);
  for (const m of text.matchAll(/!?\[([^\[\]\n]*)\]\(([^()\s]*)\)/g)) {
    const open = m[0].startsWith('!') ? m.index + 1 : m.index;
    blanks.push([m.index, open + 1], [open + 1 + m[1].length, m.index + m[0].length]);
  }
  if (!blanks.length) return { text };
  // Blanked with spaces of the same length (line breaks kept), so offsets stay the source's.
  blanks.sort((x, y) => x[0] - y[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of blanks) {
    if (to <= at) continue;
    const start = Math.max(from, at);
    out += text.slice(at, start) + text.slice(start, to).replace(/[^\n]/g, ' ');
    at = to;
  }
  return { text: out + text.slice(at) };
}

/** How many alternatives the passages hold, nested ones not counted. */
export function alternativeCount(passages: readonly BracketPassage[]): number {
  return passages.reduce((n, p) => n + p.alternatives.length, 0);
}
