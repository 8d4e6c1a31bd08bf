// PDF → ImportedDocument: pages (pdf.js) → lines with footnote markers → zones → cover + blocks.
import { readCover, type CoverLine } from '../cover';
import { ImportError, type Block, type Footnote, type ImportedDocument, type Inline, inlineText } from '../model';
import { repairSplitWords } from '../repair';
import { buildBlocks, geometryOf } from './blocks';
import { linesOf, type Line } from './lines';
import { readPdfPages } from './pages';
import { bodySize, zonePage, type ZonedLine } from './zones';

/** Fewer characters than this on every page: the PDF is a scan, its text is in images. */
const MIN_TEXT_PER_PAGE = 20;

export async function importPdf(bytes: Uint8Array): Promise<ImportedDocument> {
  const pages = await readPdfPages(bytes);
  if (pages.length === 0) throw new ImportError('the PDF has no pages');
  const pageLines = pages.map((page) => linesOf(page.items));
  const characters = pageLines.flat().reduce((sum, line) => sum + line.text.trim().length, 0);
  if (characters < MIN_TEXT_PER_PAGE * pages.length) {
    throw new ImportError(
      `the PDF has no text layer (${characters} characters on ${pages.length} page${pages.length === 1 ? '' : 's'}): it is a scanned image; run it through OCR (for example ocrmypdf) and import the result`,
    );
  }
  const allLines = pageLines.flat();
  const textSize = bodySize(allLines);
  const symbolLine = firstSymbolPattern(pageLines[0] ?? []);
  const zoned: ZonedLine[] = pages.flatMap((page, index) => zonePage(page, pageLines[index], textSize, symbolLine));
  const geometry = geometryOf(allLines, textSize, pages[0].width);
  const margin = geometry.margin;
  const firstPageBody = zoned.filter((line) => line.page === 1 && line.zone === 'body');
  const coverLines: CoverLine[] = firstPageBody.map(({ line }) => ({
    text: line.text,
    large: line.size > textSize + 1,
    // The title's resolution number hangs into the margin ("78/244. Programme planning" at 72 pt); it is not the left column.
    leftColumn: line.x < margin - 20 && !/^\d{1,3}\/\d{1,4}\.\s/.test(line.text.trim()),
  }));
  const cover = readCover(coverLines);
  const consumed = new Set(firstPageBody.slice(0, cover.consumed));
  const rest = zoned.filter((line) => !consumed.has(line));
  const { blocks, footnotes } = buildBlocks(rest, textSize, geometry);
  const head = [
    ...cover.kept.map((text) => ({ kind: 'text' as const, inlines: [{ text }] })),
    ...(cover.heading ? [{ kind: 'heading' as const, inlines: [{ text: cover.heading }] }] : []),
  ];
  if (cover.agendaMarker) {
    const index = footnotes.findIndex((footnote) => footnote.label === cover.agendaMarker);
    if (index >= 0) cover.meta.agendaNote = inlineText(footnotes.splice(index, 1)[0].inlines).trim();
  }
  repairSplitWords(blocks, footnotes);
  attachAsteriskMarkers([...head, ...blocks], footnotes);
  return { meta: cover.meta, blocks: [...head, ...blocks], footnotes, warnings: [] };
}

/** The running header repeats the symbol printed on the cover. */
function firstSymbolPattern(lines: readonly Line[]): RegExp | undefined {
  const symbol = lines.map((line) => /\b((?:A|S|E)\/[A-Z0-9.\/]+)\b/.exec(line.text)?.[1]).find(Boolean);
  return symbol ? new RegExp(`(?:^|\\s)${symbol.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:\\s|$)`) : undefined;
}

/**
 * Cover-page notes are called by asterisks set in the text, not raised ("Iraq:* draft resolution");
 * where a note "*" exists, an asterisk glued to the end of a word is its marker.
 */
function attachAsteriskMarkers(blocks: readonly Block[], footnotes: readonly Footnote[]): void {
  const labels = new Set(footnotes.map((footnote) => footnote.label).filter((label) => /^\*+$/.test(label)));
  if (labels.size === 0) return;
  for (const block of blocks) {
    const next: Inline[] = [];
    for (const inline of block.inlines) {
      if (!('text' in inline)) {
        next.push(inline);
        continue;
      }
      let rest = inline.text;
      for (let match = /(?<=\S)(\*{1,3})(?=\s|$)/.exec(rest); match; match = /(?<=\S)(\*{1,3})(?=\s|$)/.exec(rest)) {
        if (!labels.has(match[1])) break;
        next.push({ text: rest.slice(0, match.index) }, { footnote: match[1] });
        rest = rest.slice(match.index + match[1].length);
      }
      next.push({ text: rest });
    }
    block.inlines.splice(0, block.inlines.length, ...next);
  }
}
