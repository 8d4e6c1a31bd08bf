import type { Finding, Rule } from './rule';

/**
 * A square bracket of negotiation text with no partner. No fix: where a bracketed passage ends is
 * the negotiators' decision, not the tool's. Markdown's own brackets (links, footnote markers) are
 * not in the plain text the bracket analysis reads, so they never count.
 */
export const unbalancedBracketsRule: Rule = {
  code: 'unbalanced-brackets',
  defaultSeverity: 'error',
  description: 'A square bracket of negotiated text that opens or closes no passage.',
  check({ analysis }) {
    return analysis.brackets.unmatched.map(
      ({ offset, bracket }): Finding => ({
        range: { start: offset, end: offset + 1 },
        message: bracket === ']' ? 'This “]” closes no bracket.' : 'This “[” is never closed; the bracketed passage runs to the end of the draft.',
        fixes: [],
      }),
    );
  },
};
