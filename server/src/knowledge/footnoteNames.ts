// Names that a text pairs with a symbol through a footnote: "the 2030 Agenda for Sustainable
// Development,2" with footnote "2 Resolution 70/1." is evidence that drafters call A/RES/70/1
// "the 2030 Agenda for Sustainable Development". One text is evidence; many agreeing texts make
// an alias (aliases.ts). Markers are read in sequence (1, 2, 3 …), so a "3" in "paragraph 3 of"
// is taken for a marker only where footnote 3 is the next one due and the word before it is not
// a pinpoint word.
import { LEADING_MODIFIERS, OPENINGS } from '../language/openings';
import { MONTH_SOURCE } from '../vocabulary';

/** A footnote marker in the body and the name written just before it. */
export interface FootnotedName {
  readonly footnote: number;
  readonly name: string;
}

const MARKER = /(?<=[\p{L}\p{N}\)\]”’"',;.:])(\s?)(\d{1,3})(?=([\s,;.:)]|$))/gu;
const NOT_BEFORE_MARKER = /(?:^|\s)(?:paragraphs?|paras?\.|items?|articles?|art\.|chapters?|chap\.|No\.|Nos\.|vol\.|sessions?|annex|objectives?|targets?|goals?|resolutions?|decisions?|pages?|p\.|pp\.|of|and|to|from|Protocol|Convention|Part|part|section|sect\.|phase|Group|Committee|Commission|rule|rules|A\/RES\/\S*|\d+\/)$/;
const MONTH_AFTER = new RegExp(String.raw`^\s*(?:${MONTH_SOURCE})\b`);
/** Capitalised words that open a paragraph or a clause, not a name: the openings' first words and their company. */
const STOP_WORDS = new Set([
  ...OPENINGS.map((opening) => opening.phrase.split(' ')[0]),
  ...LEADING_MODIFIERS.map((modifier) => modifier.split(' ')[0]),
  'Including', 'In', 'As', 'Under', 'With', 'Through', 'Bearing',
]);
/** Words that may stand inside a name without a capital. */
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'to', 'in', 'against', 'with', 'at', 'by', 'a', 'an', 'its', 'all', 'de', 'la', 'des', 'et', 'from', 'under']);
/** A phrase that starts with one of these is the tail of a longer one ("with the Charter …"). */
const PREPOSITIONS = new Set(['of', 'for', 'on', 'to', 'in', 'against', 'with', 'at', 'by', 'from', 'under']);
const DETERMINERS = new Set(['the', 'its', 'their', 'a', 'an']);
/** Lower-case words after which a name may follow without "the": "including", "namely". */
const INTRODUCERS = new Set(['including', 'namely', 'notably', 'particularly', 'especially', 'and', 'or', 'also']);

export function footnotedNames(body: string, footnotes: ReadonlyMap<number, string>): FootnotedName[] {
  const found: FootnotedName[] = [];
  for (const marker of footnoteMarkers(body, footnotes)) {
    const name = nameBefore(body.slice(Math.max(0, marker.start - 300), marker.start));
    if (name) found.push({ footnote: marker.footnote, name });
  }
  return found;
}

/** A footnote marker in the body: where it stands (its digits and any space before them) and its number. */
export interface FootnoteMarker {
  readonly footnote: number;
  readonly start: number;
  readonly end: number;
}

export function footnoteMarkers(body: string, footnotes: ReadonlyMap<number, string>): FootnoteMarker[] {
  const found: FootnoteMarker[] = [];
  let expected = 1;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(body); m; m = MARKER.exec(body)) {
    const n = Number(m[2]);
    if (n !== expected || !footnotes.has(n)) continue;
    const before = body.slice(Math.max(0, m.index - 300), m.index);
    if (NOT_BEFORE_MARKER.test(before.trimEnd())) continue;
    const after = body.slice(m.index + m[0].length, m.index + m[0].length + 12);
    // With a space before it, a marker is followed by lower case or punctuation: "Peoples 3 and".
    if (m[1] && !/^(\s*[\p{Ll},;.:)]|\s*$)/u.test(after)) continue;
    if (MONTH_AFTER.test(after)) continue;
    expected++;
    found.push({ footnote: n, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * The capitalised phrase that ends where the marker stands: "Bearing in mind the Universal
 * Declaration of Human Rights," → "Universal Declaration of Human Rights". An opening verb
 * ("Recalling", "Reaffirms"), a lower-case word or a number ends it; a name in parentheses is
 * read inside them ("… Women Offenders (the Bangkok Rules)" → "Bangkok Rules"). A phrase that is
 * only the tail of something longer is no name: "in accordance with the Charter of the United
 * Nations", "held in Addis Ababa", "Areas beyond National Jurisdiction" give nothing.
 */
export function nameBefore(text: string): string | undefined {
  let words = text.replace(/[,;:.]\s*$/, '').trimEnd().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (last.endsWith(')')) {
    const open = words.findLastIndex((w) => w.startsWith('('));
    if (open < 0) return undefined;
    words = words.slice(open).map((w, i) => (i === 0 ? w.slice(1) : w));
    words[words.length - 1] = words[words.length - 1].replace(/\)+$/, '');
  }
  const kept: string[] = [];
  let previous: string | undefined;
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i];
    const bare = word.replace(/[’'”"]+$/, '');
    // A comma may stand inside a name ("Safe, Orderly and Regular Migration"), between capitals.
    const comma = bare.endsWith(',');
    const clean = comma ? bare.slice(0, -1) : bare;
    if (/[;:()“"]/.test(clean) || STOP_WORDS.has(clean) || (comma && !/^\p{Lu}/u.test(kept[0] ?? ''))) {
      previous = clean;
      break;
    }
    const year = /^\d{4}(?:[-–]\d{4})?$/.test(clean);
    const capital = /^\p{Lu}/u.test(clean) && !/\d/.test(clean);
    if (!year && !capital && !CONNECTORS.has(clean)) {
      previous = clean;
      break;
    }
    kept.unshift(comma ? `${clean},` : clean);
    if (kept.length > 20) return undefined;
  }
  if (kept.length && PREPOSITIONS.has(kept[0])) return undefined;
  if (previous && /^\p{Ll}/u.test(previous) && !DETERMINERS.has(kept[0] ?? '') && !INTRODUCERS.has(previous)) return undefined;
  while (kept.length && CONNECTORS.has(kept[0])) kept.shift();
  while (kept.length && CONNECTORS.has(kept[kept.length - 1])) kept.pop();
  if (kept.length) kept[kept.length - 1] = kept[kept.length - 1].replace(/,$/, '');
  if (kept[0] === 'The') kept.shift();
  const capitals = kept.filter((w) => /^\p{Lu}/u.test(w));
  if (kept.length < 2 || capitals.length < 2) return undefined;
  return kept.join(' ');
}
