import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import {
  BUNDLED_SCHEME,
  CITATION_CHOICES_REQUEST,
  type CitationChoice,
  type CitationChoicesParams,
  type CitationForm,
  CLIENT_IMPORT_COMMAND,
  CORPUS_TEXT_REQUEST,
  type DocumentParams,
  type DraftStatus,
  IMPORT_EXPORT_COMMAND,
  type InitializationOptions,
  REUSE_MATCHES_REQUEST,
  type ReuseMatchItem,
  SET_DRAFT_NOTIFICATION,
  type SetDraftParams,
  STATUS_NOTIFICATION,
  TEAM_SCHEME,
} from '../../server/src/protocol';
import { registerImport } from './importDocuments';
import { RestartPolicy } from './restartPolicy';
import { serverEnvironment } from './serverProcess';
import { COMPARE_SCHEME, CompareDocuments, compareSideBySide, compareWith, REVEAL_COMMAND, revealParagraph, showBrackets } from './negotiation';
import { DraftStatusBar } from './statusBar';
import { DraftScopeStatusBar, TOGGLE_DRAFT_COMMAND } from './draftScopeStatus';

/** The client's own command picks the file; the server's (IMPORT_EXPORT_COMMAND) reads it. */
const IMPORT_COMMAND = CLIENT_IMPORT_COMMAND;

let client: LanguageClient | undefined;
let statusBar: DraftStatusBar | undefined;
let scopeStatus: DraftScopeStatusBar | undefined;
let restartPolicy: RestartPolicy | undefined;
/** Watchers of the corpus folders of the running client, disposed with it. */
let watchers: vscode.FileSystemWatcher[] = [];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Compact Drafter', { log: true });
  context.subscriptions.push(output);

  // Bundled corpus texts and the team corpus's texts open read-only: their content comes from the server.
  const corpusTexts = new (class implements vscode.TextDocumentContentProvider {
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
      const text = await client?.sendRequest<string | null>(CORPUS_TEXT_REQUEST, { uri: uri.toString() } satisfies DocumentParams);
      return text ?? `This ${uri.scheme === TEAM_SCHEME ? 'team corpus' : 'bundled'} text is not available: ${uri.toString()}`;
    }
  })();
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(BUNDLED_SCHEME, corpusTexts));
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(TEAM_SCHEME, corpusTexts));

  const compares = new CompareDocuments();
  context.subscriptions.push(
    compares,
    vscode.workspace.registerTextDocumentContentProvider(COMPARE_SCHEME, compares),
    vscode.languages.registerDocumentLinkProvider({ scheme: COMPARE_SCHEME }, compares),
    vscode.commands.registerCommand('compactDrafter.compareWith', (preset?: { file?: string; commit?: string }) => compareWith(client, compares, preset)),
    vscode.commands.registerCommand('compactDrafter.compareSideBySide', () => compareSideBySide(compares)),
    vscode.commands.registerCommand('compactDrafter.showBrackets', () => showBrackets(client)),
    vscode.commands.registerCommand(REVEAL_COMMAND, revealParagraph),
  );

  statusBar = new DraftStatusBar();
  scopeStatus = new DraftScopeStatusBar(context.workspaceState);
  context.subscriptions.push(scopeStatus);
  restartPolicy = new RestartPolicy(output);
  context.subscriptions.push(statusBar, { dispose: () => watchers.forEach((w) => w.dispose()) });
  await startClient(context, output);
  registerImport(context, output);

  // Trust changes what the server may read (the workspace corpus): start it again with the new answer.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      output.info('Workspace trusted: restarting the server to read the workspace corpus.');
      await restart(context, output);
    }),
    // The file watchers follow the corpus folders, so a new list needs a new client.
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('compactDrafter.corpus.paths') || event.affectsConfiguration('compactDrafter.registry.paths')) await restart(context, output);
    }),
    vscode.commands.registerCommand('compactDrafter.restartServer', () => restart(context, output)),
    vscode.commands.registerCommand('compactDrafter.insertCitation', insertCitation),
    vscode.commands.registerCommand(TOGGLE_DRAFT_COMMAND, async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== 'markdown' || !scopeStatus) return;
      const draft = await scopeStatus.toggle(document.uri.toString());
      await client?.sendNotification(SET_DRAFT_NOTIFICATION, { uri: document.uri.toString(), draft } satisfies SetDraftParams);
    }),
    vscode.commands.registerCommand('compactDrafter.showReusedLanguage', showReusedLanguage),
    vscode.commands.registerCommand(IMPORT_COMMAND, importLibraryExport),
    // An untitled copy, so the walkthrough's fixes never touch the installed extension's files.
    vscode.commands.registerCommand('compactDrafter.openExample', async () => {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'examples', 'flagged-draft.md'));
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
      await vscode.window.showTextDocument(document);
    }),
  );
}

