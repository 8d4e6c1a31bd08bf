import { capitalise, documentName, formatDate } from '../naming';
import type { RegistryEntry } from '../corpus';
import { anotherBodysDate, laterPart } from '../corpus/sessions';
import type { Finding, Rule } from './rule';

/**
 * A date stated with a citation ("resolution 71/280 of 6 April 2016") that is not the registry's.
 * Only a date the registry vouches for, to the day, is held against the draft: a year-only or
 * unverified date would make the rule guess. Two dates are not the document's to check: a later
 * part's ("section I of its resolution 68/247 B of 9 April 2014": parts of budget resolutions are
 * adopted months apart), and a date the Assembly's session could not have ("resolution 79/8 of 19
 * May 2023" is a regional commission's 79/8, not the Assembly's).
 */
export const dateMismatchRule: Rule = {
  code: 'date-mismatch',
  defaultSeverity: 'warning',
  description: 'A date stated with a citation that differs from the date of the document in the registry.',
  check({ text, analysis, corpus }) {
    const findings: Finding[] = [];
    for (const ref of analysis.references) {
      const stated = ref.statedDate;
      // A name ("the Global Compact") may date the instrument rather than the resolution that holds it.
      if (!stated || !ref.symbol || ref.kind === 'internal' || ref.kind === 'alias' || ref.form === 'alias') continue;
      const entry = ref.resolution.entry?.registry ?? corpus.lookup(ref.symbol)?.registry;
      if (!entry || entry.unverified?.includes('date') || !FULL_DATE.test(entry.date) || stated.iso === entry.date) continue;
      if (laterPart(ref.parts) || anotherBodysDate(entry.symbol, stated.iso)) continue;
      const newText = rewriteDate(text.slice(stated.range.start, stated.range.end), entry.date);
      findings.push({
        range: stated.range,
        message: `${capitalise(documentName(entry.symbol))} ${isAdopted(entry) ? 'was adopted on' : 'is dated'} ${formatDate(entry.date)}, not ${formatDate(stated.iso)}.`,
        fixes: newText ? [{ title: `Write ${newText}`, edits: [{ range: stated.range, newText }] }] : [],
      });
    }
    return findings;
  },
};

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

// The date as the draft wrote it: day, month, year, with its own spacing and a leading zero if it had one.
const WRITTEN_DATE = /^(0?)(\d{1,2})(\s+)(\p{L}+)(\s+)(\d{4})$/u;

/** The registry date written the way the draft wrote the wrong one; undefined when the written form is not plain "6 April 2016". */
function rewriteDate(written: string, iso: string): string | undefined {
  const m = WRITTEN_DATE.exec(written);
  if (!m) return undefined;
  const [day, month, year] = formatDate(iso).split(' ');
  const zero = m[1] && day.length === 1 ? '0' : '';
  return `${zero}${day}${m[3]}${month}${m[5]}${year}`;
}

function isAdopted(entry: RegistryEntry): boolean {
  return /^(resolution|decision)$/i.test(entry.kind) || /\/(RES|DEC)\//.test(entry.symbol);
}

