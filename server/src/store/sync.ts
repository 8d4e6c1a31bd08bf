// Brings a store up to a corpus, incrementally: documents whose content hash the store already
// holds are skipped, changed ones replaced, gone ones removed. The same call resumes a build that
// was killed: what it committed is kept (the store commits in batches), the rest is put now.
import type { CorpusStore, StoreDocumentInput } from './corpusStore';

/** A document of the corpus as sync sees it: its id and hash at once, the rest (a parse) only when put. */
export interface SyncSource {
  readonly id: string;
  readonly contentHash: string;
  input(): StoreDocumentInput;
}

export interface SyncResult {
  readonly added: number;
  readonly removed: number;
  readonly unchanged: number;
}

export interface SyncPlan {
  readonly toPut: readonly SyncSource[];
  readonly gone: readonly string[];
  readonly unchanged: number;
}

/** What to put and remove so that a store holding `held` (id → hash) holds the sources. */
export function planSync(held: ReadonlyMap<string, string>, sources: Iterable<SyncSource>): SyncPlan {
  const wanted = new Set<string>();
  const toPut: SyncSource[] = [];
  let unchanged = 0;
  for (const source of sources) {
    wanted.add(source.id);
    if (held.get(source.id) === source.contentHash) unchanged++;
    else toPut.push(source);
  }
  return { toPut, gone: [...held.keys()].filter((id) => !wanted.has(id)), unchanged };
}

export function* inputsOf(toPut: readonly SyncSource[], isCancelled: () => boolean = () => false): Iterable<StoreDocumentInput> {
  for (const source of toPut) {
    if (isCancelled()) return;
    yield source.input();
  }
}

export async function syncStore(store: CorpusStore & { beginBuild?(): void; finishBuild?(): void }, sources: Iterable<SyncSource>, isCancelled: () => boolean = () => false): Promise<SyncResult> {
  const { toPut, gone, unchanged } = planSync(await store.documentHashes(), sources);
  if (toPut.length === 0 && gone.length === 0) {
    store.finishBuild?.();
    return { added: 0, removed: 0, unchanged };
  }
  store.beginBuild?.();
  const removed = gone.length ? await store.removeDocuments(gone) : 0;
  const added = await store.putDocuments(inputsOf(toPut, isCancelled));
  if (!isCancelled()) store.finishBuild?.();
  return { added, removed, unchanged };
}
