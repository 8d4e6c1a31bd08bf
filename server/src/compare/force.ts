// Changes in force between two versions of a paragraph, named as a delegate would: "urges" became
// "encourages" (weakened), "should" became "shall" (strengthened), "as appropriate" added (weakened).
//
// The operative verbs and their exhortation scale come from language/openings.ts (invites 1 ·
// encourages 2 · calls upon 3 · urges 4 · demands 5). Two directive openings that the scale leaves
// out are placed on it here, because negotiators trade them against the exhortations: "requests"
// (a firm ask; between "urges" and "demands") and "decides" (an act of the body, above them all).
// Openings off the scale ("welcomes", "recalls") have no force to compare: a change between them is
// a change of wording, not of force.
import { LEADING_MODIFIERS, OPERATIVE_OPENINGS, TRAILING_MODIFIERS, type Opening } from '../language';
import { MODAL_SCALES, QUALIFIERS } from './qualifiers';
import type { WordDiffPart } from './wordDiff';

export type Force = 'strengthened' | 'weakened';

export interface ForceChange {
  readonly force: Force;
  readonly kind: 'opening' | 'modal' | 'qualifier';
  /** What changed, as it reads in a report: "urges → encourages", "added “as appropriate”". */
  readonly description: string;
}

const DIRECTIVE_RANKS: ReadonlyMap<string, number> = new Map([
  ['Requests', 4.5],
  ['Decides', 6],
]);

function rank(opening: Opening): number | undefined {
  return opening.exhortation ?? DIRECTIVE_RANKS.get(opening.phrase);
}

const OPERATIVE_LONGEST_FIRST = [...OPERATIVE_OPENINGS].sort((a, b) => b.phrase.length - a.phrase.length);
const LEADING = new RegExp(`^(?:(?:${LEADING_MODIFIERS.join('|')})\\s+)?`, 'i');
const TRAILING = new RegExp(`^(?:\\s+(?:${TRAILING_MODIFIERS.join('|')}))?(?![\\p{L}])`, 'iu');

/** The operative opening a paragraph's text starts with ("Also urges" → Urges), if any. */
export function operativeOpening(text: string): Opening | undefined {
  const rest = text.replace(/^[\s\[*_]+/, '');
  const lead = LEADING.exec(rest)![0];
  const afterLead = rest.slice(lead.length).toLowerCase();
  for (const opening of OPERATIVE_LONGEST_FIRST) {
    const phrase = opening.phrase.toLowerCase();
    if (afterLead.startsWith(phrase) && TRAILING.test(afterLead.slice(phrase.length))) return opening;
  }
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Each qualifier with the words that tell it apart (four letters or more): a qualifier whose count
// differs between the texts has at least one such word in a changed part of the diff, so the two
// whole-text counts (a regular expression over each text, 30 qualifiers a row) run only then.
const QUALIFIER_PATTERNS = QUALIFIERS.map((q) => ({
  qualifier: q,
  pattern: new RegExp(`(?<![\\p{L}])${q.split(/\s+/).map(escape).join('\\s+')}(?![\\p{L}])`, 'giu'),
  markers: q.split(/\s+/).filter((w) => w.length >= 4),
}));

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  return text.match(pattern)?.length ?? 0;
}

function words(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().match(/[\p{L}]+/gu) ?? [];
}

/** Every change of force from oldText to newText; diff is their word diff. */
export function forceChanges(oldText: string, newText: string, diff: readonly WordDiffPart[]): ForceChange[] {
  const changes: ForceChange[] = [];
  const before = operativeOpening(oldText);
  const after = operativeOpening(newText);
  if (before && after && before !== after) {
    const from = rank(before);
    const to = rank(after);
    if (from !== undefined && to !== undefined && from !== to) {
      changes.push({ force: to > from ? 'strengthened' : 'weakened', kind: 'opening', description: `${before.phrase.toLowerCase()} → ${after.phrase.toLowerCase()}` });
    }
  }
  diff.forEach((part, i) => {
    // "shall" → "should" is a replacement; "[shall/should]" → "should" deletes "shall" before a kept "should".
    let removed: string[];
    let added: string[];
    if (part.op === 'replace') {
      removed = words(part.old);
      added = words(part.new);
    } else if (part.op === 'delete' && diff[i + 1]?.op === 'equal') {
      removed = words(part.old);
      added = words(diff[i + 1].new).slice(0, 1);
    } else if (part.op === 'delete' && diff[i - 1]?.op === 'equal') {
      removed = words(part.old);
      added = words(diff[i - 1].new).slice(-1);
    } else return;
    for (const scale of MODAL_SCALES) {
      const from = removed.find((w) => scale.includes(w));
      const to = added.find((w) => scale.includes(w) && w !== from);
      if (from && to && !added.includes(from)) {
        changes.push({ force: scale.indexOf(to) > scale.indexOf(from) ? 'strengthened' : 'weakened', kind: 'modal', description: `“${from}” → “${to}”` });
        break;
      }
    }
  });
  const changedWords = new Set(diff.flatMap((d) => (d.op === 'equal' ? [] : [...words(d.old), ...words(d.new)])));
  for (const { qualifier, pattern, markers } of QUALIFIER_PATTERNS) {
    if (markers.length && !markers.some((w) => changedWords.has(w))) continue;
    const delta = count(pattern, newText) - count(pattern, oldText);
    if (delta > 0) changes.push({ force: 'weakened', kind: 'qualifier', description: `added “${qualifier}”` });
    else if (delta < 0) changes.push({ force: 'strengthened', kind: 'qualifier', description: `removed “${qualifier}”` });
  }
  return changes;
}

/** One verdict for a row: strengthened or weakened when every change points one way, else null. */
export function overallForce(changes: readonly ForceChange[]): Force | null {
  if (!changes.length) return null;
  const first = changes[0].force;
  return changes.every((c) => c.force === first) ? first : null;
}
