// One format for the agenda item a document was issued or adopted under, whatever states it (the
// cover page of the document, a UN Digital Library record): "<number>: <title>", the number as the
// cover page prints it ("70", "68 (a)", "18 and 19"), the title as printed or catalogued:
//
//   Agenda item 70 / Right of peoples to self-determination   → "70: Right of peoples to self-determination"
//   991 $b 71b $c Human rights questions, including …         → "71 (b): Human rights questions, including …"
//
// The number alone where no title is known, the title alone where no number is.

export function agendaItemLabel(number: string | undefined, title: string | undefined): string | undefined {
  const n = number?.replace(/\s+/g, ' ').trim();
  const t = title?.replace(/\s+/g, ' ').replace(/\*+$/, '').replace(/\.$/, '').trim();
  if (n && t) return `${n}: ${t}`;
  return n || t || undefined;
}

/** A Digital Library record's item number ("71b", "71b[20]", "13") as the cover page prints it ("71 (b)", "13"). */
export function libraryAgendaNumber(filed: string | undefined): string | undefined {
  const m = /^\s*(\d+)\s*([a-z]{1,2})?\b/.exec(filed ?? '');
  if (!m) return undefined;
  return m[2] ? `${m[1]} (${m[2]})` : m[1];
}

const AGENDA_LINE = /^(?:Agenda items?|Items?) (\d+(?: \([a-z]{1,2}\))?(?:(?:, | and )\d+(?: \([a-z]{1,2}\))?)*)(?: of the (?:provisional|preliminary) agenda)?\**$/;
/** Titles run a few lines at most; more means the blank line that ends them was not there. */
const MOST_TITLE_LINES = 6;

/**
 * The agenda item on a cover page, from the text layer's lines (blank lines kept): the line
 * "Agenda item 70" (or "Item 35 of the provisional agenda*"), then the item's title up to the
 * blank line that ends its block (the sponsors or the heading follow).
 */
export function coverAgendaItem(lines: readonly string[]): string | undefined {
  const at = lines.findIndex((line) => AGENDA_LINE.test(line.replace(/\s+/g, ' ').trim()));
  if (at < 0) return undefined;
  const number = AGENDA_LINE.exec(lines[at].replace(/\s+/g, ' ').trim())![1];
  const title: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!line.trim()) break;
    title.push(line);
    if (title.length > MOST_TITLE_LINES) return agendaItemLabel(number, undefined);
  }
  return agendaItemLabel(number, title.join(' '));
}