async function restart(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
  await client?.stop();
  await startClient(context, output);
}

async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Added to the extension host's environment (vscode-languageclient merges it): see serverProcess.ts.
  const env = serverEnvironment();
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const settings = vscode.workspace.getConfiguration('compactDrafter');
  const corpusPaths = settings.get<string[]>('corpus.paths', ['corpus']);
  watchers.forEach((w) => w.dispose());
  const registryPaths = settings.get<string[]>('registry.paths', ['.compact-drafter/registry']);
  // A plain string glob is matched against absolute paths and never fired for "corpus/**": each pattern
  // is tied to its folder (relative paths to every workspace folder), which need not exist yet.
  watchers = [
    ...corpusPaths.flatMap((p) => folderPatterns(p, '**/*.{md,markdown,txt}')),
    // Registry files written by the CLI (or by hand) reload the server too.
    ...registryPaths.flatMap((p) => folderPatterns(p, '*.json')),
  ].map((pattern) => vscode.workspace.createFileSystemWatcher(pattern));
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel: output,
    errorHandler: restartPolicy,
    // Hover text quotes the corpus, which is untrusted: never let it run commands or HTML.
    markdown: { isTrusted: false, supportHtml: false },
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
      settings: JSON.parse(JSON.stringify(settings)),
      // The manifest contributes the same snippets; served twice they would be listed twice.
      serveSnippets: false,
      cacheDir: context.globalStorageUri.fsPath,
      // Bundled texts open read-only through the content provider above, not as the extension's files.
      bundledTextScheme: true,
      teamTextScheme: true,
      // The "Import a UN Digital Library export…" quick fix runs this client command (a file picker).
      clientCommands: [IMPORT_COMMAND],
      // VS Code's Markdown extension has the outline and breadcrumbs; a second one would only repeat it.
      documentSymbols: false,
      watchesCorpus: true,
      draftOverrides: scopeStatus?.overrides() ?? {},
    } satisfies InitializationOptions,
    synchronize: {
      configurationSection: 'compactDrafter',
      fileEvents: watchers,
    },
  };
  client = new LanguageClient('compactDrafter', 'Compact Drafter', serverOptions, clientOptions);
  client.onNotification(STATUS_NOTIFICATION, (status: DraftStatus) => {
    scopeStatus?.update(status);
    statusBar?.update(status);
  });
  await client.start();
  output.info(`Compact Drafter server started (workspace ${vscode.workspace.isTrusted ? 'trusted' : 'in Restricted Mode: bundled corpus only'}).`);
}

/** Files of one configured folder (corpus or registry) that the server reads, as patterns VS Code's watcher fires for. */
function folderPatterns(folder: string, glob: string): vscode.RelativePattern[] {
  if (path.isAbsolute(folder)) return [new vscode.RelativePattern(vscode.Uri.file(folder), glob)];
  const relative = folder.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '');
  // Based on the workspace folder itself, so a folder created later is watched too.
  return (vscode.workspace.workspaceFolders ?? []).map((root) => new vscode.RelativePattern(root, `${relative}/${glob}`));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** "Import a UN Digital Library export…": pick a MARCXML export; the server reads it into the workspace registry. */
