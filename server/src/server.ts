import { isAbsolute, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createConnection,
  type Connection,
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { AnalysisCache, type DraftAnalysis } from './analysis';
import { BUNDLED_SCHEME, type Corpus, loadCorpus } from './corpus';
import { definitionAt } from './features/definition';
import { documentLinks } from './features/documentLinks';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { hoverAt } from './features/hover';
import { readSettings, type ServerSettings } from './settings';
import { WorkspaceDrafts } from './workspace/workspaceDrafts';

export interface InitializationOptions {
  /** False in VS Code's Restricted Mode: the workspace's corpus folders are then not read. */
  trusted?: boolean;
  settings?: unknown;
}

export const CORPUS_TEXT_REQUEST = 'compactDrafter/corpusText';

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  let settings: ServerSettings = readSettings(undefined);
  let trusted = true;
  let workspaceFolders: string[] = [];
  let corpus: Corpus | undefined;
  let corpusLoading: Promise<Corpus> | undefined;
  let generation = 0;
  let drafts = new WorkspaceDrafts([], []);
  let configurationPush = false;

  const log = (message: string) => connection.console.log(message);

  /** Runs a handler; an exception is logged and answered with the empty result, never fatal. */
  const guard = <T>(name: string, empty: T, handler: () => T | Promise<T>) => async (): Promise<T> => {
    try {
      return await handler();
    } catch (error) {
      connection.console.error(`${name} failed: ${(error as Error).stack ?? error}`);
      return empty;
    }
  };

  const corpusFolders = () =>
    trusted ? workspaceFolders.flatMap((root) => settings.corpus.paths.map((p) => (isAbsolute(p) ? p : join(root, p)))) : [];

  const reloadCorpus = (): Promise<Corpus> => {
    const folders = corpusFolders();
    const loading = loadCorpus({ folders, generation: ++generation }).then((loaded) => {
      if (loading !== corpusLoading) return corpus ?? loaded;
      corpus = loaded;
      const texts = loaded.documents.length;
      log(`corpus: ${loaded.registry.size} registry entries, ${texts} texts (${folders.length ? folders.join(', ') : 'bundled only'})`);
      for (const problem of loaded.problems) connection.console.warn(`corpus: ${problem.uri}: ${problem.message}`);
      if (!trusted) log('Restricted Mode: the workspace corpus folders are not read; only the bundled corpus is used.');
      drafts = new WorkspaceDrafts(workspaceFolders, folders);
      void drafts.scan(loaded);
      return loaded;
    });
    corpusLoading = loading;
    return loading;
  };

  const currentCorpus = async (): Promise<Corpus> => corpus ?? (await (corpusLoading ?? reloadCorpus()));

  const analysisOf = async (uri: string): Promise<{ analysis: DraftAnalysis; document: TextDocument; corpus: Corpus } | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const current = await currentCorpus();
    const analysis = cache.get(uri, document.version, () => document.getText(), current);
    drafts.setLive(uri, analysis.references);
    return { analysis, document, corpus: current };
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    trusted = options.trusted !== false;
    settings = readSettings(options.settings);
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => URI.parse(folder.uri).fsPath);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [URI.parse(params.rootUri).fsPath];
    configurationPush = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    void reloadCorpus();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
      },
      serverInfo: { name: 'compact-drafter-ls', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (configurationPush) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'compactDrafter' });
  });

  connection.onDidChangeConfiguration((change) => {
    const raw = (change.settings as { compactDrafter?: unknown } | undefined)?.compactDrafter;
    if (raw === undefined) return;
    const next = readSettings(raw);
    if (JSON.stringify(next) === JSON.stringify(settings)) return;
    settings = next;
    void reloadCorpus();
  });

  connection.onDidChangeWatchedFiles(() => {
    // A corpus file changed on disk: reload the layers (texts are parsed lazily, so this is cheap).
    void reloadCorpus();
  });

  connection.onHover((params) =>
    guard('hover', null, async () => {
      const state = await analysisOf(params.textDocument.uri);
      if (!state) return null;
      const { analysis, document, corpus: current } = state;
      const hover = hoverAt(analysis, document.offsetAt(params.position), {
        corpus: current,
        counts: (symbol) => ({
          draft: analysis.references.filter((ref) => ref.symbol === symbol).length,
          workspace: drafts.ready ? drafts.count(symbol) : undefined,
        }),
      });
      if (!hover) return null;
      return {
        contents: { kind: 'markdown', value: hover.markdown },
        range: { start: document.positionAt(hover.range.start), end: document.positionAt(hover.range.end) },
      };
    })(),
  );

  connection.onDefinition((params) =>
    guard('definition', [], async () => {
      const state = await analysisOf(params.textDocument.uri);
      return state ? definitionAt(state.analysis, state.document, state.document.offsetAt(params.position)) : [];
    })(),
  );

  connection.onDocumentLinks((params) =>
    guard('documentLinks', [], async () => {
      const state = await analysisOf(params.textDocument.uri);
      return state ? documentLinks(state.analysis, state.document) : [];
    })(),
  );

  connection.onDocumentSymbol((params) =>
    guard('documentSymbols', [], async () => {
      const state = await analysisOf(params.textDocument.uri);
      return state ? documentSymbols(state.analysis.model, state.document) : [];
    })(),
  );

  connection.onFoldingRanges((params) =>
    guard('foldingRanges', [], async () => {
      const state = await analysisOf(params.textDocument.uri);
      return state ? foldingRanges(state.analysis.model, state.document) : [];
    })(),
  );

  // Bundled texts have no file a client could open: the client asks for their text here.
  connection.onRequest(CORPUS_TEXT_REQUEST, (params: { uri: string }) =>
    guard('corpusText', null, async () => {
      if (!params?.uri?.startsWith(`${BUNDLED_SCHEME}:`)) return null;
      return (await currentCorpus()).documentByUri(params.uri)?.text ?? null;
    })(),
  );

  documents.onDidClose((event) => {
    cache.delete(event.document.uri);
    drafts.closeLive(event.document.uri);
  });

  documents.listen(connection);
  connection.listen();
}
