// A PDF's text layer, page by page, as positioned pieces of text (pdf.js text items).
import { ImportError } from '../model';
import { loadPdfjs } from './pdfjs';

export interface TextItem {
  readonly text: string;
  /** Left edge and baseline, in PDF points from the page's bottom-left corner. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** The font size the item is drawn at (the text matrix's vertical scale). */
  readonly size: number;
}

export interface PdfPage {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly items: TextItem[];
}

/**
 * Reads every page's text items. Nothing in the document is run: pdf.js evaluates no code (eval is
 * off, document JavaScript is never executed outside its viewer's scripting sandbox, which is not
 * loaded), and it fetches nothing (the bytes are given, fonts are not loaded).
 */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdf.js wants a plain Uint8Array (not a Buffer) and may transfer (detach) it: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new ImportError('the PDF is encrypted with a password; open it, save an unprotected copy and import that');
    }
    throw new ImportError(`not a readable PDF (${(error as Error).message})`);
  }
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        // Rotated text (a watermark, a vertical margin note) is not part of the reading flow.
        if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0) continue;
        items.push({ text: item.str, x: e - x0, y: f - y0, width: item.width, size: Math.abs(d) });
      }
      pages.push({ number, width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}
