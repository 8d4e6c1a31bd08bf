// Page furniture left in PDF-extracted text: running headers ("A/71/285"), footers with the job
// number and page ("16-13509 21/24"), and the label an annotation tool appended after the text
// ("Select target paragraph3"). None of it is prose of the document; left in, it would read as a
// citation of the document itself, or join a paragraph broken at the page end.

import type { Block } from './blocks';
import type { OffsetRange } from './model';
import { endsWithTerminalPunctuation } from './prose';
import { cutSpan } from './spans';

const SYMBOL = String.raw`[A-Z]{1,6}(?:\/[A-Za-z0-9.\-]+){1,6}`;
const JOB_NUMBER = String.raw`\d{2}-\d{5}(?:\s?\([A-Z]\))?`;
const PAGE = String.raw`\d{1,4}\/\d{1,4}`;

/** A block that is only a header or footer: "A/71/285", "16-13509", "16-13509 21/24". A bare "21/24" could be a resolution number and is kept. */
const STANDALONE = new RegExp(`^(?:${SYMBOL}|${JOB_NUMBER}(?:\\s+${PAGE})?|${PAGE}\\s+${JOB_NUMBER})$`);
/** A footer inside a line, where the extraction ran the pages together: job number and page, in either order. */
const FOOTER = new RegExp(`(?:^|\\s)(?:${JOB_NUMBER}\\s+${PAGE}|${PAGE}\\s+${JOB_NUMBER})(?=\\s|$)`, 'g');
/** A running header before text that continues a sentence from the previous page: "A/71/285 address human rights …". */
const LEADING_HEADER = new RegExp(`^${SYMBOL}\\s+(?=\\p{Ll})`, 'u');
/**
 * An annotation tool's label after the text: the last block of the document, one short line of at
 * most six words whose last word is glued to a counter ("Select target paragraph3"), without
 * terminal punctuation. Prose does not end that way; a heading has nothing after it to label.
 */
const TOOL_LABEL = /^(?:\S+[ \t]+){0,5}\S*\p{L}\d+$/u;
const MAX_TOOL_LABEL = 60;

function isPlainProse(block: Block): boolean {
  return (block.kind === 'paragraph' || block.kind === 'code') && block.listDepth === 0 && block.quoteDepth === 0 && !block.footnote;
}

/** Marks furniture blocks and cuts headers and footers out of prose blocks. */
export function stripFurniture(blocks: Block[]): void {
  // A symbol opening a block is a running header only where a page can have broken the text: at
  // the start of an excerpt, or after text cut off mid-sentence. Elsewhere "A/70/59 and …" is prose.
  let previousText: string | undefined;
  for (const block of blocks) {
    if (!block.span.text || block.furniture) continue;
    const before = previousText;
    if (!block.footnote) previousText = block.span.text;
    if (!isPlainProse(block)) continue;
    const text = block.span.text;
    if (STANDALONE.test(text)) {
      block.furniture = true;
      continue;
    }
    const cuts: OffsetRange[] = [];
    const afterPageBreak = before === undefined || !endsWithTerminalPunctuation(before);
    const header = afterPageBreak ? LEADING_HEADER.exec(text) : null;
    if (header) cuts.push({ start: 0, end: header[0].length });
    if (text.includes('/') && text.includes('-')) {
      FOOTER.lastIndex = 0;
      for (let m = FOOTER.exec(text); m; m = FOOTER.exec(text)) {
        if (!cuts.length || m.index >= cuts[cuts.length - 1].end) cuts.push({ start: m.index, end: m.index + m[0].length });
      }
    }
    if (!cuts.length) continue;
    const span = cutSpan(block.span, cuts);
    if (header) block.range = { start: span.range.start, end: block.range.end };
    if (cuts[cuts.length - 1].end >= text.length) block.range = { start: block.range.start, end: Math.max(block.range.start, span.range.end) };
    block.span = span;
  }
  const [last, before] = lastTextBlocks(blocks);
  if (last && before && isPlainProse(last) && isToolLabel(last.span.text)) last.furniture = true;
}

/** The last two blocks with text: a tool label is the last, after the document's own text. */
function lastTextBlocks(blocks: readonly Block[]): Block[] {
  const found: Block[] = [];
  for (let i = blocks.length - 1; i >= 0 && found.length < 2; i--) if (blocks[i].span.text && !blocks[i].furniture) found.push(blocks[i]);
  return found;
}

function isToolLabel(text: string): boolean {
  return text.length <= MAX_TOOL_LABEL && !text.includes('\n') && TOOL_LABEL.test(text) && !endsWithTerminalPunctuation(text);
}
