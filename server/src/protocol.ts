// Compact Drafter's own messages between the VS Code client and the server, beyond LSP: each
// method's name and the shapes of its parameters and answer, in the one module both sides import
// (client/src bundles it through esbuild). It imports types only, so it adds no server code to
// the client's bundle, and never `vscode`: other editors' clients may send the same messages.
import type { Position, Range } from 'vscode-languageserver-types';
import type { CompareRow, compareRounds } from './compare/compare';

/** The scheme of bundled corpus texts, for a client that shows them itself (initialization option bundledTextScheme). */
export const BUNDLED_SCHEME = 'compact-drafter-corpus';
/** The scheme of the team corpus's texts (compactDrafter.corpus.server): they have no file on a drafter's machine. */
export const TEAM_SCHEME = 'compact-drafter-team';

/** What a client may tell the server at `initialize` (LSP's initializationOptions). */
export interface InitializationOptions {
  /** False in VS Code's Restricted Mode: the workspace's corpus folders are then not read. */
  trusted?: boolean;
  settings?: unknown;
  /** False when the client also loads snippets/compact-drafter.code-snippets and wants each snippet listed once. */
  serveSnippets?: boolean;
  /** Where parsed corpus texts are cached between sessions (VS Code: the extension's global storage); null: no cache. Default: ~/.cache/compact-drafter. */
  cacheDir?: string | null;
  /**
   * True when the client shows bundled texts under compact-drafter-corpus: itself (VS Code's extension,
   * through compactDrafter/corpusText). Otherwise go to definition, workspace symbols and the reused
   * passages point at the texts' files on disk, which any editor opens.
   */
  bundledTextScheme?: boolean;
  /**
   * True when the client shows team corpus texts under compact-drafter-team: itself (VS Code's
   * extension, through compactDrafter/corpusText). Otherwise they are given as read-only copies
   * under the cache folder (<cacheDir>/team/), which any editor opens.
   */
  teamTextScheme?: boolean;
  /** Commands the client has that quick fixes may use (VS Code: "compactDrafter.importLibraryExport"). */
  clientCommands?: string[];
  /** False when the client has an outline of its own for Markdown (VS Code): the server then offers no document symbols. */
  documentSymbols?: boolean;
  /** True when the client watches the corpus folders itself; otherwise the server registers the watchers (when the client allows). */
  watchesCorpus?: boolean;
  /** The drafter's per-file choices: checked as a draft (true) or not (false), by URI. */
  draftOverrides?: Record<string, boolean>;
}

// Commands (workspace/executeCommand) behind the unknown-document quick fixes (features/digitalLibrary.ts).
export const LOOK_UP_COMMAND = 'compactDrafter.server.lookUpDocument';
export const IMPORT_EXPORT_COMMAND = 'compactDrafter.server.importLibraryExport';
/** The VS Code client's command that picks an export and hands it to IMPORT_EXPORT_COMMAND. */
export const CLIENT_IMPORT_COMMAND = 'compactDrafter.importLibraryExport';

/** Server → client, after each validation: what the client's status bar shows for the active draft. */
export const STATUS_NOTIFICATION = 'compactDrafter/status';
export interface DraftStatus {
  uri: string;
  version: number;
  bracketedPassages: number;
  /** Alternatives the passages hold: "[a][b]" is one passage with two. */
  alternatives?: number;
  /** False when the server does not treat the file as a draft: the item then says nothing. */
  isDraft?: boolean;
  /** Why the file is (or is not) a draft, in words for the tooltip: "heading “The General Assembly,”". */
  draftReason?: string;
  unbalancedBrackets: number;
  references: number;
}

/** Client → server: the drafter turned checking on or off for a file (`draft: null` returns it to the automatic decision). */
export const SET_DRAFT_NOTIFICATION = 'compactDrafter/setDraft';
export interface SetDraftParams {
  readonly uri: string;
  readonly draft: boolean | null;
}

/** A bundled text's content (the client shows it read-only); answered with string | null. */
export const CORPUS_TEXT_REQUEST = 'compactDrafter/corpusText';
export interface DocumentParams {
  readonly uri: string;
}

/** The "Insert citation…" quick pick; answered with CitationChoice[]. */
export const CITATION_CHOICES_REQUEST = 'compactDrafter/citationChoices';
export type CitationForm = 'long' | 'short' | 'full-symbol';
export interface CitationChoicesParams {
  /** The draft being edited: documents it already cites come first. */
  readonly uri?: string;
  /** Where the citation goes: the words before it decide its form ("*Recalling* its |"). */
  readonly position?: { readonly line: number; readonly character: number };
}
/** One document of the "Insert citation…" quick pick. */
export interface CitationChoice {
  readonly symbol: string;
  readonly title?: string;
  /** As users may rely on it: "6 April 2017", "2012 (exact date not verified)". */
  readonly date?: string;
  readonly aliases: readonly string[];
  /** Cited in the draft the request was made for. */
  readonly cited: boolean;
  /** The citation in each form: the client inserts the one its setting names. */
  readonly citations: Readonly<Record<CitationForm, string>>;
  /** Characters before the insertion point the citation replaces (an "its " that cannot own it). */
  readonly replaceBefore?: number;
  /** Ready for a VS Code QuickPickItem: corpus text with "$(…)" icon syntax escaped. */
  readonly label: string;
  readonly description: string;
  readonly detail: string;
}

/** The reused passages of a draft (the "Show reused agreed language" command): DocumentParams → ReuseMatchItem[]. */
export const REUSE_MATCHES_REQUEST = 'compactDrafter/reuseMatches';
export interface ReuseMatchItem {
  readonly range: Range;
  readonly source: { readonly symbol?: string; readonly paragraphs: readonly string[]; readonly uri: string };
  readonly similarity: number;
  readonly altered: boolean;
}

/** The open draft's bracketed passages, read from its analysis: DocumentParams → BracketsResponse | null. */
export const BRACKETS_REQUEST = 'compactDrafter/brackets';
export interface BracketItem {
  readonly range: Range;
  readonly paragraph: string | null;
  readonly section: string | null;
  readonly alternatives: readonly { readonly text: string; readonly proponent: string | null; readonly label?: string }[];
  readonly marker?: 'alt';
  readonly nested: number;
}
export interface BracketsResponse {
  readonly passages: readonly BracketItem[];
  readonly adRef: readonly string[];
  readonly unbalanced: readonly Position[];
  readonly summary: { readonly passages: number; readonly alternatives: number };
}

/** The open draft (new round) against an earlier round the client read (another file, or `git show` of a commit): → CompareResponse | null. */
export const COMPARE_REQUEST = 'compactDrafter/compare';
export interface CompareParams {
  readonly uri: string;
  readonly oldText: string;
  readonly oldName?: string;
}
export interface CompareRowItem {
  readonly status: CompareRow['status'];
  readonly level: CompareRow['level'];
  readonly old: readonly string[];
  readonly new: readonly string[];
  readonly force: CompareRow['force'];
  readonly forceChanges: readonly string[];
  readonly oldRanges: readonly Range[];
  readonly newRanges: readonly Range[];
}
export interface CompareResponse {
  readonly rows: readonly CompareRowItem[];
  readonly summary: ReturnType<typeof compareRounds>['summary'];
  /** The report in Markdown. */
  readonly markdown: string;
  /** For each row, the 0-based line of its heading in markdown (-1 when the report leaves it out: unchanged in place). */
  readonly headingLines: readonly number[];
  /** The old round's paragraphs in the new round's order, one aligned group per block: the left side of a side-by-side diff. */
  readonly oldReordered: string;
}
