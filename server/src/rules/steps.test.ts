// The rules that yield on a large draft (issue 17, point 7): the server's rule pass pauses at every
// yield, so a rule that runs in one piece keeps every other request waiting (malformed-symbol ran
// 244 ms at once on a 1.5 MB draft, most of it in the look-alike scan of the whole text;
// quote-mismatch found all attributed quotations before its first pause). Order and cancellation
// only, no clock: each yields many times, finds exactly what it finds in one go, and a pass whose
// pause throws stops inside the rule, before any later rule runs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzePlainDraft } from '../analysis/plain';
import { Suppressions } from './suppressions';
import { malformedSymbolRule } from './malformedSymbol';
import { quoteMismatchRule } from './quoteMismatch';
import { readDiagnosticsConfig } from './config';
import { DEFAULT_HOUSE_STYLE, type Rule, type RuleContext } from './rule';
import { runRules, runRulesInSteps } from './runner';
import { testCorpus } from './testing';

/**
 * A large draft as the server reads it (plain lines): each line cites a resolution in a wrong case
 * (A/Res/71/280) and quotes paragraph 9 of A/68/283; every tenth line misquotes it and cites 71/280
 * with a Cyrillic "О" for the zero: 3,000 citations, 9,000 slashes, 3,000 quotations.
 */
function largeDraft(): RuleContext {
  const lines = Array.from({ length: 3_000 }, (_, i) => {
    const odd = i % 10 === 0;
    const quoted = odd ? `States have the power to determine who enters ${i}` : 'analysing whether human rights are effectively included and mainstreamed therein';
    return `${i}. Recalling A/Res/71/280${odd ? ' and A/RES/71/28\u041e' : ''}, and that “${quoted}” (see A/68/283, para. 9).`;
  });
  const text = `*The General Assembly*,\n\n${lines.join('\n')}\n`;
  const corpus = testCorpus();
  return { text, analysis: analyzePlainDraft(text, corpus), corpus, houseStyle: DEFAULT_HOUSE_STYLE, suppressions: new Suppressions(text) };
}

const context = largeDraft();
const config = readDiagnosticsConfig({}, [malformedSymbolRule.code, quoteMismatchRule.code]).config;

function stepsOf(rule: Rule): { steps: number; findings: unknown } {
  const generator = rule.checkInSteps!(context);
  let steps = 0;
  for (;;) {
    const step = generator.next();
    if (step.done) return { steps, findings: step.value };
    steps++;
  }
}

describe('rules in steps on a large draft', () => {
  for (const [rule, atLeast, why] of [
    // 3,000 citations (a pause every 1,024) and 9,000 slashes (every 1,024) of the look-alike scan.
    [malformedSymbolRule, 10, 'the citations and the look-alike scan'],
    // 3,000 lines with a quotation: a pause every 256 while finding them, every 32 while checking them.
    [quoteMismatchRule, 3_000 / 256 + 3_000 / 32 - 2, 'finding the quotations and checking them'],
  ] as const) {
    test(`${rule.code} yields through ${why}, and finds what it finds in one go`, () => {
      const { steps, findings } = stepsOf(rule);
      assert.ok(steps >= atLeast, `${steps} steps`);
      assert.deepEqual(findings, rule.check(context));
    });
  }

  test('every wrong case, look-alike and misquotation is still found', () => {
    const findings = malformedSymbolRule.check(context);
    assert.equal(findings.filter((f) => context.text.slice(f.range.start, f.range.end) === 'A/Res/71/280').length, 3_000);
    assert.equal(findings.filter((f) => f.message.includes('characters that only look right')).length, 300);
    assert.equal(quoteMismatchRule.check(context).length, 300);
  });

  test('the pass in steps gives what the pass in one go gives', async () => {
    const rules = [malformedSymbolRule, quoteMismatchRule];
    assert.deepEqual(await runRulesInSteps(rules, context, config, async () => {}), runRules(rules, context, config));
  });

  test('a pause that throws (a newer version, a cancelled request) stops the pass inside malformed-symbol', async () => {
    let laterRuleRan = false;
    const later: Rule = { code: 'quote-mismatch', defaultSeverity: 'warning', description: 'runs after malformed-symbol', check: () => ((laterRuleRan = true), []) };
    let pauses = 0;
    const cancelled = new Error('cancelled');
    await assert.rejects(
      runRulesInSteps([malformedSymbolRule, later], context, config, async () => {
        // The first pause is inside malformed-symbol (it pauses after its first 1,024 citations).
        if (++pauses === 2) throw cancelled;
      }),
      (error) => error === cancelled,
    );
    assert.equal(pauses, 2);
    assert.equal(laterRuleRan, false);
  });
});
