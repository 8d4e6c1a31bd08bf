import { existsSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_REGISTRY_PATH } from '../corpus';
import { isInside } from '../files/walk';
import { ALL_RULES } from '../rules';
import { DEFAULT_DIAGNOSTICS_CONFIG, readDiagnosticsConfig, type DiagnosticsConfig } from '../rules/config';

export const PROJECT_CONFIG_FILE = '.compactdrafter.json';

export interface ProjectConfig {
  readonly diagnostics: DiagnosticsConfig;
  /** Corpus folders, absolute. */
  readonly corpus: string[];
  /** Registry folders (Digital Library imports, lookups), absolute. */
  readonly registry: string[];
  readonly file?: string;
  readonly problems: string[];
}

/**
 * `.compactdrafter.json` in the working folder:
 * `{ "corpus": ["corpus"], "registry": [".compact-drafter/registry"], "diagnostics": { "superseded": "error", "quote-mismatch": "off" }, "houseStyle": { "rangeDash": "hyphen" } }`.
 */
export async function readProjectConfig(cwd: string): Promise<ProjectConfig> {
  const file = join(cwd, PROJECT_CONFIG_FILE);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return { diagnostics: DEFAULT_DIAGNOSTICS_CONFIG, corpus: [], registry: [], problems: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { diagnostics: DEFAULT_DIAGNOSTICS_CONFIG, corpus: [], registry: [], file, problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  const { config, problems } = readDiagnosticsConfig(json, ALL_RULES.map((r) => r.code));
  const corpusValue = (json as { corpus?: unknown }).corpus;
  const corpus = Array.isArray(corpusValue) ? corpusValue.filter((c): c is string => typeof c === 'string') : [];
  if (corpusValue !== undefined && !Array.isArray(corpusValue)) problems.push('"corpus" must be a list of folders');
  const registryValue = (json as { registry?: unknown }).registry;
  const registry = Array.isArray(registryValue) ? registryValue.filter((c): c is string => typeof c === 'string') : typeof registryValue === 'string' ? [registryValue] : [];
  if (registryValue !== undefined && !Array.isArray(registryValue) && typeof registryValue !== 'string') problems.push('"registry" must be a folder or a list of folders');
  const absolute = (c: string) => (isAbsolute(c) ? c : resolve(dirname(file), c));
  return { diagnostics: config, corpus: corpus.map(absolute), registry: registry.map(absolute), file, problems };
}

/**
 * The config's corpus or registry folders that lie inside its repository (the folder holding the
 * file), real paths compared, so neither "../.." nor a link out counts as inside. The others are
 * refused: a repository's config is not the user's word, and in CI `refs` would print what they
 * hold (a corpus text, or a registry entry's title).
 */
export async function trustedFolders(config: ProjectConfig, kind: 'corpus' | 'registry'): Promise<{ folders: string[]; refused: string[]; repository?: string }> {
  if (!config.file) return { folders: [...config[kind]], refused: [] };
  const repository = await realpath(dirname(config.file));
  const folders: string[] = [];
  const refused: string[] = [];
  for (const folder of config[kind]) {
    const real = await realpath(folder).catch(() => resolve(folder));
    if (isInside(real, repository)) folders.push(folder);
    else refused.push(folder);
  }
  return { folders, refused, repository };
}

/**
 * The corpus and registry folders a CLI command reads: the command line's, else the config file's
 * (only those inside the repository: the file comes with the repository, and in CI a hostile one
 * must not print files from outside it), else ./corpus and the default registry folder.
 */
export async function cliFolders(
  cwd: string,
  given: { readonly corpus?: readonly string[]; readonly registry?: readonly string[] },
  project: ProjectConfig,
  err: (message: string) => void,
): Promise<{ folders: string[]; registryFolders: string[] }> {
  const fromConfig = async (kind: 'corpus' | 'registry'): Promise<string[] | undefined> => {
    if (!project[kind].length) return undefined;
    const trusted = await trustedFolders(project, kind);
    for (const folder of trusted.refused) err(`compact-drafter: ${project.file}: ${kind} folder ${folder} lies outside the repository (${trusted.repository}): not read; give it with --${kind} to read it`);
    return trusted.folders;
  };
  const folders = given.corpus?.map((dir) => resolve(cwd, dir)) ?? (await fromConfig('corpus')) ?? (existsSync(resolve(cwd, 'corpus')) ? [resolve(cwd, 'corpus')] : []);
  const registryFolders = given.registry?.map((dir) => resolve(cwd, dir)) ?? (await fromConfig('registry')) ?? [resolve(cwd, DEFAULT_REGISTRY_PATH)];
  return { folders, registryFolders };
}
