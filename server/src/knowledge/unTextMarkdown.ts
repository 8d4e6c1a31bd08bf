// A UN document's PDF text layer (unText.ts) as a corpus text in Markdown: front matter with what
// its cover page and heading print (symbol, title, date), the blocks of the text with their lines
// joined ("1. \nReaffirms …" → "1. Reaffirms …"), running page headers and footers dropped, and the
// footnotes gathered at the end as Markdown footnotes, their markers written where the text has them.
// `compact-drafter corpus add` writes these; the corpus reads them like any other text.
import { stringify } from 'yaml';
import { ADOPTION_HEADING, DATE_OF_ISSUE, parseUnDate } from '../corpus/metadata';
import { footnoteMarkers } from './footnoteNames';
import { printedTitle } from './printedFacts';
import { splitTextLayer, type UnTextRecord } from './unText';

/** A block that is only a paragraph number or a sub-paragraph letter: the PDF put its text on the next line. */
const NUMBER_ONLY = /^(?:\d{1,3}(?: (?:bis|ter|quater))?\.|\([a-z]{1,4}\))$/;

export function unTextMarkdown(record: UnTextRecord, source: string): string {
  const title = printedTitle(record.title);
  const { lines, footnotes } = splitTextLayer(record, { keepCoverSymbol: true });
  const blocks: string[][] = [[]];
  for (const line of lines) {
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
  const adopted = ADOPTION_HEADING.exec(head)?.[1] ?? DATE_OF_ISSUE.exec(head)?.[1];
  const date = adopted ? parseUnDate(adopted) : undefined;
  const front = stringify({ symbol: record.symbol, ...(title ? { title } : {}), ...(date ? { date } : {}), source }).trimEnd();
  const notes = [...footnotes].map(([n, text]) => `[^${n}]: ${text}`).join('\n\n');
  return `---\n${front}\n---\n\n${body}\n${notes ? `\n${notes}\n` : ''}`;
}

/** A block that Markdown would read as syntax it is not ("* A/RES/…", "# 5", "> "): escaped at its start. */
function escapeLineStart(block: string): string {
  return /^([#>*+\-=]|\d{1,9}\))/.test(block) ? `\\${block}` : block;
}
