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
  const said = wordsOf(sentence);
  const needed = Math.min(FULL_ECHO_RUN, said.length);
  if (needed < MIN_ECHO_RUN) return undefined;
  // Only a paragraph sharing MIN_ECHO_RUN words in a row can reach `needed`, and one that cannot is
  // shorter than any run that decides the answer: the others are not compared word by word.
  const index = echoIndex(document);
  const candidates = new Set<number>();
  for (let i = 0; i + MIN_ECHO_RUN <= said.length; i++) {
    for (const k of index.byRun.get(said.slice(i, i + MIN_ECHO_RUN).join(' ')) ?? []) candidates.add(k);
  }
  let best: NumberedParagraph | undefined;
  let bestRun = 0;
  let secondRun = 0;
  for (const k of [...candidates].sort((a, b) => a - b)) {
    const paragraph = document.model.paragraphs[k];
    const run = longestCommonRun(said, index.words[k]);
    if (run > bestRun) {
      secondRun = bestRun;
      bestRun = run;
      best = paragraph;
    } else if (run > secondRun) secondRun = run;
  }
  return bestRun >= needed && bestRun > secondRun ? best : undefined;
}

interface EchoIndex {
  /** The words of each paragraph of the document. */
  readonly words: readonly (readonly string[])[];
  /** Every run of MIN_ECHO_RUN words → the paragraphs that have it, in order. */
  readonly byRun: ReadonlyMap<string, readonly number[]>;
}

const echoIndexes = new WeakMap<CorpusDocument, EchoIndex>();

function echoIndex(document: CorpusDocument): EchoIndex {
  let index = echoIndexes.get(document);
  if (!index) {
    const words = document.model.paragraphs.map((paragraph) => wordsOf(paragraph.text));
    const byRun = new Map<string, number[]>();
    words.forEach((list, k) => {
      for (let i = 0; i + MIN_ECHO_RUN <= list.length; i++) {
        const key = list.slice(i, i + MIN_ECHO_RUN).join(' ');
        const holders = byRun.get(key);
        if (!holders) byRun.set(key, [k]);
        else if (holders[holders.length - 1] !== k) holders.push(k);
      }
    });
    echoIndexes.set(document, (index = { words, byRun }));
  }
  return index;
}

function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? Math.min(previous[j - 1] + 1, 65535) : 0;
      if (current[j] > best) best = current[j];
    }
    [previous, current] = [current, previous];
    current.fill(0);
  }
  return best;
}
