import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CancellationToken,
  type CompletionItem,
  createConnection,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Disposable,
  type InitializeParams,
  type InitializeResult,
  ErrorCodes,
  LSPErrorCodes,
  MarkupKind,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { type DraftAnalysis, referenceAt } from './analysis';
import { BUNDLED_SCHEME, bundledFileUri, type Corpus, isBundledFileUri, defaultCacheDir, ModelDiskCache } from './corpus';
import { definitionAt } from './features/definition';
import { documentLinks } from './features/documentLinks';
import { SEMANTIC_TOKENS_LEGEND, draftTokens, encodeTokens } from './features/semanticTokens';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { hoverAt } from './features/hover';
import { COMPLETION_TRIGGER_CHARACTERS, completionListAt } from './features/completion';
import { verbHoverAt } from './features/verbHover';
import { reuseHoverAt } from './features/reuseHover';
import { ReuseDiskCache } from './reuse/diskCache';
import { ReuseService } from './reuse/service';
import { storeOptionsFor } from './store/reuseStore';
import { workspaceSymbols } from './features/workspaceSymbols';
import { withoutSnippetSyntax } from './features/snippets';
import { BRACKETS_REQUEST, bracketsResponse, COMPARE_REQUEST, compareResponse } from './features/negotiation';
import { type DigitalLibrarySupport, registerDigitalLibrarySupport } from './features/digitalLibrary';
import { CITATION_CHOICES_REQUEST, citationChoices, citationContext, type CitationChoicesParams } from './language/citations';
import { quickFixes, toLspDiagnostic } from './features/diagnostics';
import { corpusFileNotices, tooLargeNotice } from './features/notices';
import type { Diagnostic } from './rules';
import { computeDiagnostics } from './rules/compute';
import { VERSION } from './version';
import { ConfigurationStore } from './host/configuration';
import { TeamCorpusLayer } from './store/postgres/teamLayer';
import { CorpusService } from './host/corpusService';
import { DocumentStore } from './host/documentStore';
import { DiagnosticsScheduler, VALIDATION_DELAY_MS } from './host/diagnosticsScheduler';
import { WorkspaceDrafts } from './workspace/workspaceDrafts';
import { DraftScopes, type DraftDecision } from './workspace/draftScope';
import { corpusWatchers } from './workspace/corpusWatchers';

export interface InitializationOptions {
  /** False in VS Code's Restricted Mode: the workspace's corpus folders are then not read. */
  trusted?: boolean;
  settings?: unknown;
  /** False when the client also loads snippets/compact-drafter.code-snippets and wants each snippet listed once. */
  serveSnippets?: boolean;
  /** Where parsed corpus texts are cached between sessions (VS Code: the extension's global storage); null: no cache. Default: ~/.cache/compact-drafter. */
  cacheDir?: string | null;
  /**
   * True when the client shows bundled texts under compact-drafter-corpus: itself (VS Code's extension,
   * through compactDrafter/corpusText). Otherwise go to definition, workspace symbols and the reused
   * passages point at the texts' files on disk, which any editor opens.
   */
  bundledTextScheme?: boolean;
  /** Commands the client has that quick fixes may use (VS Code: "compactDrafter.importLibraryExport"). */
  clientCommands?: string[];
  /** False when the client has an outline of its own for Markdown (VS Code): the server then offers no document symbols. */
  documentSymbols?: boolean;
  /** True when the client watches the corpus folders itself; otherwise the server registers the watchers (when the client allows). */
  watchesCorpus?: boolean;
  /** The drafter's per-file choices: checked as a draft (true) or not (false), by URI. */
  draftOverrides?: Record<string, boolean>;
}

/** Client → server: the drafter turned checking on or off for a file (`draft: null` returns it to the automatic decision). */
export const SET_DRAFT_NOTIFICATION = 'compactDrafter/setDraft';

export const CORPUS_TEXT_REQUEST = 'compactDrafter/corpusText';
/** The reused passages of a draft (the "Show reused agreed language" command). */
export const REUSE_MATCHES_REQUEST = 'compactDrafter/reuseMatches';

