import { fitToDraftFrame } from '../reuse/frame';
import { diffCounts, scanDraft, type ReuseMatch } from '../reuse/scan';
import { BoundedScanCache } from '../reuse/scanCache';
import type { ReuseIndex } from '../reuse/index';
import type { Finding, Rule, RuleContext } from './rule';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Adapted from A/68/283, paragraph 11 (92 % the same): 2 words changed, 1 added." */
export function alteredMessage(match: ReuseMatch): string {
  const name = match.source.symbol ?? match.source.id;
  const where = match.source.paragraphs.length === 1 ? `, paragraph ${match.source.paragraphs[0]}` : match.source.paragraphs.length > 1 ? `, paragraphs ${match.source.paragraphs.join(', ')}` : '';
  const percent = Math.floor(match.similarity * 100);
  const { changed, added, removed, respelt } = diffCounts(match.diff);
  const parts: string[] = [];
  for (const [n, verb] of [[changed, 'changed'], [added, 'added'], [removed, 'removed']] as const) {
    if (n > 0) parts.push(parts.length === 0 ? `${plural(n, 'word')} ${verb}` : `${n} ${verb}`);
  }
  if (respelt > 0) parts.push(`${plural(respelt, 'word')} spelt differently`);
  return `Adapted from ${name}${where} (${percent} % the same): ${parts.length ? parts.join(', ') : 'wording altered'}.`;
}

/** The rule over the matches the context gives (the server's and the CLI's reuse service). */
export const alteredAgreedLanguageRule: Rule = createAlteredAgreedLanguageRuleFrom((context) => context.reuseMatches?.() ?? []);

/** The rule over one index (tests, and callers that keep their own). */
export function createAlteredAgreedLanguageRule(getIndex: () => ReuseIndex | undefined, getDraftSymbol?: (text: string) => string | undefined): Rule {
  const cache = new BoundedScanCache();
  return createAlteredAgreedLanguageRuleFrom((context) => {
    const index = getIndex();
    if (!index) return [];
    return scanDraft(context.analysis.model, index, { excludeSymbol: getDraftSymbol?.(context.text), pruneCache: false }, cache);
  });
}

function createAlteredAgreedLanguageRuleFrom(matchesOf: (context: RuleContext) => readonly ReuseMatch[]): Rule {
  return {
    code: 'altered-agreed-language',
    defaultSeverity: 'information',
    description: 'Wording adapted from a paragraph of a corpus document, with what was altered and a fix restoring the agreed wording.',
    check(context): Finding[] {
      return bestOfOverlapping(matchesOf(context))
        .filter((m) => m.altered)
        .map((m) => ({
          range: m.range,
          message: alteredMessage(m),
          // The source's words in the draft's sentence: its initial case and closing punctuation stay.
          fixes: [{ title: 'Restore agreed wording', edits: [{ range: m.range, newText: fitToDraftFrame(context.text.slice(m.range.start, m.range.end), m.sourceText) }] }],
        }));
    },
  };
}

/**
 * One match per passage: a passage found in several sources (a report and the later report that
 * reused it) is judged by its closest source; if that one is repeated word for word, nothing was altered.
 */
function bestOfOverlapping(matches: readonly ReuseMatch[]): ReuseMatch[] {
  const kept: ReuseMatch[] = [];
  for (const match of [...matches].sort((a, b) => b.similarity - a.similarity || a.range.start - b.range.start)) {
    if (kept.some((k) => match.range.start < k.range.end && k.range.start < match.range.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.range.start - b.range.start);
}
