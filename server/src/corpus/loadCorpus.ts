import { bundledRegistry } from './bundledRegistry';
import { loadBundledDocuments } from './bundledCorpus';
import { Corpus } from './corpus';
import { loadCorpusFolder } from './loader';

export interface CorpusOptions {
  /** Absolute folders of the user's own corpus. Empty in Restricted Mode: untrusted workspaces are not read. */
  readonly folders: readonly string[];
  readonly generation?: number;
}

/** All three layers: registry, bundled texts, the user's folders. */
export async function loadCorpus(options: CorpusOptions): Promise<Corpus> {
  const bundled = loadBundledDocuments();
  const documents = [...bundled.documents];
  const problems = [...bundled.problems];
  for (const folder of options.folders) {
    const loaded = await loadCorpusFolder(folder, 'workspace');
    documents.push(...loaded.documents);
    problems.push(...loaded.problems);
  }
  return new Corpus(bundledRegistry(), documents, problems, options.generation ?? 0);
}
