// Whether a quotation is in a source text: a comparison that forgives what typing and editing change
// (quote marks, spacing and line breaks, the case of the first letter, elisions, a closing full stop)
// and nothing else.
import type { ResolvedReference } from '../analysis';
import type { CorpusDocument } from '../corpus';
import type { NumberedParagraph } from '../parse/model';

// Comparing a quotation with a source.

/**
 * What typing changes and a reader ignores: curly or straight quotes (and double for single, as a
 * quotation inside a quotation is written), apostrophes, spacing, line breaks, a soft hyphen.
 */
export function normaliseForComparison(text: string): string {
  return text
    .replace(/[“”„‟"‘’‚‛`]/g, "'")
    .replace(/[\u00ad\u200b]/g, '')
    .replace(/[¹²³⁰⁴-⁹]+/g, '')
    .replace(/(\p{L})-\s+(\p{L})/gu, '$1-$2')
    .replace(/\s+/g, ' ')
    .trim();
}

// "…", "...", ". . .", "[…]", "(...)": the drafter left words out. "[t]he", "[sic]": the drafter's own
// words in brackets stand for the source's; both may match anything.
const ELISION = /\s*(?:\[\s*(?:…|\.(?:\s?\.){2})\s*\]|\(\s*(?:…|\.(?:\s?\.){2})\s*\)|…|\.(?:\s?\.){2}|\[[^[\]]{1,40}\])\s*/g;

/** The parts of a quotation that must be in the source, in order; an elided part matches anything. */
function quotedParts(quotation: string): string[] {
  const raw = normaliseForComparison(quotation).split(ELISION);
  return raw
    .map((part, i) => {
      let p = part;
      // Punctuation beside an elision, and a closing full stop, are the drafter's.
      if (i > 0) p = p.replace(/^[\s,;:.]+/, '');
      if (i < raw.length - 1) p = p.replace(/[\s,;:]+$/, '');
      else p = p.replace(/[\s.,;:]+$/, '');
      return p;
    })
    .filter((p) => p.length > 0);
}

export function hasElision(quotation: string): boolean {
  ELISION.lastIndex = 0;
  return ELISION.test(normaliseForComparison(quotation));
}

/**
 * Whether the quoted words are in the source, forgiving what typing and editing change. Spaces are
 * left out of the comparison altogether: texts extracted from PDF split words ("O n the contrary"),
 * and three words or more cannot match across word boundaries by accident.
 */
export function quotationIn(quotation: string, source: string): boolean {
  return inNormalised(quotation, squeeze(normaliseForComparison(source)));
}

function squeeze(text: string): string {
  return text.replace(/ /g, '');
}

function inNormalised(quotation: string, haystack: string): boolean {
  return partsIn(quotedParts(quotation).map(squeeze), haystack);
}

function partsIn(parts: readonly string[], haystack: string): boolean {
  let from = 0;
  for (const part of parts) {
    const at = indexAllowingFirstLetterCase(haystack, part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

function indexAllowingFirstLetterCase(haystack: string, part: string, from: number): number {
  const first = part[0];
  const swapped = first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase();
  const a = haystack.indexOf(part, from);
  const b = swapped === first ? -1 : haystack.indexOf(swapped + part.slice(1), from);
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

// Corpus paragraphs outlive any one draft's analysis; each is normalised once.
const normalisedParagraphs = new WeakMap<NumberedParagraph, string>();

/** The paragraphs of a document that hold the quotation. */
export function paragraphsHolding(quotation: string, document: CorpusDocument): NumberedParagraph[] {
  const parts = quotedParts(quotation).map(squeeze);
  return document.model.paragraphs.filter((paragraph) => {
    let haystack = normalisedParagraphs.get(paragraph);
    if (haystack === undefined) normalisedParagraphs.set(paragraph, (haystack = squeeze(normaliseForComparison(paragraph.text))));
    return partsIn(parts, haystack);
  });
}

/** The cited paragraphs' text, read as one (a quotation may run from paragraph 8 into 9). */
export function citedText(ref: ResolvedReference): string | undefined {
  const paragraphs = ref.resolution.paragraphs;
  if (ref.resolution.status !== 'resolved' || !ref.resolution.entry?.document || paragraphs.length === 0) return undefined;
  if (paragraphs.some((p) => !p.paragraph)) return undefined;
  return paragraphs.map((p) => p.paragraph!.text).join(' ');
}
