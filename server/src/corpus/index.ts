export { Corpus, type CorpusEntry } from './corpus';
export { CorpusDocument, type CorpusLayer } from './document';
export { Registry, symbolKey, type FactSource, type RegistryEntry, type SourcedField, type UncertainField } from './registry';
export { successorOf, type Successor, type SuccessionQuery } from './succession';
export { bundledRegistry } from './bundledRegistry';
export { BUNDLED_SCHEME, bundledDataDir, bundledFileUri, isBundledFileUri, loadBundledDocuments } from './bundledCorpus';
export { documentFromBytes, loadCorpusFolder, type CorpusProblem, type LoadedFolder } from './loader';
export { loadCorpus, warmCorpus, type CorpusOptions } from './loadCorpus';
export { defaultCacheDir, ModelDiskCache } from './modelCache';
