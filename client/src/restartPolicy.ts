import * as vscode from 'vscode';
import { CloseAction, type CloseHandlerResult, ErrorAction, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

const MAX_RESTARTS = 5;
const WINDOW_MS = 3 * 60 * 1000;

/**
 * If the server dies anyway, start it again (at most five times in three minutes, so a server
 * that dies at start does not loop), and tell the user once, not at every restart.
 */
export class RestartPolicy implements ErrorHandler {
  private readonly restarts: number[] = [];
  private told = false;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.output.error(`connection error: ${error.message}`);
    return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    while (this.restarts.length && now - this.restarts[0] > WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) {
      const message = `The Compact Drafter server stopped ${MAX_RESTARTS} times in three minutes and will not be restarted. See the "Compact Drafter" output, then run "Compact Drafter: Restart Language Server".`;
      this.output.error(message);
      return { action: CloseAction.DoNotRestart, message, handled: false };
    }
    this.restarts.push(now);
    this.output.warn('The server stopped unexpectedly; restarting it.');
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage('The Compact Drafter server stopped unexpectedly and was restarted. Details are in the "Compact Drafter" output.');
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
