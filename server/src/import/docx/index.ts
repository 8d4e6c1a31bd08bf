// Word (.docx) → ImportedDocument, read from the package's XML with jszip and fast-xml-parser.
//
// - Numbering: paragraphs in a Word list get the label Word shows (numbering.ts), written before their text.
// - Footnotes (word/footnotes.xml) are written as Markdown footnotes where their reference stands,
//   numbered 1, 2, … in the order they are referenced, as Word numbers them; a custom mark is kept.
// - Tracked changes: a corpus text is the text as it would stand with every change accepted:
//   insertions (w:ins, w:moveTo) are kept, deletions (w:del, w:moveFrom) dropped, and a paragraph
//   whose mark was deleted is joined to the next. With --as-draft they stay visible: insertions as
//   <ins>…</ins>, deletions as <del>…</del>, which Markdown previews show as Word does.
// - Headings (styles "Heading 1…", "Title", or an outline level) become Markdown headings.
// Nothing in the package is executed: macros (vbaProject.bin), embedded objects and fields' codes are ignored.
import JSZip from 'jszip';
import { readCover } from '../cover';
import { ImportError, inlineText, type Block, type Footnote, type ImportedDocument, type Inline } from '../model';
import { Numbering } from './numbering';
import { attr, child, children, parseXml, textOf, type XmlNode } from './xml';

export interface DocxOptions {
  /** Keep tracked insertions and deletions visible (drafts) instead of accepting them (corpus texts). */
  readonly showRevisions: boolean;
}

interface StyleInfo {
  numId?: string;
  ilvl?: number;
  heading?: number;
  basedOn?: string;
}

async function readPart(zip: JSZip, path: string): Promise<XmlNode | undefined> {
  const file = zip.file(path);
  return file ? parseXml(await file.async('string')) : undefined;
}

function readStyles(styles: XmlNode | undefined): Map<string, StyleInfo> {
  const map = new Map<string, StyleInfo>();
  for (const style of children(child(styles, 'w:styles'), 'w:style')) {
    if (attr(style, 'w:type') !== 'paragraph') continue;
    const pPr = child(style, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const name = attr(child(style, 'w:name'), 'w:val') ?? '';
    const headingMatch = /^(?:heading|Überschrift)\s*(\d)$/i.exec(name);
    const outline = attr(child(pPr, 'w:outlineLvl'), 'w:val');
    map.set(attr(style, 'w:styleId') ?? '', {
      numId: attr(child(numPr, 'w:numId'), 'w:val'),
      ilvl: numPr ? Number(attr(child(numPr, 'w:ilvl'), 'w:val') ?? 0) : undefined,
      heading: headingMatch ? Number(headingMatch[1]) : /^title$/i.test(name) ? 1 : outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : undefined,
      basedOn: attr(child(style, 'w:basedOn'), 'w:val'),
    });
  }
  return map;
}

/** A style's list and heading level, following w:basedOn. */
function resolveStyle(styles: Map<string, StyleInfo>, id: string | undefined): StyleInfo {
  const result: StyleInfo = {};
  for (let depth = 0; id && depth < 20; depth++) {
    const style = styles.get(id);
    if (!style) break;
    result.numId ??= style.numId;
    result.ilvl ??= style.ilvl;
    result.heading ??= style.heading;
    id = style.basedOn;
  }
  return result;
}

interface Walker {
  readonly showRevisions: boolean;
  /** Word's footnote id → the label shown. */
  readonly footnoteLabel: (id: string, customMark: boolean) => string | undefined;
}

/** The inlines of a run container (paragraph, hyperlink, w:ins, …), tracked changes applied. */
function runInlines(node: XmlNode, walker: Walker, out: Inline[], revision?: 'ins' | 'del'): void {
  for (const c of node.children) {
    switch (c.name) {
      case 'w:r': {
        const customMark = child(c, 'w:footnoteReference') && child(c, 'w:footnoteReference')?.attributes['w:customMarkFollows'] === '1';
        for (const piece of c.children) {
          if (piece.name === 'w:t' || piece.name === 'w:delText') {
            const text = textOf(piece);
            if (revision === 'del' && !walker.showRevisions) continue;
            out.push(revision && walker.showRevisions ? { text, revision } : { text });
          } else if (piece.name === 'w:tab') out.push({ text: ' ' });
          else if (piece.name === 'w:br' || piece.name === 'w:cr') out.push({ text: ' ' });
          else if (piece.name === 'w:noBreakHyphen') out.push({ text: '-' });
          else if (piece.name === 'w:footnoteReference') {
            if (revision === 'del' && !walker.showRevisions) continue;
            const label = walker.footnoteLabel(attr(piece, 'w:id') ?? '', !!customMark);
            if (label) out.push({ footnote: label });
          }
        }
        break;
      }
      case 'w:ins':
      case 'w:moveTo':
        runInlines(c, walker, out, 'ins');
        break;
      case 'w:del':
      case 'w:moveFrom':
        runInlines(c, walker, out, 'del');
        break;
      case 'w:hyperlink':
      case 'w:smartTag':
      case 'w:fldSimple':
      case 'w:customXml':
        runInlines(c, walker, out, revision);
        break;
      case 'w:sdt':
        runInlines(child(c, 'w:sdtContent') ?? c, walker, out, revision);
        break;
      default:
        break;
    }
  }
}

/** Adjacent text inlines merged, so "<ins>a</ins><ins>b</ins>" and split runs read as one. */
function merge(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if ('text' in inline && last && 'text' in last && last.revision === inline.revision) out[out.length - 1] = { ...last, text: last.text + inline.text };
    else out.push(inline);
  }
  return out;
}

