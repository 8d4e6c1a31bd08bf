// Symbols written with characters that look like the right ones but are not: Cyrillic "А" for
// Latin "A", a fullwidth "／" or a division slash "∕" for "/", the letter O for a zero, a zero-width
// space or word joiner inside "A/RES/71/280". The grammar does not read them as the symbol (or
// reads a shorter, wrong one), so nothing else would flag them; a pasted or hostile draft can cite
// a document the reader cannot see is not the one named. Each is found in the raw text, folded to
// plain ASCII, and reported (rules/malformedSymbol.ts) only if the folded form is a UN symbol.

import { runToEnd } from '../steps';
import { codePointName, INVISIBLE_CHARACTER } from '../text/invisible';

/** Slashes looked at between two steps of lookalikeSymbolsInSteps (36,000 slashes of a 1.4 MB draft took 60–130 ms). */
const STEP_SLASHES = 1024;

/** Latin capitals' and small letters' look-alikes in Cyrillic and Greek (the ones a symbol's letters can be mistaken for). */
const LOOKALIKE_LETTERS: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', ѕ: 's', і: 'i', ј: 'j',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
const SLASHES = '\u2215\u2044\u29f8\uff0f';
/** The characters a symbol, or a disguised one, is made of (code units: all lie in the BMP). */
const CANDIDATE_CHARACTER = new RegExp(
  `[A-Za-z0-9./${SLASHES}${Object.keys(LOOKALIKE_LETTERS).join('')}\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a\\u200b-\\u200d\\u2060\\ufeff\\u00ad\\u202a-\\u202e\\u2066-\\u2069]`,
);
/** A symbol has a slash: runs are looked for around slashes only. */
const SLASH = new RegExp(`[/${SLASHES}]`, 'g');
/** A UN document symbol: a series (A, S, E/CN.6, A/HRC…) and slash-separated parts, at least one with a digit. */
const UN_SYMBOL = /^[A-Z]{1,4}(?:\.\d+)?(?:\/(?:[A-Z]{1,6}(?:\.\d+)?|\d{1,5}(?:\/[A-Z]{1,4}\.\d+)?|[A-Z]\.\d+|Rev\.\d+|Add\.\d+|Corr\.\d+))+$/;

export interface LookalikeSymbol {
  readonly range: { readonly start: number; readonly end: number };
  /** The symbol as it should be written. */
  readonly clean: string;
  /** What is wrong, character by character ("Cyrillic А (U+0410)", "a zero-width space (U+200B)"). */
  readonly problems: readonly string[];
}

/**
 * Every disguised symbol in a text, in text order. A candidate is a maximal run of symbol
 * characters with a slash in it, found from its slashes: reading every word of a 150 KB draft as a
 * candidate run took a sixth of the server's time at each edit of a long session.
 */
export function findLookalikeSymbols(text: string): LookalikeSymbol[] {
  return runToEnd(lookalikeSymbolsInSteps(text));
}

/** findLookalikeSymbols, yielding every STEP_SLASHES slashes (the server's rule pass on a large draft pauses there). */
export function* lookalikeSymbolsInSteps(text: string): Generator<void, LookalikeSymbol[]> {
  const found: LookalikeSymbol[] = [];
  let runEnd = -1;
  let slashes = 0;
  for (const slash of text.matchAll(SLASH)) {
    if (++slashes % STEP_SLASHES === 0) yield;
    const at = slash.index!;
    // Another slash of the run already read.
    if (at < runEnd) continue;
    let start = at;
    while (start > 0 && CANDIDATE_CHARACTER.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && CANDIDATE_CHARACTER.test(text[end]!)) end++;
    runEnd = end;
    let token = text.slice(start, end);
    // A sentence's full stop is not part of the symbol.
    while (token.endsWith('.')) token = token.slice(0, -1);
    if (!/[/\u2215\u2044\u29f8\uff0f]/.test(token)) continue;
    const { clean, problems } = fold(token);
    if (problems.length === 0 || !UN_SYMBOL.test(clean) || !/\d/.test(clean)) continue;
    found.push({ range: { start, end: start + token.length }, clean, problems });
  }
  return found;
}

function fold(token: string): { clean: string; problems: string[] } {
  const problems: string[] = [];
  let clean = '';
  for (const char of token) {
    if (INVISIBLE_CHARACTER.test(char)) {
      problems.push(`an invisible character (${codePointName(char)})`);
    } else if (LOOKALIKE_LETTERS[char]) {
      clean += LOOKALIKE_LETTERS[char];
      problems.push(`“${char}” (${codePointName(char)}), not the Latin “${LOOKALIKE_LETTERS[char]}”`);
    } else if (SLASHES.includes(char)) {
      clean += '/';
      problems.push(`“${char}” (${codePointName(char)}), not a slash`);
    } else if (char >= '\uff01' && char <= '\uff5e') {
      const ascii = String.fromCharCode(char.charCodeAt(0) - 0xfee0);
      clean += ascii;
      problems.push(`a fullwidth “${char}” (${codePointName(char)}), not “${ascii}”`);
    } else {
      clean += char;
    }
  }
  // The letter O (or a small l) among the digits of a number part: "28O" is "280".
  clean = clean
    .split('/')
    .map((part) => {
      if (!/\d/.test(part) || !/^[\dOol]+$/.test(part) || !/[Ool]/.test(part)) return part;
      problems.push(`the letter “${part.match(/[Ool]/)![0]}” among the digits of “${part}”`);
      return part.replace(/[Oo]/g, '0').replace(/l/g, '1');
    })
    .join('/');
  return { clean, problems: [...new Set(problems)] };
}
