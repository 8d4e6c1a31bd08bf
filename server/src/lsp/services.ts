// The services every feature is handed: the host objects (configuration store, corpus service,
// document store, diagnostics scheduler), what `initialize` learned of the client, and the few
// operations features share: a document's current analysis, whether it is a draft, "check every
// open draft again". Built once by server.ts; each feature file registers its handlers with
// register(connection, services).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { DraftAnalysis } from '../analysis';
import { bundledFileUri, type Corpus } from '../corpus';
import type { DigitalLibrarySupport } from '../features/digitalLibrary';
import { ConfigurationStore } from '../host/configuration';
import type { CorpusService } from '../host/corpusService';
import { DiagnosticsScheduler } from '../host/diagnosticsScheduler';
import { DocumentStore } from '../host/documentStore';
import type { ReuseMatch } from '../reuse/scan';
import { draftSymbol, ReuseService } from '../reuse/service';
import { mergeMatches, withOrigin } from '../store/postgres/teamReuse';
import { TeamCorpusLayer } from '../store/postgres/teamLayer';
import { TeamTextFiles } from '../store/postgres/teamFiles';
import { TEAM_SCHEME } from '../protocol';
import { type DraftDecision, DraftScopes } from '../workspace/draftScope';
import { WorkspaceDrafts } from '../workspace/workspaceDrafts';
import { DraftDiagnostics } from './diagnostics';
import { CorpusWatcherRegistration } from './fileWatching';
import { Cancelled, type Guard, type LifecycleState, makeGuard } from './requests';

/** The corpus warm-up works only in pauses this long. */
const IDLE_MS = 100;
const WARM_UP_MAX_WAIT_MS = 5000;

/** What `initialize` learned of the client (its capabilities and initialization options). */
export interface ClientProfile {
  /** False when the client also loads snippets/compact-drafter.code-snippets and wants each snippet listed once. */
  serveSnippets: boolean;
  /** The client takes snippet syntax in completion items; otherwise it is taken out. */
  snippetSupport: boolean;
  /** Bundled texts as compact-drafter-corpus: URIs (the client opted in), else as their files. */
  clientUri: (uri: string) => string;
  /** The client shows team texts (compact-drafter-team:) itself (VS Code); others get read-only copies (teamFiles). */
  teamTextScheme?: boolean;
  /** False when the client has an outline of its own for Markdown (VS Code). */
  documentSymbols: boolean;
  /** The client takes a dynamic registration for workspace/didChangeConfiguration. */
  configurationPush: boolean;
  /** The client takes workspace/semanticTokens/refresh: a draft's colours are asked again when they change. */
  tokensRefresh: boolean;
  /** The server registers file watchers on the corpus folders (the client allows it and does not watch them itself). */
  dynamicWatchers?: { relativePatterns: boolean };
}

/** An open document's current version with its analysis and the corpus it was analysed against. */
export interface DocumentState {
  readonly analysis: DraftAnalysis;
  readonly document: TextDocument;
  readonly corpus: Corpus;
  /** Read as plain lines (above compactDrafter.maxDocumentSize). */
  readonly plain: boolean;
}

export class Services {
  readonly documents: TextDocuments<TextDocument>;
  readonly configuration: ConfigurationStore;
  /** One record per open document: its analysis and the diagnostics of its latest validated version. */
  readonly store: DocumentStore;
  readonly scheduler: DiagnosticsScheduler;
  readonly diagnostics: DraftDiagnostics;
  readonly watchers: CorpusWatcherRegistration;
  readonly draftScopes = new DraftScopes();
  /** compactDrafter.corpus.server: the team corpus on PostgreSQL, a layer over the local corpus (store/postgres/teamLayer.ts). */
  readonly team: TeamCorpusLayer;
  readonly guard: Guard;
  readonly client: ClientProfile = { serveSnippets: true, snippetSupport: false, clientUri: bundledFileUri, documentSymbols: true, configurationPush: false, tokensRefresh: false };
  lifecycle: LifecycleState = 'new';
  /** The client has sent "initialized": dynamic registrations and refresh requests are allowed. */
  initialized = false;
  // Made at `initialize`, before any request is answered (the guard answers none before it).
  corpus!: CorpusService;
  reuse = new ReuseService();
  /** Team texts as read-only files, for clients that cannot open compact-drafter-team: URIs (store/postgres/teamFiles.ts). */
  teamFiles = new TeamTextFiles(undefined);
  library: DigitalLibrarySupport | undefined;
  /** The citations of the workspace's drafts (hover counts, references); a new scan at each corpus load. */
  drafts = new WorkspaceDrafts([], []);
  /** When a draft was last analysed or asked about: the corpus warm-up waits for a quiet moment. */
  private lastActivity = 0;

  constructor(
    private readonly connection: Connection,
    documents: TextDocuments<TextDocument>,
  ) {
    this.documents = documents;
    this.configuration = new ConfigurationStore((message) => connection.console.warn(message));
    this.team = new TeamCorpusLayer((message) => connection.console.warn(message));
    this.team.listen({
      // The team's reused passages of a draft came: its findings are computed again with them.
      reuseChanged: (uri) => {
        this.store.forgetDiagnostics(uri);
        this.scheduler.revalidate([uri]);
      },
      // A push to the team corpus: its registry and texts are read again.
      pushed: () => this.corpus?.reloadSoon(),
    });
    this.guard = makeGuard(() => this.lifecycle, (message) => connection.console.error(message));
    this.store = new DocumentStore({
      maxDocumentSize: () => this.configuration.settings.maxDocumentSize,
      isCurrent: (uri, version) => documents.get(uri)?.version === version,
      stale: () => new Cancelled(),
    });
    this.diagnostics = new DraftDiagnostics(connection, this);
    this.watchers = new CorpusWatcherRegistration(connection, this);
    this.scheduler = new DiagnosticsScheduler({
      validate: (uri) => this.diagnostics.publish(uri),
      refresh: () => this.background('diagnostics refresh', connection.languages.diagnostics.refresh()),
      onError: (error) => connection.console.error(`validation failed: ${(error as Error).stack ?? error}`),
    });
  }

