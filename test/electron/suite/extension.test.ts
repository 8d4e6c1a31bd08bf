// Runs inside VS Code: the extension as a user has it, over the example drafts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const examples = () => vscode.workspace.workspaceFolders![0].uri;

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(examples(), name));
  await vscode.window.showTextDocument(document);
  return document;
}

async function diagnosticsOf(document: vscode.TextDocument, atLeast: number): Promise<vscode.Diagnostic[]> {
  for (let i = 0; i < 200; i++) {
    const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'compact-drafter');
    if (found.length >= atLeast) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fewer than ${atLeast} diagnostics on ${document.uri.path}`);
}

function positionOf(document: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

suite('Compact Drafter in VS Code', () => {
  test('diagnostics of the flagged example, one of each rule', async () => {
    const document = await open('flagged-draft.md');
    const codes = new Set((await diagnosticsOf(document, 10)).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)));
    for (const code of ['superseded', 'date-mismatch', 'title-mismatch', 'malformed-symbol', 'unknown-document', 'quote-mismatch', 'no-such-paragraph', 'broken-internal-reference', 'paragraph-numbering', 'unbalanced-brackets']) {
      assert.ok(codes.has(code), `${code} in ${[...codes].join(', ')}`);
    }
  });

  test('hover on A/RES/71/280 gives its title and date', async () => {
    const document = await open('draft-resolution.md');
    await diagnosticsOf(document, 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'A/RES/71/280 of'));
    const text = hoverText(hovers);
    assert.match(text, /Modalities for the intergovernmental negotiations/);
    assert.match(text, /6 April 2017/);
  });

  test('go to definition opens the cited paragraph of a bundled text', async () => {
    const document = await open('draft-resolution.md');
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'A/68/283, para. 115'));
    assert.equal(locations.length, 1);
    const uri = 'uri' in locations[0] ? locations[0].uri : locations[0].targetUri;
    assert.equal(uri.scheme, 'compact-drafter-corpus');
    const target = await vscode.workspace.openTextDocument(uri);
    const range = 'range' in locations[0] ? locations[0].range : locations[0].targetRange;
    assert.match(target.lineAt(range.start.line).text, /^115\. /);
  });

  test('completion after "resolution 71/" offers 71/280', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Recalling its resolution 71/' });
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(document.getText().length));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.some((label) => label.includes('280')), labels.join(', '));
  });

  test('applying the date quick fix writes the registry date', async () => {
    const source = await open('flagged-draft.md');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: source.getText() });
    await vscode.window.showTextDocument(document);
    const diagnostic = (await diagnosticsOf(document, 10)).find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'date-mismatch')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Write 6 April 2017');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /its resolution 71\/280 of 6 April 2017 on the modalities/);
  });
});
