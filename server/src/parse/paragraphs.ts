// A numbered paragraph as it is collected: its numbered block, the blocks that continue it after a
// page break, and its sub-paragraphs ("(a) …;", "(b) …;"), whether they stand in blocks of their
// own or at the start of lines inside the paragraph's block.

import type { Block, NumberMarker } from './blocks';
import type { NumberedParagraph, OffsetRange, SubParagraph, TextSpan } from './model';
import { endsWithTerminalPunctuation } from './prose';
import { sliceSpan, trimSpan } from './spans';

/** "(a) ", "(iv) " at the start of a block. */
const SUB_LABEL = /^\(([a-z]{1,2}|[ivxlc]{1,6})\)[ \t\u00a0]+/;
/**
 * The same at the start of a line inside a block, or run into the line: the first label right after
 * the colon that leads into the list ("for example: (a) when …; (b) at the beginning …;"), the next after a semicolon.
 */
const LINE_OR_COLON_SUB_LABEL = /(?:\n|(?<=[:;])[ \t\u00a0]+)\(([a-z]{1,2}|[ivxlc]{1,6})\)[ \t\u00a0]+/g;
/** A list item's own label: "(a) ", "a. ", "ii) ". */
const ITEM_LABEL = /^(?:\(([a-z]{1,2}|[ivxlc]{1,6})\)|([a-z]|[ivx]{1,6})[.)])[ \t\u00a0]+/;

export interface Labelled {
  readonly label: string;
  /** Where the text after the label begins in the block's span. */
  readonly bodyStart: number;
}

/** "(a) Decriminalization …" → label "a". */
export function subparagraphLabel(text: string): Labelled | undefined {
  const match = SUB_LABEL.exec(text);
  return match ? { label: match[1], bodyStart: match[0].length } : undefined;
}

interface SubBuilder {
  readonly label: string;
  readonly start: number;
  end: number;
  readonly parts: string[];
}

export class ParagraphBuilder {
  readonly topItem: number;
  /** The paragraph's own text, without its number: the span model.spans holds for the numbered block. */
  readonly firstSpan: TextSpan;
  private readonly marker: NumberMarker;
  private readonly start: number;
  private end: number;
  private readonly spans: TextSpan[] = [];
  private readonly subs: SubBuilder[] = [];
  /** The sub-paragraph a continuation block extends (the last one, until something else is added). */
  private openSub: SubBuilder | undefined;
  private lastText = '';
  private inItems = false;

  constructor(block: Block, marker: NumberMarker) {
    this.marker = marker;
    this.topItem = block.topItem;
    this.start = block.range.start;
    this.end = block.range.end;
    this.firstSpan = trimSpan(sliceSpan(block.span, marker.bodyStart, block.span.text.length));
    this.addSpan(this.firstSpan, block.range);
  }

  /** The text so far ends where a paragraph may end; otherwise the next prose block continues it. */
  get terminated(): boolean {
    return endsWithTerminalPunctuation(this.lastText);
  }

  /** The paragraph (or its last item) leads into a list: "… the following issues:", "… offences;". */
  get expectsItems(): boolean {
    return this.inItems || leadsIntoList(this.lastText, this.lastText.length);
  }

  /** A block of the paragraph's own list item, or a nested list. */
  owns(block: Block): boolean {
    return this.topItem !== 0 && block.topItem === this.topItem;
  }

  /** A block continuing the paragraph after a page break (or inside its list item). */
  addContinuation(block: Block): void {
    const sub = this.openSub;
    this.addSpan(block.span, block.range);
    if (sub) {
      sub.parts.push(block.span.text);
      sub.end = block.range.end;
      this.openSub = sub;
    }
  }

  /** "(a) Decriminalization …;" in a block of its own. */
  addSubparagraph(block: Block, labelled: Labelled): void {
    const sub = this.newSub(labelled.label, block.range.start, block.range.end, block.span.text.slice(labelled.bodyStart).trim());
    this.addSpan(block.span, block.range);
    this.openSub = sub;
  }

  /** A list item under the paragraph ("1. …;", "- a. …", "- …"): labelled items are sub-paragraphs too. */
  addItem(block: Block): void {
    const labelled = itemLabel(block);
    const sub = labelled && this.newSub(labelled.label, block.range.start, block.range.end, block.span.text.slice(labelled.bodyStart).trim());
    this.addSpan(block.span, block.range);
    this.openSub = sub;
    this.inItems = true;
  }

  build(): NumberedParagraph {
    const { number, insertion, label, range } = this.marker;
    return {
      label,
      number,
      ...(insertion ? { insertion } : {}),
      range: { start: this.start, end: this.end },
      numberRange: range,
      text: this.spans.map((span) => span.text).join(' '),
      spans: this.spans,
      subparagraphs: this.subs.map(
        (sub): SubParagraph => ({ label: sub.label, range: { start: sub.start, end: sub.end }, text: sub.parts.join(' ') }),
      ),
    };
  }

  private newSub(label: string, start: number, end: number, text: string): SubBuilder {
    const sub: SubBuilder = { label, start, end, parts: [text] };
    this.subs.push(sub);
    return sub;
  }

  private addSpan(span: TextSpan, range: OffsetRange): void {
    if (!span.text) return;
    this.spans.push(span);
    this.end = Math.max(this.end, range.end);
    this.lastText = span.text;
    this.openSub = undefined;
    this.splitLineSubparagraphs(span);
  }

  /** Sub-paragraphs typed without blank lines: "… issues:\n(a) …;\n(b) …". */
  private splitLineSubparagraphs(span: TextSpan): void {
    if (!span.text.includes('\n(')) return;
    const found: { label: string; at: number; body: number }[] = [];
    LINE_OR_COLON_SUB_LABEL.lastIndex = 0;
    for (let m = LINE_OR_COLON_SUB_LABEL.exec(span.text); m; m = LINE_OR_COLON_SUB_LABEL.exec(span.text)) {
      const at = m.index + m[0].indexOf('(');
      if (m[0][0] !== '\n') {
        const colon = span.text[m.index - 1] === ':';
        // After the colon only the list's first label, (a) or (i); after a semicolon only a later one.
        if (colon ? found.length > 0 || (m[1] !== 'a' && m[1] !== 'i') : found.length === 0) continue;
      }
      if (found.length === 0 && !leadsIntoList(span.text, at)) continue;
      found.push({ label: m[1], at, body: m.index + m[0].length });
    }
    found.forEach((item, k) => {
      const stop = k + 1 < found.length ? found[k + 1].at : span.text.length;
      const whole = trimSpan(sliceSpan(span, item.at, stop));
      this.openSub = this.newSub(item.label, whole.range.start, whole.range.end, span.text.slice(item.body, stop).trim());
    });
  }
}

/** "1." of an ordered list item, a number the text begins with, or a letter label "(a)", "a.". */
function itemLabel(block: Block): Labelled | undefined {
  if (block.listNumber) return { label: String(block.listNumber.number), bodyStart: 0 };
  if (block.numbering) return { label: block.numbering.label, bodyStart: block.numbering.bodyStart };
  const match = ITEM_LABEL.exec(block.span.text);
  return match ? { label: match[1] ?? match[2], bodyStart: match[0].length } : undefined;
}

/** The text before `index` ends with a colon or semicolon. */
function leadsIntoList(text: string, index: number): boolean {
  let at = index - 1;
  while (at >= 0 && /\s/.test(text[at])) at--;
  return text[at] === ':' || text[at] === ';';
}
