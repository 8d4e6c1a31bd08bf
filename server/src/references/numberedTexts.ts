// Texts cited by number that have no UN document symbol in the citation, as adopted resolutions
// write them (real strings: ../shared/un-documents/texts.jsonl):
//   - UN sales publications: "Report of the Fourth World Conference on Women, Beijing, 4–15 September
//     1995 (United Nations publication, Sales No. E.96.IV.13), chap. I, resolution 1, annex I": the
//     sales number and the title the text gives in front of the brackets;
//   - treaty bodies' general comments and recommendations by name: "general recommendation No. 26
//     (2008) … of the Committee on the Elimination of Discrimination against Women", "general comments
//     No. 21 (1992) …, No. 32 (2007) … and No. 35 (2014) …, adopted by the Human Rights Committee":
//     the body as the same clause names it (after the item or just before "general"), else none.
// Each is a reference of kind 'numbered' (model.ts); no symbol is made up for it.
import type { NumberedText, Reference } from './model';
import { readSuffixPinpoint } from './pinpoints';
import { range } from './text';

const SALES = /\(?United\s+Nations\s+publication,\s+Sales\s+No\.\s*([A-Z]{1,2}\.\d{2}\.[IVXL]{1,5}(?:\.[A-Z](?:\.\d{1,2})?)?\.\d{1,3}(?:\/Rev\.\d)?)(?![\p{L}\p{N}])((?:\s+and\s+corrigend(?:um|a))?\)?)/gu;
// The title in front: from the footnote's number (or "See") to the bracket, one sentence.
const TITLE_BEFORE = /(?:^|\n)[ \t]*(?:\d{1,3}[ \t]+)?(?:See(?:[ \t]+also)?[ \t]+)?((?:Report|Yearbook|Official|World|United|Human|Handbook|Manual|Guide|Compendium|Declaration|Programme|Plan|Statistical|International)[^()\n]*(?:\n(?![ \t]*\d{1,3}[ \t])[^()\n]*){0,3}?)[ \t,]*$/;

export function publicationCitations(text: string): Reference[] {
  const found: Reference[] = [];
  SALES.lastIndex = 0;
  for (let m = SALES.exec(text); m; m = SALES.exec(text)) {
    const start = m.index + (m[0].startsWith('(') ? 1 : 0);
    let end = m.index + m[0].length;
    const closed = text[end - 1] === ')';
    const pinpoint = closed ? readSuffixPinpoint(text, end) : undefined;
    const before = m[0].startsWith('(') ? TITLE_BEFORE.exec(text.slice(Math.max(0, m.index - 400), m.index)) : null;
    const title = before?.[1].replace(/\s+/g, ' ').replace(/[ ,]+$/, '');
    const numbered: NumberedText = { type: 'publication', number: m[1], ...(title ? { title } : {}) };
    const targetEnd = closed ? end - 1 : end;
    if (pinpoint) end = pinpoint.range.end;
    found.push({
      kind: 'numbered',
      range: range(start, end),
      targetRange: range(start, targetEnd),
      form: 'short',
      paragraphs: pinpoint ? pinpoint.paragraphs : [],
      ...(pinpoint ? { pinpointRange: pinpoint.range, ...(pinpoint.annex !== undefined ? { annex: pinpoint.annex } : {}) } : {}),
      problems: [],
      numbered,
    });
  }
  return found;
}

