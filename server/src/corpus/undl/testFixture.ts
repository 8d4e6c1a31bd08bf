// Shared by the Digital Library tests: the real export in ../shared and records cut out of it.
import { readFileSync } from 'node:fs';
import { sharedPath } from '../../../../test/sharedData';

/** The real Digital Library export (94 Third Committee drafts of session 78), shared beside the repository. */
export const FIXTURE = sharedPath('un-documents', 'undl', 'session_78_committee_3_drafts.xml');

let records: string[] | undefined;

/** Record `n` (1-based) of the real export, as its XML text (prefixed `ns0:`, declaring its namespace). */
export function fixtureRecord(n: number): string {
  records ??= readFileSync(FIXTURE, 'utf8').match(/<ns0:record[\s\S]*?<\/ns0:record>/g)!;
  return records[n - 1];
}

/** A Digital Library export (default namespace on the collection) holding these records. */
export const collection = (...xmlRecords: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n${xmlRecords.join('\n')}\n</collection>\n`;
