// Reused passages as a reader reports them. The scan matches draft units one by one (each numbered
// paragraph against each source paragraph); a drafter who copies two consecutive paragraphs of a
// source has reused one passage, "A/68/283, paras. 123–124", not two. And the agreed source of a
// passage is the adopted text: where the same wording is in several texts (a resolution repeating
// last session's paragraph, a report quoting an outcome document), the earliest adopted one is
// named beside the closest.
import type { OffsetRange } from '../parse/model';
import type { ReuseMatch, ReuseSource } from './scan';

/** A passage: one source, one or more of its consecutive paragraphs. */
export interface ReusePassage extends ReuseMatch {
  /** The draft ranges of the paragraphs joined into this passage (one for a single match). */
  readonly parts: readonly OffsetRange[];
  /** The earliest adopted text among those matching the passage, when it is not the closest source. */
  readonly earliest?: { readonly source: ReuseSource; readonly date: string };
  /** The scan's matches joined into it, in draft order (each with its own source words, for fixes). */
  readonly members: readonly ReuseMatch[];
}

/** When a corpus document was adopted (ISO), if known: the registry's date. */
export type AdoptedOn = (symbol: string) => string | undefined;

// Between two paragraphs of a draft: spaces, the next paragraph's number, a footnote marker, a
// sub-item letter; no word. Anything more and the two are not one passage.
const BETWEEN_PARAGRAPHS = /^[\s\d.,;:()[\]^*a-z]{0,24}$/;

const numeric = (label: string | undefined) => (label !== undefined && /^\d+$/.test(label) ? Number(label) : undefined);

/** The next paragraph of the same source, in the draft's next paragraph. */
function continues(text: string, last: ReusePassage, next: ReuseMatch): boolean {
  if (next.source.id !== last.source.id) return false;
  const lastLabel = numeric(last.source.paragraphs[last.source.paragraphs.length - 1]);
  const nextLabel = numeric(next.source.paragraphs[0]);
  if (lastLabel === undefined || nextLabel !== lastLabel + 1 || next.source.paragraphs.length !== 1) return false;
  if (next.range.start < last.range.end) return false;
  return BETWEEN_PARAGRAPHS.test(text.slice(last.range.end, next.range.start));
}

function wordsIn(match: ReuseMatch): number {
  return match.sourceText.split(/\s+/).filter(Boolean).length;
}

function join(passage: ReusePassage, next: ReuseMatch): ReusePassage {
  const a = wordsIn(passage);
  const b = wordsIn(next);
  return {
    ...passage,
    range: { start: passage.range.start, end: next.range.end },
    parts: [...passage.parts, ...(next.parts ?? [next.range])],
    members: [...passage.members, next],
    source: { ...passage.source, paragraphs: [...passage.source.paragraphs, ...next.source.paragraphs] },
    similarity: (passage.similarity * a + next.similarity * b) / (a + b || 1),
    altered: passage.altered || next.altered,
    diff: [...passage.diff, ...next.diff],
    sourceText: `${passage.sourceText}\n${next.sourceText}`,
  };
}

/**
 * The scan's matches (in draft order) as passages: consecutive paragraphs of one source reused in
 * consecutive paragraphs of the draft are joined; each passage names the earliest adopted text
 * among the sources matching the same words, where `adoptedOn` knows their dates and it is not the
 * closest. Matches of other sources stay as they are (they are the passage's other sources).
 */
export function reusePassages(text: string, matches: readonly ReuseMatch[], adoptedOn?: AdoptedOn): ReusePassage[] {
  const sorted = [...matches].sort((x, y) => x.range.start - y.range.start);
  const passages: ReusePassage[] = [];
  // The open passage of each source document, to join its next paragraph.
  const open = new Map<string, number>();
  for (const match of sorted) {
    const at = open.get(match.source.id);
    if (at !== undefined && continues(text, passages[at], match)) {
      passages[at] = join(passages[at], match);
      continue;
    }
    open.set(match.source.id, passages.length);
    passages.push({ ...match, parts: match.parts ?? [match.range], members: [match] });
  }
  if (!adoptedOn) return passages;
  return passages.map((passage) => {
    const closest = passage.source.symbol && adoptedOn(passage.source.symbol);
    let earliest: ReusePassage['earliest'];
    for (const other of passages) {
      if (other === passage || !other.source.symbol || other.source.id === passage.source.id) continue;
      // The same words: the other source's match covers most of this passage.
      const overlap = Math.min(other.range.end, passage.range.end) - Math.max(other.range.start, passage.range.start);
      if (overlap < 0.8 * (passage.range.end - passage.range.start)) continue;
      const date = adoptedOn(other.source.symbol);
      if (!date || (closest && date >= closest) || (earliest && date >= earliest.date)) continue;
      earliest = { source: other.source, date };
    }
    return earliest ? { ...passage, earliest } : passage;
  });
}

/**
 * The matches, each joined with the passage it belongs to where that passage has several
 * paragraphs: what the reuse hover shows ("A/RES/79/109, paragraphs 5, 6, 7"), without the text.
 */
export function withPassages(text: string, matches: readonly ReuseMatch[]): ReuseMatch[] {
  const passageOf = new Map<ReuseMatch, ReusePassage>();
  for (const passage of reusePassages(text, matches)) if (passage.parts.length > 1) for (const member of passage.members) passageOf.set(member, passage);
  return matches.map((match) => {
    const passage = passageOf.get(match);
    return passage ? { ...match, passage } : match;
  });
}
