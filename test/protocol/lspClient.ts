// A minimal LSP client for protocol tests: spawns the built server over stdio and speaks
// JSON-RPC to it, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const ROOT = join(__dirname, '..', '..');

export interface TestServer {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly initialize: InitializeResult;
  readonly stderr: () => string;
  readonly logs: string[];
  /** window/showMessage notifications: what the user is told. */
  readonly messages: { type: number; message: string }[];
  readonly diagnostics: Map<string, PublishDiagnosticsParams[]>;
  /** What the server registered dynamically (client/registerCapability), in order. */
  readonly registrations: { method: string; registerOptions?: unknown }[];
  open(uri: string, text: string, version?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(
  options: {
    workspaceFolder?: string;
    initializationOptions?: unknown;
    capabilities?: object;
    /** The server's bin (default: this checkout's bin/compact-drafter-ls.js), e.g. of an installed package. */
    serverBin?: string;
    /** Options for the server's node (the bench's --profile: --cpu-prof). */
    nodeArgs?: readonly string[];
    /** Added to the server's environment (the Digital Library tests point it at a local stand-in). */
    env?: Record<string, string>;
    /**
     * Runs the server as another user (the tests run as root, for whom no folder is read-only). The
     * server is then not given the client's process id: it could not watch a process of another user.
     */
    user?: { uid: number; gid: number };
  } = {},
): Promise<TestServer> {
  // The server caches parsed corpus texts under $XDG_CACHE_HOME: never the developer's own cache.
  const env = { ...process.env, ...options.env, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'cd-cache-')) };
  if (options.user) chownSync(env.XDG_CACHE_HOME, options.user.uid, options.user.gid);
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverBin ?? join(ROOT, 'bin', 'compact-drafter-ls.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env, ...options.user });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  const messages: { type: number; message: string }[] = [];
  connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
    messages.push(params);
  });
  const diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    diagnostics.set(params.uri, [...(diagnostics.get(params.uri) ?? []), params]);
  });
  const registrations: { method: string; registerOptions?: unknown }[] = [];
  connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('workspace/configuration', () => []);
  connection.listen();
  const folder = options.workspaceFolder;
  const initialize = (await connection.sendRequest('initialize', {
    processId: options.user ? null : process.pid,
    rootUri: folder ? `file://${folder}` : null,
    workspaceFolders: folder ? [{ uri: `file://${folder}`, name: 'test' }] : null,
    capabilities: options.capabilities ?? {},
    initializationOptions: options.initializationOptions,
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    initialize,
    logs,
    messages,
    diagnostics,
    registrations,
    stderr: () => stderr,
    async open(uri, text, version = 1) {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    },
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
      rmSync(env.XDG_CACHE_HOME, { recursive: true, force: true });
    },
  };
}

/** The position of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, offset + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** Polls until `check` returns a value, or fails after `ms`. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, ms = 5000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
