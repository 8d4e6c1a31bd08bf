// How every request is answered: not before `initialize` nor after `shutdown` (LSP's error codes),
// as cancelled when the client cancelled it, and with the empty answer when the handler throws (the
// error is logged; one failing feature never ends the server).
import { type CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

export type LifecycleState = 'new' | 'running' | 'shut down';

/** Thrown where a cancelled request stops; the guard answers it as cancelled. */
export class Cancelled extends Error {}

const cancelled = () => new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');

/** Runs one request's handler under the rules above. */
export type Guard = <T>(name: string, empty: T, handler: () => T | Promise<T>, token?: CancellationToken) => Promise<T | ResponseError<never>>;

export function makeGuard(state: () => LifecycleState, logError: (message: string) => void): Guard {
  return async (name, empty, handler, token) => {
    // The spec: a request before `initialize` is an error (-32002), and so is one after `shutdown`.
    if (state() === 'new') return new ResponseError<never>(ErrorCodes.ServerNotInitialized, `${name}: the server is not initialized`);
    if (state() === 'shut down') return new ResponseError<never>(ErrorCodes.InvalidRequest, `${name}: the server is shut down`);
    try {
      if (token?.isCancellationRequested) return cancelled();
      const result = await handler();
      return token?.isCancellationRequested ? cancelled() : result;
    } catch (error) {
      if (error instanceof Cancelled) return cancelled();
      logError(`${name} failed: ${(error as Error).stack ?? error}`);
      return empty;
    }
  };
}
