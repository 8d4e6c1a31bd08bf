// Blocks → DraftModel, in one pass over the blocks in document order. Each block is, in this order
// of precedence: page furniture (dropped), part of a footnote, a Markdown heading, a numbered
// paragraph, a UN plain heading, part of the open numbered paragraph (its list item's blocks, a
// sub-paragraph, a continuation after a page break, a list under its chapeau), or other prose.
// Every prose block's span goes to model.spans, in order.

import type { Block } from './blocks';
import { FootnoteBuilder, footnoteLineMarker } from './footnotes';
import { letterHeading, MAX_EMPHASIS_HEADING_LENGTH, romanOrCapitalHeading, labelStyle, type PlainHeading } from './headings';
import type { DraftModel, FootnoteMarker, NumberedParagraph, TextSpan } from './model';
import { detectLeadingNumbers, selectParagraphSequence, splitInlineNumbers, type SequenceItem } from './numbering';
import { ParagraphBuilder, subparagraphLabel } from './paragraphs';
import { endsWithTerminalPunctuation, isHeadingShaped, startsLowercase, startsWithUrl } from './prose';
import { SectionTreeBuilder } from './sections';
import { stripFurniture } from './furniture';

/** A heading taken from a line's emphasis or label, whose level comes from its neighbours. */
const INFERRED = 'inferred';

