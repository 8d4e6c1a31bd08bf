// The same answers from the team corpus on PostgreSQL as from the corpus in memory, on real texts:
// every reference of a draft resolved alike (the `refs --format json` record: symbol, status, title,
// date, the cited paragraph's text) and every reused passage found alike (range, source, paragraph,
// similarity, the words altered). Used by equivalence.test.ts (CI) and the scale bench.
import { isDeepStrictEqual } from 'node:util';
import { analyzeDraft } from '../../server/src/analysis';
import { bundledRegistry, Corpus, type CorpusDocument, Registry, type RegistryEntry } from '../../server/src/corpus';
import { referenceRecords } from '../../server/src/cli/refsCommand';
import { ReuseIndex } from '../../server/src/reuse/index';
import { scanDraft, type ScanOptions } from '../../server/src/reuse/scan';
import type { PgCorpusStore } from '../../server/src/store/postgres/pgStore';
import { pushCorpus } from '../../server/src/store/postgres/push';
import { citedSymbolsOf, TeamTexts, withTeamRegistry } from '../../server/src/store/postgres/teamCorpus';
import { scanDraftInStore } from '../../server/src/store/storeScan';

export interface EquivalenceReport {
  readonly drafts: number;
  readonly references: number;
  readonly referencesResolved: number;
  readonly matches: number;
  /** Drafts whose references or matches differ, with the first difference. */
  readonly differences: string[];
  readonly equivalent: boolean;
  /** Milliseconds per draft for the team scan (candidates, units, alignment). */
  readonly teamScanMs: number[];
}

/** Loads the texts and registry entries into the store, as `corpus push` does. */
export async function pushAll(store: PgCorpusStore, documents: readonly CorpusDocument[], registry: readonly RegistryEntry[]): Promise<void> {
  await pushCorpus(store, { documents: documents.map((document) => ({ id: document.uri, uri: document.uri, document })), registry });
}

/**
 * Compares, draft by draft, the in-memory corpus of `documents` and `registry` with the store they
 * were pushed to (pushAll). Each draft is one of the texts, scanned as its own draft (not its own source).
 */
export async function compareStores(store: PgCorpusStore, documents: readonly CorpusDocument[], registry: readonly RegistryEntry[], drafts: readonly CorpusDocument[]): Promise<EquivalenceReport> {
  const reach = bundledRegistry().reach;
  const memory = new Corpus(new Registry(registry, reach), documents);
  const index = ReuseIndex.build({ documents: documents.map((d) => ({ id: d.uri, symbol: d.symbol, uri: d.uri, model: d.model })) });
  const team = withTeamRegistry(new Corpus(new Registry([], reach), []), await store.allRegistryEntries());
  const texts = new TeamTexts(store);
  const differences: string[] = [];
  const teamScanMs: number[] = [];
  let references = 0;
  let referencesResolved = 0;
  let matches = 0;
  for (const draft of drafts) {
    const options: ScanOptions = { minWords: 25, minSimilarity: 0.8, excludeSymbol: draft.symbol };
    const inMemory = analyzeDraft(draft.text, memory);
    const memoryRefs = referenceRecords('draft.md', draft.text, inMemory);
    const memoryMatches = scanDraft(inMemory.model, index, options);

    const { corpus } = await texts.corpusFor(team, citedSymbolsOf(analyzeDraft(draft.text, team)));
    const fromTeam = analyzeDraft(draft.text, corpus);
    const teamRefs = referenceRecords('draft.md', draft.text, fromTeam);
    const started = performance.now();
    const teamMatches = await scanDraftInStore(fromTeam.model, store, options);
    teamScanMs.push(performance.now() - started);

    references += memoryRefs.length;
    referencesResolved += memoryRefs.filter((r) => r.resolved).length;
    matches += memoryMatches.length;
    const name = draft.symbol ?? draft.uri;
    const refDiff = firstDifference(memoryRefs, teamRefs);
    if (refDiff) differences.push(`${name}: references: ${refDiff}`);
    const matchDiff = firstDifference(memoryMatches, teamMatches);
    if (matchDiff) differences.push(`${name}: reuse matches: ${matchDiff}`);
  }
  return { drafts: drafts.length, references, referencesResolved, matches, differences, equivalent: differences.length === 0, teamScanMs };
}

function firstDifference(expected: readonly unknown[], actual: readonly unknown[]): string | undefined {
  if (expected.length !== actual.length) return `${expected.length} in memory, ${actual.length} from PostgreSQL`;
  const at = expected.findIndex((item, i) => !isDeepStrictEqual(item, actual[i]));
  return at < 0 ? undefined : `#${at + 1}: ${JSON.stringify(expected[at]).slice(0, 300)} ≠ ${JSON.stringify(actual[at]).slice(0, 300)}`;
}
