// The open documents' state, one record per URI: the analysis of the current version (the full
// Markdown analysis, or plain lines for a draft above compactDrafter.maxDocumentSize), the
// diagnostics computed for it, and which analysis the workspace's citation counts last saw. Each is
// kept for one document version and one corpus generation; a document's record goes in one place
// when it is closed.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, type DraftAnalysis } from '../analysis';
import { analyzePlainDraft, analyzePlainDraftInSteps, MAX_ANALYSED_CHARACTERS, PlainLineCache } from '../analysis/plain';
import type { Corpus } from '../corpus';
import type { Diagnostic } from '../rules';

/**
 * From this many characters the rules run in steps (DocumentStore.diagnostics). The 150 KB bench draft's
 * pass takes tens of milliseconds and runs at once; a 4.5 MB plain-line draft's took 1.5–1.8 s.
 */
export const RULES_IN_STEPS_FROM = 256 * 1024;

/** What a value was computed for: a document version against a corpus generation. */
interface Stamp {
  readonly version: number;
  readonly generation: number;
}

interface DocumentRecord {
  /** The plain-line analysis of a draft too large to parse, with the line cache the next version reuses. */
  plain?: Stamp & { readonly analysis: DraftAnalysis; readonly lines: PlainLineCache };
  diagnostics?: Stamp & { readonly diagnostics: Diagnostic[] };
  /** The analysis the workspace's citation counts were last given. */
  counted?: DraftAnalysis;
}

export interface DocumentAnalysis {
  readonly analysis: DraftAnalysis;
  /** Read as plain lines (too large to parse). */
  readonly plain: boolean;
  /** An analysis not seen before: the workspace's citation counts need it. */
  readonly fresh: boolean;
}

const stampOf = (document: TextDocument, corpus: Corpus): Stamp => ({ version: document.version, generation: corpus.generation });
const isCurrent = (stamp: Stamp | undefined, document: TextDocument, corpus: Corpus) => stamp?.version === document.version && stamp.generation === corpus.generation;

export interface DocumentStoreOptions {
  /** Above this many characters a draft is read as plain lines. */
  readonly maxDocumentSize: () => number;
  /** Whether a version is still the document's (the plain-line analysis is abandoned once it is not). */
  readonly isCurrent: (uri: string, version: number) => boolean;
  /** What an abandoned analysis throws (the server answers it as cancelled). */
  readonly stale: () => Error;
}

/**
 * Lets the requests that arrived meanwhile be answered. One setImmediate is not enough: a message read
 * in this turn's poll phase is dispatched by an immediate queued after ours, so the rule pass would go
 * on first (a protocol test saw 1 hover answered during a 6 s pass). The second turn runs after it.
 */
