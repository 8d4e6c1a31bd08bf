// The session's start and end: `initialize` reads the client's capabilities and options, makes the
// corpus service, reuse index and Digital Library commands, starts the corpus load and answers
// with the server's capabilities; "initialized" allows the dynamic registrations; `shutdown` ends
// the answering of requests.
import { join } from 'node:path';
import {
  type Connection,
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { bundledFileUri, defaultCacheDir, ModelDiskCache } from '../corpus';
import { COMPLETION_TRIGGER_CHARACTERS } from '../features/completion';
import { registerDigitalLibrarySupport } from '../features/digitalLibrary';
import { SEMANTIC_TOKENS_LEGEND } from '../features/semanticTokens';
import { CorpusService } from '../host/corpusService';
import type { InitializationOptions } from '../protocol';
import { ReuseDiskCache } from '../reuse/diskCache';
import { ReuseService } from '../reuse/service';
import { storeOptionsFor } from '../store/reuseStore';
import { TeamTextFiles } from '../store/postgres/teamFiles';
import { VERSION } from '../version';
import { WorkspaceDrafts } from '../workspace/workspaceDrafts';
import type { Services } from './services';

export function register(connection: Connection, services: Services): void {
  const { configuration, client, draftScopes, store, team, log, background, whenIdle } = services;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    client.serveSnippets = options.serveSnippets !== false;
    client.snippetSupport = !!params.capabilities.textDocument?.completion?.completionItem?.snippetSupport;
    client.tokensRefresh = !!params.capabilities.workspace?.semanticTokens?.refreshSupport;
    client.clientUri = options.bundledTextScheme === true ? (uri) => uri : bundledFileUri;
    client.teamTextScheme = options.teamTextScheme === true;
    client.documentSymbols = options.documentSymbols !== false;
    const watchesCorpus = options.watchesCorpus === true;
    for (const [uri, draft] of Object.entries(options.draftOverrides ?? {})) if (typeof draft === 'boolean') draftScopes.setOverride(uri, draft);
    const watched = params.capabilities.workspace?.didChangeWatchedFiles;
    client.dynamicWatchers = !watchesCorpus && watched?.dynamicRegistration ? { relativePatterns: !!watched.relativePatternSupport } : undefined;
    const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
    services.teamFiles = new TeamTextFiles(cacheDir && !client.teamTextScheme ? join(cacheDir, 'team') : undefined, (message) => connection.console.warn(message));
    const folders = (params.workspaceFolders ?? []).map((folder) => URI.parse(folder.uri).fsPath);
    if (folders.length === 0 && params.rootUri) folders.push(URI.parse(params.rootUri).fsPath);
    configuration.initialize(options.settings, { trusted: options.trusted !== false, folders });
    // The store's mode and place are applied again at every corpus load (CorpusService.reload).
    services.reuse = new ReuseService(cacheDir ? new ReuseDiskCache(join(cacheDir, 'reuse'), log) : undefined, log, log, storeOptionsFor(configuration.settings.corpus.store, configuration.settings.corpus.storePath, cacheDir ?? undefined), (message) => {
      // The user asked for the store and has none: said in the output and shown, once per setting.
      connection.console.warn(message);
      background('store message', connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }));
    });
    services.corpus = new CorpusService({
      configuration,
      reuse: services.reuse,
      team,
      cacheDir: cacheDir ?? undefined,
      modelCache: cacheDir ? new ModelDiskCache(join(cacheDir, 'models'), log) : undefined,
      log,
      warn: (message) => connection.console.warn(message),
      background,
      whenIdle,
    });
    services.corpus.listen({
      reloading: () => store.forgetDiagnostics(),
      folders: (corpusFolders) => services.watchers.update(corpusFolders),
      loaded: (loaded, corpusFolders) => {
        const scanned = (services.drafts = new WorkspaceDrafts([...configuration.workspaceFolders], corpusFolders));
        background('workspace scan', scanned.scan(loaded).then(() => scanned.skipped.forEach(({ path, reason }) => connection.console.warn(`workspace scan: ${path}: ${reason}`))));
        services.revalidateAll();
      },
      // Drafts are checked again once the reuse index is there.
      indexed: () => {
        store.forgetDiagnostics();
        services.revalidateAll();
      },
    });
    client.configurationPush = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    // The client asks for diagnostics (LSP 3.17 pull) when it needs them, as VS Code does; else they are
    // pushed. Only a client that also takes workspace/diagnostic/refresh pulls: Eglot 1.24 pulls without
    // it, and would keep stale diagnostics after a corpus or reuse-index change until the next edit.
    services.scheduler.pull = !!params.capabilities.textDocument?.diagnostic && !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    const library = (services.library = registerDigitalLibrarySupport(connection, {
      onlineLookupEnabled: () => configuration.settings.onlineLookup.enabled,
      trusted: () => configuration.trusted,
      registryFolder: () => configuration.registryFolders()[0],
      workspaceRoot: () => configuration.workspaceFolders[0],
      reload: () => services.corpus.reload(),
      cacheDir: cacheDir ?? undefined,
      log,
      clientCommands: Array.isArray(options.clientCommands) ? options.clientCommands.filter((c) => typeof c === 'string') : [],
    }));
    draftScopes.configure([...configuration.workspaceFolders], configuration.settings.drafts.include);
    background('corpus load', services.corpus.reload());
    services.lifecycle = 'running';
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        documentSymbolProvider: client.documentSymbols,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll'] },
        completionProvider: { triggerCharacters: [...COMPLETION_TRIGGER_CHARACTERS], resolveProvider: false },
        workspaceSymbolProvider: true,
        referencesProvider: true,
        executeCommandProvider: { commands: [...library.commands] },
        ...(services.scheduler.pull ? { diagnosticProvider: { identifier: 'compact-drafter', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'compact-drafter-ls', version: VERSION },
    };
  });

  connection.onShutdown(() => {
    services.lifecycle = 'shut down';
    background('team corpus', team.close());
  });

  connection.onInitialized(() => {
    if (client.configurationPush) background('configuration registration', connection.client.register(DidChangeConfigurationNotification.type, { section: 'compactDrafter' }));
    services.initialized = true;
    services.watchers.clientInitialized();
  });
}
