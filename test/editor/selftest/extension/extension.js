// Throwaway extension used only to prove the real-editor harness
// (test/editor/scenario.mjs). Plain CommonJS, no dependencies.
const vscode = require('vscode');

const BAD = 'BADWORD';

function activate(context) {
  console.log('[selftest] activated');
  const md = { language: 'markdown' };

  context.subscriptions.push(vscode.languages.registerHoverProvider(md, {
    provideHover(doc, pos) {
      const range = doc.getWordRangeAtPosition(pos);
      if (!range) return undefined;
      return new vscode.Hover(new vscode.MarkdownString(`**TEST HOVER** for \`${doc.getText(range)}\``), range);
    },
  }));

  const diagnostics = vscode.languages.createDiagnosticCollection('selftest');
  context.subscriptions.push(diagnostics);
  const lint = (doc) => {
    if (doc.languageId !== 'markdown') return;
    const out = [];
    for (let i = 0; i < doc.lineCount; i++) {
      const text = doc.lineAt(i).text;
      let at = text.indexOf(BAD);
      while (at >= 0) {
        const d = new vscode.Diagnostic(new vscode.Range(i, at, i, at + BAD.length),
          `Test diagnostic: ${BAD} is not allowed`, vscode.DiagnosticSeverity.Warning);
        d.source = 'selftest';
        d.code = 'SELF001';
        out.push(d);
        at = text.indexOf(BAD, at + 1);
      }
    }
    diagnostics.set(doc.uri, out);
  };
  vscode.workspace.textDocuments.forEach(lint);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(lint),
    vscode.workspace.onDidChangeTextDocument((e) => lint(e.document)),
  );

  context.subscriptions.push(vscode.languages.registerCodeActionsProvider(md, {
    provideCodeActions(doc, range, ctx) {
      return ctx.diagnostics.filter((d) => d.source === 'selftest').map((d) => {
        const fix = new vscode.CodeAction('Replace BADWORD with GOODWORD', vscode.CodeActionKind.QuickFix);
        fix.diagnostics = [d];
        fix.isPreferred = true;
        fix.edit = new vscode.WorkspaceEdit();
        fix.edit.replace(doc.uri, d.range, 'GOODWORD');
        return fix;
      });
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));

  context.subscriptions.push(vscode.languages.registerCompletionItemProvider(md, {
    provideCompletionItems(doc, pos) {
      const before = doc.lineAt(pos.line).text.slice(0, pos.character);
      if (!/resolution \d+\/$/.test(before)) return undefined;
      const item = new vscode.CompletionItem('71/1 Test resolution item', vscode.CompletionItemKind.Reference);
      item.insertText = '1';
      item.detail = 'selftest completion';
      return [item];
    },
  }, '/'));
}

function deactivate() {}

module.exports = { activate, deactivate };
