// Runs inside VS Code's extension host (see ../runTest.ts): the extension as a user has it, asked
// through the same commands the editor uses (diagnostics, hover, definition, completion, code
// actions), over the two example drafts. Edits are made only to untitled copies: examples/ is
// never changed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'compact-drafter.compact-drafter';
const SOURCE = 'compact-drafter';
/** How long the server may take to answer the first time (it loads the registry and bundled texts). */
const PATIENCE_MS = 45_000;

let extension: vscode.Extension<unknown>;

/** Polls `probe` until it returns something other than undefined, or fails saying what it waited for. */
async function until<T>(what: string | (() => string), probe: () => T | undefined | Promise<T | undefined>, timeoutMs = PATIENCE_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function example(name: string): vscode.Uri {
  return vscode.Uri.joinPath(extension.extensionUri, 'examples', name);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(example(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** An untitled copy of an example, so that fixes can be applied without touching examples/. */
async function openCopy(name: string): Promise<vscode.TextDocument> {
  const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(example(name)));
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document);
  return document;
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
}

function ours(document: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === SOURCE);
}

async function diagnosticsOf(document: vscode.TextDocument, atLeast: number): Promise<vscode.Diagnostic[]> {
  return until(() => `${atLeast} ${SOURCE} diagnostics on ${document.uri.toString()} (have ${ours(document).length})`, () => {
    const found = ours(document);
    return found.length >= atLeast ? found : undefined;
  });
}

function positionOf(document: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function hoverAt(document: vscode.TextDocument, needle: string, expected: RegExp): Promise<string> {
  const position = positionOf(document, needle);
  let text = '';
  // The first hover may come before the server has analysed the document: ask again until it answers.
  await until(() => `a hover at "${needle}" matching ${expected} (last: ${JSON.stringify(text.slice(0, 300))})`, async () => {
    text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
    return expected.test(text) ? text : undefined;
  });
  return text;
}

async function quickFixes(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
    10, // resolve up to ten actions, in case the edit comes only with codeAction/resolve
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

/** Applies the quick fix titled `title` for the first diagnostic of `code`, and checks it went away. */
async function applyFix(document: vscode.TextDocument, code: string, title: string): Promise<void> {
  const diagnostic = (await diagnosticsOf(document, 1)).find((d) => codeOf(d) === code);
  assert.ok(diagnostic, `no ${code} diagnostic on ${document.uri.toString()}`);
  const actions = await quickFixes(document, diagnostic);
  const fix = actions.find((a) => a.title === title);
  assert.ok(fix?.edit, `no quick fix "${title}" among: ${actions.map((a) => a.title).join(', ') || 'none'}`);
  for (const [uri] of fix.edit.entries()) assert.equal(uri.toString(), document.uri.toString(), 'a fix edits only the draft it is for');
  const version = document.version;
  assert.ok(await vscode.workspace.applyEdit(fix.edit), `the workspace refused the edit of "${title}"`);
  assert.ok(document.version > version, `"${title}" changed the document`);
  await until(`the ${code} diagnostic to go once "${title}" is applied`, () =>
    ours(document).some((d) => codeOf(d) === code && d.range.start.line === diagnostic.range.start.line) ? undefined : true,
  );
}

suite('Compact Drafter in VS Code', () => {
  suiteSetup(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not loaded: is extensionDevelopmentPath the repository root?`);
    extension = found;
    await extension.activate();
    assert.ok(extension.isActive);
  });

  teardown(async () => {
    // Close what a test opened, one editor at a time and reverted first, so that an untitled copy
    // never raises a "save changes?" dialog (which would hold the run until mocha's timeout).
    for (let i = 0; i < 20 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); i++) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('every file the manifest names is in the extension (icon, walkthrough pages, bundles, example)', async () => {
    const manifest = extension.packageJSON as {
      main: string;
      icon: string;
      contributes: { walkthroughs: { steps: { media: { markdown?: string; image?: string } }[] }[] };
    };
    const paths = [manifest.main, manifest.icon, 'dist/server.js', 'examples/flagged-draft.md'];
    for (const walkthrough of manifest.contributes.walkthroughs) {
      for (const step of walkthrough.steps) paths.push(...[step.media.markdown, step.media.image].filter((p): p is string => !!p));
    }
    for (const path of paths) {
      await assert.doesNotReject(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, path))), `${path} is missing`);
    }
  });

  test('the walkthrough command opens the example draft as an untitled copy', async () => {
    await vscode.commands.executeCommand('compactDrafter.openExample');
    const editor = await until('an untitled editor to be active', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === 'untitled' ? active : undefined;
    }, 10_000);
    assert.equal(editor.document.languageId, 'markdown');
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(example('flagged-draft.md')));
    assert.equal(editor.document.getText(), original);
    // The copy is analysed like any draft.
    await diagnosticsOf(editor.document, 10);
  });

  test('diagnostics of the flagged example: one of each rule, where the CLI puts them, at the default levels', async () => {
    const document = await open('flagged-draft.md');
    const diagnostics = await diagnosticsOf(document, 10);
    const { Error: E, Warning: W, Information: I } = vscode.DiagnosticSeverity;
    // [code, line, character] (0-based), as `compact-drafter check` prints them (1-based) in the README.
    const expected: [string, number, number, vscode.DiagnosticSeverity][] = [
      ['title-mismatch', 9, 64, W],
      ['date-mismatch', 11, 42, W],
      ['superseded', 13, 35, W],
      ['unknown-document', 13, 109, I],
      ['malformed-symbol', 15, 116, W],
      ['quote-mismatch', 17, 15, W],
      ['no-such-paragraph', 21, 75, E],
      ['paragraph-numbering', 25, 0, W],
      ['broken-internal-reference', 25, 59, E],
      ['unbalanced-brackets', 27, 94, E],
    ];
    const seen = diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).join(', ');
    for (const [code, line, character, severity] of expected) {
      const found = diagnostics.find((d) => codeOf(d) === code && d.range.start.line === line && d.range.start.character === character);
      assert.ok(found, `${code} at ${line + 1}:${character + 1}; have ${seen}`);
      assert.equal(found.severity, severity, `severity of ${code}`);
    }
  });

  test('hover on A/RES/71/280 gives its title, its date and the official links', async () => {
    const draft = await open('draft-resolution.md');
    const text = await hoverAt(draft, 'A/RES/71/280 of', /Modalities for the intergovernmental negotiations/);
    assert.match(text, /6 April 2017/);
    const flagged = await open('flagged-draft.md');
    assert.match(await hoverAt(flagged, 'A/RES/71/280, paragraph 8', /6 April 2017/), /Official Document System/);
  });

  test('go to definition opens the cited paragraph of a bundled text', async () => {
    const document = await open('draft-resolution.md');
    const position = positionOf(document, 'A/68/283, para. 115');
    const locations = await until('a definition for "A/68/283, para. 115"', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
      return found?.length ? found : undefined;
    });
    assert.equal(locations.length, 1);
    const [location] = locations;
    const uri = 'targetUri' in location ? location.targetUri : location.uri;
    const range = 'targetUri' in location ? location.targetRange : location.range;
    assert.equal(uri.scheme, 'compact-drafter-corpus');
    const target = await vscode.workspace.openTextDocument(uri);
    assert.match(target.lineAt(range.start.line).text, /^115\. /);
  });

  test('completion after "resolution 71/" offers 71/280', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '*Recalling* its resolution 71/' });
    await vscode.window.showTextDocument(document);
    const end = document.positionAt(document.getText().length);
    let labels: string[] = [];
    try {
      await until('a completion item whose label contains "71/280"', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
        labels = (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
        return labels.some((label) => label.includes('71/280')) ? true : undefined;
      }, 15_000);
    } catch {
      assert.fail(`no completion item for "resolution 71/" contains "71/280"; the items were: ${labels.join(', ') || 'none (does the server offer completion yet?)'}`);
    }
  });

  test('quick fixes write the registry date and the normalised symbol into the draft', async () => {
    const document = await openCopy('flagged-draft.md');
    await diagnosticsOf(document, 10);
    await applyFix(document, 'date-mismatch', 'Write 6 April 2017');
    assert.match(document.lineAt(11).text, /its resolution 71\/280 of 6 April 2017 on the modalities/);
    await applyFix(document, 'malformed-symbol', 'Write A/RES/72/244');
    assert.match(document.lineAt(15).text, /and of resolution A\/RES\/72\/244 on the modalities/);
    // The other findings are still there: a fix touches only its own citation.
    const left = new Set(ours(document).map(codeOf));
    for (const code of ['title-mismatch', 'superseded', 'no-such-paragraph', 'unbalanced-brackets']) assert.ok(left.has(code), `${code} is still reported`);
  });
});
