import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledDataDir } from './bundledCorpus';
import { Registry, type RegistryEntry, type RegistryReach } from './registry';

let registry: Registry | undefined;

/**
 * The registry shipped with the extension, read once from server/data/registry.json. Read and
 * JSON.parse'd at run time rather than bundled as a module: 4,000 entries as a 2 MB object literal
 * in dist/server.js cost the server's start about 300 ms more than the same bytes through
 * JSON.parse (measured 2026-12-03).
 */
export function bundledRegistry(): Registry {
  if (!registry) {
    const json = JSON.parse(readFileSync(join(bundledDataDir(), 'registry.json'), 'utf8')) as { documents: RegistryEntry[]; reach?: RegistryReach };
    registry = new Registry(json.documents, json.reach);
  }
  return registry;
}