export function assembleDraft(text: string, collected: Block[]): DraftModel {
  stripFurniture(collected);
  detectLeadingNumbers(collected);
  const blocks = splitInlineNumbers(collected);
  const count = blocks.length;

  const lineMarkers = blocks.map(footnoteLineMarker);
  const isRunningText = (b: Block, i: number) => !b.furniture && b.kind !== 'break' && b.span.text !== '' && !b.footnote && !lineMarkers[i];
  /** The next block of running text after each block (footnotes, rules and furniture skipped), or -1. */
  const nextText = new Int32Array(count);
  for (let i = count - 1, next = -1; i >= 0; i--) {
    nextText[i] = next;
    if (isRunningText(blocks[i], i)) next = i;
  }
  const next = (i: number): Block | undefined => (nextText[i] >= 0 ? blocks[nextText[i]] : undefined);
  const nextStartsLowercase = (i: number) => startsLowercase(next(i)?.span.text ?? '');

  // Which numbered blocks are paragraphs, which are numbered sub-headings.
  const numbered: number[] = [];
  const items: SequenceItem[] = [];
  const headingLike = new Set<number>();
  blocks.forEach((b, i) => {
    if (!b.numbering || lineMarkers[i]) return;
    const body = b.span.text.slice(b.numbering.bodyStart);
    const like = b.lineStart && isHeadingShaped(body) && !nextStartsLowercase(i);
    if (like) headingLike.add(i);
    numbered.push(i);
    items.push({ number: b.numbering.number, insertion: b.numbering.insertion, headingLike: like });
  });
  const paragraphBlocks = new Set<number>();
  selectParagraphSequence(items).forEach((isParagraph, k) => isParagraph && paragraphBlocks.add(numbered[k]));

  const sections = new SectionTreeBuilder(text.length);
  const paragraphs: NumberedParagraph[] = [];
  const footnotes: FootnoteBuilder[] = [];
  const footnoteMarkers: FootnoteMarker[] = [];
  const spans: TextSpan[] = [];
  let open: ParagraphBuilder | undefined;
  let definition: FootnoteBuilder | undefined;
  let footnoteLine: FootnoteBuilder | undefined;

  const addSpan = (span: TextSpan) => {
    if (span.text) spans.push(span);
  };
  const close = () => {
    if (open) paragraphs.push(open.build());
    open = undefined;
  };

  const plainHeading = (b: Block, i: number): PlainHeading | typeof INFERRED | undefined => {
    if ((b.kind !== 'paragraph' && b.kind !== 'code') || b.quoteDepth > 0 || !b.lineStart || nextStartsLowercase(i)) return undefined;
    if (b.numbering) {
      return headingLike.has(i) ? { kind: 'arabic', label: b.numbering.label, title: b.span.text.slice(b.numbering.bodyStart).trim() } : undefined;
    }
    const line = b.span.text;
    if (b.listDepth > 0 || line.includes('\n')) return undefined;
    const heading = romanOrCapitalHeading(line) ?? letterHeading(line);
    if (heading) {
      // Inside a paragraph's run, "(a) Short title" is a sub-paragraph when punctuated sub-paragraphs follow it.
      const following = next(i)?.span.text ?? '';
      if (heading.kind === 'letter' && open && subparagraphLabel(following) && endsWithTerminalPunctuation(following)) return undefined;
      return heading;
    }
    if (line.length > MAX_EMPHASIS_HEADING_LENGTH) return undefined;
    if (b.emphasisOnly && (b.bold || labelStyle(line))) return INFERRED;
    if (!line.endsWith('.') && sections.continuesLetteredHeadings(line)) return INFERRED;
    return undefined;
  };

  /** Whether the block belongs to the open paragraph; if so, adds it. */
  const attach = (paragraph: ParagraphBuilder, b: Block): boolean => {
    const sub = subparagraphLabel(b.span.text);
    if (paragraph.owns(b)) {
      if (b.listDepth > 1 && b.itemStart) paragraph.addItem(b);
      else if (sub) paragraph.addSubparagraph(b, sub);
      else paragraph.addContinuation(b);
      return true;
    }
    if (!b.lineStart) return false;
    const prose = (b.kind === 'paragraph' || b.kind === 'code') && b.listDepth === 0 && b.quoteDepth === 0;
    if (prose && sub) {
      paragraph.addSubparagraph(b, sub);
      return true;
    }
    if (prose && !b.numbering && !paragraph.terminated) {
      paragraph.addContinuation(b);
      return true;
    }
    if (paragraph.expectsItems && b.kind === 'paragraph' && (b.listDepth > 0 || b.numbering)) {
      paragraph.addItem(b);
      return true;
    }
    return false;
  };

  for (let i = 0; i < count; i++) {
    const b = blocks[i];
    if (b.furniture || b.kind === 'break') continue;

    if (b.footnote) {
      footnoteMarkers.push(...b.markers);
      addSpan(b.span);
      if (definition && !b.footnote.first && definition.label === b.footnote.label) definition.append(b.span, b.range);
      else footnotes.push((definition = new FootnoteBuilder(b.footnote.label, b.range.start, b.span, b.range)));
      continue;
    }
    definition = undefined;

    const lineMarker = lineMarkers[i];
    if (lineMarker) {
      footnoteMarkers.push(...b.markers.slice(1));
      addSpan(b.span);
      footnotes.push((footnoteLine = new FootnoteBuilder(lineMarker.label, b.range.start, b.span, b.range)));
      continue;
    }
    footnoteMarkers.push(...b.markers);
    if (!b.span.text) continue;
    if (footnoteLine && b.kind === 'paragraph' && b.listDepth === 0 && startsWithUrl(b.span.text)) {
      // A footnote's link that the extraction put on a line of its own.
      footnoteLine.append(b.span, b.range);
      addSpan(b.span);
      continue;
    }
    footnoteLine = undefined;

    if (b.kind === 'heading') {
      close();
      sections.addMarkdown(b.headingDepth, b.span.text, b.range);
      addSpan(b.span);
      continue;
    }
    if (b.numbering && paragraphBlocks.has(i)) {
      close();
      open = new ParagraphBuilder(b, b.numbering);
      addSpan(open.firstSpan);
      continue;
    }
    const heading = plainHeading(b, i);
    if (heading) {
      close();
      if (heading === INFERRED) sections.addInferred(b.span.text, b.range);
      else sections.addPlain(heading, b.range);
      addSpan(b.span);
      continue;
    }
    addSpan(b.span);
    if (open && attach(open, b)) continue;
    close();
  }
  close();

  return {
    text,
    sections: sections.build(),
    paragraphs,
    footnotes: footnotes.map((f) => f.build()),
    footnoteMarkers,
    spans,
  };
}
