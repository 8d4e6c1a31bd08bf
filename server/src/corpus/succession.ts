// What replaces a document: the one home of that answer, read by the superseded rule, the hover,
// completion and unknown-document alike.
//   series   a later resolution of its recurring series (67/172 → … → 80/218);
//   adopted  the resolution adopted from a draft (A/71/L.58 → 71/280);
//   revised  a later revision of a text (A/C.3/74/L.35/Rev.1 → Rev.2), from the registry or a corpus text.
// Outdated is judged as of a date: what the draft could have known when it was written. A document
// adopted on or after that date does not replace anything in it ("the most recent of which is
// resolution 76/172" is right in a text of 22 December 2023, though 78/217 was adopted three days
// before it was issued: the text was adopted on the 19th, with 78/217).
import type { Corpus } from './corpus';
import { symbolKey, type RegistryEntry } from './registry';
import { gaSessionOf, gaSessionOfDocument } from './sessions';

export interface Successor {
  readonly reason: 'series' | 'adopted' | 'revised';
  readonly symbol: string;
  /** Registry facts about the successor, when the registry has it (a revision may be known from a corpus text only). */
  readonly entry?: RegistryEntry;
}

export interface SuccessionQuery {
  /** ISO date of the citing text: only what existed before it counts. Undefined: everything known. */
  readonly asOf?: string;
  /** The citing text's own symbol: a resolution is not replaced by itself, nor by one of its own session. */
  readonly self?: string;
}

export function successorOf(corpus: Corpus, symbol: string, query: SuccessionQuery = {}): Successor | undefined {
  const { registry } = corpus;
  // A text of the Nth session was negotiated before the session's other resolutions were adopted:
  // "Recalling its resolution 78/119" in 79/156 is right though 79/140 was adopted a week before it.
  const session = query.self ? gaSessionOfDocument(query.self) : undefined;
  const before = (entry: RegistryEntry) =>
    (!query.asOf || (!!entry.date && entry.date < query.asOf)) && (session === undefined || (gaSessionOf(entry.symbol) ?? 0) < session);
  const isSelf = (candidate: string) => query.self !== undefined && symbolKey(candidate) === symbolKey(query.self);
  const adopted = registry.adoptedFrom(symbol);
  if (adopted) {
    // The facts do not vouch that this draft became that resolution.
    if (adopted.unverified?.includes('draft') || isSelf(adopted.symbol) || !before(adopted)) return undefined;
    return { reason: 'adopted', symbol: adopted.symbol, entry: adopted };
  }
  const entry = registry.get(symbol);
  if (entry?.series) {
    const later = registry.seriesMembers(entry.series).filter((m) => before(m) && !isSelf(m.symbol));
    const latest = later[later.length - 1];
    if (!latest || symbolKey(latest.symbol) === symbolKey(entry.symbol) || (entry.date && latest.date <= entry.date)) return undefined;
    return { reason: 'series', symbol: latest.symbol, entry: latest };
  }
  const { base, revision } = splitRevision(symbolKey(symbol));
  const latest = latestRevisions(corpus).get(base);
  if (!latest || latest.revision <= revision || isSelf(latest.symbol)) return undefined;
  return { reason: 'revised', symbol: latest.symbol, entry: registry.get(latest.symbol) };
}

const REVISION = /^(.+)\/REV\.(\d+)$/;

function splitRevision(key: string): { base: string; revision: number } {
  const m = REVISION.exec(key);
  return m ? { base: m[1], revision: Number(m[2]) } : { base: key, revision: 0 };
}

const revisionsByCorpus = new WeakMap<Corpus, Map<string, { revision: number; symbol: string }>>();

/** For each document known in revised form, its highest revision (a corpus is rebuilt, never changed, on reload). */
function latestRevisions(corpus: Corpus): Map<string, { revision: number; symbol: string }> {
  let latest = revisionsByCorpus.get(corpus);
  if (!latest) {
    latest = new Map();
    for (const symbol of corpus.symbols()) {
      const { base, revision } = splitRevision(symbolKey(symbol));
      if (revision > (latest.get(base)?.revision ?? 0)) latest.set(base, { revision, symbol });
    }
    revisionsByCorpus.set(corpus, latest);
  }
  return latest;
}
