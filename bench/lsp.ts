// The two servers behind one interface, each spoken to over stdio with vscode-jsonrpc as an editor
// would: ours through the protocol tests' client (test/protocol/lspClient.ts), the peer — VS Code's
// Markdown language server from vscode-langservers-extracted — through the same library with what
// VS Code's markdown-language-features client does for it.
//
// "Diagnostics for version N" means: ours pushes textDocument/publishDiagnostics carrying the version;
// the peer is pulled (LSP 3.17 textDocument/diagnostic) right after each didOpen/didChange, as VS
// Code's client does with diagnosticPullOptions.onChange, and answers the request.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer } from '../test/protocol/lspClient';
import { ROOT } from './drafts';

export interface Session {
  readonly name: string;
  readonly process: ChildProcess;
  /** didOpen; resolves when the diagnostics of that version have arrived. */
  open(uri: string, text: string, version: number): Promise<void>;
  /** didChange with one incremental change; resolves when the diagnostics of `version` have arrived. */
  change(uri: string, version: number, text: string, change: { position: { line: number; character: number }; inserted: string }): Promise<void>;
  request<R>(method: string, params: unknown): Promise<R>;
  /** Peak resident set of the server process so far (VmHWM), in kB. */
  peakRssKb(): number | undefined;
  /** Time the bench (standing in for the editor) spent answering the server's own requests, ms. */
  readonly clientWorkMs: () => number;
  stop(): Promise<void>;
}

export function peakRssKb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

const changeParams = (uri: string, version: number, change: { position: { line: number; character: number }; inserted: string }) => ({
  textDocument: { uri, version },
  contentChanges: [{ range: { start: change.position, end: change.position }, rangeLength: 0, text: change.inserted }],
});

/** Waiters for "diagnostics of uri at version". */
class VersionWaiters {
  private readonly waiting = new Map<string, () => void>();
  private readonly arrived = new Set<string>();
  wait(uri: string, version: number): Promise<void> {
    const key = `${uri}#${version}`;
    if (this.arrived.delete(key)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(key, resolve));
  }
  arrive(uri: string, version: number | undefined): void {
    const key = `${uri}#${version}`;
    const resolve = this.waiting.get(key);
    if (resolve) {
      this.waiting.delete(key);
      resolve();
    } else this.arrived.add(key);
  }
}

/**
 * Ours: `node bin/compact-drafter-ls.js --stdio`, started by the protocol tests' client. Push mode
 * (the client declares no pull diagnostics): the server publishes after its validation debounce.
 * Pull mode, when the server offers it (a diagnosticProvider in its initialize result): asked like
 * the peer. `undefined` when pull is asked for and the server does not offer it.
 */
export async function startOurs(mode: 'push' | 'pull' = 'push', options: { cacheDir?: string; settings?: object } = {}): Promise<Session | undefined> {
  const capabilities =
    mode === 'pull' ? { textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }, workspace: { diagnostics: { refreshSupport: true } } } : {};
  // `capabilities` is read by the test client once it passes them on; before that it is ignored and
  // the server answers without a diagnosticProvider, which is how pull mode is detected.
  // Initialization options: cacheDir, where the server keeps parsed corpus texts between sessions;
  // settings, the compactDrafter section (maxDocumentSize).
  const initializationOptions = { cacheDir: options.cacheDir, settings: options.settings };
  const server = await startServer({ capabilities, initializationOptions } as Parameters<typeof startServer>[0]);
  if (mode === 'pull' && !server.initialize.capabilities.diagnosticProvider) {
    await server.stop();
    return undefined;
  }
  const waiters = new VersionWaiters();
  // Replaces the test client's recorder: the bench wants the arrival, not a log.
  server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => waiters.arrive(params.uri, params.version));
  server.connection.onNotification('compactDrafter/status', () => {});
  server.connection.onRequest('workspace/diagnostic/refresh', () => null);
  const pull = (uri: string) => server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  return {
    name: mode,
    process: server.process,
    async open(uri, text, version) {
      const arrived = mode === 'push' ? waiters.wait(uri, version) : undefined;
      await server.open(uri, text, version);
      await (arrived ?? pull(uri));
    },
    async change(uri, version, _text, change) {
      const arrived = mode === 'push' ? waiters.wait(uri, version) : undefined;
      await server.connection.sendNotification('textDocument/didChange', changeParams(uri, version, change));
      await (arrived ?? pull(uri));
    },
    request: (method, params) => server.connection.sendRequest(method, params),
    peakRssKb: () => peakRssKb(server.process.pid),
    clientWorkMs: () => 0,
    stop: () => server.stop(),
  };
}