  readonly log = (message: string): void => this.connection.console.log(message);

  /** Work not awaited by anyone: its failure is logged, never an unhandled rejection that ends the process. */
  readonly background = (what: string, work: Promise<unknown>): void => {
    work.catch((error) => this.connection.console.error(`${what} failed: ${(error as Error)?.stack ?? error}`));
  };

  /** Every open document checked again (push), or the pulling client told to ask again; their colours too. */
  revalidateAll(): void {
    this.scheduler.revalidate(this.documents.all().map((document) => document.uri));
    this.refreshTokens();
  }

  /** A draft's colours follow what it is and what the corpus knows: asked again when either changes. */
  refreshTokens(): void {
    if (this.client.tokensRefresh && this.initialized) this.background('semantic tokens refresh', this.connection.languages.semanticTokens.refresh());
  }

  /** Whether a document is a draft: everything else gets no diagnostics, fixes, outline or drafting help. */
  draftDecision(document: TextDocument): DraftDecision {
    return this.draftScopes.decide(document, document.uri.startsWith('file:') ? URI.parse(document.uri).fsPath : undefined);
  }

  /** Resolves in the drafter's next pause; a drafter who never pauses still gets it after WARM_UP_MAX_WAIT_MS. */
  readonly whenIdle = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const since = Date.now();
      const check = () =>
        (!this.scheduler.waiting && Date.now() - this.lastActivity >= IDLE_MS) || Date.now() - since >= WARM_UP_MAX_WAIT_MS ? resolve() : setTimeout(check, IDLE_MS);
      check();
    });

  /** The analysis of an open document's current version (drafts above compactDrafter.maxDocumentSize as plain lines). */
  async analysisOf(uri: string, token?: CancellationToken): Promise<DocumentState | undefined> {
    this.lastActivity = Date.now();
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const current = await this.corpus.current();
    if (token) {
      // Let a $/cancelRequest that is already queued arrive before the (synchronous) analysis runs.
      await new Promise((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) throw new Cancelled();
    }
    const { analysis, plain, fresh } = await this.store.analyse(document, current);
    if (token?.isCancellationRequested) throw new Cancelled();
    // Counted once per new analysis, not at every request that reads it.
    if (fresh) {
      this.drafts.setLive(uri, analysis.references, document);
      // The team's texts of what the draft cites, fetched after it is answered; with new ones the drafts are checked again.
      if (this.team.active) {
        this.background('team corpus', this.team.withCited(current, analysis, () => this.corpus.nextGeneration()).then((next) => {
          if (!next || !this.corpus.replace(current, next)) return;
          this.store.forgetDiagnostics();
          this.revalidateAll();
        }));
        this.askTeamForReuse({ analysis, document, corpus: current, plain });
      }
    }
    return { analysis, document, corpus: current, plain };
  }

  /**
   * A corpus text's URI as this client can open it: bundled texts as their files unless the client
   * shows them itself; team texts likewise, as read-only copies under the cache folder, written from
   * the team's text (fetched when not at hand; left as they are when the team corpus cannot answer).
   */
  async clientLocationUri(uri: string): Promise<string> {
    if (!uri.startsWith(`${TEAM_SCHEME}:`)) return this.client.clientUri(uri);
    if (this.client.teamTextScheme) return uri;
    const text = await this.team.textOf(uri);
    return (text !== undefined && this.teamFiles.fileUri(uri, text)) || uri;
  }

  /** What the team corpus is asked about a draft version's reused passages (and what its answer is kept under). */
  private readonly draftSymbols = new WeakMap<DraftAnalysis, string | undefined>();

  private teamScanOf(state: DocumentState): { uri: string; version: number; minWords: number; minSimilarity: number; excludeSymbol?: string } {
    const { document, corpus } = state;
    const { minWords, minSimilarity } = this.configuration.settings.reuse;
    // Once per analysis, not at every hover: the draft's own symbol, whose texts are not its sources.
    let excludeSymbol = this.draftSymbols.get(state.analysis);
    if (!this.draftSymbols.has(state.analysis)) {
      excludeSymbol = corpus.documentByUri(document.uri)?.symbol ?? draftSymbol(document.getText(), document.uri);
      this.draftSymbols.set(state.analysis, excludeSymbol);
    }
    return { uri: document.uri, version: document.version, minWords, minSimilarity, ...(excludeSymbol ? { excludeSymbol } : {}) };
  }

  /**
   * A draft's reused passages: the local index's, with the team corpus's once they came for this
   * version (asked in the background at each new analysis: store/postgres/teamReuse.ts).
   */
  reuseMatchesOf(state: DocumentState, local: readonly ReuseMatch[]): readonly ReuseMatch[] {
    if (!this.team.active || state.plain) return local;
    const team = this.team.reuseMatches(this.teamScanOf(state));
    // The team texts the draft cites are in the local index too: their matches say where they come from as well.
    const own = withOrigin(local, this.team.origin);
    return team?.length ? mergeMatches(own, team) : own;
  }

  /** A new analysis of a draft: the team corpus is asked for its reused passages, without waiting for them. */
  private askTeamForReuse(state: DocumentState): void {
    if (state.plain || !this.draftDecision(state.document).draft) return;
    this.team.scanReuse({ ...this.teamScanOf(state), text: state.document.getText(), model: state.analysis.model });
  }
}
