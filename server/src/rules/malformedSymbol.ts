import { lookalikeSymbolsInSteps } from '../references/lookalikes';
import type { SymbolProblem } from '../references/model';
import { runToEnd, type Finding, type Rule, type RuleContext } from './rule';

/** Citations looked at between two pauses of the server's rule pass (27,000 of a 1.4 MB draft took 30–40 ms). */
const STEP_REFERENCES = 1024;

/**
 * How a symbol (or a paragraph range) is written, as the grammar reports it: the symbol is still
 * understood, so each problem comes with the official form and the fix writes it.
 *
 * Paragraph ranges follow the house style. The grammar always reports a hyphen ("89-91"), since it
 * cannot know the style; under the 'hyphen' style those reports are dropped. An en dash is never
 * flagged, under either style: it is the Editorial Manual's form, so it cannot be wrong, only
 * different from a house preference, and that is not worth a warning.
 */
export const malformedSymbolRule: Rule = {
  code: 'malformed-symbol',
  defaultSeverity: 'warning',
  description: 'A document symbol or paragraph range not written in its official form (case, spacing, order, a stray slash, a hyphen in a range).',
  check: (context) => runToEnd(malformedSymbols(context)),
  checkInSteps: malformedSymbols,
};

function* malformedSymbols({ text, analysis, houseStyle }: RuleContext): Generator<void, Finding[]> {
  const findings: Finding[] = [];
  // A symbol read twice (by two readers of the grammar) must not be reported twice.
  const seen = new Set<string>();
  let looked = 0;
  for (const ref of analysis.references) {
    if (++looked % STEP_REFERENCES === 0) yield;
    for (const problem of ref.problems) {
      if (problem.kind === 'range-hyphen' && houseStyle.rangeDash === 'hyphen') continue;
      const { start, end } = problem.range;
      const key = `${start}:${end}:${problem.kind}`;
      if (seen.has(key) || text.slice(start, end) === problem.replacement) continue;
      seen.add(key);
      const shown = problem.kind === 'range-hyphen' ? rangeAsCorrected(text, problem) : problem.replacement;
      findings.push({
        range: problem.range,
        message:
          problem.kind === 'range-hyphen' && shown
            ? `A range takes an en dash, not a hyphen: “${shown}”.`
            : problem.message || `The symbol is written “${problem.replacement}”.`,
        fixes: [
          {
            title: shown ? `Write ${shown}` : 'Write an en dash',
            edits: [{ range: problem.range, newText: problem.replacement }],
          },
        ],
      });
    }
  }
  // Symbols disguised by look-alike or invisible characters (the grammar does not read them).
  // The scan of the whole text for them was most of this rule's time on a large draft: it yields too.
  for (const disguised of yield* lookalikeSymbolsInSteps(text)) {
    findings.push({
      range: disguised.range,
      message: `This symbol is written with characters that only look right: ${disguised.problems.join('; ')}. It is written “${disguised.clean}”.`,
      fixes: [{ title: `Write ${disguised.clean}`, edits: [{ range: disguised.range, newText: disguised.clean }] }],
    });
  }
  return findings;
}

/** "89-91" as it will read once fixed ("89–91"); the problem's range covers only the dash. */
function rangeAsCorrected(text: string, problem: SymbolProblem): string | undefined {
  const from = /\d+(?:[ \t]?[a-z]+)?$/.exec(text.slice(Math.max(0, problem.range.start - 20), problem.range.start));
  const to = /^\d+/.exec(text.slice(problem.range.end, problem.range.end + 10));
  return from && to ? `${from[0]}${problem.replacement}${to[0]}` : undefined;
}
