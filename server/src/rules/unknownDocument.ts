import type { Finding, Rule } from './rule';
import { successorOf } from '../corpus';

/**
 * A well-formed symbol that neither the registry nor any corpus text knows. Information only: the
 * document may well exist (the registry is small), but nothing about the citation can be checked.
 * Malformed symbols are left to malformed-symbol (the lookup may fail only because of the typo),
 * and names are left out (an unknown name is not a symbol the user wrote). A symbol the registry
 * knows only as what was later adopted or revised ("A/71/L.58", the draft of 71/280) is not
 * unknown: superseded speaks about it.
 */
export const unknownDocumentRule: Rule = {
  code: 'unknown-document',
  defaultSeverity: 'information',
  description: 'A document symbol that is in neither the registry nor the corpus, so the citation cannot be checked.',
  check({ analysis, corpus }) {
    const findings: Finding[] = [];
    for (const ref of analysis.references) {
      if (ref.kind === 'internal' || ref.kind === 'alias' || ref.form === 'alias') continue;
      if (!ref.symbol || ref.problems.length > 0 || ref.resolution.status !== 'unknown-document') continue;
      if (successorOf(corpus, ref.symbol)) continue;
      findings.push({
        range: ref.targetRange,
        message: `${ref.symbol} is not in the registry or the corpus, so this citation cannot be checked; its hover offers a search of the UN Digital Library.`,
        fixes: [],
      });
    }
    return findings;
  },
};
