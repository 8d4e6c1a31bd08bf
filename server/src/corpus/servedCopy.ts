// Which copy of a text is served when the corpus holds one symbol more than once: the one decision
// every reader of a text depends on (hover quoting a paragraph, go to definition, the rules checking
// a pinpoint or a quotation, completion of paragraph numbers, workspace symbols, the reuse index),
// made here and nowhere else. Readers ask the corpus (Corpus.lookup, Corpus.serves), not the layers;
// the one exception is the team layer, which fetches a text only where the served copy is not the
// user's own (its check of layer 'workspace' in store/postgres/teamCorpus.ts).
//
// Precedence, first wins:
//   1. the user's own corpus folders (layer 'workspace'): the copy the drafter keeps is the one they
//      mean, also where it differs from the bundled text (a corrected or newer version, an excerpt);
//   2. the team corpus on PostgreSQL (layer 'team', store/postgres/teamCorpus.ts): the texts the
//      team agreed on, fetched for symbols the user's folders do not hold; they win over the
//      bundled seed texts, which are older snapshots the team may have corrected;
//   3. the bundled seed texts (server/data/corpus).
// Within one layer the first file loaded wins (folders in the order configured, then by path, as the
// walker lists them) and each later one is reported: two files of one folder claiming one symbol is
// a mistake the user should hear of. A user's copy of a bundled text is not reported: shadowing it is
// what the copy is for. Registry facts are not texts: they merge on their own (registryMerge.ts).
import type { CorpusDocument, CorpusLayer } from './document';
import type { CorpusProblem } from './loader';
import { symbolKey } from './registry';

/** Lower ranks are served first. */
const LAYER_RANK: Readonly<Record<CorpusLayer, number>> = { workspace: 0, team: 1, bundled: 2 };

/** The copy served for each symbol (by symbolKey), and the same-layer duplicates passed over. */
export function servedCopies(documents: readonly CorpusDocument[]): { served: Map<string, CorpusDocument>; problems: CorpusProblem[] } {
  const served = new Map<string, CorpusDocument>();
  const problems: CorpusProblem[] = [];
  // A stable sort: within a layer, the order loaded.
  const ordered = [...documents].sort((a, b) => LAYER_RANK[a.layer] - LAYER_RANK[b.layer]);
  for (const document of ordered) {
    if (!document.symbol) continue;
    const key = symbolKey(document.symbol);
    const existing = served.get(key);
    if (!existing) {
      served.set(key, document);
    } else if (existing.layer === document.layer) {
      problems.push({ uri: document.uri, severity: 'warning', message: `duplicate symbol ${document.symbol}: also in ${existing.uri}; that file is used` });
    }
  }
  return { served, problems };
}
