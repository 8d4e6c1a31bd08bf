// When a document's diagnostics are computed. A client that pulls (LSP 3.17 textDocument/diagnostic,
// with workspace/diagnostic/refresh) asks when it needs them: after a corpus or settings change it is
// told to ask again. Any other client has them pushed: after a pause in typing (the debounce), at
// once for a document just opened or after a corpus change. The clock is a parameter, so tests run
// the schedule without waiting.

export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const SYSTEM_CLOCK: Clock = { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) };

/** Typing pauses shorter than this do not trigger a validation. */
export const VALIDATION_DELAY_MS = 150;

export interface DiagnosticsSchedulerOptions {
  /** Computes and publishes a document's diagnostics (push mode). */
  readonly validate: (uri: string) => Promise<void>;
  /** Tells a pulling client to ask again (workspace/diagnostic/refresh). */
  readonly refresh: () => void;
  readonly onError: (error: unknown) => void;
  readonly clock?: Clock;
}

export class DiagnosticsScheduler {
  /** Whether the client pulls; set at `initialize`. */
  pull = false;
  private readonly pending = new Map<string, unknown>();
  private readonly clock: Clock;

  constructor(private readonly options: DiagnosticsSchedulerOptions) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
  }

  /** A validation of one document after `delay` ms, replacing any still waiting; nothing in pull mode. */
  schedule(uri: string, delay = VALIDATION_DELAY_MS): void {
    if (this.pull) return;
    this.cancel(uri);
    this.pending.set(
      uri,
      this.clock.setTimeout(() => {
        this.pending.delete(uri);
        this.options.validate(uri).catch(this.options.onError);
      }, delay),
    );
  }

  /** Every open document again, at once (push), or the client told to pull again. */
  revalidate(uris: Iterable<string>): void {
    if (this.pull) {
      this.options.refresh();
      return;
    }
    for (const uri of uris) this.schedule(uri, 0);
  }

  /** A closed document: its waiting validation is dropped. */
  cancel(uri: string): void {
    const handle = this.pending.get(uri);
    if (handle === undefined) return;
    this.clock.clearTimeout(handle);
    this.pending.delete(uri);
  }

  /** Whether a validation is waiting: the corpus warm-up waits for none to be. */
  get waiting(): boolean {
    return this.pending.size > 0;
  }
}
