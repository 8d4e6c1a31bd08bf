import registryJson from '../../data/registry.json';
import { Registry, type RegistryEntry } from './registry';

let registry: Registry | undefined;

/** The registry shipped with the extension, built once from server/data/registry.json. */
export function bundledRegistry(): Registry {
  registry ??= new Registry(registryJson.documents as RegistryEntry[]);
  return registry;
}
