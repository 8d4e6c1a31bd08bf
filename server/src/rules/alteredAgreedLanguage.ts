import { diffCounts, scanDraft, type ReuseMatch, type ScanCache } from '../reuse/scan';
import type { ReuseIndex } from '../reuse/index';
import type { Finding, Rule } from './rule';

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

export function createAlteredAgreedLanguageRule(getIndex: () => ReuseIndex | undefined, getDraftSymbol?: (text: string) => string | undefined): Rule {
  const cache: ScanCache = new Map();
  return {
    code: 'altered-agreed-language',
    defaultSeverity: 'information',
    description: 'Wording adapted from a paragraph of a corpus document, with what was altered and a fix restoring the agreed wording.',
    check(context): Finding[] {
      const index = getIndex();
      if (!index) return [];
      if (cache.size > 20_000) cache.clear();
      const matches = scanDraft(context.analysis.model, index, { excludeSymbol: getDraftSymbol?.(context.text), pruneCache: false }, cache);
      return matches
        .filter((m) => m.altered)
        .map((m) => ({
          range: m.range,
          message: alteredMessage(m),
          fixes: [{ title: 'Restore agreed wording', edits: [{ range: m.range, newText: m.sourceText }] }],
        }));
    },
  };
}
