// Which printed lines of a page are running text, which are footnotes and which are page furniture.
//
// Official UN PDFs (letter or A4) print a running header (the symbol, on resolutions also the title,
// 8.5 pt) in the top tenth of the page, and in the bottom margin the job number ("24-16433", on the
// first page "24-16433 (E) 230924" and the bar code "*2416433*"), the page counter ("2/56") and, on
// the last page, "Please recycle". Footnotes sit below a short rule ("__________________") and above
// that margin. Furniture is recognised by place *and* look: a line in the margins that is set smaller
// than the running text, or reads as a job number, counter or bar code; text in the margin that looks
// like neither (a footnote that runs low) is kept.
import type { Line } from './lines';
import type { PdfPage } from './pages';

export type Zone = 'body' | 'footnote' | 'furniture';

export interface ZonedLine {
  readonly line: Line;
  readonly zone: Zone;
  readonly page: number;
  /** A footnote rule ends the running text of its page. */
  readonly afterRule: boolean;
}

const FOOTNOTE_RULE = /^_{6,}$/;
const JOB_NUMBER = /\b\d{2}-\d{5}\b/;
const FURNITURE_WORDS = /^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?|\d{6}|\d{1,3}\/\d{1,3}|\*\d{7}\*|Please\s+recycle|\([A-Z]\)|[\s•]+)$/i;

/** Every piece of the line is a job number, issue date digits, page counter, bar code or "Please recycle". */
export function isFurnitureText(text: string): boolean {
  const parts = text.trim().split(/\s{2,}|(?<=\))\s+|\s+(?=\d{6}\b)|\s+(?=\d{1,3}\/\d{1,3}\b)|(?<=\d)\s+(?=\d{2}-\d{5})/);
  return parts.length > 0 && parts.every((part) => FURNITURE_WORDS.test(part.trim()) || part.trim() === '');
}

/** The size of the running text: the size most characters of the whole document are set in. */
export function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) weight.set(line.size, (weight.get(line.size) ?? 0) + line.text.length);
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

export function zonePage(page: PdfPage, lines: readonly Line[], textSize: number, symbolPattern: RegExp | undefined): ZonedLine[] {
  const top = page.height * 0.9;
  const bottom = page.height * 0.08;
  const ruleIndex = lines.findIndex((line) => FOOTNOTE_RULE.test(line.text.trim()));
  return lines.map((line, index) => {
    const text = line.text.trim();
    const inTop = line.y > top;
    const inBottom = line.y < bottom;
    const smaller = line.size < textSize * 0.95;
    let zone: Zone = 'body';
    if (FOOTNOTE_RULE.test(text)) zone = 'furniture';
    else if (isFurnitureText(text) && (inTop || inBottom || JOB_NUMBER.test(text))) zone = 'furniture';
    else if (inTop && (smaller || (symbolPattern?.test(text) ?? false)) && page.number > 1) zone = 'furniture';
    else if (inBottom && smaller && !startsWithMarker(line)) zone = 'furniture';
    else if (ruleIndex >= 0 && index > ruleIndex) zone = 'footnote';
    return { line, zone, page: page.number, afterRule: ruleIndex >= 0 && index > ruleIndex };
  });
}

/** A footnote's first line: a raised number, or an asterisk note ("* A/80/150.", "** Any changes …"). */
export function startsWithMarker(line: Line): boolean {
  const first = line.pieces.find((piece) => !('text' in piece) || piece.text.trim() !== '');
  if (!first) return false;
  if ('marker' in first) return true;
  return /^\*{1,3}\s/.test(line.text.trimStart());
}
