// How much of real drafting the registry covers: of the citations by symbol or short form in a
// set of UN texts (the grammar's findings in their bodies and footnotes; the heading's "[on the
// report of …]" counted apart), the share that resolves to a registry entry with a title and a
// date the registry vouches for. A name that many adopted texts give the document through a footnote
// ("Declaration on the Granting of Independence to Colonial Countries and Peoples" for 1514 (XV))
// identifies it as a title does, and is counted apart; so is a subject two citing texts agree on
// ("on the proclamation of international years"), which is not a title.
//
// Each citation without a title and a date is counted under the first cause that explains it
// (MISS_CAUSES), so the build says what data would close the gap.
import type { Registry, RegistryEntry } from '../corpus/registry';
import { anotherBodysDate, gaSessionOf } from '../corpus/sessions';
import { findReferences } from '../references';
import { readUnText, type UnTextRecord } from './unText';

export interface Coverage {
  readonly citations: number;
  readonly withEntry: number;
  readonly withTitleAndDate: number;
  /** A title, or else a name agreed by many texts, and a date. */
  readonly withNameAndDate: number;
  /** A title, or else a subject two citing texts agree on, and a date. */
  readonly withSubjectAndDate: number;
  /** A date the registry vouches for. */
  readonly withDate: number;
  /** Citations of the heading ("[on the report of the Third Committee (A/79/457, para. 32)]"), not counted above. */
  readonly headingCitations: number;
  readonly headingWithTitleAndDate: number;
  /** Citations without a title and a date, by cause. */
  readonly misses: Readonly<Record<MissCause, number>>;
}

/** Why a citation lacks a title or a date, in the order they are tried. */
export const MISS_CAUSES = {
  'another-body-read-as-assembly': 'another body’s resolution read as the Assembly’s (its stated date lies outside that Assembly session: a Human Rights Council or commission resolution of the same number)',
  'assembly-document': 'an Assembly report, note or conference document (A/80/327, A/CONF.157/24): no text states its title and date, and no cover page of it is in the data',
  'other-body': 'a document of another body (Security Council, ECOSOC, Human Rights Council, treaty bodies, conventions): no cover page of it is in the data',
  'recent-not-in-texts': 'an Assembly resolution of sessions 78-80 that is not among the 1,190 texts',
  'old-no-date': 'an Assembly resolution of an earlier or special session that no two texts date alike (cited without a date, or dated by one text only)',
  'old-title-once': 'an Assembly resolution of an earlier or special session, dated, whose title one text alone states (“entitled …”)',
  'old-no-title': 'an Assembly resolution of an earlier or special session, dated, whose title no text states',
} as const;
export type MissCause = keyof typeof MISS_CAUSES;

export function measureCoverage(records: readonly UnTextRecord[], registry: Registry): Coverage {
  let citations = 0, withEntry = 0, withTitleAndDate = 0, withNameAndDate = 0, withSubjectAndDate = 0, withDate = 0, headingCitations = 0, headingWithTitleAndDate = 0;
  const misses = Object.fromEntries(Object.keys(MISS_CAUSES).map((cause) => [cause, 0])) as Record<MissCause, number>;
  for (const record of records) {
    const text = readUnText(record);
    const start = text.body.search(/The General Assembly,/);
    const heading = start > 0 ? text.body.slice(0, start) : '';
    const body = start > 0 ? text.body.slice(start) : text.body;
    for (const [part, isHeading] of [[heading, true], [body, false], ...[...text.footnotes.values()].map((f) => [f, false] as const)] as const) {
      for (const ref of findReferences(part)) {
        if (!ref.symbol || ref.kind === 'internal' || ref.form === 'alias' || ref.symbol === record.symbol) continue;
        const entry = registry.get(ref.symbol);
        const dated = !!entry?.date && !entry.unverified?.includes('date');
        const titled = !!entry?.title && !entry.unverified?.includes('title');
        const complete = dated && titled;
        if (isHeading) {
          headingCitations++;
          if (complete) headingWithTitleAndDate++;
          continue;
        }
        citations++;
        if (entry) withEntry++;
        if (complete) withTitleAndDate++;
        else misses[missCause(ref.symbol, ref.statedDate?.iso, entry, dated, titled)]++;
        if (dated) withDate++;
        if (dated && (titled || !!entry?.aliases?.length)) withNameAndDate++;
        if (dated && (titled || !!entry?.subject)) withSubjectAndDate++;
      }
    }
  }
  return { citations, withEntry, withTitleAndDate, withNameAndDate, withSubjectAndDate, withDate, headingCitations, headingWithTitleAndDate, misses };
}

function missCause(symbol: string, statedDate: string | undefined, entry: RegistryEntry | undefined, dated: boolean, titled: boolean): MissCause {
  if (statedDate && anotherBodysDate(symbol, statedDate)) return 'another-body-read-as-assembly';
  if (!/^A\/RES\//.test(symbol)) return /^A\//.test(symbol) && !/^A\/HRC\//.test(symbol) ? 'assembly-document' : 'other-body';
  const session = gaSessionOf(symbol);
  if (session !== undefined && session >= 78) return 'recent-not-in-texts';
  if (!dated) return 'old-no-date';
  return !titled && entry?.title ? 'old-title-once' : 'old-no-title';
}
