// Small judgements about a run of plain text that the structure heuristics share.

/**
 * Where a paragraph may end: a full stop, semicolon, colon, question or exclamation mark, an
 * ellipsis, a closing quotation mark or bracket. A paragraph whose text ends otherwise ("… at",
 * "… processes,") was broken by a page end and continues in the next prose block.
 */
const TERMINAL = new Set(['.', ';', ':', '!', '?', '…', '”', '’', '"', "'", ')', ']', '»']);

/** A heading has no closing punctuation (a closing bracket or quotation mark is fine). */
const NOT_A_HEADING_END = new Set(['.', ';', ':', '!', '?', '…', ',']);

/** Headings are one line and short; the longest UN sub-headings in the seeds are about 110 characters. */
export const MAX_HEADING_LENGTH = 200;

function lastChar(text: string): string {
  let end = text.length - 1;
  while (end >= 0 && /\s/.test(text[end])) end--;
  return end >= 0 ? text[end] : '';
}

export function endsWithTerminalPunctuation(text: string): boolean {
  return TERMINAL.has(lastChar(text));
}

/** One short line starting with a capital (or digit or quotation mark), without closing punctuation. */
export function isHeadingShaped(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= MAX_HEADING_LENGTH &&
    !text.includes('\n') &&
    /^[\p{Lu}\p{Lt}\p{N}“"‘'«(\[]/u.test(text) &&
    !NOT_A_HEADING_END.has(lastChar(text))
  );
}

export function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

export function startsWithUrl(text: string): boolean {
  return /^(?:https?:\/\/|www\.)/i.test(text);
}
