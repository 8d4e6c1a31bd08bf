// Who the draft is and when it was written, as the draft itself says. The date is the one it was
// written against: the front matter's `date:` where the drafter set one; else an adopted
// resolution's "Resolution adopted by the General Assembly on 19 December 2023" (its cover page's
// "Distr.: General 22 December 2023" is later, and resolutions adopted that same day are not
// earlier than it); else the date of issue on a UN cover page. Without any, the draft is judged as
// of today.
import { ADOPTION_HEADING, parseUnDate, readCoverPage, readFrontMatter } from '../corpus/metadata';
import { parseSymbol } from '../references';

export interface DraftIdentity {
  readonly symbol?: string;
  /** The front matter's `title:`, or a resolution's printed heading ("78/229. Strengthening …" → "Strengthening …"). */
  readonly title?: string;
  /** ISO date, or undefined: as of today. */
  readonly date?: string;
  readonly dateSource?: 'front matter' | 'adoption heading' | 'cover page';
}

/** "78/229. Strengthening the United Nations crime prevention …" on a line of its own, up to a blank line. */
const HEADING_TITLE = /^[ \t]*\d{2,3}\/\d{1,3}\.[ \t]+(\S[^\n]*(?:\n[ \t]*\S[^\n]*)?)/m;

export function readDraftIdentity(text: string): DraftIdentity {
  let fields: Record<string, unknown> = {};
  let body = text;
  try {
    ({ fields, body } = readFrontMatter(text));
  } catch {
    // Broken front matter is reported elsewhere; the draft is then judged as of today.
  }
  const declaredSymbol = typeof fields.symbol === 'string' ? parseSymbol(fields.symbol)?.canonical : undefined;
  const declaredDate = isoOf(fields.date);
  const cover = readCoverPage(body);
  const adopted = ADOPTION_HEADING.exec(body.slice(0, 4000).replace(/\s+/g, ' '));
  const adoptedOn = adopted ? parseUnDate(adopted[1]) : undefined;
  const symbol = declaredSymbol ?? cover.symbol;
  const title = typeof fields.title === 'string' ? fields.title.trim() : HEADING_TITLE.exec(body.slice(0, 4000))?.[1].replace(/\s+/g, ' ').trim();
  const known = { ...(symbol ? { symbol } : {}), ...(title ? { title } : {}) };
  if (declaredDate) return { ...known, date: declaredDate, dateSource: 'front matter' };
  if (adoptedOn) return { ...known, date: adoptedOn, dateSource: 'adoption heading' };
  if (cover.date) return { ...known, date: cover.date, dateSource: 'cover page' };
  return known;
}

function isoOf(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value.trim())) return value.trim();
  return undefined;
}
