import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { RegistryEntry } from '../registry';
import { writeRegistryFile } from '../userRegistry';
import { type LibraryRecord, libraryRecord } from './libraryRecord';
import { readMarcXml, type MarcProblem } from './marcxml';
import { registryEntries } from './toRegistry';

export interface ImportResult {
  /** Records found in the file (read or not). */
  readonly records: number;
  /** Records imported, one registry entry each (plus the resolutions their drafts name). */
  readonly imported: readonly LibraryRecord[];
  readonly entries: readonly RegistryEntry[];
  readonly problems: readonly MarcProblem[];
  /** The registry file written, when anything was imported. */
  readonly written?: string;
}

/** The registry entries of a MARCXML text; records that cannot be used are reported, the rest kept. */
export function entriesFromMarcXml(xml: string, origin: string): Omit<ImportResult, 'written'> {
  const read = readMarcXml(xml);
  const problems: MarcProblem[] = [...read.problems];
  const imported: LibraryRecord[] = [];
  for (const record of read.records) {
    const result = libraryRecord(record);
    if ('problem' in result) problems.push({ position: record.position, id: record.controlfields.get('001'), message: result.problem });
    else {
      imported.push(result);
      for (const note of result.notes) problems.push({ position: record.position, id: result.id, message: note });
    }
  }
  problems.sort((a, b) => a.position - b.position);
  const records = read.records.length + read.problems.filter((p) => p.position > 0).length;
  return { records, imported, entries: registryEntries(imported, origin), problems };
}

/**
 * `compact-drafter registry import FILE.xml`: a Digital Library export becomes `<folder>/<name>.json`,
 * replacing an earlier import of the same file name.
 */
export async function importLibraryExport(file: string, folder: string): Promise<ImportResult> {
  const xml = new TextDecoder('utf-8').decode(await readFile(file));
  const result = entriesFromMarcXml(xml, basename(file));
  if (result.imported.length === 0) return result;
  const written = join(folder, `${basename(file, extname(file))}.json`);
  await writeRegistryFile(written, { source: `UN Digital Library export ${basename(file)}`, documents: result.entries });
  return { ...result, written };
}
