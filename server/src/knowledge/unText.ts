// One UN document as the official PDF's text layer gives it (../shared/un-documents/texts.jsonl):
// lines break where the printed lines break, every page repeats a header (symbol, title, job
// number, page counter), and footnotes stand at the foot of each page below a rule of
// underscores. This module splits such a text into what the registry build reads: the body as
// one line of prose, the footnotes by number, and the lines of the cover page and heading.

/** A document of the export: symbol, official PDF name, printed title, the PDF's text. */
export interface UnTextRecord {
  readonly symbol: string;
  readonly pdf?: string;
  readonly title: string;
  readonly text: string;
}

export interface UnText {
  readonly record: UnTextRecord;
  /** The body without page headers and footnote blocks, lines joined by spaces. */
  readonly body: string;
  /** Footnote texts by their number, lines joined. */
  readonly footnotes: ReadonlyMap<number, string>;
  /** The first lines up to "The General Assembly," (cover page and heading), trimmed, blank lines dropped. */
  readonly headLines: readonly string[];
}

/** The rule above a page's footnotes. */
const FOOTNOTE_RULE = /^\s*_{5,}\s*$/;
/** A footnote's first line: its number, then its text. */
const FOOTNOTE_START = /^\s*(\d{1,3})\s+(\S.*)$/;
/** Lines of the running header and footer: the job number ("24-24157"), the page counter ("2/24"). */
const JOB_NUMBER = /^\s*\d{2}-\d{5}(?:\s*\([A-Z]\).*)?\s*$/;
const PAGE_COUNTER = /^\s*\d{1,3}\/\d{1,3}\s*$/;
const BAR_CODE = /^\s*\*\d{7}\*\s*$/;

export function readUnText(record: UnTextRecord): UnText {
  const { lines, footnotes } = splitTextLayer(record);
  return { record, body: joinLines(lines), footnotes, headLines: headLines(record) };
}

/**
 * The text layer's lines without running page headers and footers and without the footnote blocks,
 * blank lines kept (they separate blocks), and the footnotes by number. `keepCoverSymbol`: the
 * symbol's first line, on the cover page, stays (a corpus text keeps its cover; the registry build
 * reads the cover apart, from the raw lines).
 */
export function splitTextLayer(record: UnTextRecord, options: { keepCoverSymbol?: boolean } = {}): { lines: string[]; footnotes: Map<number, string> } {
  const symbolLine = record.symbol.trim();
  const lines: string[] = [];
  const footnotes = new Map<number, string>();
  let inFootnotes = false;
  let current: number | undefined;
  // The running header prints the title (or its start) on the line after the symbol.
  const title = record.title.replace(/^\s*\d+\/\d+\.\s*/, '').replace(/\s+/g, ' ').trim();
  let afterSymbol = false;
  let seenSymbol = false;
  for (const raw of record.text.split(/\r?\n/)) {
    const line = raw.trim();
    if (afterSymbol && line) {
      afterSymbol = false;
      if (title.startsWith(line.replace(/\s+/g, ' ')) && line.length > 3) continue;
    }
    const isSymbol = line === symbolLine;
    const cover = isSymbol && !seenSymbol && options.keepCoverSymbol;
    if (isSymbol) {
      afterSymbol = !cover;
      seenSymbol = true;
    }
    if (FOOTNOTE_RULE.test(line)) {
      inFootnotes = true;
      current = undefined;
      continue;
    }
    // A page header ends the footnote block: the symbol on a line of its own, or the job number.
    const header = (isSymbol && !cover) || JOB_NUMBER.test(line) || PAGE_COUNTER.test(line) || BAR_CODE.test(line);
    if (inFootnotes) {
      if (header) {
        inFootnotes = false;
        current = undefined;
        continue;
      }
      const start = FOOTNOTE_START.exec(line);
      if (start && (current === undefined || Number(start[1]) === current + 1)) {
        current = Number(start[1]);
        footnotes.set(current, start[2].trim());
      } else if (current !== undefined && line) {
        footnotes.set(current, `${footnotes.get(current)} ${line}`);
      }
      continue;
    }
    if (header) continue;
    lines.push(line);
  }
  return { lines, footnotes };
}

/** The first lines up to "The General Assembly," (cover page and heading), trimmed, blank lines dropped. */
function headLines(record: UnTextRecord): string[] {
  const head: string[] = [];
  for (const raw of record.text.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^The General Assembly,?$/.test(line)) break;
    if (line) head.push(line);
    if (head.length > 80) break;
  }
  return head;
}

/** Lines joined by single spaces; a word hyphenated across a line break is not rejoined (UN texts hyphenate compounds). */
export function joinLines(lines: readonly string[]): string {
  return lines.filter((l) => l !== '').join(' ').replace(/\s+/g, ' ').trim();
}

/** Reads a JSON-lines export of UN texts, one record a line. */
export function parseUnTextLines(jsonl: string): UnTextRecord[] {
  const records: UnTextRecord[] = [];
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const value = JSON.parse(line) as Partial<UnTextRecord>;
    if (typeof value.symbol !== 'string' || typeof value.text !== 'string') continue;
    records.push({ symbol: value.symbol, pdf: value.pdf, title: typeof value.title === 'string' ? value.title : '', text: value.text });
  }
  return records;
}
