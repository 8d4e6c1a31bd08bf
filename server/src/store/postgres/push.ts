// `compact-drafter corpus push`: brings a store (the team's PostgreSQL corpus) up to date with the
// texts and registry entries read from local folders. Only what changed is sent: a text whose
// symbol, title, date and words hash as before is left alone; a changed one replaces its rows.
// The store commits every few hundred texts, so a push that dies half-way is resumed by the next.
import { createHash } from 'node:crypto';
import type { CorpusDocument, RegistryEntry } from '../../corpus';
import type { CorpusStore, StoreDocumentInput } from '../corpusStore';

/** What every store is given of a corpus text: the units are those the in-memory reuse index reads. */
export function storeInput(document: CorpusDocument, id: string = document.uri, uri: string = document.uri): StoreDocumentInput {
  const model = document.model;
  const units =
    model.paragraphs.length > 0 ? model.paragraphs.map((p) => ({ label: p.label as string | undefined, text: p.text })) : model.spans.map((s) => ({ label: undefined, text: s.text }));
  return { id, symbol: document.symbol, uri, title: document.title, date: document.date, text: document.text, units, contentHash: contentHash(document) };
}

/** The hash a push compares: the text and what the front matter says of it. */
export function contentHash(document: CorpusDocument): string {
  return createHash('sha256').update(JSON.stringify([document.symbol ?? null, document.title ?? null, document.date ?? null, document.text])).digest('hex');
}

export interface PushInput {
  /** The texts, in order; with several of one id, the first is pushed. */
  readonly documents: readonly { readonly id: string; readonly uri: string; readonly document: CorpusDocument }[];
  readonly registry: readonly RegistryEntry[];
  /** Remove the store's texts that this push does not hold. */
  readonly prune?: boolean;
  readonly progress?: (message: string) => void;
}

export interface PushReport {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly removed: number;
  /** Texts in the store that this push does not hold, kept (no prune). */
  readonly elsewhere: number;
  readonly registryEntries: number;
  /** Texts not pushed: another of the same id came first. */
  readonly duplicates: string[];
}

export async function pushCorpus(store: CorpusStore, input: PushInput): Promise<PushReport> {
  const held = await store.documentHashes();
  const wanted = new Map<string, PushInput['documents'][number]>();
  const duplicates: string[] = [];
  for (const item of input.documents) {
    const first = wanted.get(item.id);
    if (first) duplicates.push(`${item.document.uri}: same name as ${first.document.uri}, which is pushed`);
    else wanted.set(item.id, item);
  }
  const changed = [...wanted.values()].filter((item) => held.get(item.id) !== contentHash(item.document));
  const added = changed.filter((item) => !held.has(item.id)).length;
  let done = 0;
  async function* inputs(): AsyncIterable<StoreDocumentInput> {
    for (const item of changed) {
      yield storeInput(item.document, item.id, item.uri);
      if (++done % 100 === 0) input.progress?.(`${done} of ${changed.length} texts read`);
    }
  }
  if (changed.length) await store.putDocuments(inputs());
  const stale = [...held.keys()].filter((id) => !wanted.has(id));
  const removed = input.prune && stale.length ? await store.removeDocuments(stale) : 0;
  if (input.registry.length) await store.putRegistry(input.registry);
  return {
    added,
    changed: changed.length - added,
    unchanged: wanted.size - changed.length,
    removed,
    elsewhere: input.prune ? 0 : stale.length,
    registryEntries: input.registry.length,
    duplicates,
  };
}
