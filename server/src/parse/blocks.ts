// mdast → a flat list of prose blocks in document order: paragraphs (also inside list items,
// block quotes and footnote definitions), headings, table cells, indented "code" (in PDF-extracted
// text an indented line is damaged prose, not code) and thematic breaks. Later stages read
// structure (numbered paragraphs, UN headings, footnote lines) from this list, not from the tree,
// because PDF-extracted drafts carry their structure in the text rather than in Markdown.

import type { Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import type { FootnoteMarker, OffsetRange, TextSpan } from './model';
import { SpanBuilder, sourceLinesSpan } from './spans';

/** Containers nested deeper than this are read as plain source text (hostile input). */
const MAX_CONTAINER_DEPTH = 48;

export type BlockKind = 'paragraph' | 'heading' | 'tableCell' | 'code' | 'break';

/** A paragraph number: the list marker "27." or a leading "5 bis." in the text. */
export interface NumberMarker {
  readonly number: number;
  readonly insertion?: string;
  /** "27", "5 bis". */
  readonly label: string;
  /** "27." in the source. */
  readonly range: OffsetRange;
  /** Where the paragraph's own text begins in the block's span (0 for list items: the marker is syntax). */
  readonly bodyStart: number;
}

export interface Block {
  readonly kind: BlockKind;
  /** Plain text, trimmed. */
  span: TextSpan;
  readonly markers: readonly FootnoteMarker[];
  /** The block in the source; for the first block of a list item, from the list marker. */
  range: OffsetRange;
  /** #-level of a Markdown heading, else 0. */
  readonly headingDepth: number;
  /** Number of list items holding the block (0 outside lists). */
  readonly listDepth: number;
  readonly quoteDepth: number;
  /** Id of the outermost list item holding the block, 0 outside lists. */
  readonly topItem: number;
  /** The first block of its list item. */
  readonly itemStart: boolean;
  /** Number of an ordered-list item written "N." (first block of the item only). */
  readonly listNumber?: { readonly number: number; readonly range: OffsetRange };
  /** The whole block is emphasis ("**Title**", "***d. Summary panel***"). */
  readonly emphasisOnly: boolean;
  /** ... and bold. */
  readonly bold: boolean;
  /** For blocks of a GFM footnote definition ("[^1]: text"). */
  readonly footnote?: { readonly label: string; readonly first: boolean };
  /** Starts a source line (false for a piece split off a line at an inline paragraph number). */
  lineStart: boolean;
  /** Set by the numbering stage. */
  numbering?: NumberMarker;
  /** Page headers and footers, tool labels: not part of the document. */
  furniture: boolean;
}

interface Context {
  readonly listDepth: number;
  readonly quoteDepth: number;
  readonly topItem: number;
  readonly ordered: boolean;
  readonly footnote?: string;
}

const LIST_MARKER = /[ \t]*(\d{1,9})([.)])/y;

