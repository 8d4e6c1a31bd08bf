import { successorOf, symbolKey } from '../corpus';
import type { Reference } from '../references/model';
import type { Finding, Rule } from './rule';

/**
 * A well-formed symbol of a document the tool does not know (neither its registry nor any text).
 * Information only, and once per document per draft: the document may well exist, the drafter has
 * done nothing wrong, and a note at every citation would bury the draft in notes saying the same
 * thing. The finding sits on the first citation and points to the others (related information).
 * A suppression covers the citations it says (the next line, a region) and no others: the finding
 * then sits on the first citation left, and counts only those.
 * It offers what would help: importing a UN Digital Library export, or looking the symbol up
 * online when the user has turned that on (the editor decides which it can offer).
 *
 * Malformed symbols are left to malformed-symbol (the lookup may fail only because of the typo),
 * and names are left out (an unknown name is not a symbol the user wrote). A symbol known only as
 * what was later adopted or revised ("A/71/L.58", the draft of 71/280) is not unknown: superseded
 * speaks about it.
 */
export const unknownDocumentRule: Rule = {
  code: 'unknown-document',
  defaultSeverity: 'information',
  description: 'A document Compact Drafter does not know, so what the draft says of it cannot be checked.',
  check({ analysis, corpus, suppressions }) {
    const citations = new Map<string, Reference[]>();
    for (const ref of analysis.references) {
      // A numbered text paired with its symbol: the symbol's own citation speaks for it.
      if (ref.kind === 'internal' || ref.kind === 'alias' || ref.kind === 'numbered' || ref.form === 'alias') continue;
      if (!ref.symbol || ref.problems.length > 0 || ref.resolution.status !== 'unknown-document') continue;
      if (successorOf(corpus, ref.symbol)) continue;
      if (suppressions?.isSuppressed(unknownDocumentRule.code, ref.targetRange.start)) continue;
      const key = symbolKey(ref.symbol);
      citations.set(key, [...(citations.get(key) ?? []), ref]);
    }
    const findings: Finding[] = [];
    for (const [first, ...others] of citations.values()) {
      const symbol = first.symbol!;
      const times = others.length ? ` (cited ${others.length + 1} times in this draft)` : '';
      findings.push({
        range: first.targetRange,
        message: `Compact Drafter does not know ${symbol}${times}, so its title, date and paragraphs cannot be checked. Its UN Digital Library record, imported or looked up, makes it known.`,
        fixes: [],
        actions: [{ kind: 'look-up-online', symbol }, { kind: 'import-library-export' }],
        related: others.map((ref) => ({ range: ref.targetRange, message: `${symbol} cited again` })),
      });
    }
    return findings;
  },
};