export interface ReuseMatchItem {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly source: { readonly symbol?: string; readonly paragraphs: readonly string[]; readonly uri: string };
  readonly similarity: number;
  readonly altered: boolean;
}
/** Sent after each validation: what the client's status bar shows for the active draft. */
export const STATUS_NOTIFICATION = 'compactDrafter/status';
/** The corpus warm-up works only in pauses this long. */
const IDLE_MS = 100;
const WARM_UP_MAX_WAIT_MS = 5000;

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const configuration = new ConfigurationStore((message) => connection.console.warn(message));
  let corpusService: CorpusService | undefined;
  let drafts = new WorkspaceDrafts([], []);
  let configurationPush = false;
  let serveSnippets = true;
  let snippetSupport = false;
  /** Bundled texts as compact-drafter-corpus: URIs (the client opted in), else as their files. */
  let clientUri = bundledFileUri;
  let reuse = new ReuseService();
  let library: DigitalLibrarySupport | undefined;
  let lifecycle: 'new' | 'running' | 'shut down' = 'new';
  let serveDocumentSymbols = true;
  let watchesCorpus = false;
  let dynamicWatchers: { relativePatterns: boolean } | undefined;
  let watcherRegistration: Promise<Disposable> | undefined;
  /** The client has sent "initialized": dynamic registrations are allowed. */
  let initialized = false;
  const draftScopes = new DraftScopes();

  const log = (message: string) => connection.console.log(message);
  /** compactDrafter.corpus.server: the team corpus on PostgreSQL, a layer over the local corpus (store/postgres/teamLayer.ts). */
  const team = new TeamCorpusLayer((message) => connection.console.warn(message));
  /** Work not awaited by anyone: its failure is logged, never an unhandled rejection that ends the process. */
  const background = (what: string, work: Promise<unknown>) => {
    work.catch((error) => connection.console.error(`${what} failed: ${(error as Error)?.stack ?? error}`));
  };
  /** Diagnostics of the latest validated version of each document; code actions read them. */
  const store = new DocumentStore({
    maxDocumentSize: () => configuration.settings.maxDocumentSize,
    isCurrent: (uri, version) => documents.get(uri)?.version === version,
    stale: () => new Cancelled(),
  });

  /**
   * Runs a handler; an exception is logged and answered with the empty result, never fatal. A
   * request the client cancelled is answered as cancelled (LSP's RequestCancelled), not computed.
   */
  const guard =
    <T>(name: string, empty: T, handler: () => T | Promise<T>, token?: CancellationToken) =>
    async (): Promise<T | ResponseError<never>> => {
      // The spec: a request before `initialize` is an error (-32002), and so is one after `shutdown`.
      if (lifecycle === 'new') return new ResponseError<never>(ErrorCodes.ServerNotInitialized, `${name}: the server is not initialized`);
      if (lifecycle === 'shut down') return new ResponseError<never>(ErrorCodes.InvalidRequest, `${name}: the server is shut down`);
      try {
        if (token?.isCancellationRequested) return cancelled();
        const result = await handler();
        return token?.isCancellationRequested ? cancelled() : result;
      } catch (error) {
        if (error instanceof Cancelled) return cancelled();
        connection.console.error(`${name} failed: ${(error as Error).stack ?? error}`);
        return empty;
      }
    };

  const corpusFolders = () => configuration.corpusFolders();
  const registryFolders = () => configuration.registryFolders();

  /** Clients that allow it (and do not watch the corpus themselves) are asked to report changes under the corpus folders. */
  let watchedFolders = '';
  const registerCorpusWatchers = (folders: string[]) => {
    // Registering is only allowed once the client has said "initialized".
    if (!dynamicWatchers || !initialized) return;
    const registries = registryFolders();
    if (JSON.stringify([folders, registries]) === watchedFolders) return;
    watchedFolders = JSON.stringify([folders, registries]);
    const previous = watcherRegistration;
    watcherRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: corpusWatchers(folders, dynamicWatchers.relativePatterns, registries) });
    background('corpus watchers', Promise.all([previous?.then((registration) => registration.dispose()), watcherRegistration]));
  };

  /** Whether a document is a draft: everything else gets no diagnostics, fixes, outline or drafting help. */
  const draftDecision = (document: TextDocument): DraftDecision =>
    draftScopes.decide(document, document.uri.startsWith('file:') ? URI.parse(document.uri).fsPath : undefined);

  // Requests are answered only after \`initialize\` (the guard), which makes the corpus service.
  const currentCorpus = (): Promise<Corpus> => corpusService!.current();
  const reloadCorpus = (): Promise<Corpus> => corpusService!.reload();

  /** Drafts above compactDrafter.maxDocumentSize are read as plain lines (analysis/plain.ts). */

  /** When a draft was last analysed or asked about: the corpus warm-up waits for a quiet moment. */
  let lastActivity = 0;
  // A drafter who never pauses still gets the warm-up, after WARM_UP_MAX_WAIT_MS.
  const whenIdle = () =>
    new Promise<void>((resolve) => {
      const since = Date.now();
      const check = () =>
        (!scheduler.waiting && Date.now() - lastActivity >= IDLE_MS) || Date.now() - since >= WARM_UP_MAX_WAIT_MS ? resolve() : setTimeout(check, IDLE_MS);
      check();
    });

  const analysisOf = async (
    uri: string,
    token?: CancellationToken,
  ): Promise<{ analysis: DraftAnalysis; document: TextDocument; corpus: Corpus; plain: boolean } | undefined> => {
    lastActivity = Date.now();
    const document = documents.get(uri);
    if (!document) return undefined;
    const current = await currentCorpus();
    if (token) {
      // Let a $/cancelRequest that is already queued arrive before the (synchronous) analysis runs.
      await new Promise((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) throw new Cancelled();
    }
    const { analysis, plain, fresh } = await store.analyse(document, current);
    if (token?.isCancellationRequested) throw new Cancelled();
    // Counted once per new analysis, not at every request that reads it.
    if (fresh) {
      drafts.setLive(uri, analysis.references, document);
      // The team's texts of what the draft cites, fetched after it is answered; with new ones the drafts are checked again.
      if (team.active) {
        background('team corpus', team.withCited(current, analysis, () => corpusService!.nextGeneration()).then((next) => {
          if (!next || !corpusService!.replace(current, next)) return;
          store.forgetDiagnostics();
          revalidateAll();
        }));
      }
    }
    return { analysis, document, corpus: current, plain };
  };

  const diagnosticsOf = (document: TextDocument, analysis: DraftAnalysis, current: Corpus, plain = false): Diagnostic[] => {
    return store.diagnostics(document, current, () => computeDiagnostics({
      text: document.getText(),
      analysis,
      corpus: current,
      config: configuration.settings.diagnostics,
      plain,
      // Not on plain lines: a draft that large would be scanned paragraph by paragraph at every edit.
      reuseMatches: plain || !reuse.isReady(current) ? undefined : () => reuse.matches(analysis, current, configuration.settings.reuse, document.uri),
      onError: (rule, error) => connection.console.error(`rule ${rule.code} failed: ${(error as Error).stack ?? error}`),
    }));
  };

  /** The LSP diagnostics of a document's current version, or undefined if it is closed or changed meanwhile. */
  const lspDiagnosticsOf = async (uri: string, token?: CancellationToken): Promise<{ version: number; diagnostics: LspDiagnostic[] } | undefined> => {
    // A bundled text opened from go to definition is adopted language to read, not a draft to check:
    // A/68/283 (2013) cites 67/172, current then, and would be flagged as superseded.
    if (isBundledFileUri(uri)) {
      const document = documents.get(uri);
      return document && { version: document.version, diagnostics: [] };
    }
    const state = await analysisOf(uri, token);
    // A newer version arrived meanwhile: it has its own validation; report nothing stale.
    if (!state || documents.get(uri)?.version !== state.document.version) return undefined;
    const scope = draftDecision(state.document);
    const diagnostics = scope.draft ? diagnosticsOf(state.document, state.analysis, state.corpus, state.plain) : [];
    const notices: LspDiagnostic[] = state.plain && scope.draft ? [tooLargeNotice(uri, state.document.getText().length, configuration.settings.maxDocumentSize)] : [];
    // A corpus file that could not be loaded says why on its own first line, when it is open.
    const corpusProblems = corpusFileNotices(state.corpus, uri);
    background('status', connection.sendNotification(STATUS_NOTIFICATION, {
      uri,
      version: state.document.version,
      isDraft: scope.draft,
      draftReason: scope.reason,
      bracketedPassages: state.analysis.brackets.passages.length,
      alternatives: state.analysis.brackets.alternatives,
      unbalancedBrackets: state.analysis.brackets.unmatched.length,
      references: state.analysis.references.length,
    }));
    return { version: state.document.version, diagnostics: [...notices, ...corpusProblems, ...diagnostics.map((d) => toLspDiagnostic(d, state.document))] };
  };

  /** Push mode (clients without pull diagnostics): publish after a pause in typing. */
  const validate = async (uri: string): Promise<void> => {
    // A newer version (or the close) abandoned the analysis: that version has its own validation.
    const result = await lspDiagnosticsOf(uri).catch((error) => {
      if (error instanceof Cancelled) return undefined;
      throw error;
    });
    if (result) background('publish diagnostics', connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics }));
  };

  const scheduler = new DiagnosticsScheduler({
    validate,
    refresh: () => background('diagnostics refresh', connection.languages.diagnostics.refresh()),
    onError: (error) => connection.console.error(`validation failed: ${(error as Error).stack ?? error}`),
  });
  const scheduleValidation = (uri: string, delay?: number) => scheduler.schedule(uri, delay);
  /** A draft's colours follow what it is and what the corpus knows: asked again when either changes. */
  let tokensRefresh = false;
  const refreshTokens = () => {
    if (tokensRefresh && initialized) background('semantic tokens refresh', connection.languages.semanticTokens.refresh());
  };
  const revalidateAll = () => {
    scheduler.revalidate(documents.all().map((document) => document.uri));
    refreshTokens();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    serveSnippets = options.serveSnippets !== false;
    snippetSupport = !!params.capabilities.textDocument?.completion?.completionItem?.snippetSupport;
    tokensRefresh = !!params.capabilities.workspace?.semanticTokens?.refreshSupport;
    clientUri = options.bundledTextScheme === true ? (uri) => uri : bundledFileUri;
    serveDocumentSymbols = options.documentSymbols !== false;
    watchesCorpus = options.watchesCorpus === true;
    for (const [uri, draft] of Object.entries(options.draftOverrides ?? {})) if (typeof draft === 'boolean') draftScopes.setOverride(uri, draft);
    const watched = params.capabilities.workspace?.didChangeWatchedFiles;
    dynamicWatchers = !watchesCorpus && watched?.dynamicRegistration ? { relativePatterns: !!watched.relativePatternSupport } : undefined;
    const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
    const folders = (params.workspaceFolders ?? []).map((folder) => URI.parse(folder.uri).fsPath);
    if (folders.length === 0 && params.rootUri) folders.push(URI.parse(params.rootUri).fsPath);
    configuration.initialize(options.settings, { trusted: options.trusted !== false, folders });
    // The store's mode and place are read once: changing them takes a restart of the server.
    reuse = new ReuseService(cacheDir ? new ReuseDiskCache(join(cacheDir, 'reuse'), log) : undefined, log, log, storeOptionsFor(configuration.settings.corpus.store, configuration.settings.corpus.storePath, cacheDir ?? undefined));
    corpusService = new CorpusService({
      configuration,
      reuse,
      team,
      modelCache: cacheDir ? new ModelDiskCache(join(cacheDir, 'models'), log) : undefined,
      log,
      warn: (message) => connection.console.warn(message),
      background,
      whenIdle,
    });
    corpusService.listen({
      reloading: () => store.forgetDiagnostics(),
      folders: registerCorpusWatchers,
      loaded: (loaded, folders) => {
        drafts = new WorkspaceDrafts([...configuration.workspaceFolders], folders);
        const scanned = drafts;
        background('workspace scan', scanned.scan(loaded).then(() => scanned.skipped.forEach(({ path, reason }) => connection.console.warn(`workspace scan: ${path}: ${reason}`))));
        revalidateAll();
      },
      // Drafts are checked again once the reuse index is there.
      indexed: () => {
        store.forgetDiagnostics();
        revalidateAll();
      },
    });
    configurationPush = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    // The client asks for diagnostics (LSP 3.17 pull) when it needs them, as VS Code does; else they are
    // pushed. Only a client that also takes workspace/diagnostic/refresh pulls: Eglot 1.24 pulls without
    // it, and would keep stale diagnostics after a corpus or reuse-index change until the next edit.
    scheduler.pull = !!params.capabilities.textDocument?.diagnostic && !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    library = registerDigitalLibrarySupport(connection, {
      onlineLookupEnabled: () => configuration.settings.onlineLookup.enabled,
      trusted: () => configuration.trusted,
      registryFolder: () => registryFolders()[0],
      workspaceRoot: () => configuration.workspaceFolders[0],
      reload: reloadCorpus,
      cacheDir: cacheDir ?? undefined,
      log,
      clientCommands: Array.isArray(options.clientCommands) ? options.clientCommands.filter((c) => typeof c === 'string') : [],
    });
    draftScopes.configure([...configuration.workspaceFolders], configuration.settings.drafts.include);
    background('corpus load', reloadCorpus());
    lifecycle = 'running';
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        documentSymbolProvider: serveDocumentSymbols,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll'] },
        completionProvider: { triggerCharacters: [...COMPLETION_TRIGGER_CHARACTERS], resolveProvider: false },
        workspaceSymbolProvider: true,
        referencesProvider: true,
        executeCommandProvider: { commands: [...library.commands] },
        ...(scheduler.pull ? { diagnosticProvider: { identifier: 'compact-drafter', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'compact-drafter-ls', version: VERSION },
    };
  });

  connection.onShutdown(() => {
    lifecycle = 'shut down';
    background('team corpus', team.close());
  });

  connection.onInitialized(() => {
    if (configurationPush) background('configuration registration', connection.client.register(DidChangeConfigurationNotification.type, { section: 'compactDrafter' }));
    initialized = true;
    registerCorpusWatchers(corpusFolders());
  });

  connection.onNotification(SET_DRAFT_NOTIFICATION, (params: { uri?: string; draft?: boolean | null }) => {
    if (typeof params?.uri !== 'string') return;
    draftScopes.setOverride(params.uri, typeof params.draft === 'boolean' ? params.draft : undefined);
    store.forgetDiagnostics(params.uri);
    if (scheduler.pull) revalidateAll();
    else scheduleValidation(params.uri, 0);
    refreshTokens();
  });

  connection.onDidChangeConfiguration((params) => {
    const raw = (params.settings as { compactDrafter?: unknown } | undefined)?.compactDrafter;
    if (raw === undefined) return;
    const change = configuration.update(raw);
    if (!change) return;
    draftScopes.configure([...configuration.workspaceFolders], change.settings.drafts.include);
    store.forgetDiagnostics();
    if (change.corpusChanged) background('corpus load', reloadCorpus());
    else revalidateAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    // A corpus or registry file changed on disk: reload the layers (texts are parsed lazily, so this is cheap).
    corpusService?.reloadSoon();
  });

  connection.onHover((params, token) =>
    guard('hover', null, async () => {
      const state = await analysisOf(params.textDocument.uri, token);
      if (!state) return null;
      const { analysis, document, corpus: current } = state;
      const offset = document.offsetAt(params.position);
      // Outside drafts only a citation is explained: no reuse or verb notes on a README's "Requests".
      const draft = draftDecision(document).draft;
      const hover =
        hoverAt(analysis, offset, {
          corpus: current,
          counts: (symbol) => ({
            draft: analysis.references.filter((ref) => ref.symbol === symbol).length,
            workspace: drafts.ready && configuration.workspaceFolders.length ? drafts.count(symbol) : undefined,
          }),
        }) ??
        (!draft || state.plain || !reuse.isReady(current) ? undefined : reuseHoverAt(reuse.matches(analysis, current, configuration.settings.reuse, document.uri), offset)) ??
        (draft ? verbHoverAt(analysis, offset) : undefined);
      if (!hover) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: hover.markdown },
        range: { start: document.positionAt(hover.range.start), end: document.positionAt(hover.range.end) },
      };
    }, token)(),
  );

  connection.onDefinition((params, token) =>
    guard('definition', [], async () => {
      const state = await analysisOf(params.textDocument.uri, token);
      if (!state) return [];
      return definitionAt(state.analysis, state.document, state.document.offsetAt(params.position)).map((location) => ({ ...location, uri: clientUri(location.uri) }));
    }, token)(),
  );

  // Colours for drafts only: a README's "see paragraph 3 below" is no citation (features/semanticTokens.ts).
  connection.languages.semanticTokens.on((params, token) =>
    guard('semanticTokens', { data: [] }, async () => {
      const state = await analysisOf(params.textDocument.uri, token);
      // Plain-line drafts (above compactDrafter.maxDocumentSize) stay uncoloured: they are read in steps.
      if (!state || state.plain || !draftDecision(state.document).draft) return { data: [] };
      return encodeTokens(draftTokens(state.analysis), state.document);
    }, token)(),
  );

  connection.onDocumentLinks((params, token) =>
    guard('documentLinks', [], async () => {
      const state = await analysisOf(params.textDocument.uri, token);
      return state ? documentLinks(state.analysis, state.document) : [];
    }, token)(),
  );

  connection.onDocumentSymbol((params, token) =>
    guard('documentSymbols', [], async () => {
      const state = await analysisOf(params.textDocument.uri, token);
      return state && draftDecision(state.document).draft ? documentSymbols(state.analysis.model, state.document) : [];
    }, token)(),
  );

  connection.onFoldingRanges((params, token) =>
    guard('foldingRanges', [], async () => {
      const state = await analysisOf(params.textDocument.uri, token);
      return state && draftDecision(state.document).draft ? foldingRanges(state.analysis.model, state.document) : [];
    }, token)(),
  );

  connection.onCompletion((params, token) =>
    guard('completion', { isIncomplete: false, items: [] as CompletionItem[] }, async () => {
      const state = await analysisOf(params.textDocument.uri, token);
      if (!state || !draftDecision(state.document).draft) return { isIncomplete: false, items: [] };
      const list = completionListAt(state.analysis, state.document.offsetAt(params.position), state.corpus, {
        triggerCharacter: params.context?.triggerCharacter,
        snippets: serveSnippets,
        citationForm: configuration.settings.citationForm,
      });
      return snippetSupport ? list : { ...list, items: list.items.map(withoutSnippetSyntax) };
    }, token)(),
  );

  // Every citation of the document under the cursor, across the workspace's drafts (open ones as edited).
  connection.onReferences((params, token) =>
    guard('references', [], async () => {
      const state = await analysisOf(params.textDocument.uri, token);
      if (!state) return [];
      const symbol = referenceAt(state.analysis, state.document.offsetAt(params.position))?.symbol;
      if (!symbol) return [];
      await drafts.whenScanned;
      return drafts.locations(symbol);
    }, token)(),
  );

  connection.onWorkspaceSymbol((params) =>
    guard('workspaceSymbols', [], async () =>
      workspaceSymbols(params.query, await currentCorpus()).map((symbol) => ({ ...symbol, location: { ...symbol.location, uri: clientUri(symbol.location.uri) } })),
    )(),
  );

  // "Insert citation…": every document, the draft's own citations first, each citation in the three house forms.
  connection.onRequest(CITATION_CHOICES_REQUEST, (params: CitationChoicesParams | undefined) =>
    guard('citationChoices', [], async () => {
      const current = await currentCorpus();
      const state = params?.uri ? await analysisOf(params.uri) : undefined;
      const cited = new Set(state?.analysis.references.flatMap((ref) => (ref.symbol ? [ref.symbol] : [])) ?? []);
      const context = state && params?.position ? citationContext(state.document.getText(), state.document.offsetAt(params.position)) : undefined;
      return citationChoices(current, cited, context);
    })(),
  );

  // "Show reused agreed language": every reused passage of a draft, for the client's quick pick.
  connection.onRequest(REUSE_MATCHES_REQUEST, (params: { uri: string }, token: CancellationToken) =>
    guard(
      'reuseMatches',
      [] as ReuseMatchItem[],
      async () => {
        const state = await analysisOf(params?.uri, token);
        if (!state || state.plain) return [];
        // Asked for explicitly: worth waiting for the index if the warm-up has not built it yet.
        return reuse.matches(state.analysis, state.corpus, configuration.settings.reuse, state.document.uri).map((match) => ({
          range: { start: state.document.positionAt(match.range.start), end: state.document.positionAt(match.range.end) },
          source: { symbol: match.source.symbol, paragraphs: match.source.paragraphs, uri: clientUri(match.source.uri) },
          similarity: match.similarity,
          altered: match.altered,
        }));
      },
      token,
    )(),
  );

  // The bracket list (status bar item, command): the draft's passages with alternatives and proponents.
  connection.onRequest(BRACKETS_REQUEST, (params: { uri: string }, token: CancellationToken) =>
    guard('brackets', null, async () => {
      const state = await analysisOf(params?.uri, token);
      return state ? bracketsResponse(state.document, state.analysis.brackets) : null;
    }, token)(),
  );

  // "Compare with…": the open draft against an earlier round whose text the client read.
  connection.onRequest(COMPARE_REQUEST, (params: { uri: string; oldText: string; oldName?: string }, token: CancellationToken) =>
    guard('compare', null, async () => {
      const document = documents.get(params?.uri);
      if (!document || typeof params.oldText !== 'string') return null;
      return compareResponse(document, params.oldText, params.oldName ?? 'earlier round', document.uri.split('/').pop() ?? document.uri);
    }, token)(),
  );

  // Bundled texts have no file a client could open: the client asks for their text here.
  connection.onRequest(CORPUS_TEXT_REQUEST, (params: { uri: string }) =>
    guard('corpusText', null, async () => {
      if (!params?.uri?.startsWith(`${BUNDLED_SCHEME}:`)) return null;
      return (await currentCorpus()).documentByUri(params.uri)?.text ?? null;
    })(),
  );

  // Pull mode: answered at once, from the analysis of the version the client has (no debounce: the
  // client cancels a pull that a newer edit makes stale, and analysis re-parses only changed blocks).
  connection.languages.diagnostics.on((params, token) =>
    guard(
      'diagnostics',
      { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport,
      async () => {
        const result = await lspDiagnosticsOf(params.textDocument.uri, token);
        return { kind: DocumentDiagnosticReportKind.Full, items: result?.diagnostics ?? [] } as DocumentDiagnosticReport;
      },
      token,
    )(),
  );

  connection.onCodeAction((params, token) =>
    guard('codeAction', [], async () => {
      const state = await analysisOf(params.textDocument.uri, token);
      if (!state || !draftDecision(state.document).draft) return [];
      return quickFixes(diagnosticsOf(state.document, state.analysis, state.corpus, state.plain), state.document, params.range, {
        only: params.context?.only,
        analysis: state.analysis,
        commands: library?.actionCommands(),
      });
    }, token)(),
  );

  // The first validation of a document runs at once (it is also the open); edits wait for a pause.
  // New text drops the diagnostics kept for the old: a client may reopen without closing, or reuse a version number.
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    const delay = store.hasDiagnostics(uri) ? VALIDATION_DELAY_MS : 0;
    store.changed(uri);
    scheduleValidation(uri, delay);
  });

  documents.onDidClose((event) => {
    const uri = event.document.uri;
    scheduler.cancel(uri);
    store.close(uri);
    draftScopes.forget(uri);
    drafts.closeLive(uri);
    background('clear diagnostics', connection.sendDiagnostics({ uri, diagnostics: [] }));
  });

  documents.listen(connection);
  connection.listen();
}

/** Thrown where a cancelled request stops; the guard answers it as cancelled. */
class Cancelled extends Error {}

const cancelled = () => new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
