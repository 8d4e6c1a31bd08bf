// The file watchers the server asks an LSP client for (workspace/didChangeWatchedFiles, registered
// dynamically): one per corpus folder, for the file types the corpus loader reads, and one per registry
// folder for its JSON files. With LSP 3.17's relative patterns the watcher is tied to the folder itself
// (it need not exist yet: a folder created later is watched too); older clients get an absolute glob.
import type { FileSystemWatcher } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';

/** What the corpus loader reads (corpus/loader.ts). */
export const CORPUS_FILE_GLOB = '**/*.{md,markdown,txt}';
/** What the user registry reads (corpus/userRegistry.ts): the JSON files directly in the folder. */
export const REGISTRY_FILE_GLOB = '*.json';

export function corpusWatchers(folders: readonly string[], relativePatterns: boolean, registryFolders: readonly string[] = []): FileSystemWatcher[] {
  const watcher = (folder: string, glob: string): FileSystemWatcher => ({
    globPattern: relativePatterns ? { baseUri: URI.file(folder).toString(), pattern: glob } : `${folder.replace(/\\/g, '/').replace(/\/$/, '')}/${glob}`,
  });
  return [...folders.map((folder) => watcher(folder, CORPUS_FILE_GLOB)), ...registryFolders.map((folder) => watcher(folder, REGISTRY_FILE_GLOB))];
}
