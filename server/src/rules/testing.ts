// Shared by the rules' table tests: analyse a draft against the bundled corpus, run one rule,
// apply a fix, and check that a fix changes nothing but its edits; runRuleTable runs a whole table
// of {name, draft, expect: [{flagged, message, fixed}]} rows the same way for every rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDraft } from '../analysis';
import { bundledDataDir, type Corpus } from '../corpus';
import { testCorpus } from '../corpus/testCorpus';
import { Suppressions } from './suppressions';
import { DEFAULT_HOUSE_STYLE, type Finding, type Fix, type HouseStyle, type Rule, type TextEdit } from './rule';

export { testCorpus } from '../corpus/testCorpus';

export function check(rule: Rule, text: string, options: { corpus?: Corpus; houseStyle?: HouseStyle } = {}): Finding[] {
  const corpus = options.corpus ?? testCorpus();
  return rule.check({ text, analysis: analyzeDraft(text, corpus), corpus, houseStyle: options.houseStyle ?? DEFAULT_HOUSE_STYLE, suppressions: new Suppressions(text) });
}

/** Applies a fix's edits (non-overlapping) to the text. */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start - a.range.start);
  for (let i = 1; i < edits.length; i++) {
    if (edits[i].range.end > edits[i - 1].range.start) throw new Error('overlapping edits');
  }
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  return result;
}

/** The text each finding covers, for readable assertions. */
export function flagged(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => text.slice(f.range.start, f.range.end));
}

/** A bundled seed text. */
export function seed(name: string): string {
  return readFileSync(join(bundledDataDir(), 'corpus', name), 'utf8');
}

/** Everything outside the edits is as it was, and the edits do not overlap; returns the fixed text. */
export function assertOnlyEditsChange(text: string, fix: Fix): string {
  const result = applyFix(text, fix);
  const edits = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
  let at = 0;
  let resultAt = 0;
  for (const edit of edits) {
    assert.ok(edit.range.start >= at, 'overlapping edits');
    const kept = text.slice(at, edit.range.start);
    assert.equal(result.slice(resultAt, resultAt + kept.length), kept, `“${fix.title}” changed text between its edits`);
    resultAt += kept.length + edit.newText.length;
    at = edit.range.end;
  }
  assert.equal(result.slice(resultAt), text.slice(at), `“${fix.title}” changed text after its edits`);
  return result;
}

/** The fix changes only the text its finding flags. */
export function assertFixTouchesOnlyFlaggedText(text: string, finding: Finding, fix: Fix): void {
  assertOnlyEditsChange(text, fix);
  for (const edit of fix.edits) assert.ok(edit.range.start >= finding.range.start && edit.range.end <= finding.range.end, 'an edit outside the flagged text');
}

/** As check, with the time the rule alone took (the analysis is not counted), for the rules' complexity regressions. */
export function timedCheck(rule: Rule, text: string): { findings: Finding[]; ms: number } {
  const corpus = testCorpus();
  const context = { text, analysis: analyzeDraft(text, corpus), corpus, houseStyle: DEFAULT_HOUSE_STYLE };
  const started = performance.now();
  const findings = rule.check(context);
  return { findings, ms: performance.now() - started };
}

/** One finding a row expects, in document order. */
export interface ExpectedFinding {
  /** The text the finding covers. */
  readonly flagged: string;
  readonly message: RegExp;
  /** The first fix's title: equal to a string, matching a pattern. Unchecked when absent. */
  readonly fixTitle?: string | RegExp;
  /** The draft once the first fix is applied; null when no fix may be offered; unchecked when absent. */
  readonly fixed?: string | null;
}

/** A row of a rule's table: a draft and every finding expected in it (none: the rule stays quiet). */
export interface RuleRow<E extends ExpectedFinding = ExpectedFinding> {
  readonly name: string;
  readonly draft: string;
  readonly corpus?: Corpus;
  readonly houseStyle?: HouseStyle;
  readonly expect: readonly E[];
}

export interface RuleTableChecks<E extends ExpectedFinding> {
  /**
   * What an edit of any fix may replace, besides changing nothing else: by default only text inside
   * the finding's range; a pattern the replaced text matches whole; or a predicate.
   */
  readonly editsMay?: RegExp | ((replaced: string, edit: TextEdit, finding: Finding) => boolean);
  /** Every fix leaves nothing for the rule to find in the fixed draft. */
  readonly fixLeavesNothing?: boolean;
  /** Further checks of each finding against its row. */
  readonly eachFinding?: (finding: Finding, expected: E, row: RuleRow<E>) => void;
}

/** One test per row: the flagged texts in order, each message, the first fix's title and result, and what every fix may touch. */
export function runRuleTable<E extends ExpectedFinding>(rule: Rule, rows: readonly RuleRow<E>[], checks: RuleTableChecks<E> = {}): void {
  for (const row of rows) {
    test(row.name, () => {
      const findings = check(rule, row.draft, { corpus: row.corpus, houseStyle: row.houseStyle });
      assert.deepEqual(flagged(row.draft, findings), row.expect.map((e) => e.flagged));
      findings.forEach((finding, i) => {
        const expected = row.expect[i];
        assert.match(finding.message, expected.message);
        if (expected.fixed === null) assert.equal(finding.fixes.length, 0, 'a fix where none may be offered');
        else if (expected.fixed !== undefined) {
          assert.ok(finding.fixes.length > 0, 'no fix offered');
          assert.equal(applyFix(row.draft, finding.fixes[0]), expected.fixed);
        }
        if (typeof expected.fixTitle === 'string') assert.equal(finding.fixes[0]?.title, expected.fixTitle);
        else if (expected.fixTitle) assert.match(finding.fixes[0]?.title ?? '', expected.fixTitle);
        checks.eachFinding?.(finding, expected, row);
        for (const fix of finding.fixes) {
          checkEdits(row.draft, finding, fix, checks.editsMay);
          if (checks.fixLeavesNothing) {
            const fixed = applyFix(row.draft, fix);
            assert.deepEqual(flagged(fixed, check(rule, fixed, { corpus: row.corpus, houseStyle: row.houseStyle })), [], `“${fix.title}” leaves a finding`);
          }
        }
      });
    });
  }
}

function checkEdits(text: string, finding: Finding, fix: Fix, editsMay: RuleTableChecks<ExpectedFinding>['editsMay']): void {
  if (!editsMay) return assertFixTouchesOnlyFlaggedText(text, finding, fix);
  assertOnlyEditsChange(text, fix);
  for (const edit of fix.edits) {
    const replaced = text.slice(edit.range.start, edit.range.end);
    if (editsMay instanceof RegExp) assert.match(replaced, editsMay, `“${fix.title}” replaces “${replaced}”`);
    else assert.ok(editsMay(replaced, edit, finding), `“${fix.title}” replaces “${replaced}”`);
  }
}
