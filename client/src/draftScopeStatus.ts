import * as vscode from 'vscode';
import { scopeStatusText, type DraftStatus } from './statusText';

/** What the server says about a file's scope (part of its compactDrafter/status notification). */
type DraftScopeStatus = Pick<DraftStatus, 'uri' | 'isDraft' | 'draftReason'>;

const OVERRIDES_KEY = 'compactDrafter.draftOverrides';
export const TOGGLE_DRAFT_COMMAND = 'compactDrafter.toggleDraft';

/**
 * Whether the active Markdown file is checked as a UN draft, and why; clicking it (or the command
 * "Compact Drafter: Check this file as a draft (on/off)") turns checking on or off for the file. The
 * drafter's choices are kept per workspace and sent to each server at start.
 */
export class DraftScopeStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('compactDrafter.scope', vscode.StatusBarAlignment.Right, 101);
  private readonly byUri = new Map<string, DraftScopeStatus>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly state: vscode.Memento) {
    this.item.name = 'Compact Drafter: draft or not';
    this.item.command = TOGGLE_DRAFT_COMMAND;
    this.subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  }

  /** The drafter's choices, for the server's initializationOptions. */
  overrides(): Record<string, boolean> {
    return this.state.get<Record<string, boolean>>(OVERRIDES_KEY, {});
  }

  update(status: DraftScopeStatus): void {
    if (typeof status.isDraft !== 'boolean') return;
    this.byUri.set(status.uri, status);
    this.render();
  }

  /** Flips the active file; returns the new choice for the server (null: back to the automatic decision). */
  async toggle(uri: string): Promise<boolean> {
    const current = this.byUri.get(uri)?.isDraft ?? false;
    const overrides = { ...this.overrides() };
    overrides[uri] = !current;
    await this.state.update(OVERRIDES_KEY, overrides);
    return !current;
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    const shown = status && scopeStatusText(status);
    if (!shown) {
      this.item.hide();
      return;
    }
    this.item.text = shown.text;
    this.item.tooltip = shown.tooltip;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
