// The UN cover page and heading, read line by line into metadata; the lines a reader of the body
// needs (the "[on the report of …]" line, the sponsors' line and the title) are handed back as text.
//
//   United Nations                         A/RES/79/1          symbol
//   General Assembly        Distr.: General                    body, distribution
//                           22 September 2024                  date of issue
//   Seventy-ninth session                                      session
//   Agenda item 123                                            agenda item, then its title lines
//   Strengthening of the United Nations system
//   Resolution adopted by the General Assembly                 adoption date
//   on 22 September 2024
//   [without reference to a Main Committee (A/79/L.2)]         kept
//   Iraq:* draft resolution                                    kept (drafts)
//   79/1. The Pact for the Future                              title (kept as the heading)
import { parseUnDate } from '../corpus/metadata';
import { parseSymbol } from '../references/symbols';
import { BODY_NAMES, MONTH_SOURCE } from '../vocabulary';
import type { ImportedMetadata } from './model';

export interface CoverLine {
  readonly text: string;
  /** Set larger than the running text (the title, 12 pt in 10 pt documents). */
  readonly large: boolean;
  /** In the left column of the cover (session, committee, agenda), not in the text column. */
  readonly leftColumn: boolean;
}

export interface Cover {
  readonly meta: ImportedMetadata;
  /** How many lines the cover took. */
  readonly consumed: number;
  /** Lines to keep, as paragraphs in the text: the "[on the report …]" line, the sponsors' line. */
  readonly kept: string[];
  /** The title as printed, with the resolution number ("79/1. The Pact for the Future"). */
  readonly heading?: string;
  /** The asterisk after "provisional agenda*": its note (the agenda's symbol) belongs in the front matter. */
  readonly agendaMarker?: string;
}

const BODIES = BODY_NAMES;
const DATE = new RegExp(String.raw`\b(\d{1,2} (?:${MONTH_SOURCE}) \d{4})\b`);
const MAIN_COMMITTEE = /^(?:(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Special Political and Decolonization Committee(?: \(Fourth Committee\))?)$/;
const TEXT_START = new RegExp(String.raw`^(?:The (?:${BODY_NAMES.join('|')})\b|\d{1,3}\.\s|We,? )`);

function isoDate(text: string): string | undefined {
  const match = DATE.exec(text);
  return match ? parseUnDate(match[1]) : undefined;
}

/** Reads the cover from the first lines of the first page; stops where the text proper starts. */
export function readCover(lines: readonly CoverLine[], options: { stopAtUnknown?: boolean } = {}): Cover {
  const meta: ImportedMetadata = {};
  const kept: string[] = [];
  let heading: string | undefined;
  let i = 0;
  let sawHeadingLines = false;
  let agendaMarker: string | undefined;
  for (; i < lines.length; i++) {
    const text = lines[i].text.replace(/\s+/g, ' ').trim();
    if (TEXT_START.test(text) && !lines[i].large) break;
    // After the title, running text starts: whatever is not part of the cover ends it.
    if (heading !== undefined && !lines[i].large) break;
    if (!meta.symbol) {
      const symbolMatch = /(?:^|\s)((?:A|S|E)\/[A-Z0-9.\/]+[0-9A-Za-z.]*)\*?$/.exec(text);
      const parsed = symbolMatch ? parseSymbol(symbolMatch[1]) : undefined;
      if (parsed && parsed.problems.length === 0) {
        meta.symbol = parsed.canonical;
        continue;
      }
    }
    if (/^United Nations$/.test(text)) continue;
    const body = BODIES.find((name) => text.startsWith(name));
    const distr = /Distr\.:?\s*(General|Limited|Restricted)/i.exec(text);
    if (distr) {
      meta.distribution = distr[1];
      meta.issued = isoDate(text) ?? isoDate(lines[i + 1]?.text ?? '');
      if (body && !meta.body) meta.body = body;
      if (!isoDate(text) && meta.issued) i++;
      continue;
    }
    if (body && text === body && !sawHeadingLines) {
      meta.body ??= body;
      continue;
    }
    if (!meta.issued && isoDate(text) && text.replace(DATE, '').trim() === '') {
      meta.issued = isoDate(text);
      continue;
    }
    if (/^Original:/.test(text)) continue;
    if (/^[A-Z][a-z-]+(?:-[a-z]+)? session$|^(?:Resumed|Special|Emergency) .*session$/i.test(text) && lines[i].leftColumn) {
      meta.session = text;
      continue;
    }
    if (/^(?:Agenda item|Items?) [\dA-Za-z ()]+/.test(text) && lines[i].leftColumn) {
      meta.agendaItem = text.replace(/\*+$/, '');
      agendaMarker = /(\*+)$/.exec(text)?.[1];
      // The agenda item's title follows in the same column.
      const title: string[] = [];
      while (i + 1 < lines.length && lines[i + 1].leftColumn && !MAIN_COMMITTEE.test(lines[i + 1].text.trim())) title.push(lines[++i].text.replace(/\s+/g, ' ').trim());
      if (title.length) meta.agendaTitle = title.join(' ').replace(/\*+$/, '');
      continue;
    }
    if (lines[i].leftColumn && MAIN_COMMITTEE.test(text)) {
      meta.committee = text;
      continue;
    }
    if (/^Resolution adopted by the /.test(text)) {
      let adopted = text;
      if (!isoDate(adopted) && i + 1 < lines.length) adopted += ` ${lines[++i].text.trim()}`;
      meta.date = isoDate(adopted);
      continue;
    }
    if (text.startsWith('[')) {
      let bracketed = text;
      while (!bracketed.endsWith(']') && i + 1 < lines.length && !lines[i + 1].large) bracketed += ` ${lines[++i].text.trim()}`;
      kept.push(bracketed);
      continue;
    }
    if (/draft (?:resolution|decision)s?$|: draft|draft (?:resolution|decision) submitted by/i.test(text) || (!lines[i].large && !sawHeadingLines && i + 1 < lines.length && /draft (?:resolution|decision)/.test(lines[i + 1].text) && !lines[i + 1].large)) {
      let sponsors = text;
      while (!/draft (?:resolution|decision)s?\s*$/i.test(sponsors) && i + 1 < lines.length && !lines[i + 1].large) sponsors += ` ${lines[++i].text.trim()}`;
      kept.push(sponsors);
      continue;
    }
    if (lines[i].large && !lines[i].leftColumn) {
      sawHeadingLines = true;
      let title = text;
      while (i + 1 < lines.length && lines[i + 1].large && !lines[i + 1].leftColumn) title += ` ${lines[++i].text.replace(/\s+/g, ' ').trim()}`;
      heading = title;
      const numbered = /^(\d{1,3}\/\d{1,4})\.\s+(.*)$/.exec(title);
      meta.title = numbered ? numbered[2] : title;
      continue;
    }
    // A typed document (Word) may have no cover at all: its first unknown line is the text.
    if (options.stopAtUnknown) break;
  }
  if (!meta.date && meta.issued) meta.date = meta.issued;
  return { meta, consumed: i, kept, heading, agendaMarker };
}
