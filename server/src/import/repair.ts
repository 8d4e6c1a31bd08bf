// Words the PDF's text layer splits: a justified line is sometimes drawn with a gap inside a word
// ("peacef ul", "relevan t"), and a hyphenated compound with a space before the hyphen
// ("well -being", "action -oriented"). The document itself is the dictionary: two pieces are joined
// when the joined word occurs elsewhere in the document and one piece occurs nowhere but in such a
// split. "in to" stays: "in" and "to" are words of their own.
import type { Block, Footnote, Inline } from './model';

const PAIR = /(?<![\p{L}\p{N}])(\p{L}+) (\p{Ll}+)(?![\p{L}\p{N}])/gu;
const WORD = /\p{L}+/gu;
/** "20 30 Agenda": a year split in two; joined when the year is written whole at least three times elsewhere. */
const SPLIT_YEAR = /(?<![\d,.])(\d{2}) (\d{2})(?![\d,.]|\/)/g;
const YEAR = /(?<![\d/])(?:19|20)\d{2}(?!\d)/g;

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export function repairSplitWords(blocks: Block[], footnotes: Footnote[]): number {
  const inlineLists: Inline[][] = [...blocks.map((b) => b.inlines), ...footnotes.map((f) => f.inlines)];
  const words = new Map<string, number>();
  const years = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const inlines of inlineLists) {
    for (const inline of inlines) {
      if (!('text' in inline)) continue;
      for (const [word] of inline.text.matchAll(WORD)) count(words, word);
      for (const [year] of inline.text.matchAll(YEAR)) count(years, year);
      for (const match of inline.text.matchAll(PAIR)) count(pairs, `${match[1]} ${match[2]}`);
    }
  }
  const joinable = (left: string, right: string): boolean => {
    const together = pairs.get(`${left} ${right}`) ?? 0;
    if (!words.get(left + right)) return false;
    return (words.get(left) ?? 0) === together || (words.get(right) ?? 0) === together;
  };
  let repaired = 0;
  for (const inlines of inlineLists) {
    for (let i = 0; i < inlines.length; i++) {
      const inline = inlines[i];
      if (!('text' in inline)) continue;
      let text = inline.text.replace(/(\p{L}) -(\p{L})/gu, (_, a: string, b: string) => {
        repaired++;
        return `${a}-${b}`;
      });
      // "the Convention ." : punctuation is never set apart from its word in UN texts.
      text = text.replace(/(\p{L}) ([.,;:])(?=\s|$)/gu, (_, a: string, b: string) => {
        repaired++;
        return `${a}${b}`;
      });
      text = text.replace(PAIR, (whole, left: string, right: string) => {
        if (!joinable(left, right)) return whole;
        repaired++;
        return left + right;
      });
      text = text.replace(SPLIT_YEAR, (whole, left: string, right: string) => {
        if (!/^(?:19|20)$/.test(left) || (years.get(left + right) ?? 0) < 3) return whole;
        repaired++;
        return left + right;
      });
      inlines[i] = { text };
    }
  }
  return repaired;
}
