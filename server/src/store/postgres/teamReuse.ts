// The team corpus's reused passages of the drafts open in the editor: the whole team index asked,
// not only the texts a draft cites (store/storeScan.ts, as `compact-drafter reuse --corpus-server`
// does). Nothing waits for it: a draft's diagnostics and hovers are answered from the local layers
// at once, and when the team's matches of that version come the draft is checked again with them.
//
// One request at a time, whatever the number of drafts and edits: a draft's newest version replaces
// the one waiting, and a scan overtaken by a newer version of its draft stops before its next round
// trip (a query already sent is not cancelled on the server; its answer is kept in the cache below).
// A draft's paragraphs are asked in chunks of CHUNK, so no single query grows with the draft and a
// newer version is noticed between chunks. Each paragraph's candidates and each unit are kept for the
// session, until the team corpus changes (a push: invalidate()), so an edit asks only for the
// paragraphs it changed. A server that is down or slow rejects at once (pgStore.ts says so once):
// the local matches stand alone until it answers again.
import { symbolKey } from '../../corpus/registry';
import type { DraftModel } from '../../parse/model';
import { withPassages } from '../../reuse/passages';
import type { ReuseMatch } from '../../reuse/scan';
import { type CandidateOptions, type CorpusStore, type StoreCandidate, type StoredUnit, StoreUnavailableError } from '../corpusStore';
import { scanDraftInStore } from '../storeScan';
import { TEAM_SCHEME } from '../../protocol';

/** Paragraphs asked in one candidates query. */
const CHUNK = 64;
/** Cached answers kept before the caches start again (a long session over many drafts). */
const MAX_CACHED_QUERIES = 20_000;
const MAX_CACHED_UNITS = 50_000;

/** The store's reuse index, as the scan reads it. */
export type ReuseIndexSource = Pick<CorpusStore, 'candidates' | 'units'>;

export interface TeamScan {
  readonly uri: string;
  readonly version: number;
  /** The draft's text (the matches' passages are read from it). */
  readonly text: string;
  readonly model: DraftModel;
  readonly minWords: number;
  readonly minSimilarity: number;
  /** The draft's own symbol: texts of it are not its sources. */
  readonly excludeSymbol?: string;
}

class Superseded extends Error {}

const keyOf = (scan: Omit<TeamScan, 'uri' | 'text' | 'model'>) => `${scan.version}\u0000${scan.minWords}\u0000${scan.minSimilarity}\u0000${scan.excludeSymbol ?? ''}`;

export class TeamReuse {
  private readonly results = new Map<string, { key: string; epoch: number; matches: ReuseMatch[] }>();
  private readonly waiting = new Map<string, TeamScan>();
  private running = false;
  private scanning: { uri: string; key: string; epoch: number } | undefined;
  /** Bumped when the team corpus changes: results of an older epoch are shown until scanned again. */
  private epoch = 0;
  private readonly candidateCache = new Map<string, StoreCandidate[]>();
  private readonly unitCache = new Map<number, StoredUnit>();

