// What a document says of itself on its cover page and heading, as the official PDF prints it:
//
//   A/RES/79/163 … Seventy-ninth session · Agenda item 70 · Right of peoples to self-determination
//   Resolution adopted by the General Assembly on 17 December 2024
//   [on the report of the Third Committee (A/79/457, para. 32)]      → committee, report
//   [without reference to a Main Committee (A/79/L.36)]              → plenary, the draft adopted
//   79/163. The right of the Palestinian people to self-determination → title
//
// Drafts print "Distr.: Limited", the date of issue, and "…: draft resolution" after the sponsors.
import { ADOPTION_HEADING, DATE_OF_ISSUE, parseUnDate } from '../corpus/metadata';
import type { Claim } from './claims';
import type { UnText } from './unText';

const ON_REPORT = /\[on the report of the ([A-Z][a-z]+(?:-[a-z]+)?) Committee \((A\/[^\s,)]+)/;
const WITHOUT_REFERENCE = /\[without reference to a Main Committee \((A\/[^\s,)]+)/;
const DRAFT_KIND = /:\*{0,2}\s*(draft (?:resolution|decision))\b/;
const AGENDA = /^Agenda items? (\d+(?:[a-z]\))?(?:(?:,| and) \d+(?:[a-z]\))?)*)/;
const COMMITTEE_SYMBOL = /^A\/C\.(\d)\//;
const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'];

export function printedClaims(doc: UnText): Claim[] {
  const { symbol } = doc.record;
  const source = { kind: 'printed', from: symbol } as const;
  const claims: Claim[] = [];
  const claim = (field: Claim['field'], value: string | undefined) => {
    if (value) claims.push({ symbol, field, value, source });
  };
  const head = doc.headLines.join(' ');
  const isResolution = /^A\/RES\//.test(symbol);
  claim('title', printedTitle(doc.record.title));
  claim('body', 'General Assembly');
  claim('agendaItem', agendaItem(doc.headLines));
  if (isResolution) {
    claim('kind', 'resolution');
    const adopted = ADOPTION_HEADING.exec(head);
    claim('date', adopted ? parseUnDate(adopted[1]) : undefined);
    const report = ON_REPORT.exec(head);
    if (report) {
      claim('committee', `${report[1]} Committee`);
      claim('report', report[2]);
    }
    const plenary = WITHOUT_REFERENCE.exec(head);
    if (plenary) {
      claim('committee', 'plenary');
      claim('draft', plenary[1]);
    }
  } else {
    const issued = DATE_OF_ISSUE.exec(head);
    claim('date', issued ? parseUnDate(issued[1]) : undefined);
    claim('kind', DRAFT_KIND.exec(head)?.[1]);
    const committee = COMMITTEE_SYMBOL.exec(symbol);
    claim('committee', committee ? `${ORDINALS[Number(committee[1]) - 1]} Committee` : 'plenary');
  }
  return claims;
}

/** "79/163. The right of …" → "The right of …"; drafts' titles are printed bare. */
export function printedTitle(title: string): string | undefined {
  const bare = title.replace(/^\s*\d+\/\d+\.\s*/, '').replace(/\s+/g, ' ').trim();
  return bare || undefined;
}

/** "Agenda item 70" and the item's title on the lines after it, up to the heading or the sponsors. */
function agendaItem(lines: readonly string[]): string | undefined {
  const at = lines.findIndex((line) => AGENDA.test(line));
  if (at < 0) return undefined;
  const number = AGENDA.exec(lines[at])![1];
  const title: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (/^(Resolution adopted|\[|\d+\/\d+\.)/.test(line) || /:\*{0,2}\s*draft (resolution|decision)/.test(line) || /^[A-Z][a-z]+(,| and) /.test(line) && line.includes(':')) break;
    title.push(line);
    if (title.length >= 4) break;
  }
  const text = title.join(' ').replace(/\s+/g, ' ').trim();
  return text ? `${number}: ${text}` : number;
}
