// What every completion context reads: the request (the line up to the cursor, the corpus, the
// options), the shape of a context's answer, and the range an item's edit replaces. Its own module
// so that the contexts (one file each) and the dispatcher (index.ts) share one definition.
import type { CompletionItem, Range } from 'vscode-languageserver-types';
import type { Corpus } from '../../corpus';
import type { CitationForm } from '../../language/citations';

export interface CompletionOptions {
  /** The character that triggered the request (LSP CompletionContext.triggerCharacter). */
  readonly triggerCharacter?: string;
  /**
   * Serve the drafting snippets at the start of a paragraph (default true). A client that also loads
   * snippets/compact-drafter.code-snippets (VS Code) may turn this off so they are not listed twice.
   */
  readonly snippets?: boolean;
  /**
   * The house form (compactDrafter.citation.form): with 'long', a resolution number completes with its
   * date where the registry vouches for the day ("72/179 of 19 December 2017"), as "Insert citation…" writes it.
   */
  readonly citationForm?: CitationForm;
}

export interface Request {
  readonly text: string;
  readonly offset: number;
  readonly corpus: Corpus;
  /** The line up to the cursor (at most WINDOW characters). */
  readonly before: string;
  /** Where `before` starts in the text. */
  readonly beforeStart: number;
  /** Where the line starts in the text. */
  readonly lineStart: number;
  readonly line: number;
  readonly options: CompletionOptions;
  /** Symbol keys cited in the draft, computed on first use. */
  readonly cited: () => ReadonlySet<string>;
}

/** One completion context: its items when the line before the cursor fits it, else undefined (the next context is asked). */
export type Context = (request: Request) => CompletionItem[] | { items: CompletionItem[]; isIncomplete: boolean } | undefined;

/** The range from `start` (an offset on the cursor's line) to the cursor. */
export function rangeTo(request: Request, start: number): Range {
  return {
    start: { line: request.line, character: start - request.lineStart },
    end: { line: request.line, character: request.offset - request.lineStart },
  };
}

/** Sort keys compare as clients compare sortText, by code units (and localeCompare costs a microsecond a call: thousands a request). */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