async function importLibraryExport(): Promise<void> {
  if (!client) return;
  const picked = await vscode.window.showOpenDialog({
    title: 'Import a UN Digital Library export',
    openLabel: 'Import',
    canSelectMany: false,
    filters: { 'MARCXML export': ['xml'], 'All files': ['*'] },
  });
  if (!picked?.[0]) return;
  // The server shows the outcome (how many records, where they went) itself.
  await client.sendRequest('workspace/executeCommand', { command: IMPORT_EXPORT_COMMAND, arguments: [picked[0].fsPath] });
}

type CitationPickItem = vscode.QuickPickItem & { choice?: CitationChoice };

/** "Compact Drafter: Insert citation…": pick a document (the draft's own citations first), insert it in the house form. */
async function insertCitation(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  // The position tells the server what comes before ("*Recalling* its |" takes "resolution 71/280 …").
  const choices = await client.sendRequest<CitationChoice[]>(CITATION_CHOICES_REQUEST, { uri: editor.document.uri.toString(), position: editor.selection.start } satisfies CitationChoicesParams);
  if (!choices.length) {
    void vscode.window.showInformationMessage('Compact Drafter: the corpus has no documents to cite yet.');
    return;
  }
  const item = (choice: CitationChoice): CitationPickItem => ({ label: choice.label, description: choice.description, detail: choice.detail, choice });
  const cited = choices.filter((c) => c.cited);
  const others = choices.filter((c) => !c.cited);
  const items: CitationPickItem[] = [
    ...(cited.length ? [{ label: 'Cited in this draft', kind: vscode.QuickPickItemKind.Separator }, ...cited.map(item)] : []),
    ...(cited.length && others.length ? [{ label: 'Other documents', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...others.map(item),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Insert citation',
    placeHolder: 'Symbol, title or name (“Sutherland Report”)',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked?.choice) return;
  const form = vscode.workspace.getConfiguration('compactDrafter').get<CitationForm>('citation.form', 'long');
  const text = picked.choice.citations[form] ?? picked.choice.citations.long;
  const replaceBefore = picked.choice.replaceBefore ?? 0;
  await editor.edit((edit) => {
    for (const selection of editor.selections) {
      // An "its" that cannot own the document ("its Human Rights Council resolution") is replaced with it.
      const start = replaceBefore && selection.isEmpty && selection.start.character >= replaceBefore ? selection.start.translate(0, -replaceBefore) : selection.start;
      edit.replace(new vscode.Range(start, selection.end), text);
    }
  });
}

/** "Compact Drafter: Show reused agreed language": every reused passage of the draft; picking one selects it. */
async function showReusedLanguage(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const matches = await client.sendRequest<ReuseMatchItem[]>(REUSE_MATCHES_REQUEST, { uri: editor.document.uri.toString() } satisfies DocumentParams);
  if (!matches.length) {
    void vscode.window.showInformationMessage('Compact Drafter: no passage of this draft repeats a corpus paragraph.');
    return;
  }
  const rangeOf = (m: ReuseMatchItem) => new vscode.Range(m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character);
  const items = matches.map((match) => {
    const source = `${match.source.symbol ?? match.source.uri.split('/').pop()}${match.source.paragraphs.length ? `, para. ${match.source.paragraphs.join(', ')}` : ''}`;
    const words = editor.document.getText(rangeOf(match)).replace(/\s+/g, ' ');
    return {
      label: `${match.altered ? '$(diff-modified)' : '$(check)'} ${source}`,
      description: `${Math.floor(match.similarity * 100)} % the same${match.altered ? ', altered' : ''} · line ${match.range.start.line + 1}`,
      detail: words.length > 120 ? `${words.slice(0, 120)}…` : words,
      match,
    };
  });
  const original = editor.selection;
  const picked = await vscode.window.showQuickPick(items, {
    title: `Reused agreed language (${matches.length})`,
    matchOnDescription: true,
    matchOnDetail: true,
    // Follow the list in the editor as the drafter moves through it.
    onDidSelectItem: (item: (typeof items)[number]) => editor.revealRange(rangeOf(item.match), vscode.TextEditorRevealType.InCenterIfOutsideViewport),
  });
  if (!picked) {
    editor.selection = original;
    return;
  }
  const range = rangeOf(picked.match);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
