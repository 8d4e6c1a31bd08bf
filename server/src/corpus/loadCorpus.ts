import { bundledRegistry } from './bundledRegistry';
import { loadBundledDocuments } from './bundledCorpus';
import { Corpus } from './corpus';
import type { FileTables } from './fileTable';
import { type CorpusFileSystem, loadCorpusFolder } from './loader';
import type { ModelDiskCache } from './modelCache';
import { Registry } from './registry';
import { mergeRegistries } from './registryMerge';
import { loadRegistryFolder } from './userRegistry';

export interface CorpusOptions {
  /** Absolute folders of the user's own corpus. Empty in Restricted Mode: untrusted workspaces are not read. */
  readonly folders: readonly string[];
  /** Absolute folders of the user's own registry files (Digital Library imports, lookups). Empty in Restricted Mode. */
  readonly registryFolders?: readonly string[];
  readonly generation?: number;
  /** Where parsed texts are kept between sessions; none: parse every session. */
  readonly modelCache?: ModelDiskCache;
  /** Where the folders' tables of files are kept between sessions (fileTable.ts); none: every file is read. */
  readonly fileTables?: FileTables;
  /** How the folders' files are stat'ed and read (tests count the reads). */
  readonly fileSystem?: CorpusFileSystem;
}

/** All three layers: registry (bundled, with the user's registry files merged in), bundled texts, the user's folders. */
export async function loadCorpus(options: CorpusOptions): Promise<Corpus> {
  const bundled = loadBundledDocuments();
  const documents = [...bundled.documents];
  const problems = [...bundled.problems];
  for (const folder of options.folders) {
    const loaded = await loadCorpusFolder(folder, 'workspace', { known: options.fileTables?.read(folder), fileSystem: options.fileSystem });
    documents.push(...loaded.documents);
    problems.push(...loaded.problems);
    if (loaded.changed) options.fileTables?.write(folder, loaded.entries);
  }
  for (const document of documents) document.useDiskCache(options.modelCache);
  const userEntries = [];
  for (const folder of options.registryFolders ?? []) {
    const loaded = await loadRegistryFolder(folder);
    userEntries.push(...loaded.entries);
    problems.push(...loaded.problems);
  }
  // The reach stays the bundled one: what "latest known" means is the newest session the bundled registry holds.
  const registry = userEntries.length ? new Registry(mergeRegistries([...bundledRegistry().all()], userEntries), bundledRegistry().reach) : bundledRegistry();
  return new Corpus(registry, documents, problems, options.generation ?? 0, options.folders);
}

/**
 * Parses every text of the corpus in the background (from the disk cache where it can), one text
 * per turn of the event loop, so requests are answered meanwhile and later ones find texts parsed.
 */
export async function warmCorpus(
  corpus: Corpus,
  isCancelled: () => boolean = () => false,
  /** Resolves when the caller has nothing more urgent to do. */
  whenIdle: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  for (const document of corpus.documents) {
    if (document.isParsed) continue;
    await whenIdle();
    if (isCancelled()) return;
    void document.model;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