/** Paragraphs of the body in reading order; tables are read cell by cell. */
function bodyParagraphs(node: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of node.children) {
    if (c.name === 'w:p') out.push(c);
    else if (c.name === 'w:tbl' || c.name === 'w:tr' || c.name === 'w:tc' || c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') out.push(...bodyParagraphs(c));
  }
  return out;
}

export async function importDocx(bytes: Uint8Array, options: DocxOptions): Promise<ImportedDocument> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new ImportError(`a damaged Word file: the ZIP container cannot be read (${(error as Error).message})`);
  }
  if (!zip.file('word/document.xml')) {
    throw new ImportError('a ZIP archive, but not a Word document (it has no word/document.xml)');
  }
  const [document, numberingXml, stylesXml, footnotesXml] = await Promise.all([
    readPart(zip, 'word/document.xml'),
    readPart(zip, 'word/numbering.xml'),
    readPart(zip, 'word/styles.xml'),
    readPart(zip, 'word/footnotes.xml'),
  ]);
  const body = child(child(document, 'w:document'), 'w:body');
  if (!body) throw new ImportError('a damaged Word file: word/document.xml has no body');
  const numbering = new Numbering(numberingXml);
  const styles = readStyles(stylesXml);
  const warnings: string[] = [];

  const footnoteNodes = new Map<string, XmlNode>();
  for (const note of children(child(footnotesXml, 'w:footnotes'), 'w:footnote')) {
    const type = attr(note, 'w:type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    footnoteNodes.set(attr(note, 'w:id') ?? '', note);
  }
  const footnotes: Footnote[] = [];
  const footnoteIds = new Map<string, string>();
  let footnoteCount = 0;
  const walker: Walker = {
    showRevisions: options.showRevisions,
    footnoteLabel(id, customMark) {
      if (footnoteIds.has(id)) return footnoteIds.get(id);
      const note = footnoteNodes.get(id);
      if (!note) {
        warnings.push(`footnote reference ${id} has no footnote in word/footnotes.xml`);
        return undefined;
      }
      const label = customMark ? '*'.repeat(footnotes.filter((f) => /^\*+$/.test(f.label)).length + 1) : String(++footnoteCount);
      footnoteIds.set(id, label);
      const inlines: Inline[] = [];
      for (const paragraph of children(note, 'w:p')) {
        if (inlines.length) inlines.push({ text: ' ' });
        runInlines(paragraph, { ...walker, footnoteLabel: () => undefined }, inlines);
      }
      footnotes.push({ label, inlines: trim(merge(inlines)) });
      return label;
    },
  };

  const blocks: Block[] = [];
  let carried: Inline[] | undefined;
  /** The list the numbered paragraphs are in; a decimal list of another one after a colon is a list inside a paragraph. */
  let paragraphList: string | undefined;
  for (const paragraph of bodyParagraphs(body)) {
    const pPr = child(paragraph, 'w:pPr');
    const markDeleted = !!child(child(pPr, 'w:rPr'), 'w:del');
    const inlines: Inline[] = carried ?? [];
    carried = undefined;
    runInlines(paragraph, walker, inlines);
    const style = resolveStyle(styles, attr(child(pPr, 'w:pStyle'), 'w:val'));
    const numPr = child(pPr, 'w:numPr');
    const numId = attr(child(numPr, 'w:numId'), 'w:val') ?? style.numId;
    const ilvl = numPr && child(numPr, 'w:ilvl') ? Number(attr(child(numPr, 'w:ilvl'), 'w:val')) : (style.ilvl ?? 0);
    // Accepting a deleted paragraph mark joins this paragraph to the next; its number is not counted.
    if (markDeleted && !options.showRevisions) {
      carried = inlines;
      continue;
    }
    // Numbers are those of the text with every change accepted: a struck-out paragraph shown in a draft takes none.
    const label = numId && !markDeleted ? numbering.next(numId, ilvl) : undefined;
    const merged = trim(merge(inlines));
    if (inlineText(merged).trim() === '' && !merged.some((inline) => 'footnote' in inline)) continue;
    const outline = attr(child(pPr, 'w:outlineLvl'), 'w:val');
    const heading = style.heading ?? (outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : undefined);
    if (label) merged.unshift({ text: `${label} ` });
    const abstract = numId ? numbering.abstractOf(numId) : undefined;
    const previous = blocks[blocks.length - 1];
    let item = ilvl > 0 && label !== undefined && /^\d/.test(label);
    if (label && /^\d/.test(label) && ilvl === 0) {
      const afterColon = previous !== undefined && (previous.kind === 'item' || /:\s*$/.test(inlineText(previous.inlines)));
      if (paragraphList !== undefined && abstract !== paragraphList && afterColon) item = true;
      else paragraphList = abstract;
    }
    const annex = heading !== undefined && /^Annex(?:es)?(?:\s+[IVXL]{1,6}|\s+\d{1,2})?$/.test(inlineText(merged).trim());
    blocks.push({ kind: annex ? 'annex' : heading ? 'heading' : item ? 'item' : 'text', inlines: merged });
  }
  if (carried) blocks.push({ kind: 'text', inlines: trim(merge(carried)) });

  // A cover page typed into the document (symbol, "Distr.: …", date) gives the metadata, as for a PDF.
  const coverLines = blocks.slice(0, 30).map((block) => ({ text: inlineText(block.inlines), large: block.kind === 'heading', leftColumn: false }));
  const cover = readCover(coverLines, { stopAtUnknown: true });
  const unreferenced = [...footnoteNodes.keys()].filter((id) => !footnoteIds.has(id));
  if (unreferenced.length) warnings.push(`${unreferenced.length} footnote(s) in word/footnotes.xml are referenced nowhere in the text (left out)`);
  // Lines the cover took are metadata now, except those a reader of the text needs.
  const consumed = blocks.slice(0, cover.consumed);
  const keptBlocks = consumed.filter((block) => {
    const text = inlineText(block.inlines).replace(/\s+/g, ' ').trim();
    return cover.kept.some((kept) => kept.startsWith(text)) || (cover.heading !== undefined && cover.heading.startsWith(text));
  });
  return { meta: cover.meta, blocks: [...keptBlocks, ...blocks.slice(cover.consumed)], footnotes, warnings };
}

function trim(inlines: Inline[]): Inline[] {
  const first = inlines[0];
  if (first && 'text' in first) inlines[0] = { ...first, text: first.text.replace(/^\s+/, '') };
  const last = inlines[inlines.length - 1];
  if (last && 'text' in last) inlines[inlines.length - 1] = { ...last, text: last.text.replace(/\s+$/, '') };
  return inlines;
}
