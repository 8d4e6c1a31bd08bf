// Regular-expression sources built from the language data, shared by the verb hover, completion and
// the TextMate grammar (generated from the same sources, so the editor's colours and the server agree).
// Written in the common subset of JavaScript and Oniguruma syntax: `[ ]`, `\d`, `(?:…)`, no named groups.
import type { OffsetRange } from '../parse/model';
import { GCM_OBJECTIVE_STRUCTURE } from './gcm';
import { INSERTION_SOURCE } from '../vocabulary';
import { LEADING_MODIFIERS, OPENINGS_LONGEST_FIRST, TRAILING_MODIFIERS, type Opening, type OpeningPart } from './openings';

export { INSERTION_WORDS } from '../vocabulary';

/** A paragraph number as printed: "27", "5 bis". */
export const PARAGRAPH_NUMBER_SOURCE = String.raw`\d{1,4}(?:[ ](?:${INSERTION_SOURCE}))?`;

/**
 * What may stand before an opening on its line: up to three spaces, a negotiation bracket, a paragraph
 * number ("12.", "5 bis."), another bracket and emphasis ("*", "**", "_").
 */
export function openingLeadSource(captureNumber = false, italics: 'optional' | 'required' = 'optional'): string {
  const number = captureNumber ? `(${PARAGRAPH_NUMBER_SOURCE})` : PARAGRAPH_NUMBER_SOURCE;
  return String.raw`[ ]{0,3}(?:\[[ ]?)?(?:${number}\.[ \t]+)?(?:\[[ ]?)?(?:\*{1,2}|_{1,2})${italics === 'optional' ? '?' : ''}`;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a pattern: any run of spaces between its words. */
function phraseSource(phrase: string): string {
  return phrase.split(' ').map(escapeRegExp).join('[ \\t]+');
}

/** The openings of a part (or all), longest first, as one alternation. */
export function openingsSource(part?: OpeningPart): string {
  return OPENINGS_LONGEST_FIRST.filter((o) => !part || o.part === part)
    .map((o) => phraseSource(o.phrase))
    .join('|');
}

export const LEADING_MODIFIER_SOURCE = LEADING_MODIFIERS.map(phraseSource).join('|');
export const TRAILING_MODIFIER_SOURCE = TRAILING_MODIFIERS.map(phraseSource).join('|');

/** An opening with its modifiers: "Also requests", "Recalling further". Case-insensitive where used. */
export function openingPhraseSource(part?: OpeningPart): string {
  return String.raw`(?:(?:${LEADING_MODIFIER_SOURCE})[ \t]+)?(?:${openingsSource(part)})(?:[ \t]+(?:${TRAILING_MODIFIER_SOURCE}))?(?![\p{L}\p{N}])`;
}

export const GCM_COMMITMENT_SOURCE = String.raw`We[ \t]+(?:further[ \t]+)?commit[ \t]+to(?![\p{L}\p{N}])`;
export const GCM_ACTIONS_SOURCE = phraseSource(GCM_OBJECTIVE_STRUCTURE.actionsLead);

export interface OpeningInLine {
  readonly opening: Opening;
  /** Offsets in the line: the opening with its modifiers ("Also requests"). */
  readonly range: OffsetRange;
  /** The paragraph number before it, if any ("12", "5 bis"). */
  readonly paragraphNumber?: string;
}

const OPENING_AT_LINE_START = new RegExp(
  String.raw`^(${openingLeadSource(true)})((?:(?:${LEADING_MODIFIER_SOURCE})[ \t]+)?)(${openingsSource()})((?:[ \t]+(?:${TRAILING_MODIFIER_SOURCE}))?)(?![\p{L}\p{N}])`,
  'iu',
);

/** The opening at the start of a line ("*Urges*", "12. *Also requests*", "urges"), if any. */
export function openingInLine(line: string): OpeningInLine | undefined {
  const m = OPENING_AT_LINE_START.exec(line);
  if (!m) return undefined;
  const phrase = m[4].replace(/\s+/g, ' ').toLowerCase();
  const opening = OPENINGS_LONGEST_FIRST.find((o) => o.phrase.toLowerCase() === phrase);
  if (!opening) return undefined;
  const start = m[1].length;
  const end = start + m[3].length + m[4].length + m[5].length;
  return { opening, range: { start, end }, ...(m[2] ? { paragraphNumber: m[2] } : {}) };
}
