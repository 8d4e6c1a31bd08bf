// The paragraphs of one negotiation round, as a compare aligns them: preambular paragraphs ("pp1",
// "pp2", … in order) and operative paragraphs under their printed numbers ("12", "5 bis"), each with
// its sub-paragraphs, continuation lines and page breaks joined.
//
// Read from blocks of lines rather than through the Markdown parser (server/src/parse) because the
// rounds negotiators exchange are as often the PDF text layer of an L. document as a Markdown draft,
// and on those the parser finds no numbered paragraph at all: the PDF layer prints "1. " on a line of
// its own, which Markdown reads as an empty list item (all 195 draft/resolution pairs of
// ../shared/un-documents gave 0 paragraphs through parseDraft). One reader for both keeps the two
// kinds of round comparable with each other.
//
// Grammar, one block = lines up to a blank line:
//   cover page          everything before "The General Assembly," (or the Council's) is skipped
//   page furniture      job numbers "25-16735 (E) 221025", barcodes "*2516735*", page counters "2/2",
//                       a running header (the symbol with up to three title lines, before or after it), and in a PDF layer
//                       every block after a footnote rule "_____" up to the next running header
//   operative           a block starting "12." / "12 bis." (after an optional "[" or Markdown emphasis);
//                       a sole operative paragraph, printed without a number, is "op"
//   preambular          a block after "The General Assembly," that starts a new sentence part
//   continuation        a block starting in lower case, or after a paragraph that has not ended
//                       (no closing , ; : .): page breaks, "(a)" sub-paragraphs, quoted lists
//   headings            Markdown "#", "I. Title", "Annex", short unpunctuated lines: not paragraphs
//   end                 "64th plenary meeting"; annex paragraphs are named "annex 1", "annex 2", …
import type { OffsetRange } from '../parse/model';
import { BODY_NAMES, INSERTION_WORDS } from '../vocabulary';
import { operativeOpening } from './force';

export type UnitKind = 'preambular' | 'operative';

export interface Unit {
  /** "pp3" for the third preambular paragraph, the printed number ("12", "5 bis") for an operative one, "annex 4" in an annex. */
  readonly id: string;
  readonly kind: UnitKind;
  /** The paragraph's text without its number, lines joined by single spaces, emphasis markers dropped. */
  readonly text: string;
  /** From the number (or first word) to the end of the last block that belongs to it. */
  readonly range: OffsetRange;
  /** The blocks it was read from (a page break splits a paragraph into two). */
  readonly blocks: readonly OffsetRange[];
  /** Index in reading order. */
  readonly index: number;
}

interface Block {
  readonly start: number;
  readonly end: number;
  readonly lines: readonly { text: string; start: number }[];
}

const OPENING_OF_BODY = new RegExp(String.raw`^\W{0,3}The (?:${[...BODY_NAMES, 'Conference'].join('|')})\W{0,3},?\W{0,3}$`);
const JOB_NUMBER = /^\s*\d{2}-\d{5}\b/;
const BARCODE = /^\s*\*\d{5,}\*\s*$/;
const PAGE_COUNTER = /^\s*\d{1,3}\/\d{1,3}\s*$/;
const SYMBOL_LINE = /^\s*[A-Z]{1,3}\/[A-Z0-9.]+(?:\/[A-Za-z0-9.]+)+\s*$/;
const FOOTNOTE_RULE = /^\s*_{5,}\s*$/;
const PLENARY_MEETING = /^\s*\d+(?:st|nd|rd|th) plenary meeting\b/;
const ANNEX_HEADING = /^\W{0,3}Annex(?: ([IVXL]+))?\W{0,3}$/;
const OPERATIVE = new RegExp(String.raw`^[\s\[*_]*(\d{1,3}(?: (?:${INSERTION_WORDS.join('|')}))?)\.(?=\s|$)`);
const ROMAN_HEADING = /^[\s*_#]*[IVXL]+\.\s/;
// A paragraph has ended at a closing mark, also when a footnote number is glued after it ("Council,1").
const ENDED = /[,;:.!?…)\]”"’]\s*(?:\d{1,3}\s*)?$/;

