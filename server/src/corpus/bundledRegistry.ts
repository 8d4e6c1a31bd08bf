import registryJson from '../../data/registry.json';
import { Registry, type RegistryEntry, type RegistryReach } from './registry';

let registry: Registry | undefined;

/** The registry shipped with the extension, built once from server/data/registry.json. */
export function bundledRegistry(): Registry {
  registry ??= new Registry(registryJson.documents as RegistryEntry[], registryJson.reach as RegistryReach);
  return registry;
}