const NAME_WORD = String.raw`(?:[A-Z][\p{L}’'-]*|of|on|the|and|against|with|for|All|Their)`;
const COMMITTEE = String.raw`(?:Human\s+Rights\s+Committee|Committee\s+(?:on|against|for)\s+(?:the\s+)?[A-Z][\p{L}’'-]*(?:,?\s+${NAME_WORD})*)`;
const GENERAL = /(?<![\p{L}\p{N}])([Gg]eneral\s+(comment|recommendation)(s?))\s+No\.\s*(\d{1,3})(?:\s*\((\d{4})\))?/gu;
// The next item of a list, after its predecessor's subject and footnote number: ", 14 No. 32 (2007)", "and No. 35 (2014)".
const NEXT_ITEM = /(?:,|\band)\s+(?:\d{1,3}\s+)?No\.\s*(\d{1,3})(?:\s*\((\d{4})\))?/u;
// The committee named after an item, in the same clause: "… of the Committee on …", "adopted by the Human Rights Committee".
const BODY_AFTER = new RegExp(String.raw`(?:\bof|\bby)\s+the\s+(${COMMITTEE})`, 'u');
const BODY_BEFORE = new RegExp(String.raw`(?:^|\s)(${COMMITTEE})\s+$`, 'u');
// Where a clause ends: the next general comment or a new subparagraph.
const CLAUSE_END = /[;]|[Gg]eneral\s+(?:comment|recommendation)|\n\s*\d{1,3}\.\s/;
const SMALL = /\s+(?:of|on|the|and|against|with|for)$/;
// A treaty body's symbol for a general comment or recommendation, in brackets after the item and its subject.
const OWN_SYMBOL = /^([^()]{0,200}\()([A-Z]{2,6}\/C\/(?:GC|GR)\/\d{1,3})\)/;

function committee(name: string | undefined): string | undefined {
  if (!name) return undefined;
  // The next paragraph's opening word is not the name's: "… with Disabilities, Noting …".
  let n = name.replace(/\s+/g, ' ').replace(/,\s[A-Z][a-z]+ing\b.*$/, '');
  while (SMALL.test(n)) n = n.replace(SMALL, '');
  return n.replace(/,$/, '');
}

/** The clause after `at`, up to the next general comment, a semicolon or a new paragraph (at most 400 characters). */
function clauseAfter(text: string, at: number): string {
  const rest = text.slice(at, at + 400);
  const end = rest.search(CLAUSE_END);
  return end < 0 ? rest : rest.slice(0, end);
}

export function generalCommentCitations(text: string): Reference[] {
  const found: Reference[] = [];
  GENERAL.lastIndex = 0;
  for (let m = GENERAL.exec(text); m; m = GENERAL.exec(text)) {
    const type = m[2].toLowerCase() === 'comment' ? 'general comment' : 'general recommendation';
    // "Committee on the Elimination of Discrimination against Women general recommendation No. 39": the
    // name right before, ending in its own word ("…against Women, and general comments" is another clause's).
    const named = BODY_BEFORE.exec(text.slice(Math.max(0, m.index - 120), m.index))?.[1];
    const before = named && !/(?:,|\s(?:of|on|the|and|against|with|for))$/.test(named) ? committee(named) : undefined;
    const items: { start: number; end: number; number: string; year?: string }[] = [{ start: m.index, end: m.index + m[0].length, number: m[4], ...(m[5] ? { year: m[5] } : {}) }];
    // "general comments No. 21 (1992) on …, 14 No. 32 (2007) on … and No. 35 (2014) on …": each subject skipped to the next "No.".
    for (let at = items[0].end; m[3] === 's'; ) {
      const next = NEXT_ITEM.exec(clauseAfter(text, at));
      if (!next) break;
      const start = at + next.index + next[0].indexOf('No.');
      at = at + next.index + next[0].length;
      items.push({ start, end: at, number: next[1], ...(next[2] ? { year: next[2] } : {}) });
    }
    for (const item of items) {
      const clause = clauseAfter(text, item.end);
      const body = before ?? committee(BODY_AFTER.exec(clause)?.[1]);
      const numbered: NumberedText = { type, number: item.number, ...(item.year ? { year: item.year } : {}), ...(body ? { body } : {}) };
      // "general comment No. 6 (2005) (CRC/C/GC/6)": the text itself pairs it with its symbol, which stays its own reference.
      const own = OWN_SYMBOL.exec(clause);
      const paired = own && own[2].endsWith(`/${item.number}`) ? { symbol: own[2], antecedent: range(item.end + own.index + own[1].length, item.end + own.index + own[1].length + own[2].length) } : {};
      found.push({ kind: 'numbered', range: range(item.start, item.end), targetRange: range(item.start, item.end), form: 'short', paragraphs: [], problems: [], numbered, ...paired });
    }
    GENERAL.lastIndex = items[items.length - 1].end;
  }
  return found;
}