async function turnOfTheEventLoop(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

export class DocumentStore {
  private readonly records = new Map<string, DocumentRecord>();
  /** Full analyses, re-parsing only the changed blocks of a new version. */
  private readonly full = new AnalysisCache();
  /** Plain-line analyses under way: requests for the same version share one. */
  private readonly plainInFlight = new Map<string, { version: number; corpus: Corpus; done: Promise<DraftAnalysis> }>();

  constructor(private readonly options: DocumentStoreOptions) {}

  async analyse(document: TextDocument, corpus: Corpus): Promise<DocumentAnalysis> {
    const uri = document.uri;
    const record = this.record(uri);
    const text = document.getText();
    const plain = text.length > this.options.maxDocumentSize();
    let analysis: DraftAnalysis;
    if (plain) {
      const previous = record.plain;
      if (text.length > MAX_ANALYSED_CHARACTERS) {
        // Not analysed (the notice says so): an empty analysis, so every feature answers at once.
        analysis = previous?.analysis.model.text === '' ? previous.analysis : analyzePlainDraft('', corpus);
        record.plain = { ...stampOf(document, corpus), analysis, lines: new PlainLineCache() };
      } else if (isCurrent(previous, document, corpus) && previous!.analysis.model.text === text) analysis = previous!.analysis;
      else analysis = await this.plainInSteps(document, corpus, previous?.lines ?? new PlainLineCache());
      this.full.delete(uri);
    } else {
      record.plain = undefined;
      analysis = this.full.get(uri, document.version, () => text, corpus);
    }
    // Counted once per new analysis, not at every request that reads it.
    const fresh = record.counted !== analysis;
    record.counted = analysis;
    return { analysis, plain, fresh };
  }

  /**
   * The diagnostics of the document's current version, computed once per version and corpus. The
   * rules of a large draft take seconds together: `compute` is given a pause to await between
   * rules, which lets the server answer other requests and abandons the pass (throwing `stale`)
   * once a newer version arrives or the request is cancelled. A small draft's pass runs at once.
   */
  async diagnostics(
    document: TextDocument,
    corpus: Corpus,
    compute: (pause: () => Promise<void>) => Promise<Diagnostic[]>,
    token?: { readonly isCancellationRequested: boolean },
  ): Promise<Diagnostic[]> {
    const { uri, version } = document;
    const record = this.record(uri);
    if (isCurrent(record.diagnostics, document, corpus)) return record.diagnostics!.diagnostics;
    const stamp = stampOf(document, corpus);
    const { isCurrent: stillCurrent, stale } = this.options;
    const pause =
      document.getText().length < RULES_IN_STEPS_FROM
        ? async () => {}
        : async () => {
            await turnOfTheEventLoop();
            if (!stillCurrent(uri, version) || token?.isCancellationRequested) throw stale();
          };
    const diagnostics = await compute(pause);
    // Kept with what they were computed for; not for a document closed meanwhile.
    if (this.records.get(uri) === record) record.diagnostics = { ...stamp, diagnostics };
    return diagnostics;
  }

  /** Whether diagnostics were computed for some version of the document (it has been validated before). */
  hasDiagnostics(uri: string): boolean {
    return this.records.get(uri)?.diagnostics !== undefined;
  }

  /** Diagnostics to compute again: of one document (its draft status changed), or of all (settings, corpus). */
  forgetDiagnostics(uri?: string): void {
    if (uri === undefined) for (const record of this.records.values()) record.diagnostics = undefined;
    else if (this.records.has(uri)) this.records.get(uri)!.diagnostics = undefined;
  }

  /**
   * New text: the diagnostics kept for the old go (a client may reopen without closing, or reuse a
   * version number), and the full analysis is marked for an incremental update.
   */
  changed(uri: string): void {
    this.forgetDiagnostics(uri);
    this.full.invalidate(uri);
  }

  /** A closed document: everything kept for it goes. */
  close(uri: string): void {
    this.records.delete(uri);
    this.full.delete(uri);
  }

  /**
   * The plain-line analysis of a document's current version, in steps with the other requests
   * answered between them (a multi-megabyte draft takes seconds); requests for the same version share
   * one. Abandoned once a newer version arrives, which has its own.
   */
  private async plainInSteps(document: TextDocument, corpus: Corpus, lines: PlainLineCache): Promise<DraftAnalysis> {
    const { uri, version } = document;
    const { isCurrent, stale } = this.options;
    let flight = this.plainInFlight.get(uri);
    if (!flight || flight.version !== version || flight.corpus !== corpus) {
      const done: Promise<DraftAnalysis> = analyzePlainDraftInSteps(document.getText(), corpus, lines, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        if (!isCurrent(uri, version)) throw stale();
      })
        .then((analysis) => {
          if (isCurrent(uri, version)) this.record(uri).plain = { version, generation: corpus.generation, analysis, lines };
          return analysis;
        })
        .finally(() => {
          if (this.plainInFlight.get(uri)?.done === done) this.plainInFlight.delete(uri);
        });
      flight = { version, corpus, done };
      this.plainInFlight.set(uri, flight);
    }
    const analysis = await flight.done;
    // The document object is updated in place: an edit during the analysis makes it stale.
    if (document.version !== version) throw stale();
    return analysis;
  }

  private record(uri: string): DocumentRecord {
    let record = this.records.get(uri);
    if (!record) this.records.set(uri, (record = {}));
    return record;
  }
}
