// Diagnostics of the open drafts: computed once per document version and corpus (rules, notices,
// the reuse matches), pushed after a pause in typing to clients that do not pull, answered at once
// to clients that pull (LSP 3.17 textDocument/diagnostic). Listeners (lsp/status.ts) hear each
// computation.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CancellationToken,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
} from 'vscode-languageserver/node';
import type { DraftAnalysis } from '../analysis';
import { MAX_ANALYSED_CHARACTERS } from '../analysis/plain';
import { type Corpus, isBundledFileUri } from '../corpus';
import { toLspDiagnostic } from '../features/diagnostics';
import { corpusFileNotices, tooLargeNotice } from '../features/notices';
import type { Diagnostic } from '../rules';
import { computeDiagnosticsInSteps } from '../rules/compute';
import type { DraftDecision } from '../workspace/draftScope';
import { Cancelled } from './requests';
import type { DocumentState, Services } from './services';

/** A document whose diagnostics were just computed, with what its analysis and draft decision say. */
export interface ValidatedDocument {
  readonly state: DocumentState;
  readonly scope: DraftDecision;
}

export class DraftDiagnostics {
  private readonly listeners: ((validated: ValidatedDocument) => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly services: Services,
  ) {}

  /** Told each time a document's current diagnostics are computed (for a push or a pull). */
  onValidated(listener: (validated: ValidatedDocument) => void): void {
    this.listeners.push(listener);
  }

  /**
   * The rule findings of a document's current version, computed once per version and corpus generation.
   * The rules of a large draft run in steps, abandoned for a newer version or a cancelled request
   * (DocumentStore.diagnostics).
   */
  of(document: TextDocument, analysis: DraftAnalysis, current: Corpus, plain = false, token?: CancellationToken): Promise<Diagnostic[]> {
    // A draft above the limit of analysis is not checked, as its notice says: no rule reads its text
    // either (the look-alike scan of malformed-symbol read all 20 MB at each edit, 5-7 s of CPU).
    if (plain && document.getText().length > MAX_ANALYSED_CHARACTERS) return Promise.resolve([]);
    const { store, configuration, reuse } = this.services;
    const state = { document, analysis, corpus: current, plain };
    return store.diagnostics(document, current, (pause) => computeDiagnosticsInSteps({
      text: document.getText(),
      analysis,
      corpus: current,
      config: configuration.settings.diagnostics,
      plain,
      // Not on plain lines: a draft that large would be scanned paragraph by paragraph at every edit.
      // The team corpus's matches join the local index's once they came for this version (Services.reuseMatchesOf).
      reuseMatches: plain ? undefined : () => this.services.reuseMatchesOf(state, reuse.isReady(current) ? reuse.matches(analysis, current, configuration.settings.reuse, document.uri) : []),
      onError: (rule, error) => this.connection.console.error(`rule ${rule.code} failed: ${(error as Error).stack ?? error}`),
    }, pause), token);
  }

  /** The LSP diagnostics of a document's current version, or undefined if it is closed or changed meanwhile. */
  async forDocument(uri: string, token?: CancellationToken): Promise<{ version: number; diagnostics: LspDiagnostic[] } | undefined> {
    const { documents, configuration } = this.services;
    // A bundled text opened from go to definition is adopted language to read, not a draft to check:
    // A/68/283 (2013) cites 67/172, current then, and would be flagged as superseded.
    if (isBundledFileUri(uri)) {
      const document = documents.get(uri);
      return document && { version: document.version, diagnostics: [] };
    }
    const state = await this.services.analysisOf(uri, token);
    // A newer version arrived meanwhile: it has its own validation; report nothing stale.
    if (!state || documents.get(uri)?.version !== state.document.version) return undefined;
    const scope = this.services.draftDecision(state.document);
    const diagnostics = scope.draft ? await this.of(state.document, state.analysis, state.corpus, state.plain, token) : [];
    const notices: LspDiagnostic[] = state.plain && scope.draft ? [tooLargeNotice(uri, state.document.getText().length, configuration.settings.maxDocumentSize)] : [];
    // A corpus file that could not be loaded says why on its own first line, when it is open.
    const corpusProblems = corpusFileNotices(state.corpus, uri);
    for (const listener of this.listeners) listener({ state, scope });
    return { version: state.document.version, diagnostics: [...notices, ...corpusProblems, ...diagnostics.map((d) => toLspDiagnostic(d, state.document))] };
  }

  /** Push mode (clients without pull diagnostics): computes and publishes; the scheduler calls it after a pause in typing. */
  async publish(uri: string): Promise<void> {
    // A newer version (or the close) abandoned the analysis: that version has its own validation.
    const result = await this.forDocument(uri).catch((error) => {
      if (error instanceof Cancelled) return undefined;
      throw error;
    });
    if (result) this.services.background('publish diagnostics', this.connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics }));
  }
}

/** Pull mode: answered at once, from the analysis of the version the client has. */
export function register(connection: Connection, services: Services): void {
  // No debounce: the client cancels a pull that a newer edit makes stale, and analysis re-parses only changed blocks.
  connection.languages.diagnostics.on((params, token) =>
    services.guard(
      'diagnostics',
      { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport,
      async () => {
        const result = await services.diagnostics.forDocument(params.textDocument.uri, token);
        return { kind: DocumentDiagnosticReportKind.Full, items: result?.diagnostics ?? [] } as DocumentDiagnosticReport;
      },
      token,
    ),
  );
}
