import type { OffsetRange } from '../parse/model';

export type ReferenceKind =
  /** A document cited by symbol or short form, without a pinpoint. */
  | 'document'
  /** A document cited with a paragraph (or annex/page) pinpoint. */
  | 'paragraph'
  /** A document cited by name ("the Sutherland Report"). */
  | 'alias'
  /** A reference inside the draft itself ("paragraph 12 above", "footnote 3"). */
  | 'internal'
  /**
   * A text known by the body that issued it and its number, not by a UN document symbol: "Commission
   * on Crime Prevention and Criminal Justice resolution 25/2", "decision 1/CMA.5", "general
   * recommendation No. 26 of the Committee on the Elimination of Discrimination against Women", a UN
   * publication by its sales number. `numbered` says what is known; `symbol` is set only where the
   * texts pair it with a document symbol.
   */
  | 'numbered';

/** What a text known by body and number is, as the citing text says it. */
export interface NumberedText {
  readonly type: 'resolution' | 'decision' | 'general comment' | 'general recommendation' | 'publication';
  /**
   * The body as the text names it ("Commission on the Status of Women"); for a decision numbered in a
   * conference's series without a name nearby, the series as written ("CMA.5"); undefined when the
   * text does not say (a general comment introduced by "its").
   */
  readonly body?: string;
  /** The number as written: "25/2", "1/CMA.5", "26", "E.95.IV.13". */
  readonly number: string;
  /** The year written beside a general comment's number ("No. 6 (2005)"). */
  readonly year?: string;
  /** The title the text gives next to it (a publication's, read from the citing text). */
  readonly title?: string;
}

/** One problem with how a symbol was written; the symbol is still understood. */
export interface SymbolProblem {
  readonly kind:
    | 'case' // "A/Res/71/280", "a/res/71/280"
    | 'spacing' // "A /RES/71/280"
    | 'order' // "A/71/RES/280"
    | 'trailing-slash' // "A/RES/71/280/"
    | 'range-hyphen'; // "paras. 89-91" where the house style wants "89–91"
  readonly message: string;
  /** The part of the document the problem is about. */
  readonly range: OffsetRange;
  /** What that part should read. */
  readonly replacement: string;
}

export interface PagePinpoint {
  readonly pages: readonly number[];
  readonly range: OffsetRange;
}

export interface Reference {
  readonly kind: ReferenceKind;
  /** The whole citation as written, e.g. "resolution 71/280, paragraph 8". */
  readonly range: OffsetRange;
  /** The part that names the document ("71/280", "A/RES/71/1", "Sutherland Report"); for internal references the pinpoint. */
  readonly targetRange: OffsetRange;
  /** Normalised official symbol ("A/RES/71/280", "S/RES/2240 (2015)"); undefined for internal references and unresolved aliases. */
  readonly symbol?: string;
  /** For short forms, how it was written relative to the symbol: "resolution 67/172" → 'short'; "A/RES/67/172" → 'full'; "[67/172](#)" → 'short'. */
  readonly form?: 'full' | 'short' | 'alias';
  /** The alias as written, for kind 'alias'. */
  readonly alias?: string;
  /** Roman numeral of the annex ("II"), or "" for an unnumbered annex; undefined when no annex is cited. */
  readonly annex?: string;
  /** Cited paragraph numbers, expanded: "paras. 89-91" → [89, 90, 91]. Labels as printed ("5 bis") are kept as strings. */
  readonly paragraphs: readonly string[];
  /** The pinpoint text ("paras. 89-91"), when there is one. */
  readonly pinpointRange?: OffsetRange;
  /** Page pinpoints are kept apart from paragraphs. */
  readonly pages?: PagePinpoint;
  /** For internal references: where the target is said to be. */
  readonly direction?: 'above' | 'below';
  /** For internal references: what is referred to. */
  readonly internalTarget?: 'paragraph' | 'footnote';
  /** Written problems of the symbol (malformed-symbol). */
  readonly problems: readonly SymbolProblem[];
  /** A date written right after the citation ("of 6 April 2017"), ISO, with its range. */
  readonly statedDate?: { readonly iso: string; readonly range: OffsetRange };
  /** A quoted title right after the citation ("entitled “…”"), with its range (inside the quotes). */
  readonly statedTitle?: { readonly text: string; readonly range: OffsetRange };
  /**
   * Lettered parts of a resolution adopted in parts ("resolution 31/16 A" → ['A'], "217 A (III)" → ['A']).
   * The symbol stays that of the whole resolution, which is the document that holds the parts.
   */
  readonly parts?: readonly string[];
  /** An objective of the Global Compact ("objective 5 (b)"): its number and lettered action, resolved to a paragraph against the Compact's text. */
  readonly objective?: { readonly number: number; readonly action?: string };
  /** The symbol was written with the reissue asterisk ("A/71/L.1*"); `symbol` leaves it out. */
  readonly reissue?: boolean;
  /**
   * For "Ibid." and anaphora ("that resolution", "the above-mentioned report"): where the citation
   * they repeat names the document. Rules that judge how a document is cited leave these alone.
   */
  readonly antecedent?: OffsetRange;
  /** For kind 'numbered': the body, number and kind of text. */
  readonly numbered?: NumberedText;
}
