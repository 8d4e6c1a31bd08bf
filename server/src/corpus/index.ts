// What Compact Drafter knows of UN documents: the registry's facts (with provenance and aliases), the
// texts of the bundled seed corpus and of the user's folders, loaded into one Corpus; which copy of a
// text is served when a symbol is held twice (servedCopy.ts, the one precedence); what replaces a
// document (succession.ts, the one answer every reader asks); the Assembly's sessions; a text's
// annexes and objectives. testCorpus.ts builds the corpus the tests use.
export { Corpus, type CorpusEntry } from './corpus';
export { CorpusDocument, type CorpusLayer } from './document';
export { Registry, symbolKey, type FactSource, type RegistryEntry, type SourcedField, type UncertainField } from './registry';
export { successorOf, type Successor, type SuccessionQuery } from './succession';
export { bundledRegistry } from './bundledRegistry';
export { BUNDLED_SCHEME, bundledDataDir, bundledFileUri, isBundledFileUri, loadBundledDocuments } from './bundledCorpus';
export { documentFromBytes, loadCorpusFolder, type CorpusProblem, type LoadedFolder } from './loader';
export { loadCorpus, warmCorpus, type CorpusOptions } from './loadCorpus';
export { defaultCacheDir, ModelDiskCache } from './modelCache';
export { mergeRegistries } from './registryMerge';
export { addToRegistryFile, DEFAULT_REGISTRY_PATH, loadRegistryFolder, LOOKUPS_FILE, readRegistryFile, writeRegistryFile } from './userRegistry';
