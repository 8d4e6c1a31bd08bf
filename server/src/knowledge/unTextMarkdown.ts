// A UN document's PDF text layer (unText.ts) as a corpus text in Markdown: front matter with what
// its cover page and heading print (symbol, title, date), the blocks of the text with their lines
// joined ("1. \nReaffirms …" → "1. Reaffirms …"), running page headers and footers dropped, and the
// footnotes gathered at the end as Markdown footnotes, their markers written where the text has them.
// `compact-drafter corpus add` writes these; the corpus reads them like any other text.
import { stringify } from 'yaml';
import { parseUnDate } from '../corpus/metadata';
import { footnoteMarkers } from './footnoteNames';
import { printedTitle } from './printedFacts';
import type { UnTextRecord } from './unText';

const FOOTNOTE_RULE = /^\s*_{5,}\s*$/;
const FOOTNOTE_START = /^\s*(\d{1,3})\s+(\S.*)$/;
const JOB_NUMBER = /^\s*\d{2}-\d{5}(?:\s*\([A-Z]\).*)?\s*$/;
const PAGE_COUNTER = /^\s*\d{1,3}\/\d{1,3}\s*$/;
const BAR_CODE = /^\s*\*\d{7}\*\s*$/;
/** A block that is only a paragraph number or a sub-paragraph letter: the PDF put its text on the next line. */
const NUMBER_ONLY = /^(?:\d{1,3}(?: (?:bis|ter|quater))?\.|\([a-z]{1,4}\))$/;
const ADOPTED = /Resolution adopted by the General Assembly\s+on\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})/;
const ISSUED = /Distr\.:\s*(?:General|Limited)\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})/;

export function unTextMarkdown(record: UnTextRecord, source: string): string {
  const title = printedTitle(record.title);
  const blocks: string[][] = [[]];
  const footnotes = new Map<number, string>();
  let inFootnotes = false;
  let current: number | undefined;
  let afterSymbol = false;
  let seenSymbol = false;
  for (const raw of record.text.split(/\r?\n/)) {
    const line = raw.trim();
    if (afterSymbol && line) {
      afterSymbol = false;
      if (title && line.length > 3 && title.startsWith(line.replace(/\s+/g, ' '))) continue;
    }
    if (FOOTNOTE_RULE.test(line)) {
      inFootnotes = true;
      current = undefined;
      continue;
    }
    const isSymbol = line === record.symbol;
    const header = (isSymbol && seenSymbol) || JOB_NUMBER.test(line) || PAGE_COUNTER.test(line) || BAR_CODE.test(line);
    if (isSymbol) {
      afterSymbol = seenSymbol;
      seenSymbol = true;
    }
    if (inFootnotes) {
      if (header) {
        inFootnotes = false;
        continue;
      }
      const start = FOOTNOTE_START.exec(line);
      if (start && (current === undefined || Number(start[1]) === current + 1)) {
        current = Number(start[1]);
        footnotes.set(current, start[2].trim());
      } else if (current !== undefined && line) footnotes.set(current, `${footnotes.get(current)} ${line}`);
      continue;
    }
    if (header) continue;
    if (!line) {
      if (blocks[blocks.length - 1].length) blocks.push([]);
      continue;
    }
    blocks[blocks.length - 1].push(line);
  }
  const joined = blocks.map((b) => b.join(' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const merged: string[] = [];
  for (const block of joined) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && NUMBER_ONLY.test(previous)) merged[merged.length - 1] = `${previous} ${block}`;
    else merged.push(block);
  }
  let body = merged.map(escapeLineStart).join('\n\n');
  // Markers, read in sequence as the registry build reads them, become Markdown footnote references.
  const markers = footnoteMarkers(body, footnotes);
  for (const marker of [...markers].reverse()) body = `${body.slice(0, marker.start)}[^${marker.footnote}]${body.slice(marker.end)}`;
  const head = record.text.replace(/\s+/g, ' ').slice(0, 3000);
  const adopted = ADOPTED.exec(head)?.[1] ?? ISSUED.exec(head)?.[1];
  const date = adopted ? parseUnDate(adopted) : undefined;
  const front = stringify({ symbol: record.symbol, ...(title ? { title } : {}), ...(date ? { date } : {}), source }).trimEnd();
  const notes = [...footnotes].map(([n, text]) => `[^${n}]: ${text}`).join('\n\n');
  return `---\n${front}\n---\n\n${body}\n${notes ? `\n${notes}\n` : ''}`;
}

/** A block that Markdown would read as syntax it is not ("* A/RES/…", "# 5", "> "): escaped at its start. */
function escapeLineStart(block: string): string {
  return /^([#>*+\-=]|\d{1,9}\))/.test(block) ? `\\${block}` : block;
}
