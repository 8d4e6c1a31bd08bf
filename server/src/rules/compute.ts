// The one rule pipeline, shared by the language server and `compact-drafter check`: which rules run
// on which analysis (a draft read as plain lines has no paragraph structure to check), with the
// user's levels and house style, and the reused passages when the reuse index is ready.
import type { DraftAnalysis } from '../analysis';
import { STRUCTURAL_RULES } from '../analysis/plain';
import type { Corpus } from '../corpus';
import type { ReuseMatch } from '../reuse/scan';
import type { DiagnosticsConfig } from './config';
import { ALL_RULES } from './index';
import type { Rule } from './rule';
import { runRules, runRulesInSteps, type Diagnostic } from './runner';

export interface DiagnosticsInput {
  readonly text: string;
  readonly analysis: DraftAnalysis;
  readonly corpus: Corpus;
  readonly config: DiagnosticsConfig;
  /** The draft was read as plain lines (too large to parse): the structural rules are skipped. */
  readonly plain?: boolean;
  /** The draft's reused passages, computed only if a rule asks. */
  readonly reuseMatches?: () => readonly ReuseMatch[];
  /** A rule that throws is reported here and the others still run. */
  readonly onError?: (rule: Rule, error: unknown) => void;
}

export function computeDiagnostics(input: DiagnosticsInput): Diagnostic[] {
  return runRules(rulesFor(input), contextOf(input), input.config, input.onError);
}

/** computeDiagnostics, awaiting `pause` after each rule (a large draft: other requests are answered between rules). */
export function computeDiagnosticsInSteps(input: DiagnosticsInput, pause: () => Promise<void>): Promise<Diagnostic[]> {
  return runRulesInSteps(rulesFor(input), contextOf(input), input.config, pause, input.onError);
}

const rulesFor = (input: DiagnosticsInput) => (input.plain ? ALL_RULES.filter((rule) => !STRUCTURAL_RULES.has(rule.code)) : ALL_RULES);
const contextOf = (input: DiagnosticsInput) => ({ text: input.text, analysis: input.analysis, corpus: input.corpus, houseStyle: input.config.houseStyle, reuseMatches: input.reuseMatches });
