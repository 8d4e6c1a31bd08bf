// Where a draft may be cut into pieces that Markdown reads independently of each other.
//
// A piece may start at a line that follows a blank line and starts at column 0 with something other
// than a space or tab. After a blank line no paragraph is open, so nothing can continue lazily; a
// block quote needs its ">" and a list item or footnote definition its indentation to go on, so that
// line closes them (a list marker starts an item of the same list, which the draft parser reads as it
// reads any item). Only fenced code and HTML blocks of kinds 1-5 run on across blank lines: pieces are
// not cut inside what looks like one here. This scan is a guess made for speed; each cut is proved by
// parsing (incremental.ts), and a wrong guess only merges pieces.

/** How a fence or HTML block that runs across blank lines ends. */
type OpenBlock = { readonly fence: string; readonly length: number } | { readonly until: RegExp };

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const HTML_OPEN: readonly (readonly [RegExp, RegExp])[] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];
/** CommonMark's line endings: a lone CR ends a line too. */
const LINE_END = /\r\n|\r|\n/g;

/**
 * The start offsets of the pieces of `text`, in order, from `from` (0, or a start this scan gave
 * before: its state there is always the same, nothing open after a blank line). Cuts are only
 * proposed where the block structure before them cannot reach past them, as far as this scan can
 * tell. Stops after a start for which `stopAt` says yes.
 */
export function chunkStarts(text: string, from = 0, stopAt?: (start: number) => boolean): number[] {
  const starts = [from];
  let open: OpenBlock | undefined;
  let previousBlank = false;
  let lineStart = from;
  LINE_END.lastIndex = from;
  for (;;) {
    const match = LINE_END.exec(text);
    const lineEnd = match ? match.index : text.length;
    const first = text.charCodeAt(lineStart);
    // A byte order mark is dropped at the start of a text: a piece must not start with one.
    if (previousBlank && !open && lineStart < lineEnd && first !== 32 && first !== 9 && first !== 0xfeff) {
      starts.push(lineStart);
      if (stopAt?.(lineStart)) break;
    }
    if (open && 'until' in open) {
      // An HTML block ends on the line holding its end, whatever the line starts with.
      open = stillOpen(open, text.slice(lineStart, lineEnd));
    } else if (startsWithMarkup(text, lineStart, lineEnd)) {
      const line = text.slice(lineStart, lineEnd);
      open = open ? stillOpen(open, line) : opens(line);
    }
    previousBlank = isBlank(text, lineStart, lineEnd);
    if (!match) break;
    lineStart = match.index + match[0].length;
  }
  return starts;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Whether the line starts, after at most three spaces, with "`", "~" or "<": only such lines open a fence or an HTML block, or close a fence. */
function startsWithMarkup(text: string, start: number, end: number): boolean {
  let at = start;
  while (at < end && at < start + 3 && text.charCodeAt(at) === 32) at++;
  const c = text.charCodeAt(at);
  return at < end && (c === 96 || c === 126 || c === 60);
}

function opens(line: string): OpenBlock | undefined {
  const fence = FENCE_OPEN.exec(line);
  // A backtick fence's info string has no backtick ("```a`b" is inline code).
  if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) return { fence: fence[1][0], length: fence[1].length };
  for (const [start, end] of HTML_OPEN) {
    const at = start.exec(line);
    if (at && !end.test(line.slice(at[0].length))) return { until: end };
  }
  return undefined;
}

function stillOpen(open: OpenBlock, line: string): OpenBlock | undefined {
  if ('until' in open) return open.until.test(line) ? undefined : open;
  const close = FENCE_CLOSE.exec(line);
  return close && close[1][0] === open.fence && close[1].length >= open.length ? undefined : open;
}
