import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CorpusProblem } from './loader';
import { symbolKey, type RegistryEntry } from './registry';
import { makeFolder } from '../files/makeFolder';

/**
 * The user's own registry: folders of JSON files, each `{ "source": "…", "documents": RegistryEntry[] }`
 * (a bare array is read too), written by `compact-drafter registry import` and by online lookups.
 * Entries merge with the bundled registry (registryMerge.ts).
 */

/** Relative to the workspace (VS Code) or the working folder (CLI). */
export const DEFAULT_REGISTRY_PATH = '.compact-drafter/registry';
/** The file online lookups add their records to, in the first registry folder. */
export const LOOKUPS_FILE = 'lookups.json';
/** A registry file larger than this is not read: 20 MB holds some 40,000 records. */
const MAX_REGISTRY_FILE_BYTES = 20 * 1024 * 1024;

export interface RegistryFile {
  readonly source?: string;
  readonly documents: readonly RegistryEntry[];
}

export interface LoadedRegistryFolder {
  readonly entries: RegistryEntry[];
  readonly problems: CorpusProblem[];
}

/** Every registry file of a folder, in name order; a missing folder is an empty registry. */
export async function loadRegistryFolder(folder: string): Promise<LoadedRegistryFolder> {
  const entries: RegistryEntry[] = [];
  const problems: CorpusProblem[] = [];
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => e.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push({ uri: pathToFileURL(folder).href, severity: 'error', message: `registry folder not readable: ${(error as Error).message}` });
    return { entries, problems };
  }
  for (const name of names) {
    const path = join(folder, name);
    const uri = pathToFileURL(path).href;
    const loaded = await readRegistryFile(path);
    if (typeof loaded === 'string') {
      problems.push({ uri, severity: 'error', message: `skipped: ${loaded}` });
      continue;
    }
    loaded.documents.forEach((entry, index) => {
      const problem = entryProblem(entry);
      if (problem) problems.push({ uri, severity: 'warning', message: `document ${index + 1} skipped: ${problem}` });
      else entries.push(entry);
    });
  }
  return { entries, problems };
}

/** The file's documents, or why it cannot be read. A missing file is an empty registry. */
export async function readRegistryFile(path: string): Promise<RegistryFile | string> {
  let text: string;
  try {
    const handle = await open(path, 'r');
    try {
      if ((await handle.stat()).size > MAX_REGISTRY_FILE_BYTES) return `larger than ${MAX_REGISTRY_FILE_BYTES / 1048576} MB`;
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { documents: [] } : `not readable: ${(error as Error).message}`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
  const documents = Array.isArray(json) ? json : (json as { documents?: unknown })?.documents;
  if (!Array.isArray(documents)) return 'not a registry file: expected { "documents": [...] }';
  const source = (json as { source?: unknown }).source;
  return { source: typeof source === 'string' ? source : undefined, documents: documents as RegistryEntry[] };
}

/** Writes a registry file atomically (a temporary file renamed over it), creating its folder. */
export async function writeRegistryFile(path: string, file: RegistryFile): Promise<void> {
  const folder = join(path, '..');
  await makeFolder(folder);
  const temp = join(folder, `.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/** Adds entries to a registry file, replacing earlier entries of the same symbols. */
export async function addToRegistryFile(path: string, entries: readonly RegistryEntry[], source: string): Promise<void> {
  const existing = await readRegistryFile(path);
  if (typeof existing === 'string') throw new Error(`${path}: ${existing}`);
  const replaced = new Set(entries.map((e) => symbolKey(e.symbol)));
  const kept = existing.documents.filter((e) => typeof e?.symbol !== 'string' || !replaced.has(symbolKey(e.symbol)));
  await writeRegistryFile(path, { source: existing.source ?? source, documents: [...kept, ...entries] });
}

function entryProblem(entry: unknown): string | undefined {
  if (!entry || typeof entry !== 'object') return 'not an object';
  const e = entry as Record<string, unknown>;
  if (typeof e.symbol !== 'string' || !/^[A-Z]+(?:\/[\w.()\- ]+)+$/i.test(e.symbol)) return 'no document symbol';
  for (const field of ['title', 'date', 'body', 'kind'] as const) if (typeof e[field] !== 'string') return `"${field}" must be text`;
  for (const field of ['draft', 'series', 'committee', 'agendaItem', 'report', 'subject'] as const) if (e[field] !== undefined && typeof e[field] !== 'string') return `"${field}" must be text`;
  if (e.aliases !== undefined && !(Array.isArray(e.aliases) && e.aliases.every((a) => typeof a === 'string'))) return '"aliases" must be a list of names';
  if (e.unverified !== undefined && !(Array.isArray(e.unverified) && e.unverified.every((a) => typeof a === 'string'))) return '"unverified" must be a list of fields';
  if (e.date !== '' && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.date as string)) return `"date" must be an ISO date, not "${e.date}"`;
  return undefined;
}