export function collectBlocks(root: Root, source: string): Block[] {
  const blocks: Block[] = [];
  let itemIds = 0;
  // PDF text layers print a paragraph number alone on its line ("11. \nEncourages all States …"):
  // Markdown reads an empty list item and then a paragraph. The number belongs to that paragraph.
  let pendingNumber: { readonly start: number; readonly listNumber: NonNullable<Block['listNumber']> } | undefined;

  const push = (
    kind: BlockKind,
    span: TextSpan,
    markers: FootnoteMarker[],
    range: OffsetRange,
    ctx: Context,
    extra: Partial<Pick<Block, 'headingDepth' | 'itemStart' | 'listNumber' | 'emphasisOnly' | 'bold' | 'footnote'>> = {},
  ) => {
    const pending = pendingNumber;
    pendingNumber = undefined;
    if (pending && kind === 'paragraph' && ctx.listDepth === 0 && ctx.quoteDepth === 0 && !extra.footnote && /^\s*$/.test(source.slice(pending.listNumber.range.end, range.start))) {
      range = { start: pending.start, end: range.end };
      extra = { ...extra, listNumber: pending.listNumber };
    }
    blocks.push({
      kind,
      span,
      markers,
      range,
      headingDepth: extra.headingDepth ?? 0,
      listDepth: ctx.listDepth,
      quoteDepth: ctx.quoteDepth,
      topItem: ctx.topItem,
      itemStart: extra.itemStart ?? false,
      listNumber: extra.listNumber,
      emphasisOnly: extra.emphasisOnly ?? false,
      bold: extra.bold ?? false,
      footnote: extra.footnote,
      lineStart: true,
      furniture: false,
    });
  };

  const inline = (children: readonly PhrasingContent[], start: number) => {
    const builder = new SpanBuilder(source);
    builder.addPhrasing(children);
    return { span: builder.build(start), markers: builder.markers };
  };

  /** The first child of a list item or footnote definition, whose range starts at the container's marker. */
  type Lead = { readonly start: number; readonly listItem: boolean; readonly listNumber?: Block['listNumber'] };

  const visit = (node: Nodes, ctx: Context, depth: number, lead?: Lead): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const footnote = ctx.footnote === undefined ? undefined : { label: ctx.footnote, first: lead !== undefined && !lead.listItem };
    const itemStart = lead?.listItem === true;
    const from = lead?.start ?? start;
    if (depth > MAX_CONTAINER_DEPTH) {
      const { span, markers } = sourceLinesSpan(source, start, end);
      push('paragraph', span, markers, { start, end }, ctx, { footnote });
      return;
    }
    switch (node.type) {
      case 'root':
      case 'blockquote': {
        const inner = node.type === 'blockquote' ? { ...ctx, quoteDepth: ctx.quoteDepth + 1 } : ctx;
        for (const child of node.children) visit(child, inner, depth + 1);
        return;
      }
      case 'list':
        for (const child of node.children) visit(child, { ...ctx, ordered: node.ordered === true }, depth + 1);
        return;
      case 'listItem': {
        const id = ++itemIds;
        const inner: Context = { ...ctx, listDepth: ctx.listDepth + 1, topItem: ctx.topItem || id };
        const first: Lead = { start, listItem: true, listNumber: ctx.ordered ? readListNumber(source, start) : undefined };
        if (node.children.length === 0) {
          pendingNumber = ctx.listDepth === 0 && first.listNumber ? { start, listNumber: first.listNumber } : undefined;
          return;
        }
        node.children.forEach((child, k) => visit(child, inner, depth + 1, k === 0 ? first : undefined));
        return;
      }
      case 'footnoteDefinition': {
        const inner: Context = { ...ctx, footnote: node.label ?? node.identifier };
        const first: Lead = { start, listItem: false };
        node.children.forEach((child, k) => visit(child, inner, depth + 1, k === 0 ? first : undefined));
        return;
      }
      case 'table':
        for (const row of node.children) for (const cell of row.children) visit(cell, ctx, depth + 2);
        return;
      case 'tableCell': {
        const { span, markers } = inline(node.children, start);
        push('tableCell', span, markers, { start, end }, ctx);
        return;
      }
      case 'paragraph': {
        const { span, markers } = inline(node.children, start);
        const emphasis = emphasisOnly(node);
        push('paragraph', span, markers, { start: from, end }, ctx, {
          itemStart,
          listNumber: lead?.listNumber,
          emphasisOnly: emphasis !== 'no',
          bold: emphasis === 'bold',
          footnote,
        });
        return;
      }
      case 'heading': {
        const { span, markers } = inline(node.children, start);
        push('heading', span, markers, { start: from, end }, ctx, { headingDepth: node.depth, itemStart, footnote });
        return;
      }
      case 'code': {
        if (isFenced(source, start)) return;
        const { span, markers } = sourceLinesSpan(source, start, end);
        push('code', span, markers, { start: from, end }, ctx, { itemStart, footnote });
        return;
      }
      case 'thematicBreak':
        push('break', { text: '', sourceOffsets: [start], range: { start, end: start } }, [], { start, end }, ctx);
        return;
      default:
        // html blocks, link definitions: not prose.
        return;
    }
  };

  visit(root, { listDepth: 0, quoteDepth: 0, topItem: 0, ordered: false }, 0);
  return blocks;
}

function readListNumber(source: string, start: number): Block['listNumber'] {
  LIST_MARKER.lastIndex = start;
  const match = LIST_MARKER.exec(source);
  // "27)" lists are ordinary lists; UN paragraphs are numbered "27.".
  if (!match || match[2] !== '.') return undefined;
  const digitsStart = start + match[0].length - match[1].length - 1;
  return { number: Number(match[1]), range: { start: digitsStart, end: start + match[0].length } };
}

function isFenced(source: string, start: number): boolean {
  let at = start;
  while (source[at] === ' ') at++;
  return source[at] === '`' || source[at] === '~';
}

/** Whether a paragraph is nothing but emphasis, and whether that emphasis is bold. */
function emphasisOnly(node: Paragraph): 'no' | 'emphasis' | 'bold' {
  let seen = false;
  let bold = false;
  for (const child of node.children) {
    if (child.type === 'break' || (child.type === 'text' && !child.value.trim())) continue;
    if (child.type !== 'strong' && child.type !== 'emphasis') return 'no';
    seen = true;
    if (child.type === 'strong' || child.children.some((c) => c.type === 'strong')) bold = true;
  }
  return !seen ? 'no' : bold ? 'bold' : 'emphasis';
}
