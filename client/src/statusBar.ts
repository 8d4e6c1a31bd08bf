import * as vscode from 'vscode';
import { bracketStatusText, type DraftStatus } from './statusText';

export type { DraftStatus } from './statusText';

/** The active draft's negotiation state: how many bracketed passages remain, and whether they balance. */
export class DraftStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('compactDrafter.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, DraftStatus>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.item.name = 'Compact Drafter';
    this.item.command = { title: 'Show bracketed passages', command: 'compactDrafter.showBrackets' };
    this.subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  }

  update(status: DraftStatus): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    const shown = status && bracketStatusText(status);
    if (!shown) {
      this.item.hide();
      return;
    }
    this.item.text = shown.text;
    this.item.tooltip = shown.tooltip;
    this.item.backgroundColor = shown.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
