import type { DraftAnalysis } from '../analysis';
import type { Corpus } from '../corpus';
import type { OffsetRange } from '../parse/model';
import type { ReuseMatch } from '../reuse/scan';
import type { Suppressions } from './suppressions';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  readonly range: OffsetRange;
  readonly newText: string;
}

/** A quick fix: one set of edits applied together. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/**
 * Help that is not an edit of the draft: the editor turns it into a command where it has one (a
 * lookup only when the user turned online lookup on; a file picker only in VS Code), the CLI
 * leaves it out.
 */
export type FindingAction =
  | { readonly kind: 'look-up-online'; readonly symbol: string }
  | { readonly kind: 'import-library-export' };

/** Another place in the draft that the finding speaks of (LSP related information). */
export interface RelatedPlace {
  readonly range: OffsetRange;
  readonly message: string;
}

/** What a rule reports. Severity comes from the rule (or the user's settings), not from here. */
export interface Finding {
  readonly range: OffsetRange;
  /** Written as a UN editor would write it: what is wrong and what is right. */
  readonly message: string;
  readonly fixes: readonly Fix[];
  readonly actions?: readonly FindingAction[];
  readonly related?: readonly RelatedPlace[];
}

export interface HouseStyle {
  /** Paragraph ranges: "89–91" (en dash, the UN Editorial Manual's) or "89-91". */
  readonly rangeDash: 'en-dash' | 'hyphen';
}

export const DEFAULT_HOUSE_STYLE: HouseStyle = { rangeDash: 'en-dash' };

export interface RuleContext {
  readonly text: string;
  readonly analysis: DraftAnalysis;
  readonly corpus: Corpus;
  readonly houseStyle: HouseStyle;
  /**
   * The draft's in-place suppressions (suppressions.ts). The runner drops a finding whose place is
   * suppressed; a rule that gathers several places into one finding (unknown-document: once per
   * document) asks here first, so a suppression silences the places it covers and no others.
   */
  readonly suppressions?: Suppressions;
  /** The draft's reused passages (reuse/service.ts); absent where no reuse index is kept. */
  readonly reuseMatches?: () => readonly ReuseMatch[];
}

/** One diagnostic rule: a stable code (part of the CLI's contract), a default severity and a check. */
export interface Rule {
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** One line for settings and documentation. */
  readonly description: string;
  check(context: RuleContext): Finding[];
  /**
   * The same check, yielding every so many items, for a rule that can take seconds on a large draft
   * (quote-mismatch: 4 s for 9,000 misquotations). The server's rule pass pauses at each yield to
   * answer other requests; `check` is this, run to its end.
   */
  readonly checkInSteps?: (context: RuleContext) => Generator<void, Finding[]>;
}

/** A stepped check run to its end, for `Rule.check`. */
export { runToEnd } from '../steps';
