// What a document says of itself on its cover page and heading, as the official PDF prints it:
//
//   A/RES/79/163 … Seventy-ninth session · Agenda item 70 · Right of peoples to self-determination
//   Resolution adopted by the General Assembly on 17 December 2024
//   [on the report of the Third Committee (A/79/457, para. 32)]      → committee, report
//   [without reference to a Main Committee (A/79/L.36)]              → plenary, the draft adopted
//   79/163. The right of the Palestinian people to self-determination → title
//
// Drafts print "Distr.: Limited", the date of issue, and "…: draft resolution" after the sponsors.
import { coverAgendaItem } from '../corpus/agendaItem';
import { ADOPTION_HEADING, DATE_OF_ISSUE, parseUnDate } from '../corpus/metadata';
import type { Claim } from './claims';
import type { UnText } from './unText';

const ON_REPORT = /\[on the report of the ([A-Z][a-z]+(?:-[a-z]+)?) Committee \((A\/[^\s,)]+)/;
const WITHOUT_REFERENCE = /\[without reference to a Main Committee \((A\/[^\s,)]+)/;
const DRAFT_KIND = /:\*{0,2}\s*(draft (?:resolution|decision))\b/;
/** The cover page and heading stand within the text layer's first lines. */
const COVER_LINES = 80;
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
  claim('agendaItem', coverAgendaItem(doc.record.text.split(/\r?\n/).slice(0, COVER_LINES)));
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
