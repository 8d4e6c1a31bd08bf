// The colours of a draft, as semantic tokens from what the server has read: openings, citations,
// pinpoints, paragraph numbers, negotiation brackets and the Compact's own structure.
//
// Why not a TextMate grammar: a grammar sees one line of any Markdown file and cannot tell a draft
// from a README, so "see paragraph 3 below" in a team's README was painted as a citation. Semantic
// tokens come from the server, which answers for drafts only (workspace/draftScope.ts) and paints
// exactly the citations it reads. Each token type maps to a TextMate scope in package.json
// (`semanticTokenScopes`), so themes colour them as they coloured the grammar's scopes: calm
// emphasis, never `keyword` or `invalid` (the red of errors in the default themes).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { DraftAnalysis } from '../analysis';
import { GCM_ACTIONS_SOURCE, GCM_COMMITMENT_SOURCE, openingInLine } from '../language/patterns';
import type { OffsetRange } from '../parse/model';
import { INSERTION_SOURCE } from '../vocabulary';

/** Token types, in legend order; the client's package.json declares the same ids. */
export const TOKEN_TYPES = [
  'unOpening', // "Recalling", "Also requests"
  'unCitation', // "resolution", "Security Council resolution", "paragraph", "annex", "above"
  'unSymbol', // "A/RES/71/280"
  'unResolutionNumber', // "71/280" after "resolution"
  'unPinpointNumber', // "8" in "paragraph 8", "II" in "annex II"
  'unParagraphNumber', // "1." at the start of an operative paragraph
  'unBracket', // "[" and "]" of negotiation text
  'unStructure', // "We commit to", "Objective 5"
] as const;
export const TOKEN_MODIFIERS = ['preambular', 'operative'] as const;

type TokenType = (typeof TOKEN_TYPES)[number];
type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

/** The TextMate scope each token stands for, as package.json's `semanticTokenScopes` maps it (a test compares). */
export const TOKEN_SCOPES: Readonly<Record<string, string>> = {
  'unOpening.preambular': 'entity.name.function.opening.preambular.compact-drafter',
  'unOpening.operative': 'entity.name.function.opening.operative.compact-drafter',
  unOpening: 'entity.name.function.opening.compact-drafter',
  unCitation: 'entity.name.type.citation.compact-drafter',
  unSymbol: 'constant.other.document-symbol.compact-drafter',
  unResolutionNumber: 'constant.other.resolution-number.compact-drafter',
  unPinpointNumber: 'constant.numeric.pinpoint.compact-drafter',
  unParagraphNumber: 'constant.numeric.paragraph-number.compact-drafter',
  unBracket: 'punctuation.definition.brackets.negotiation.compact-drafter',
  unStructure: 'entity.name.function.gcm.compact-drafter',
};

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly type: TokenType;
  readonly modifier?: TokenModifier;
}