  constructor(
    private readonly store: ReuseIndexSource,
    /** The team's matches of a draft came (or went): its diagnostics are computed again. */
    private readonly changed: (uri: string) => void,
    /** Where the sources come from, in the hover's words ("the team corpus at …"). */
    private readonly origin: string,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** The team's matches of this version of a draft, once they came; undefined before. */
  matchesOf(scan: Omit<TeamScan, 'text' | 'model'>): ReuseMatch[] | undefined {
    const result = this.results.get(scan.uri);
    return result?.key === keyOf(scan) ? result.matches : undefined;
  }

  /** Asks for the team's matches of a draft's version (the newest asked of a draft wins). */
  request(scan: TeamScan): void {
    const key = keyOf(scan);
    const result = this.results.get(scan.uri);
    if (result?.key === key && result.epoch === this.epoch) return;
    // The same version asked again while it is being scanned (the corpus was replaced meanwhile): that scan answers it.
    if (this.scanning?.uri === scan.uri && this.scanning.key === key && this.scanning.epoch === this.epoch) {
      this.waiting.delete(scan.uri);
      return;
    }
    this.waiting.set(scan.uri, scan);
    void this.drain();
  }

  /** Whether a scan is waiting or under way. */
  get busy(): boolean {
    return this.running || this.waiting.size > 0;
  }

  /** A draft closed. */
  forget(uri: string): void {
    this.waiting.delete(uri);
    this.results.delete(uri);
  }

  /** The team corpus changed (a push): every answer kept is stale; drafts are scanned again when next asked. */
  invalidate(): void {
    this.epoch++;
    this.candidateCache.clear();
    this.unitCache.clear();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.take(); next; next = this.take()) await this.scan(next);
    } finally {
      this.running = false;
    }
  }

  private take(): TeamScan | undefined {
    const [first] = this.waiting.values();
    if (first) this.waiting.delete(first.uri);
    return first;
  }

  private async scan(scan: TeamScan): Promise<void> {
    const epoch = this.epoch;
    this.scanning = { uri: scan.uri, key: keyOf(scan), epoch };
    let matches: ReuseMatch[];
    try {
      const found = await scanDraftInStore(scan.model, this.cached(() => this.waiting.has(scan.uri) || this.epoch !== epoch), {
        minWords: scan.minWords,
        minSimilarity: scan.minSimilarity,
        excludeSymbol: scan.excludeSymbol,
      });
      const kept = found.filter((match) => !scan.excludeSymbol || !match.source.symbol || symbolKey(match.source.symbol) !== symbolKey(scan.excludeSymbol));
      matches = withPassages(scan.text, kept.map((match) => ({ ...match, source: { ...match.source, origin: this.origin } })));
    } catch (error) {
      // A newer version asks instead; a server that cannot answer was said once by the store.
      if (error instanceof Superseded || error instanceof StoreUnavailableError) return;
      this.onError(error);
      return;
    } finally {
      this.scanning = undefined;
    }
    const before = this.results.get(scan.uri);
    this.results.set(scan.uri, { key: keyOf(scan), epoch, matches });
    if (matches.length || before?.matches.length) this.changed(scan.uri);
  }

  /** The store's index through the session's caches; stops (Superseded) before a round trip once `stale`. */
  private cached(stale: () => boolean): ReuseIndexSource {
    return {
      candidates: async (queries: readonly (readonly number[])[], options: CandidateOptions = {}) => {
        const prefix = `${options.minShared ?? ''}|${options.limit ?? ''}|${options.excludeSymbol ? symbolKey(options.excludeSymbol) : ''}|`;
        const keys = queries.map((query) => prefix + query.join(','));
        const answers = keys.map((key) => this.candidateCache.get(key));
        const missing = [...answers.keys()].filter((k) => !answers[k]);
        for (let from = 0; from < missing.length; from += CHUNK) {
          if (stale()) throw new Superseded();
          const chunk = missing.slice(from, from + CHUNK);
          const found = await this.store.candidates(chunk.map((k) => queries[k]!), options);
          if (this.candidateCache.size + chunk.length > MAX_CACHED_QUERIES) this.candidateCache.clear();
          chunk.forEach((k, i) => {
            answers[k] = found[i] ?? [];
            this.candidateCache.set(keys[k]!, answers[k]!);
          });
        }
        return answers.map((answer) => answer ?? []);
      },
      units: async (numbers: readonly number[]) => {
        const missing = numbers.filter((n) => !this.unitCache.has(n));
        if (missing.length) {
          if (stale()) throw new Superseded();
          const found = await this.store.units(missing);
          if (this.unitCache.size + found.length > MAX_CACHED_UNITS) this.unitCache.clear();
          for (const unit of found) this.unitCache.set(unit.unit, unit);
        }
        return numbers.flatMap((n) => this.unitCache.get(n) ?? []);
      },
    };
  }
}

/** Matches whose source is a team text (fetched into the local corpus) with where it comes from, for the hover. */
export function withOrigin(matches: readonly ReuseMatch[], origin: string | undefined): readonly ReuseMatch[] {
  if (!origin || !matches.some((match) => match.source.uri.startsWith(`${TEAM_SCHEME}:`))) return matches;
  const mark = <M extends ReuseMatch>(match: M): M => (match.source.uri.startsWith(`${TEAM_SCHEME}:`) && !match.source.origin ? { ...match, source: { ...match.source, origin } } : match);
  return matches.map((match) => {
    const marked = mark(match);
    return marked.passage ? { ...marked, passage: mark(marked.passage) } : marked;
  });
}

/**
 * Local and team matches of one draft, in draft order. A team match of a text the local corpus
 * also holds (the same symbol) over the same words is the local one: listed once.
 */
export function mergeMatches(local: readonly ReuseMatch[], team: readonly ReuseMatch[]): ReuseMatch[] {
  const key = (match: ReuseMatch) => `${match.range.start}:${match.range.end}:${match.source.symbol ? symbolKey(match.source.symbol) : match.source.id}:${match.source.paragraphs.join(',')}`;
  const seen = new Set(local.map(key));
  return [...local, ...team.filter((match) => !seen.has(key(match)))].sort((a, b) => a.range.start - b.range.start || b.similarity - a.similarity);
}
