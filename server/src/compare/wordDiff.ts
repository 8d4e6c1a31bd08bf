// Word diff of two paragraph texts: a longest common subsequence over normalised words (case,
// punctuation, British/American spelling folded, as the reuse alignment compares them), then runs of
// unmatched words grouped into deletions, insertions and replacements, each with the words as written.
import { lcsPairs } from '../reuse/align';
import { wordId } from '../reuse/normalise';

export interface WordDiffPart {
  readonly op: 'equal' | 'insert' | 'delete' | 'replace';
  /** The old round's words as written ('equal', 'delete', 'replace'). */
  readonly old?: string;
  /** The new round's words as written ('equal', 'insert', 'replace'). */
  readonly new?: string;
}

export interface TokenizedText {
  readonly text: string;
  /** Where each word starts and ends in text (parallel to ids). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Ids of the normalised words (reuse/normalise.ts: wordId). */
  readonly ids: Int32Array;
}

// The words as reuse/normalise.ts reads them (apostrophes inside a word), except that a number is a
// word of its own: a PDF layer glues a footnote marker to the word before it or not, round by round
// ("Goals5" / "Goals 5", "Development1" / "Development 1"), and read as one word that was a change in
// 274 of the 881 edited rows of the 195 real pairs. Not reuse's tokenize(): that normalises every
// occurrence, where wordId caches per distinct word; on a 200 KB round the difference was 110 ms.
const WORD = /\p{L}+(?:['’ʼ]\p{L}+)*|\p{N}+/gu;
const YEAR_AND_MARKER = /^(?:19|20)\d{3,6}$/;

export function tokenized(text: string): TokenizedText {
  const starts: number[] = [];
  const ends: number[] = [];
  const ids: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    // A year with a footnote marker glued to it ("200627": 2006, footnote 27) is two words.
    const cut = m[0].length > 4 && m[0].length <= 7 && YEAR_AND_MARKER.test(m[0]) ? 4 : m[0].length;
    starts.push(m.index);
    ends.push(m.index + cut);
    ids.push(wordId(m[0].slice(0, cut)));
    if (cut < m[0].length) {
      starts.push(m.index + cut);
      ends.push(m.index + m[0].length);
      ids.push(wordId(m[0].slice(cut)));
    }
  }
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends), ids: Int32Array.from(ids) };
}

/** The words of a from the token at index from to the token at index to (exclusive), as written. */
function slice(t: TokenizedText, from: number, to: number): string {
  if (from >= to) return '';
  return t.text.slice(t.starts[from], t.ends[to - 1]);
}

export function wordDiff(a: TokenizedText, b: TokenizedText): WordDiffPart[] {
  const pairs = lcsPairs(a.ids, b.ids);
  const parts: WordDiffPart[] = [];
  let i = 0;
  let j = 0;
  const gap = (toI: number, toJ: number) => {
    if (i < toI && j < toJ) parts.push({ op: 'replace', old: slice(a, i, toI), new: slice(b, j, toJ) });
    else if (i < toI) parts.push({ op: 'delete', old: slice(a, i, toI) });
    else if (j < toJ) parts.push({ op: 'insert', new: slice(b, j, toJ) });
  };
  for (let k = 0; k < pairs.length; ) {
    const [pi, pj] = pairs[k];
    gap(pi, pj);
    // A run of consecutive matches is one 'equal' part.
    let run = 1;
    while (k + run < pairs.length && pairs[k + run][0] === pi + run && pairs[k + run][1] === pj + run) run++;
    parts.push({ op: 'equal', old: slice(a, pi, pi + run), new: slice(b, pj, pj + run) });
    i = pi + run;
    j = pj + run;
    k += run;
  }
  gap(a.ids.length, b.ids.length);
  return parts;
}

/** Whether a diff holds any change of wording. */
export function changed(diff: readonly WordDiffPart[]): boolean {
  return diff.some((p) => p.op !== 'equal');
}
