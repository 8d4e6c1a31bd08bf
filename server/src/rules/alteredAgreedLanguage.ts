import { fitToDraftFrame } from '../reuse/frame';
import { reusePassages, type ReusePassage } from '../reuse/passages';
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
      // Consecutive paragraphs reused from one source are one passage, one finding ("paragraphs 5, 6, 7").
      return bestOfOverlapping(reusePassages(context.text, matchesOf(context)))
        .filter((p) => p.altered)
        .map((p) => ({ range: p.range, message: alteredMessage(p), fixes: restoreFixes(context.text, p) }));
    },
  };
}

/**
 * The source's words in the draft's sentence (its initial case and closing punctuation stay), one
 * edit per altered paragraph of the passage. A run of short paragraphs matched as one text has no
 * fix: its source words would replace the paragraph numbers between them.
 */
function restoreFixes(text: string, passage: ReusePassage): Finding['fixes'] {
  const altered = passage.members.filter((m) => m.altered);
  if (altered.length === 0 || altered.some((m) => m.parts && m.parts.length > 1)) return [];
  return [{ title: 'Restore agreed wording', edits: altered.map((m) => ({ range: m.range, newText: fitToDraftFrame(text.slice(m.range.start, m.range.end), m.sourceText) })) }];
}

/**
 * One match per passage: a passage found in several sources (a report and the later report that
 * reused it) is judged by its closest source; if that one is repeated word for word, nothing was altered.
 */
function bestOfOverlapping<T extends ReuseMatch>(matches: readonly T[]): T[] {
  const kept: T[] = [];
  for (const match of [...matches].sort((a, b) => b.similarity - a.similarity || a.range.start - b.range.start)) {
    if (kept.some((k) => match.range.start < k.range.end && k.range.start < match.range.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.range.start - b.range.start);
}
