// The paragraph of a document a sentence repeats, found through an index of the runs of words each
// paragraph holds (built once per document).
import type { CorpusDocument } from '../corpus';
import type { NumberedParagraph } from '../parse/model';
import { wordsOf } from './words';

/** Fewer words in common than this, in a row, are a shared phrase rather than the same sentence. */
const MIN_ECHO_RUN = 6;
const FULL_ECHO_RUN = 8;

/**
 * The one paragraph of a document whose words the sentence repeats: the longest run of words in
 * common, at least MIN_ECHO_RUN (or FULL_ECHO_RUN of a longer sentence), longer than in any other paragraph.
 */
export function paragraphEchoing(sentence: string, document: CorpusDocument): NumberedParagraph | undefined {
  const index = echoIndex(document);
  // A word the document does not have is -1: it equals no word of a paragraph.
  const said = Int32Array.from(wordsOf(sentence), (word) => index.ids.get(word) ?? -1);
  const needed = Math.min(FULL_ECHO_RUN, said.length);
  if (needed < MIN_ECHO_RUN) return undefined;
  // Only a paragraph sharing MIN_ECHO_RUN words in a row can reach `needed`, and one that cannot is
  // shorter than any run that decides the answer: the others are not compared word by word.
  const candidates = new Set<number>();
  for (let i = 0; i + MIN_ECHO_RUN <= said.length; i++) {
    if (said.subarray(i, i + MIN_ECHO_RUN).includes(-1)) continue;
    for (const k of index.byRun.get(runKey(said, i)) ?? []) candidates.add(k);
  }
  let best: NumberedParagraph | undefined;
  let bestRun = 0;
  let secondRun = 0;
  for (const k of [...candidates].sort((a, b) => a - b)) {
    const paragraph = document.model.paragraphs[k];
    const run = longestCommonRun(said, index.words[k]!);
    if (run > bestRun) {
      secondRun = bestRun;
      bestRun = run;
      best = paragraph;
    } else if (run > secondRun) secondRun = run;
  }
  return bestRun >= needed && bestRun > secondRun ? best : undefined;
}

interface EchoIndex {
  /** Each distinct word of the document → its number. */
  readonly ids: ReadonlyMap<string, number>;
  /** The words of each paragraph of the document, as numbers. */
  readonly words: readonly Int32Array[];
  /**
   * Every run of MIN_ECHO_RUN words, as a number (runKey) → the paragraphs that have it, in order.
   * Numbers rather than the words joined: building the index made a string per word of the text
   * (5 ms a cited text; a draft's first diagnostics at 100,000 paragraphs built a dozen). Two runs
   * given one number only add a candidate that shares fewer than MIN_ECHO_RUN words in a row with
   * the sentence, which the word-by-word comparison then ranks below any run that decides.
   */
  readonly byRun: ReadonlyMap<number, readonly number[]>;
}

const echoIndexes = new WeakMap<CorpusDocument, EchoIndex>();

function echoIndex(document: CorpusDocument): EchoIndex {
  let index = echoIndexes.get(document);
  if (!index) {
    const ids = new Map<string, number>();
    const words = document.model.paragraphs.map((paragraph) =>
      Int32Array.from(wordsOf(paragraph.text), (word) => {
        let id = ids.get(word);
        if (id === undefined) ids.set(word, (id = ids.size));
        return id;
      }),
    );
    const byRun = new Map<number, number[]>();
    words.forEach((list, k) => {
      for (let i = 0; i + MIN_ECHO_RUN <= list.length; i++) {
        const key = runKey(list, i);
        const holders = byRun.get(key);
        if (!holders) byRun.set(key, [k]);
        else if (holders[holders.length - 1] !== k) holders.push(k);
      }
    });
    echoIndexes.set(document, (index = { ids, words, byRun }));
  }
  return index;
}

/** The MIN_ECHO_RUN words from `at`, as one 32-bit number (FNV-1a over the word numbers). */
function runKey(words: Int32Array, at: number): number {
  let key = 0x811c9dc5;
  for (let j = at; j < at + MIN_ECHO_RUN; j++) key = Math.imul(key ^ words[j]!, 0x01000193);
  return key;
}

function longestCommonRun(a: Int32Array, b: Int32Array): number {
  let best = 0;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? Math.min(previous[j - 1]! + 1, 65535) : 0;
      if (current[j]! > best) best = current[j]!;
    }
    [previous, current] = [current, previous];
    current.fill(0);
  }
  return best;
}
