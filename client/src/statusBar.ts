import * as vscode from 'vscode';

export interface DraftStatus {
  uri: string;
  version: number;
  bracketedPassages: number;
  /** Alternatives the passages hold: "[a][b]" is one passage with two. */
  alternatives?: number;
  /** False when the server does not treat the file as a draft: the item then says nothing. */
  isDraft?: boolean;
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
    if (!status || status.isDraft === false) {
      this.item.hide();
      return;
    }
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const passages = count(status.bracketedPassages, 'bracketed passage', 'bracketed passages');
    const alternatives = status.alternatives === undefined ? '' : `, ${count(status.alternatives, 'alternative', 'alternatives')}`;
    const unbalanced = status.unbalancedBrackets ? `, ${status.unbalancedBrackets} unbalanced` : '';
    this.item.text = `${status.unbalancedBrackets ? '$(warning) ' : ''}[ ] ${passages}${alternatives}${unbalanced}`;
    this.item.tooltip = `${passages}${alternatives} of negotiation text in this draft${status.unbalancedBrackets ? `; ${count(status.unbalancedBrackets, 'bracket', 'brackets')} without a partner` : ''}. ${count(status.references, 'citation', 'citations')}. Click to list the passages.`;
    this.item.backgroundColor = status.unbalancedBrackets ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
