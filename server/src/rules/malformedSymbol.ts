import { findLookalikeSymbols } from '../references/lookalikes';
import type { SymbolProblem } from '../references/model';
import type { Finding, Rule } from './rule';

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
  check({ text, analysis, houseStyle }) {
    const findings: Finding[] = [];
    // A symbol read twice (by two readers of the grammar) must not be reported twice.
    const seen = new Set<string>();
    for (const ref of analysis.references) {
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
    for (const disguised of findLookalikeSymbols(text)) {
      findings.push({
        range: disguised.range,
        message: `This symbol is written with characters that only look right: ${disguised.problems.join('; ')}. It is written “${disguised.clean}”.`,
        fixes: [{ title: `Write ${disguised.clean}`, edits: [{ range: disguised.range, newText: disguised.clean }] }],
      });
    }
    return findings;
  },
};

/** "89-91" as it will read once fixed ("89–91"); the problem's range covers only the dash. */
function rangeAsCorrected(text: string, problem: SymbolProblem): string | undefined {
  const from = /\d+(?:[ \t]?[a-z]+)?$/.exec(text.slice(Math.max(0, problem.range.start - 20), problem.range.start));
  const to = /^\d+/.exec(text.slice(problem.range.end, problem.range.end + 10));
  return from && to ? `${from[0]}${problem.replacement}${to[0]}` : undefined;
}
