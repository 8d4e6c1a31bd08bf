// A negotiation round's text as blocks of lines (units.ts reads paragraphs from them): lines up to a
// blank line, without page furniture (job numbers, barcodes, page counters) and, in a PDF text layer,
// without running headers and the footnotes below a rule; cut again before a line that opens a
// numbered paragraph, a sub-paragraph or a roman heading where the PDF layer ran paragraphs on. Also
// the line markers both need (a paragraph number, a sub-paragraph, a closing mark) and the block's
// text without Markdown emphasis. Apart from units.ts because it knows lines and pages, not paragraphs.
import type { OffsetRange } from '../parse/model';
import { INSERTION_WORDS } from '../vocabulary';

export interface Block {
  readonly start: number;
  readonly end: number;
  readonly lines: readonly { text: string; start: number }[];
}

/** The blocks of a round's text, page furniture dropped, cut before the lines that open a paragraph. */
export function roundBlocks(text: string): Block[] {
  const pdfLayer = /^\s*Distr\.:/m.test(text.slice(0, 2000));
  return cutAtMarkers(furnitureless(splitBlocks(text), pdfLayer));
}

const JOB_NUMBER = /^\s*\d{2}-\d{5}\b/;
const BARCODE = /^\s*\*\d{5,}\*\s*$/;
const PAGE_COUNTER = /^\s*\d{1,3}\/\d{1,3}\s*$/;
const SYMBOL_LINE = /^\s*[A-Z]{1,3}\/[A-Z0-9.]+(?:\/[A-Za-z0-9.]+)+\s*$/;
const FOOTNOTE_RULE = /^\s*_{5,}\s*$/;
export const OPERATIVE = new RegExp(String.raw`^[\s\[*_]*(\d{1,3}(?: (?:${INSERTION_WORDS.join('|')}))?)\.(?=\s|$)`);
// A paragraph has ended at a closing mark, also when a footnote number is glued after it ("Council,1").
export const ENDED = /[,;:.!?…)\]”"’]\s*(?:\d{1,3}\s*)?$/;
export const SUB_MARKER = /^[\s*_]*\(([a-z]{1,2}|[ivxl]+)\)(?=\s|$)/;

/**
 * Cuts a block before a line that opens a numbered paragraph ("2." alone, as a PDF layer prints it,
 * or "10. Instruments …"), a sub-paragraph ("(b)") or a roman heading ("II."), when the line before
 * ended a clause or the number stands alone on its line: a wrapped line that happens to start "(a) of
 * resolution …" is not cut.
 */
function cutAtMarkers(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    let from = 0;
    for (let i = 1; i < block.lines.length; i++) {
      const line = block.lines[i].text;
      if (!(OPERATIVE.test(line) || SUB_MARKER.test(line) || /^\s*[IVXL]+\.(?:\s|$)/.test(line))) continue;
      // A number or marker alone on its line is how a PDF layer prints one, also after a heading.
      // So is a number after a heading ("II. Implementation of …" on two lines, then "13. We …").
      const afterHeading = i - from <= 3 && block.lines.slice(from, i).every((l) => !ENDED.test(l.text.trimEnd()) || /^\s*[IVXL]+\.\s*$/.test(l.text));
      if (!CLAUSE_ENDED.test(block.lines[i - 1].text) && !MARKER_ALONE.test(line) && !afterHeading) continue;
      out.push(blockOf(block.lines.slice(from, i)));
      from = i;
    }
    out.push(from === 0 ? block : blockOf(block.lines.slice(from)));
  }
  return out;
}

const MARKER_ALONE = /^\s*(?:\d{1,3}(?: bis)?\.|\((?:[a-z]{1,2}|[ivxl]+)\)|[IVXL]+\.)\s*$/;
const CLAUSE_ENDED = /(?:[.;:]["”’)]?|;\s*(?:and|or))\s*(?:\d{1,3}\s*)?$/;

function blockOf(lines: readonly { text: string; start: number }[]): Block {
  const last = lines[lines.length - 1];
  return { start: lines[0].start + leadingSpace(lines[0].text), end: last.start + last.text.trimEnd().length, lines };
}

function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let lines: { text: string; start: number }[] = [];
  const flush = () => {
    if (lines.length) {
      const lastLine = lines[lines.length - 1];
      blocks.push({ start: lines[0].start + leadingSpace(lines[0].text), end: lastLine.start + lastLine.text.trimEnd().length, lines });
    }
    lines = [];
  };
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^\s*$/.test(line)) flush();
    else lines.push({ text: line, start: offset });
    offset += raw.length + 1;
  }
  flush();
  return blocks;
}

/** Drops page furniture lines and, in a PDF layer, running headers and the footnotes below a rule. */
function furnitureless(blocks: readonly Block[], pdfLayer: boolean): Block[] {
  const kept: Block[] = [];
  let inFootnotes = false;
  for (const block of blocks) {
    const lines = block.lines.filter((l) => !JOB_NUMBER.test(l.text) && !BARCODE.test(l.text) && !PAGE_COUNTER.test(l.text));
    if (!lines.length) continue;
    if (pdfLayer && lines.length <= 4 && lines.some((l) => SYMBOL_LINE.test(l.text))) {
      inFootnotes = false;
      continue;
    }
    if (inFootnotes) continue;
    const rule = pdfLayer ? lines.findIndex((l) => FOOTNOTE_RULE.test(l.text)) : -1;
    if (rule >= 0) {
      inFootnotes = true;
      lines.splice(rule);
      if (!lines.length) continue;
    }
    const last = lines[lines.length - 1];
    kept.push({ start: lines[0].start + leadingSpace(lines[0].text), end: last.start + last.text.trimEnd().length, lines });
  }
  return kept;
}

export function blockText(block: Block): string {
  return stripEmphasis(block.lines.map((l) => l.text.trim()).join(' '));
}

/** Markdown emphasis around openings ("*Recalling*", "**Urges**") is not wording. */
export function stripEmphasis(text: string): string {
  if (!/[*_]/.test(text)) return text.trim();
  // A run of one or two markers opening a word (after a space, bracket or quote) or closing one
  // (before a space or punctuation). Checked around each run rather than with lookbehinds over the
  // whole line: that expression took a quarter of reading a 150 KB round.
  return text
    .replace(/[*_]{1,2}/g, (run, at: number) => {
      const before = at === 0 ? '' : text[at - 1];
      const after = text[at + run.length] ?? '';
      const opens = (before === '' || OPENS_AFTER.test(before)) && after !== '' && !/\s/.test(after);
      const closes = before !== '' && !/\s/.test(before) && (after === '' || CLOSES_BEFORE.test(after));
      return opens || closes ? '' : run;
    })
    .trim();
}

const OPENS_AFTER = /[\s(\[“"]/;
const CLOSES_BEFORE = /[\s,;:.)\]”"]/;

export function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

export function range(block: Block): OffsetRange {
  return { start: block.start, end: block.end };
}