export const PEER_BIN = join(ROOT, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-markdown-language-server');

/**
 * VS Code's settings for the Markdown server (section "markdown", sent as VS Code's client does with
 * synchronize.configurationSection), with validation turned on: VS Code ships it off
 * (markdown.validate.enabled: false), and off the server answers every pull with no diagnostics.
 */
export const PEER_SETTINGS = {
  markdown: {
    server: { log: 'off' },
    preferredMdPathExtensionStyle: 'auto',
    suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'never' } },
    occurrencesHighlight: { enabled: false },
    validate: {
      enabled: true,
      referenceLinks: { enabled: 'warning' },
      fragmentLinks: { enabled: 'warning' },
      fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
      ignoredLinks: [],
      unusedLinkDefinitions: { enabled: 'hint' },
      duplicateLinkDefinitions: { enabled: 'warning' },
    },
  },
};

interface MarkdownIt {
  parse(text: string, env: object): unknown[];
}

/**
 * VS Code's Markdown extension tokenizes with markdown-it in the editor's process and answers the
 * server's markdown/parse with the tokens, caching them per document version. markdown-it is not a
 * dependency of ours: it comes with @vscode/vsce (the .vsix packager), so it is loaded from there.
 */
function markdownIt(): MarkdownIt {
  const fromVsce = createRequire(require.resolve('@vscode/vsce/package.json'));
  const MarkdownItClass = fromVsce('markdown-it') as new (options: object) => MarkdownIt;
  return new MarkdownItClass({ html: true, linkify: true });
}

/** VS Code's defaults: validation off, so a pull is answered at once with no diagnostics. */
export const PEER_DEFAULT_SETTINGS = { markdown: { ...PEER_SETTINGS.markdown, validate: { ...PEER_SETTINGS.markdown.validate, enabled: false } } };

/**
 * The peer: `node vscode-markdown-language-server --stdio`, with the minimal client side it needs.
 * `validate: false` keeps VS Code's default settings (no link validation).
 */
export async function startPeer(options: { validate?: boolean } = {}): Promise<Session> {
  const settings = options.validate === false ? PEER_DEFAULT_SETTINGS : PEER_SETTINGS;
  const child = spawn(process.execPath, [PEER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const connection: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const engine = markdownIt();
  const documents = new Map<string, { version: number; text: string }>();
  const tokenCache = new Map<string, { version: number; tokens: unknown[] }>();
  let clientWork = 0;

  connection.onNotification('window/logMessage', () => {});
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'markdown' ? settings.markdown : null)),
  );
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  // The requests of VS Code's Markdown client (extensions/markdown-language-features/src/client/client.ts).
  connection.onRequest('markdown/parse', (params: { uri: string; text?: string }) => {
    const start = performance.now();
    const document = documents.get(params.uri);
    let tokens: unknown[] = [];
    if (params.text !== undefined) tokens = engine.parse(params.text, {});
    else if (document) {
      const cached = tokenCache.get(params.uri);
      if (cached?.version === document.version) tokens = cached.tokens;
      else {
        tokens = engine.parse(document.text, {});
        tokenCache.set(params.uri, { version: document.version, tokens });
      }
    }
    clientWork += performance.now() - start;
    return tokens;
  });
  const fsPath = (uri: string) => fileURLToPath(uri);
  connection.onRequest('markdown/fs/readFile', (params: { uri: string }) => Array.from(readFileSync(fsPath(params.uri))));
  connection.onRequest('markdown/fs/stat', (params: { uri: string }): { isDirectory: boolean } | null => {
    try {
      return { isDirectory: statSync(fsPath(params.uri)).isDirectory() };
    } catch {
      return null;
    }
  });
  connection.onRequest('markdown/fs/readDirectory', (params: { uri: string }) =>
    readdirSync(fsPath(params.uri), { withFileTypes: true }).map((entry) => [entry.name, { isDirectory: entry.isDirectory() }]),
  );
  connection.onRequest('markdown/findMarkdownFilesInWorkspace', () => []);
  connection.onRequest('markdown/fs/watcher/create', () => null);
  connection.onRequest('markdown/fs/watcher/delete', () => null);
  connection.listen();

  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: {
      textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
      workspace: { configuration: true, diagnostics: { refreshSupport: true } },
    },
    // VS Code's client sends the extensions of Markdown files.
    initializationOptions: { markdownFileExtensions: ['md'] },
  });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('workspace/didChangeConfiguration', { settings });

  const pull = (uri: string) => connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });

  return {
    name: options.validate === false ? 'peer (VS Code defaults)' : 'peer',
    process: child,
    async open(uri, text, version) {
      documents.set(uri, { version, text });
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
      await pull(uri);
    },
    async change(uri, version, text, change) {
      documents.set(uri, { version, text });
      await connection.sendNotification('textDocument/didChange', changeParams(uri, version, change));
      await pull(uri);
    },
    request: (method, params) => connection.sendRequest(method, params),
    peakRssKb: () => peakRssKb(child.pid),
    clientWorkMs: () => clientWork,
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      if (child.exitCode === null) {
        await Promise.race([new Promise((resolve) => child.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 2000))]);
        child.kill();
      }
      if (child.exitCode && child.exitCode !== 0 && stderr) process.stderr.write(`peer stderr: ${stderr}\n`);
    },
  };
}
