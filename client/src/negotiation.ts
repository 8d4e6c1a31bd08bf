// The editor side of negotiation rounds: "Compare with…" (another draft of the workspace, or this
// file at an earlier git commit), its report beside the draft with links to each paragraph, a
// side-by-side diff with the old round reordered to the new order, and the bracket list.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BRACKETS_REQUEST, type BracketsResponse, COMPARE_REQUEST, type CompareParams, type CompareResponse, type DocumentParams } from '../../server/src/protocol';
export const COMPARE_SCHEME = 'compact-drafter-compare';
const run = promisify(execFile);

interface CompareView {
  readonly draft: vscode.Uri;
  readonly response: CompareResponse;
  readonly oldName: string;
}

/** Reports and reordered old rounds, served read-only under compact-drafter-compare:. */
export class CompareDocuments implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider, vscode.Disposable {
  private readonly views = new Map<string, CompareView>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private last: CompareView | undefined;
  private counter = 0;

  add(view: CompareView): { report: vscode.Uri; old: vscode.Uri } {
    const id = ++this.counter;
    const base = path.basename(view.draft.path, path.extname(view.draft.path));
    const report = vscode.Uri.from({ scheme: COMPARE_SCHEME, path: `/Compare ${base} ${id}.md`, query: 'report' });
    const old = vscode.Uri.from({ scheme: COMPARE_SCHEME, path: `/${view.oldName.replace(/[\\/]/g, '_')} (reordered) ${id}.md`, query: 'old' });
    this.views.set(report.toString(), view);
    this.views.set(old.toString(), view);
    this.last = view;
    return { report, old };
  }

  lastCompare(): CompareView | undefined {
    return this.last;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const view = this.views.get(uri.toString());
    if (!view) return 'This compare is no longer available: run “Compact Drafter: Compare with…” again.';
    return uri.query === 'old' ? view.response.oldReordered : view.response.markdown;
  }

  /** Each entry's heading takes the cursor to its paragraph in the draft (a deleted one: to where it stood). */
  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const view = this.views.get(document.uri.toString());
    if (!view || document.uri.query !== 'report') return [];
    const links: vscode.DocumentLink[] = [];
    view.response.rows.forEach((row, i) => {
      const line = view.response.headingLines[i];
      if (line < 0 || line >= document.lineCount) return;
      const target = row.newRanges[0] ?? nearestNewRange(view.response, i);
      if (!target) return;
      // A command link, so the paragraph opens in the draft's own column rather than over the report.
      const args = encodeURIComponent(JSON.stringify([view.draft.toString(), target.start.line, target.start.character]));
      const link = new vscode.DocumentLink(document.lineAt(line).range, vscode.Uri.parse(`command:${REVEAL_COMMAND}?${args}`));
      link.tooltip = `Go to ${row.new.length ? `paragraph ${row.new.join(' + ')}` : `where paragraph ${row.old.join(' + ')} stood`}`;
      links.push(link);
    });
    return links;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export const REVEAL_COMMAND = 'compactDrafter.revealParagraph';

/** Shows the draft at a paragraph in the column where it is already visible (else the first), cursor at its start. */
export async function revealParagraph(uri: string, line: number, character: number): Promise<void> {
  const target = vscode.Uri.parse(uri);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
  const position = new vscode.Position(line, character);
  const editor = await vscode.window.showTextDocument(target, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(position, position), preview: false });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function nearestNewRange(response: CompareResponse, index: number) {
  for (let i = index; i >= 0; i--) if (response.rows[i].newRanges.length) return response.rows[i].newRanges[0];
  return response.rows.find((r) => r.newRanges.length)?.newRanges[0];
}

type SourcePick = vscode.QuickPickItem & { file?: vscode.Uri; commit?: string };

/** "Compact Drafter: Compare with…": pick the earlier round, then open the report beside the draft. */
export async function compareWith(client: LanguageClient | undefined, documents: CompareDocuments, preset?: { file?: string; commit?: string }): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const draft = editor.document.uri;
  const source = preset ? presetSource(preset, draft) : await pickSource(draft);
  if (!source) return;
  let oldText: string;
  let oldName: string;
  try {
    if (source.commit && draft.scheme === 'file') {
      const { root, relative } = await gitPaths(draft.fsPath);
      oldText = (await run('git', ['-C', root, 'show', `${source.commit}:${relative}`], { maxBuffer: 64 * 1024 * 1024 })).stdout;
      oldName = `${path.basename(draft.fsPath)} at ${source.commit.slice(0, 7)}`;
    } else if (source.file) {
      oldText = new TextDecoder().decode(await vscode.workspace.fs.readFile(source.file));
      oldName = vscode.workspace.asRelativePath(source.file);
    } else return;
  } catch (error) {
    void vscode.window.showErrorMessage(`Compact Drafter: the earlier round could not be read: ${(error as Error).message}`);
    return;
  }
  const response = await client.sendRequest<CompareResponse | null>(COMPARE_REQUEST, { uri: draft.toString(), oldText, oldName } satisfies CompareParams);
  if (!response) return;
  const { report } = documents.add({ draft, response, oldName });
  const document = await vscode.workspace.openTextDocument(report);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
}

