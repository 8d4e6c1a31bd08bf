// How much of real drafting the registry covers: of the citations by symbol or short form in a
// set of UN texts (the grammar's findings in their bodies and footnotes; the heading's "[on the
// report of …]" counted apart), the share that resolves to a registry entry with a title and a
// date the registry vouches for. A name that many adopted texts give the document through a footnote
// ("Declaration on the Granting of Independence to Colonial Countries and Peoples" for 1514 (XV))
// identifies it as a title does, and is counted apart. The registry build prints it; a test holds it.
import type { Registry } from '../corpus/registry';
import { findReferences } from '../references';
import { readUnText, type UnTextRecord } from './unText';

export interface Coverage {
  readonly citations: number;
  readonly withEntry: number;
  readonly withTitleAndDate: number;
  /** A title, or else a name agreed by many texts, and a date. */
  readonly withNameAndDate: number;
  /** A date the registry vouches for. */
  readonly withDate: number;
  /** Citations of the heading ("[on the report of the Third Committee (A/79/457, para. 32)]"), not counted above. */
  readonly headingCitations: number;
  readonly headingWithTitleAndDate: number;
}

export function measureCoverage(records: readonly UnTextRecord[], registry: Registry): Coverage {
  let citations = 0, withEntry = 0, withTitleAndDate = 0, withNameAndDate = 0, withDate = 0, headingCitations = 0, headingWithTitleAndDate = 0;
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
        if (dated) withDate++;
        if (dated && (titled || !!entry?.aliases?.length)) withNameAndDate++;
      }
    }
  }
  return { citations, withEntry, withTitleAndDate, withNameAndDate, withDate, headingCitations, headingWithTitleAndDate };
}
