// `compact-drafter registry import FILE.xml` and `compact-drafter registry lookup SYMBOL --online`:
// the user's own registry, from UN Digital Library exports and, when asked, one record at a time.
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addToRegistryFile, DEFAULT_REGISTRY_PATH, defaultCacheDir, LOOKUPS_FILE } from '../corpus';
import { importLibraryExport } from '../corpus/undl/importExport';
import { DigitalLibraryLookup } from '../corpus/undl/lookup';
import { LookupCache } from '../corpus/undl/lookupCache';
import { type ProjectConfig, trustedFolders } from './projectConfig';

export const REGISTRY_USAGE = `  compact-drafter registry import [--out DIR] FILE.xml...
      Read UN Digital Library exports (MARCXML) into your registry (default ${DEFAULT_REGISTRY_PATH}).
  compact-drafter registry lookup --online [--out DIR] SYMBOL
      Ask the UN Digital Library for that one document and add its record to your registry.`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function registryCommand(argv: string[], io: Io, cwd: string, project: ProjectConfig): Promise<number> {
  const [action, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { out: { type: 'string' }, online: { type: 'boolean' }, 'cache-dir': { type: 'string' }, 'no-cache': { type: 'boolean' } } });
  } catch (error) {
    io.err(`compact-drafter: ${(error as Error).message}\n\n${REGISTRY_USAGE}`);
    return 2;
  }
  // The first registry folder of the project inside its repository (a repository's config does not
  // get to write elsewhere), else the default one in the working folder.
  let folder = parsed.values.out ? resolve(cwd, parsed.values.out) : undefined;
  if (!folder) {
    const trusted = await trustedFolders(project, 'registry');
    for (const refused of trusted.refused) io.err(`compact-drafter: ${project.file}: registry folder ${refused} lies outside the repository (${trusted.repository}): not written; give it with --out to write there`);
    folder = trusted.folders[0] ?? resolve(cwd, DEFAULT_REGISTRY_PATH);
  }
  const shown = (path: string) => relative(cwd, path) || '.';
  if (action === 'import') {
    if (parsed.positionals.length === 0) {
      io.err(`compact-drafter: registry import needs a FILE.xml\n\n${REGISTRY_USAGE}`);
      return 2;
    }
    let status = 0;
    for (const file of parsed.positionals) {
      let result;
      try {
        result = await importLibraryExport(resolve(cwd, file), folder);
      } catch (error) {
        io.err(`compact-drafter: ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
        status = 2;
        continue;
      }
      for (const problem of result.problems) {
        const where = problem.position ? `record ${problem.position}${problem.id ? ` (${problem.id})` : ''}` : 'file';
        io.err(`${file}: ${where}: ${problem.message}`);
      }
      const adopted = result.entries.length - result.imported.length;
      const skipped = result.records - result.imported.length;
      io.out(
        `${file}: ${result.records} records, ${result.imported.length} imported${skipped ? `, ${skipped} not` : ''}` +
          (result.written ? ` (${result.imported.length} documents${adopted ? ` and the ${adopted} resolutions or decisions adopted from them` : ''}) → ${shown(result.written)}` : '; nothing written'),
      );
      if (result.imported.length === 0) status = 2;
      else if (skipped > 0 && status === 0) status = 1;
    }
    return status;
  }
  if (action === 'lookup') {
    const [symbol, ...extra] = parsed.positionals;
    if (!symbol || extra.length) {
      io.err(`compact-drafter: registry lookup takes one SYMBOL\n\n${REGISTRY_USAGE}`);
      return 2;
    }
    if (!parsed.values.online) {
      io.err(`compact-drafter: online lookup is off; add --online to ask the UN Digital Library for ${symbol} (one request, nothing else is sent)`);
      return 2;
    }
    const cacheDir = parsed.values['no-cache'] ? undefined : resolve(cwd, parsed.values['cache-dir'] ?? defaultCacheDir());
    const cache = cacheDir ? new LookupCache(join(cacheDir, 'digital-library'), (m) => io.err(`compact-drafter: ${m}`)) : undefined;
    const outcome = await new DigitalLibraryLookup({ cache }).lookUp(symbol);
    if (!outcome.ok) {
      io.err(`compact-drafter: ${outcome.message}`);
      return outcome.reason === 'not-found' ? 1 : 2;
    }
    const file = join(folder, LOOKUPS_FILE);
    await addToRegistryFile(file, outcome.entries, 'UN Digital Library lookups');
    const { record } = outcome;
    io.out(`${record.symbol}: ${record.title ?? '(no title)'}${record.date ? `, ${record.date}` : ''} (UN Digital Library record ${record.id ?? '?'}${outcome.fromCache ? ', from the cache' : ''}) → ${shown(file)}`);
    return 0;
  }
  io.err(`compact-drafter: registry ${action ? `"${action}" is not a registry command` : 'needs import or lookup'}\n\n${REGISTRY_USAGE}`);
  return 2;
}