/** The last compare side by side: the old round reordered to the new order on the left, the draft on the right. */
export async function compareSideBySide(documents: CompareDocuments): Promise<void> {
  const view = documents.lastCompare();
  if (!view) {
    void vscode.window.showInformationMessage('Compact Drafter: run “Compare with…” first.');
    return;
  }
  const { old } = documents.add(view);
  await vscode.commands.executeCommand('vscode.diff', old, view.draft, `${view.oldName} (reordered) ↔ ${path.basename(view.draft.path)}`);
}

function presetSource(preset: { file?: string; commit?: string }, draft: vscode.Uri): SourcePick {
  if (preset.commit) return { label: preset.commit, commit: preset.commit };
  const base = vscode.workspace.getWorkspaceFolder(draft)?.uri ?? vscode.Uri.file(path.dirname(draft.fsPath));
  return { label: preset.file ?? '', file: path.isAbsolute(preset.file ?? '') ? vscode.Uri.file(preset.file!) : vscode.Uri.joinPath(base, preset.file ?? '') };
}

async function gitPaths(file: string): Promise<{ root: string; relative: string }> {
  const root = (await run('git', ['-C', path.dirname(file), 'rev-parse', '--show-toplevel'])).stdout.trim();
  return { root, relative: path.relative(root, file).split(path.sep).join('/') };
}

async function pickSource(draft: vscode.Uri): Promise<SourcePick | undefined> {
  const items: SourcePick[] = [];
  if (draft.scheme === 'file') {
    try {
      const { root, relative } = await gitPaths(draft.fsPath);
      const log = (await run('git', ['-C', root, 'log', '-n', '50', '--date=short', '--format=%H%x1f%ad%x1f%s', '--', relative])).stdout.trim();
      if (log) {
        items.push({ label: 'This file at an earlier commit', kind: vscode.QuickPickItemKind.Separator });
        for (const line of log.split('\n')) {
          const [hash, date, subject] = line.split('\x1f');
          items.push({ label: `$(git-commit) ${hash.slice(0, 7)}`, description: date, detail: subject, commit: hash });
        }
      }
    } catch {
      // Not a git repository, or git is not installed: only the workspace's drafts are offered.
    }
  }
  const files = (await vscode.workspace.findFiles('**/*.{md,markdown,txt}', '**/node_modules/**', 500)).filter((f) => f.toString() !== draft.toString());
  if (files.length) {
    items.push({ label: 'Another draft in the workspace', kind: vscode.QuickPickItemKind.Separator });
    for (const file of files.sort((a, b) => a.path.localeCompare(b.path))) items.push({ label: `$(file) ${path.basename(file.path)}`, description: vscode.workspace.asRelativePath(path.dirname(file.fsPath)), file });
  }
  if (!items.length) {
    void vscode.window.showInformationMessage('Compact Drafter: there is no other draft in the workspace and no earlier commit of this file to compare with.');
    return undefined;
  }
  return vscode.window.showQuickPick(items, { title: `Compare ${path.basename(draft.path)} with…`, placeHolder: 'The earlier round: a commit of this file or another draft', matchOnDescription: true, matchOnDetail: true });
}

/** The bracket list: every open passage of the draft with its alternatives; moving through the list follows them in the editor. */
export async function showBrackets(client: LanguageClient | undefined): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const response = await client.sendRequest<BracketsResponse | null>(BRACKETS_REQUEST, { uri: editor.document.uri.toString() } satisfies DocumentParams);
  if (!response || (!response.passages.length && !response.unbalanced.length)) {
    void vscode.window.showInformationMessage('Compact Drafter: this draft has no bracketed passage.');
    return;
  }
  const toRange = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  type Item = vscode.QuickPickItem & { range?: vscode.Range };
  const items: Item[] = response.passages.map((p) => {
    const alternatives = p.alternatives.map((a) => `[${a.label ? `${a.label}: ` : ''}${a.proponent ? `${a.proponent}: ` : ''}${a.text}]`).join(' ');
    const count = p.alternatives.length;
    return {
      label: `${p.paragraph ? (/^\d/.test(p.paragraph) ? `para. ${p.paragraph}` : p.paragraph) : `line ${p.range.start.line + 1}`}  ${alternatives.length > 90 ? `${alternatives.slice(0, 89)}…` : alternatives}`,
      description: `${p.marker === 'alt' ? 'alternative paragraph' : `${count} ${count === 1 ? 'alternative' : 'alternatives'}`}${p.nested ? `, ${p.nested} nested` : ''}`,
      detail: p.section ?? undefined,
      range: toRange(p.range),
    };
  });
  for (const position of response.unbalanced) {
    const at = new vscode.Position(position.line, position.character);
    items.push({ label: `$(warning) line ${position.line + 1}: a bracket without a partner`, range: new vscode.Range(at, at.translate(0, 1)) });
  }
  const { passages, alternatives } = response.summary;
  const original = editor.selection;
  const picked = await vscode.window.showQuickPick(items, {
    title: `Bracketed passages: ${passages} ${passages === 1 ? 'passage' : 'passages'}, ${alternatives} ${alternatives === 1 ? 'alternative' : 'alternatives'}${response.adRef.length ? ` · agreed ad ref: ${response.adRef.join(', ')}` : ''}`,
    matchOnDescription: true,
    matchOnDetail: true,
    onDidSelectItem: (item: Item) => item.range && editor.revealRange(item.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport),
  });
  if (!picked?.range) {
    editor.selection = original;
    return;
  }
  editor.selection = new vscode.Selection(picked.range.start, picked.range.end);
  editor.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
