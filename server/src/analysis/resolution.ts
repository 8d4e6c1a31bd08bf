import type { CorpusEntry } from '../corpus';
import type { Footnote, NumberedParagraph } from '../parse/model';

export type ResolutionStatus =
  /** The document is known and every cited paragraph was found (or none was cited). */
  | 'resolved'
  /** The document is known from the registry but its text is not in the corpus: pinpoints cannot be checked. */
  | 'no-text'
  /** A text known by its body and number, published without a UN document symbol: nothing to look up. */
  | 'no-symbol'
  /** A well-formed symbol that no corpus layer knows. */
  | 'unknown-document'
  /** The document's text is held and a cited paragraph is not in it. */
  | 'no-such-paragraph'
  /** The document's text is held and has no such annex. */
  | 'no-such-annex'
  /** An internal reference whose target exists where it says. */
  | 'internal-found'
  /** An internal reference to a paragraph or footnote the draft does not have. */
  | 'internal-missing'
  /** "paragraph 12 above" when paragraph 12 is below (or the reverse). */
  | 'internal-wrong-direction';

export interface CitedParagraph {
  readonly label: string;
  /** In the cited document (or, for internal references, in the draft). */
  readonly paragraph?: NumberedParagraph;
}

export interface Resolution {
  readonly status: ResolutionStatus;
  readonly entry?: CorpusEntry;
  readonly paragraphs: readonly CitedParagraph[];
  readonly footnote?: Footnote;
  /** Why the reference does not resolve, in words for the hover. */
  readonly reason?: string;
}
