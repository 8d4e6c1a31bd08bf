import * as vscode from 'vscode';

export interface DraftStatus {
  uri: string;
  version: number;
  bracketedPassages: number;
  unbalancedBrackets: number;
  references: number;
}

/** The active draft's negotiation state: how many bracketed passages remain, and whether they balance. */
export class DraftStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('compactDrafter.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, DraftStatus>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.item.name = 'Compact Drafter';
    this.item.command = 'workbench.actions.view.problems';
    this.subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  }

  update(status: DraftStatus): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    if (!status) {
      this.item.hide();
      return;
    }
    const passages = `${status.bracketedPassages} bracketed ${status.bracketedPassages === 1 ? 'passage' : 'passages'}`;
    this.item.text = status.unbalancedBrackets ? `$(warning) [ ] ${passages}, ${status.unbalancedBrackets} unbalanced` : `[ ] ${passages}`;
    this.item.tooltip = `${passages} of negotiation text in this draft${status.unbalancedBrackets ? `; ${status.unbalancedBrackets} bracket(s) without a partner` : ''}. ${status.references} citations.`;
    this.item.backgroundColor = status.unbalancedBrackets ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
