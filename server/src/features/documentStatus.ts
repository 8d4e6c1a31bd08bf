// What replaces a document, in the words the hover and completion documentation both show: one
// renderer over the corpus's one answer (corpus/succession.ts), so the two cannot disagree with
// each other or with the superseded rule.
import { successorOf, type Corpus, type Successor } from '../corpus';
import { displayDate } from '../naming';
import { escapeMarkdown } from './markdown';

const WHY: Record<Successor['reason'], string> = {
  adopted: 'adopted as',
  revised: 'revised as',
  // Not "superseded": a later resolution of a series does not repeal the earlier ones.
  series: 'the latest of its series is',
};

/** "⚠ Status: revised as **A/C.3/74/L.35/Rev.2**", with the successor's date where known; undefined when nothing replaces the document. */
export function successorStatus(symbol: string, corpus: Corpus): string | undefined {
  const successor = successorOf(corpus, symbol);
  if (!successor) return undefined;
  const next = successor.entry;
  const dated = next?.date ? ` of ${escapeMarkdown(displayDate(next))}` : '';
  return `⚠ Status: ${WHY[successor.reason]} **${escapeMarkdown(successor.symbol)}**${dated}`;
}
