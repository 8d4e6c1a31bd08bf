// UN-style plain headings, written as ordinary lines: "III. Thematic section: …", "A. Background",
// "1. Human rights" (a numbered line that is not a paragraph, see numbering.ts), "(a) General
// Assembly"; and lines a PDF-to-Markdown conversion left as bold ("***d. Summary panel***").

import type { SectionLevelKind } from './model';
import { isHeadingShaped } from './prose';

export interface PlainHeading {
  readonly kind: Exclude<SectionLevelKind, 'markdown'>;
  /** As printed: "III", "A", "1", "(a)". */
  readonly label: string;
  readonly title: string;
}

/** "III. Title", "A. Title"; a single I, V or X is settled by context (see sections.ts). */
const ROMAN_OR_CAPITAL = /^([IVXLC]{2,7}|[A-Z])\.[ \t\u00a0]+(\S.*)$/;
/** "(a) Title", "(iv) Title". */
const LETTER = /^(\([a-z]{1,2}\)|\([ivxlc]{1,6}\))[ \t\u00a0]+(\S.*)$/;
const ROMAN = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** Bold lines and labelled lines are headings only when short. */
export const MAX_EMPHASIS_HEADING_LENGTH = 120;

export function isRomanNumeral(label: string): boolean {
  return ROMAN.test(label);
}

/** A roman or capital heading line ("III. Thematic section", "A. Background"), kind as written. */
export function romanOrCapitalHeading(text: string): PlainHeading | undefined {
  const match = ROMAN_OR_CAPITAL.exec(text);
  if (!match || !isHeadingShaped(match[2])) return undefined;
  const label = match[1];
  if (label.length > 1 && !isRomanNumeral(label)) return undefined;
  return { kind: label.length > 1 ? 'roman' : 'capital', label, title: match[2].trim() };
}

/** "(a) General Assembly": a heading by its shape; whether it is one inside a paragraph's run is the caller's call. */
export function letterHeading(text: string): PlainHeading | undefined {
  const match = LETTER.exec(text);
  if (!match || !isHeadingShaped(match[2])) return undefined;
  return { kind: 'letter', label: match[1], title: match[2].trim() };
}

/** A lettered sub-heading written "a. Title", as in the issue brief's procedural note. */
export const LOWER_DOT_LABEL = /^([a-z])\.[ \t\u00a0]+\S/;

/** The label style of a heading title, for headings whose level is inferred from a sibling. */
export function labelStyle(title: string): string | undefined {
  if (LOWER_DOT_LABEL.test(title)) return 'a.';
  if (/^[ivx]{1,6}\.[ \t\u00a0]/.test(title)) return 'i.';
  if (/^\d{1,3}\.\d{1,3}\.?[ \t\u00a0]/.test(title)) return '1.1';
  return undefined;
}
