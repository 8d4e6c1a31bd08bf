import type { DiagnosticsConfig } from './config';
import type { FindingAction, Fix, RelatedPlace, Rule, RuleContext, Severity } from './rule';
import { Suppressions } from './suppressions';
import { acceptedDocuments } from './acceptedDocuments';
import type { OffsetRange } from '../parse/model';
import { visibleText } from '../text/invisible';

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: OffsetRange;
  readonly fixes: readonly Fix[];
  readonly actions?: readonly FindingAction[];
  readonly related?: readonly RelatedPlace[];
}

/**
 * Runs every rule over one analysis. A rule that throws is reported through `onError` and
 * contributes nothing: one broken rule must not take the others (or the server) down.
 */
export function runRules(
  rules: readonly Rule[],
  context: RuleContext,
  config: DiagnosticsConfig,
  onError: (rule: Rule, error: unknown) => void = () => {},
): Diagnostic[] {
  const steps = ruleSteps(rules, context, config, onError);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * runRules, awaiting `pause` after each rule and at each step of a rule that yields. On a
 * multi-megabyte draft the rules take seconds together (9,000 misquotations in 1.5 MB: 4 s for
 * quote-mismatch, 0.6 s for superseded): the server answers other requests between steps, and
 * `pause` throws to abandon a pass that a newer version or a cancellation made useless.
 */
export async function runRulesInSteps(
  rules: readonly Rule[],
  context: RuleContext,
  config: DiagnosticsConfig,
  pause: () => Promise<void>,
  onError: (rule: Rule, error: unknown) => void = () => {},
): Promise<Diagnostic[]> {
  const steps = ruleSteps(rules, context, config, onError);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The rule pass, yielding after each rule that ran and wherever a rule yields. */
function* ruleSteps(
  rules: readonly Rule[],
  context: RuleContext,
  config: DiagnosticsConfig,
  onError: (rule: Rule, error: unknown) => void,
): Generator<void, Diagnostic[]> {
  const suppressions = context.suppressions ?? new Suppressions(context.text);
  const withSuppressions: RuleContext = { ...context, suppressions };
  // "Ignore this document": the front matter's accepted documents are not reported as unknown.
  const accepted = acceptedDocuments(context.text);
  const isAccepted = (code: string, range: OffsetRange) =>
    code === 'unknown-document' && accepted.size > 0 && context.analysis.references.some((ref) => ref.targetRange.start === range.start && !!ref.symbol && accepted.has(ref.symbol));
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const level = config.levels[rule.code] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    let findings;
    try {
      // A rule that can take seconds yields within itself too (Rule.checkInSteps).
      findings = rule.checkInSteps ? yield* rule.checkInSteps(withSuppressions) : rule.check(withSuppressions);
    } catch (error) {
      onError(rule, error);
      continue;
    }
    for (const finding of findings) {
      if (suppressions.isSuppressed(rule.code, finding.range.start) || isAccepted(rule.code, finding.range)) continue;
      // Messages quote corpus text (untrusted): what is shown loses its invisible characters, as
      // hovers do (an RLO in a quoted paragraph reversed the rest of the Problems row and of the
      // CLI's line). A fix's edit writes the source's text as it is.
      diagnostics.push({
        code: rule.code,
        severity: level,
        message: visibleText(finding.message),
        range: finding.range,
        fixes: finding.fixes.map((fix) => ({ ...fix, title: visibleText(fix.title) })),
        ...(finding.actions?.length ? { actions: finding.actions } : {}),
        ...(finding.related?.length ? { related: finding.related.map((place) => ({ ...place, message: visibleText(place.message) })) } : {}),
      });
    }
    yield;
  }
  return diagnostics.sort((a, b) => a.range.start - b.range.start || a.code.localeCompare(b.code));
}
