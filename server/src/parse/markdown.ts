// Markdown → mdast. One processor for the whole server: building it (and its GFM extensions) is
// the expensive part, parsing reuses it.

import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { defusePathological, restoreStandIns } from './pathological';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * The mdast of a draft. Offsets in the tree are offsets into `text`. YAML front matter is not
 * parsed as Markdown (it would read as a rule and a setext heading): it is blanked before parsing.
 * Never throws: if the parser fails, the text is read as plain paragraphs separated by blank lines.
 */
export function parseMarkdown(text: string): Root {
  const input = blankFrontMatter(text);
  try {
    return parseBlankedMarkdown(input);
  } catch {
    return plainParagraphs(input);
  }
}

/** The mdast of text whose front matter is already blanked (a piece of a draft). Throws if the parser does. */
export function parseBlankedMarkdown(input: string): Root {
  const defused = defusePathological(input);
  return defused === input ? processor.parse(input) : restoreStandIns(processor.parse(defused));
}

const FRONT_MATTER_OPEN = /^---[ \t]*\r?\n[ \t]*[A-Za-z_][\w-]*[ \t]*:/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;
/** Front matter is a few lines of metadata; a closing rule further on is a thematic break of the body. */
const MAX_FRONT_MATTER = 16_384;

/**
 * The text with a leading byte-order mark and YAML front matter block replaced by spaces (line
 * breaks kept, so offsets hold). A BOM is not text: left in, "\uFEFF1." is not a numbered paragraph
 * and a draft saved by Notepad lost its numbering and internal-reference checks.
 */
export function blankFrontMatter(text: string): string {
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
  if (!FRONT_MATTER_OPEN.test(text)) return text;
  const body = text.indexOf('\n') + 1;
  const close = FRONT_MATTER_CLOSE.exec(text.slice(body, body + MAX_FRONT_MATTER));
  if (!close) return text;
  let end = body + close.index + close[0].length;
  if (text[end] === '\r') end++;
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

/** Fallback tree: one text paragraph per run of non-blank lines. */
function plainParagraphs(text: string): Root {
  const children: RootContent[] = [];
  const blocks = /[^\r\n]+(?:\r?\n[^\r\n]*\S[^\r\n]*)*/g;
  for (let match = blocks.exec(text); match; match = blocks.exec(text)) {
    if (!match[0].trim()) continue;
    const position = at(match.index, match.index + match[0].length);
    children.push({ type: 'paragraph', position, children: [{ type: 'text', value: match[0], position }] });
  }
  return { type: 'root', children, position: at(0, text.length) };
}

/** Line and column are not read by the draft parser; offsets are what matters. */
function at(start: number, end: number) {
  return { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } };
}