/** The paragraphs of a round, in reading order. */
export function readUnits(text: string): Unit[] {
  const pdfLayer = /^\s*Distr\.:/m.test(text.slice(0, 2000));
  const blocks = furnitureless(splitBlocks(text), pdfLayer);
  const startAt = blocks.findIndex((b) => b.lines.length === 1 && OPENING_OF_BODY.test(stripEmphasis(b.lines[0].text)));
  const units: { id: string; kind: UnitKind; parts: string[]; blocks: OffsetRange[]; start: number }[] = [];
  let annex = '';
  let preambular = 0;
  let inPreamble = startAt >= 0;
  let ended = false;
  const ids = new Set<string>();
  for (let b = startAt + 1; b < blocks.length; b++) {
    const block = blocks[b];
    const first = block.lines[0].text;
    // The resolution ends at its meeting line; only an annex follows it.
    if (PLENARY_MEETING.test(first)) {
      ended = true;
      continue;
    }
    const annexHeading = ANNEX_HEADING.exec(stripEmphasis(first));
    if (annexHeading && block.lines.length <= 3) {
      annex = annexHeading[1] ? `annex ${annexHeading[1]} ` : 'annex ';
      inPreamble = false;
      ended = false;
      continue;
    }
    if (ended) continue;
    if (/^\s*#/.test(first) || ROMAN_HEADING.test(first)) continue;
    const body = blockText(block);
    const last = units[units.length - 1];
    const number = OPERATIVE.exec(first);
    if (number) {
      inPreamble = false;
      const label = annex + number[1];
      let id = label;
      for (let n = 2; ids.has(id); n++) id = `${label} (${n})`;
      ids.add(id);
      units.push({ id, kind: 'operative', parts: [body.slice(number[0].length + leadingSpace(body))], blocks: [range(block)], start: block.start });
      continue;
    }
    const continues = last && (!ENDED.test(last.parts[last.parts.length - 1]) || /^[\s*_]*[a-z\d]/.test(body) || /^\s*\((?:[a-z]{1,2}|[ivx]+)\)\s/.test(first));
    if (continues) {
      last.parts.push(body);
      last.blocks.push(range(block));
      continue;
    }
    // A sole operative paragraph is printed without a number: it opens with an operative verb and
    // ends the resolution with a full stop.
    if (inPreamble && operativeOpening(body) && /[.”]\s*$/.test(body) && !/^\W*(?:Also|Further)\b/.test(body)) {
      inPreamble = false;
      ids.add('op');
      units.push({ id: 'op', kind: 'operative', parts: [body], blocks: [range(block)], start: block.start });
      continue;
    }
    if (inPreamble) {
      preambular++;
      units.push({ id: `pp${preambular}`, kind: 'preambular', parts: [body], blocks: [range(block)], start: block.start });
      continue;
    }
    // After the preamble an unnumbered block is a heading ("Objective 1: …", "Follow-up and review") when
    // it is short and unpunctuated; otherwise it is part of the paragraph before it.
    const heading = body.length < 160 && !ENDED.test(body);
    if (!heading && last) {
      last.parts.push(body);
      last.blocks.push(range(block));
    }
  }
  return units.map((u, index) => ({
    id: u.id,
    kind: u.kind,
    text: u.parts.join(' ').replace(/\s+/g, ' ').trim(),
    range: { start: u.start, end: u.blocks[u.blocks.length - 1].end },
    blocks: u.blocks,
    index,
  }));
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

function blockText(block: Block): string {
  return stripEmphasis(block.lines.map((l) => l.text.trim()).join(' '));
}

/** Markdown emphasis around openings ("*Recalling*", "**Urges**") is not wording. */
function stripEmphasis(text: string): string {
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

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

function range(block: Block): OffsetRange {
  return { start: block.start, end: block.end };
}