/** In a keyword or pinpoint: a number with its insertion word and letters ("5 bis (a)"), a roman numeral, a word. */
const PINPOINT_PART = new RegExp(String.raw`\d{1,4}(?:[ \t]?(?:${INSERTION_SOURCE})\b)?(?:[ \t]?\([a-z]{1,5}\))*|\b[IVXL]{1,7}\b|\p{L}+\.?`, 'gu');
const OBJECTIVE = /^[ ]{0,3}(?:#{1,6}[ \t]+)?(?:\*{1,2}|_{1,2})?(Objective)[ \t]+(\d{1,2})(?=[ \t]*:)/d;
const COMMITMENT = new RegExp(String.raw`^[ ]{0,3}(?:\[[ ]?)?(?:\d{1,4}\.[ \t]+)?(?:\[[ ]?)?(?:\*{1,2}|_{1,2})?(${GCM_COMMITMENT_SOURCE})`, 'u');
const ACTIONS = new RegExp(GCM_ACTIONS_SOURCE, 'g');

/** The tokens of a draft, in document order, none overlapping. */
export function draftTokens(analysis: DraftAnalysis): Token[] {
  const text = analysis.model.text;
  const tokens: Token[] = [];
  for (const ref of analysis.references) {
    // "Ibid." and "that resolution" name no symbol of their own; an alias is a name, left as written.
    if ((ref.antecedent && ref.kind !== 'numbered') || ref.kind === 'alias') continue;
    // "general comment No. 6 (2005)", "United Nations publication, Sales No. E.96.IV.13": words and numbers, no symbol.
    if (ref.kind === 'internal' || (ref.kind === 'numbered' && ref.targetRange.start === ref.range.start)) {
      words(text, ref.range, tokens);
      continue;
    }
    const keyword = { start: ref.range.start, end: ref.targetRange.start };
    if (keyword.end > keyword.start) words(text, keyword, tokens);
    tokens.push({ ...ref.targetRange, type: ref.form === 'short' ? 'unResolutionNumber' : 'unSymbol' });
    if (ref.pinpointRange) words(text, ref.pinpointRange, tokens);
  }
  for (const paragraph of analysis.model.paragraphs) tokens.push({ ...paragraph.numberRange, type: 'unParagraphNumber' });
  brackets(text, analysis, tokens);
  lineStarts(text, analysis, tokens);
  return withoutOverlaps(tokens);
}

/** Words of a citation's keyword or pinpoint ("Security Council resolution", "annex II, paras. 3-5"): letters as citation words, numbers as numbers. */
function words(text: string, range: OffsetRange, into: Token[]): void {
  const slice = text.slice(range.start, range.end);
  for (const m of slice.matchAll(PINPOINT_PART)) {
    const start = range.start + m.index!;
    const number = /^\d|^[IVXL]+$/.test(m[0]);
    // "of" and "and" in "paragraphs 3 and 5", "of 6 April" stay plain.
    if (!number && /^(?:of|and|to|the|its)$/i.test(m[0])) continue;
    into.push({ start, end: start + m[0].length, type: number ? 'unPinpointNumber' : 'unCitation' });
  }
}

/** Negotiation brackets: those of each bracketed passage and the unmatched ones; links and footnote markers are Markdown's. */
function brackets(text: string, analysis: DraftAnalysis, into: Token[]): void {
  for (const passage of analysis.brackets.parsed.passages) {
    for (let i = passage.range.start; i < passage.range.end; i++) {
      const c = text[i];
      if (c !== '[' && c !== ']') continue;
      if (c === '[' && text[i + 1] === '^') continue;
      if (c === ']' && (text[i + 1] === '(' || text[i + 1] === ':')) continue;
      into.push({ start: i, end: i + 1, type: 'unBracket' });
    }
  }
  for (const { offset } of analysis.brackets.unmatched) into.push({ start: offset, end: offset + 1, type: 'unBracket' });
}

/** What only starts a line: openings ("*Recalling*", "1. *Urges*"), "We commit to", "Objective 5:", and the actions lead. */
function lineStarts(text: string, analysis: DraftAnalysis, into: Token[]): void {
  const seen = new Set<number>();
  for (const span of analysis.model.spans) {
    const lineStart = text.lastIndexOf('\n', span.range.start - 1) + 1;
    if (seen.has(lineStart)) continue;
    seen.add(lineStart);
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
    const opening = openingInLine(line);
    if (opening) into.push({ start: lineStart + opening.range.start, end: lineStart + opening.range.end, type: 'unOpening', modifier: opening.opening.part });
    const objective = OBJECTIVE.exec(line);
    if (objective?.indices) {
      const [word, number] = [objective.indices[1]!, objective.indices[2]!];
      into.push({ start: lineStart + word[0], end: lineStart + word[1], type: 'unStructure' }, { start: lineStart + number[0], end: lineStart + number[1], type: 'unPinpointNumber' });
    }
    const commitment = COMMITMENT.exec(line);
    if (commitment) {
      const start = lineStart + commitment[0].length - commitment[1].length;
      into.push({ start, end: start + commitment[1].length, type: 'unStructure' });
    }
    for (const m of line.matchAll(ACTIONS)) into.push({ start: lineStart + m.index!, end: lineStart + m.index! + m[0].length, type: 'unStructure' });
  }
}

/** Sorted, the first of two overlapping tokens kept (editors reject overlapping tokens). */
function withoutOverlaps(tokens: Token[]): Token[] {
  const sorted = tokens.filter((t) => t.end > t.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Token[] = [];
  for (const token of sorted) {
    if (kept.length > 0 && token.start < kept[kept.length - 1].end) continue;
    kept.push(token);
  }
  return kept;
}

/** LSP's relative encoding; a token that runs over a line end is cut into one per line. */
export function encodeTokens(tokens: readonly Token[], document: TextDocument): SemanticTokens {
  const data: number[] = [];
  let previousLine = 0;
  let previousChar = 0;
  for (const token of tokens) {
    const type = TOKEN_TYPES.indexOf(token.type);
    const modifiers = token.modifier ? 1 << TOKEN_MODIFIERS.indexOf(token.modifier) : 0;
    let start = document.positionAt(token.start);
    const end = document.positionAt(token.end);
    while (start.line <= end.line) {
      const lineEnd = start.line === end.line ? end.character : lineLength(document, start.line);
      if (lineEnd > start.character) {
        const deltaLine = start.line - previousLine;
        data.push(deltaLine, deltaLine === 0 ? start.character - previousChar : start.character, lineEnd - start.character, type, modifiers);
        previousLine = start.line;
        previousChar = start.character;
      }
      start = { line: start.line + 1, character: 0 };
    }
  }
  return { data };
}

function lineLength(document: TextDocument, line: number): number {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
}
