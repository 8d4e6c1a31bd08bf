// `compact-drafter corpus push --corpus-server URL [--corpus DIR]... [--registry DIR]... [--prune]`:
// loads the team corpus on PostgreSQL from local folders (store/postgres/): the schema is created or
// migrated, then only the texts that changed since the last push are sent, and the registry entries.
// The folders are those of `refs` and `check` (--corpus, else the config's, else ./corpus).
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { URI } from 'vscode-uri';
import { loadCorpusFolder, loadRegistryFolder, type RegistryEntry } from '../corpus';
import { teamTextUri } from '../store/postgres/teamCorpus';
import { StoreUnavailableError } from '../store/corpusStore';
import { corpusServerConnection, CorpusServerConfigError, PUSH_TIMEOUTS } from '../store/postgres/connection';
import { PgCorpusStore } from '../store/postgres/pgStore';
import { pushCorpus } from '../store/postgres/push';
import { cliFolders, readProjectConfig } from './projectConfig';

export const CORPUS_PUSH_USAGE = `  compact-drafter corpus push --corpus-server URL [--corpus DIR]... [--registry DIR]... [--prune]
      Load the team corpus on PostgreSQL from the corpus and registry folders; only changed texts are sent.
      URL: postgres://user@host:port/database or service=NAME; the password from ~/.pgpass,
      a PostgreSQL service file or PGPASSWORD, never the URL. --prune removes texts the folders lack.`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function corpusPushCommand(args: readonly string[], io: Io, cwd: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: false,
      options: { 'corpus-server': { type: 'string' }, corpus: { type: 'string', multiple: true }, registry: { type: 'string', multiple: true }, prune: { type: 'boolean' } },
    });
  } catch (error) {
    io.err(`compact-drafter corpus push: ${(error as Error).message}\n\nUsage:\n${CORPUS_PUSH_USAGE}`);
    return 2;
  }
  const target = parsed.values['corpus-server'];
  if (target === undefined) {
    io.err(`compact-drafter corpus push: --corpus-server is required\n\nUsage:\n${CORPUS_PUSH_USAGE}`);
    return 2;
  }
  let store: PgCorpusStore;
  try {
    store = new PgCorpusStore(corpusServerConnection(target, PUSH_TIMEOUTS), { migrate: true, pushedFrom: `${hostname()}:${cwd}`, report: () => {} });
  } catch (error) {
    if (error instanceof CorpusServerConfigError) {
      io.err(`compact-drafter corpus push: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const project = await readProjectConfig(cwd);
  const { folders, registryFolders } = await cliFolders(cwd, parsed.values, project, (message) => io.err(message));
  if (folders.length === 0 && registryFolders.every((folder) => !existsSync(folder))) {
    io.err('compact-drafter corpus push: no corpus folder (--corpus DIR, the "corpus" list of .compactdrafter.json, or ./corpus) and no registry folder');
    await store.close();
    return 2;
  }
  const documents = [];
  let problems = 0;
  for (const folder of folders) {
    const loaded = await loadCorpusFolder(folder, 'workspace');
    for (const problem of loaded.problems) io.err(`compact-drafter: corpus: ${problem.uri}: ${problem.message}`);
    problems += loaded.problems.filter((p) => p.severity === 'error').length;
    for (const document of loaded.documents) {
      // Known to every drafter by its path inside the pushed folder: the pusher's own paths mean nothing to them.
      const path = relative(folder, URI.parse(document.uri).fsPath);
      documents.push({ id: teamTextUri(path), uri: teamTextUri(path), document });
    }
  }
  const registry: RegistryEntry[] = [];
  for (const folder of registryFolders) {
    const loaded = await loadRegistryFolder(folder);
    for (const problem of loaded.problems) io.err(`compact-drafter: registry: ${problem.uri}: ${problem.message}`);
    registry.push(...loaded.entries);
  }
  try {
    const started = performance.now();
    const report = await pushCorpus(store, { documents, registry, prune: !!parsed.values.prune, progress: (line) => io.err(`compact-drafter corpus push: ${line}`) });
    for (const duplicate of report.duplicates) io.err(`compact-drafter corpus push: ${duplicate}`);
    const status = await store.status();
    io.out(
      `${store.connection.description}: ${report.added} texts added, ${report.changed} changed, ${report.unchanged} unchanged` +
        `${report.removed ? `, ${report.removed} removed` : ''}${report.elsewhere ? `; ${report.elsewhere} on the server not in these folders, kept (--prune removes them)` : ''}` +
        `; ${report.registryEntries} registry entries; the team corpus holds ${status.documents} texts, ${status.units} paragraphs, ${status.registryEntries} registry entries` +
        ` (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    return problems ? 1 : 0;
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      io.err(`compact-drafter corpus push: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await store.close();
  }
}
