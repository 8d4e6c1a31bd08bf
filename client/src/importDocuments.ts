// "Compact Drafter: Import document into corpus…" and the watcher that offers to import a PDF or
// Word file dropped into a corpus folder. The import itself runs in a child process (dist/import.js,
// the same code as `compact-drafter import`), never in the extension host: pdf.js and a large
// document take a second or two of CPU. The Markdown it writes lands in the corpus folder, whose
// watcher (extension.ts) tells the server, so the text is served without a restart.
import { fork } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface ImportRecord {
  readonly file: string;
  readonly written?: string;
  readonly symbol?: string;
  readonly paragraphs?: number;
  readonly footnotes?: number;
  readonly error?: string;
}

/** The corpus folders of the workspace, as compactDrafter.corpus.paths names them. */
function corpusFolders(): vscode.Uri[] {
  const paths = vscode.workspace.getConfiguration('compactDrafter').get<string[]>('corpus.paths', ['corpus']);
  const roots = vscode.workspace.workspaceFolders ?? [];
  return paths.flatMap((p) => (path.isAbsolute(p) ? [vscode.Uri.file(p)] : roots.map((root) => vscode.Uri.joinPath(root.uri, p))));
}

function runImport(context: vscode.ExtensionContext, files: readonly string[], outDir: string, output: vscode.LogOutputChannel): Promise<ImportRecord[]> {
  return new Promise((resolve, reject) => {
    const child = fork(context.asAbsolutePath(path.join('dist', 'import.js')), ['--format', 'json', '--out', outDir, ...files], { silent: true, cwd: outDir });
    let stdout = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => output.info(`import: ${String(chunk).trimEnd()}`));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        resolve((JSON.parse(stdout) as { imports: ImportRecord[] }).imports);
      } catch {
        reject(new Error(`the importer exited with code ${code} without an answer`));
      }
    });
  });
}

async function importInto(context: vscode.ExtensionContext, files: readonly string[], outDir: string, output: vscode.LogOutputChannel): Promise<void> {
  const records = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Importing ${files.length === 1 ? path.basename(files[0]) : `${files.length} documents`}…` },
    () => runImport(context, files, outDir, output),
  );
  for (const record of records) {
    if (record.error) {
      void vscode.window.showErrorMessage(`${path.basename(record.file)} was not imported: ${record.error}.`);
      continue;
    }
    const target = path.resolve(outDir, record.written ?? '');
    const what = `${record.symbol ?? path.basename(record.file)}: ${record.paragraphs} numbered paragraphs, ${record.footnotes} footnotes`;
    output.info(`imported ${record.file} → ${target} (${what})`);
    void vscode.window.showInformationMessage(`Imported ${what}, into ${vscode.workspace.asRelativePath(target)}.`, 'Open').then(async (choice) => {
      if (choice === 'Open') await vscode.window.showTextDocument(vscode.Uri.file(target));
    });
  }
}

/** Registers the command and the watchers of PDF and Word files in the corpus folders. */
export function registerImport(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('compactDrafter.importDocument', async () => {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('Importing writes into the workspace corpus, which is not read in Restricted Mode. Trust the workspace first.');
        return;
      }
      const folder = corpusFolders()[0];
      if (!folder) {
        void vscode.window.showWarningMessage('Open a folder first: imported texts go into its corpus folder (compactDrafter.corpus.paths).');
        return;
      }
      const files = await vscode.window.showOpenDialog({
        canSelectMany: true,
        openLabel: 'Import into corpus',
        filters: { 'UN documents': ['pdf', 'docx'] },
      });
      if (!files?.length) return;
      await importInto(context, files.map((f) => f.fsPath), folder.fsPath, output);
    }),
  );
  // A PDF or Word file put into a corpus folder (copied, downloaded, dropped in the Explorer) is offered for import.
  for (const folder of corpusFolders()) {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*.{pdf,PDF,docx,DOCX}'), false, true, true);
    watcher.onDidCreate(async (uri) => {
      if (!vscode.workspace.isTrusted) return;
      const choice = await vscode.window.showInformationMessage(`${path.basename(uri.fsPath)} was added to the corpus folder. Import it as a corpus text?`, 'Import', 'Not now');
      if (choice === 'Import') await importInto(context, [uri.fsPath], path.dirname(uri.fsPath), output);
    });
    context.subscriptions.push(watcher);
  }
}
