// The words of a quotation or a source as the word-level comparisons count them: case-blind,
// apostrophes unified, each with where it is.

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export interface Word {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

export function words(text: string): Word[] {
  const found: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    found.push({ key: wordKey(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Words compared case-blind, apostrophes unified: what the word-level comparisons count. */
export function wordsOf(text: string): string[] {
  // words() without its objects: the echo index (echo.ts) takes every paragraph of a cited text.
  const found: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) found.push(wordKey(m[0]));
  return found;
}

function wordKey(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replaceAll('’', "'") : lower;
}
