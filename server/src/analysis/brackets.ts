import type { OffsetRange, TextSpan } from '../parse/model';
import { alternativeCount, parseBrackets, type ParsedBrackets } from '../brackets/parse';

/**
 * Square brackets of negotiation text: "[shall][should]", a whole "[bracketed paragraph]".
 * They are read from the plain text of the draft's spans, where Markdown's own brackets
 * (links, footnote references) are already gone, and they may span several paragraphs.
 * The grammar (alternatives, proponents, "[alt]", nesting) is brackets/parse.ts.
 */
export interface BracketAnalysis {
  /** Outermost passages, from the first "[" to the last "]" of their alternatives: "[a][b]" is one. */
  readonly passages: readonly OffsetRange[];
  /** How many alternatives the passages hold ("[a][b]" and "[a/b]" hold two). */
  readonly alternatives: number;
  /** Brackets with no partner: a "]" that closes nothing, a "[" never closed. */
  readonly unmatched: readonly { readonly offset: number; readonly bracket: '[' | ']' }[];
  /** The passages with their alternatives and proponents, for the bracket list. */
  readonly parsed: ParsedBrackets;
}

export function analyzeBrackets(spans: readonly TextSpan[]): BracketAnalysis {
  const parsed = parseBrackets(spans);
  return { passages: parsed.passages.map((p) => p.range), alternatives: alternativeCount(parsed.passages), unmatched: parsed.unmatched, parsed };
}
