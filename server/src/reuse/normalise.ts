// Normalisation of prose to word tokens for agreed-language provenance: lower case, no
// punctuation or typographic quotes, British and American spellings folded together. Each
// token keeps where it came from, so a match can be mapped back to the draft.
import { hashWord } from './fingerprints';

export interface WordToken {
  /** The normalised form compared across documents. */
  readonly norm: string;
  /** The word as written. */
  readonly word: string;
  /** Offset of the word's first character (document offset when sourceOffsets are given). */
  readonly start: number;
  /** Offset just after the word's last character. */
  readonly end: number;
}

// Letters and digits, with apostrophes inside a word ("Rapporteur’s"); hyphens and all other
// punctuation separate words.
const WORD = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;
const APOSTROPHES = /['’ʼ]/g;

const WORD_TABLE: ReadonlyMap<string, string> = new Map([
  ['programme', 'program'], ['programmes', 'programs'], ['programmed', 'programed'], ['programming', 'programing'],
  ['centre', 'center'], ['centres', 'centers'], ['centred', 'centered'], ['centring', 'centering'],
  ['metre', 'meter'], ['metres', 'meters'], ['litre', 'liter'], ['litres', 'liters'], ['theatre', 'theater'], ['theatres', 'theaters'],
  ['fibre', 'fiber'], ['calibre', 'caliber'], ['spectre', 'specter'], ['sombre', 'somber'], ['lustre', 'luster'],
  ['defence', 'defense'], ['defences', 'defenses'], ['offence', 'offense'], ['offences', 'offenses'], ['licence', 'license'], ['licences', 'licenses'],
  ['pretence', 'pretense'], ['judgement', 'judgment'], ['judgements', 'judgments'], ['ageing', 'aging'],
  ['catalogue', 'catalog'], ['catalogues', 'catalogs'], ['fulfil', 'fulfill'], ['fulfils', 'fulfills'], ['fulfilment', 'fulfillment'],
  ['enrol', 'enroll'], ['enrols', 'enrolls'], ['enrolment', 'enrollment'], ['instalment', 'installment'],
  ['travelled', 'traveled'], ['travelling', 'traveling'], ['traveller', 'traveler'], ['travellers', 'travelers'],
  ['labelled', 'labeled'], ['labelling', 'labeling'], ['modelled', 'modeled'], ['modelling', 'modeling'],
  ['cancelled', 'canceled'], ['cancelling', 'canceling'], ['counselling', 'counseling'], ['counsellor', 'counselor'], ['counsellors', 'counselors'],
  ['signalled', 'signaled'], ['signalling', 'signaling'], ['channelled', 'channeled'], ['fuelled', 'fueled'], ['levelled', 'leveled'],
  ['totalled', 'totaled'], ['grey', 'gray'], ['analyse', 'analyze'], ['analysed', 'analyzed'], ['analyses', 'analyses'], ['analysing', 'analyzing'],
  ['paralyse', 'paralyze'], ['paralysed', 'paralyzed'], ['manoeuvre', 'maneuver'], ['oestrogen', 'estrogen'], ['paediatric', 'pediatric'],
  ['encyclopaedia', 'encyclopedia'], ['mould', 'mold'], ['plough', 'plow'], ['sceptical', 'skeptical'], ['cheque', 'check'], ['cheques', 'checks'],
]);

/** Words in -ise that are not the British form of an -ize word. */
const ISE_KEEP = new Set([
  'advertise', 'advise', 'apprise', 'arise', 'chastise', 'circumcise', 'comprise', 'compromise', 'concise', 'demise', 'despise',
  'devise', 'disguise', 'enterprise', 'excise', 'exercise', 'expertise', 'franchise', 'improvise', 'incise', 'likewise', 'merchandise',
  'otherwise', 'paradise', 'precise', 'premise', 'promise', 'raise', 'praise', 'revise', 'rise', 'supervise', 'surmise', 'surprise',
  'televise', 'treatise', 'wise', 'clockwise', 'noise', 'poise', 'guise', 'cruise', 'bruise', 'anise', 'reprise', 'sunrise', 'uprise',
]);

/** Words in -our that are not the British form of an -or word. */
const OUR_KEEP = new Set(['flour', 'devour', 'contour', 'detour', 'troubadour', 'amour', 'paramour', 'velour', 'glamour', 'scour', 'dour', 'tour', 'pour', 'sour', 'four', 'hour', 'your', 'our']);

const ISE = /^(.{2,}?)is(e|es|ed|ing|er|ers|ation|ations|ational)$/;
const OUR = /^(.{2,}?)our(s|ed|ing|able|ably|ite|ites|er|ers|ful|less|ist|ists)?$/;
const ISE_SUFFIX: Record<string, string> = { e: 'e', es: 'es', ed: 'ed', ing: 'ing', er: 'er', ers: 'ers', ation: 'ation', ations: 'ations', ational: 'ational' };

/** Folds a lower-case word's British spelling to the American one (a small table and a few rules). */
export function foldSpelling(word: string): string {
  const listed = WORD_TABLE.get(word);
  if (listed) return listed;
  const ise = ISE.exec(word);
  if (ise && !ISE_KEEP.has(`${ise[1]}ise`) && !word.endsWith('wise')) return `${ise[1]}iz${ISE_SUFFIX[ise[2]]}`;
  const our = OUR.exec(word);
  if (our && !OUR_KEEP.has(`${our[1]}our`)) return `${our[1]}or${our[2] ?? ''}`;
  return word;
}

/** The normalised form of one word as written. */
export function normaliseWord(word: string): string {
  return foldSpelling(word.toLowerCase().replace(APOSTROPHES, ''));
}

/**
 * The words of a text. With sourceOffsets (a TextSpan's), token offsets are document offsets;
 * otherwise they are offsets into text.
 */
export function tokenize(text: string, sourceOffsets?: readonly number[]): WordToken[] {
  const tokens: WordToken[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const from = m.index;
    const to = from + m[0].length;
    const start = sourceOffsets ? sourceOffsets[from] : from;
    const end = sourceOffsets ? sourceOffsets[to - 1] + 1 : to;
    tokens.push({ norm: normaliseWord(m[0]), word: m[0], start, end });
  }
  return tokens;
}

// The vocabulary: each normalised word gets a small integer, so alignment compares integers and
// fingerprints hash each distinct word once. Ids are never reused; the vocabulary of a corpus and
// the drafts written against it is small (tens of thousands of words).
const idOfNorm = new Map<string, number>();
const norms: string[] = [];
let wordHashes = new Uint32Array(1024);
// Words as written, to their ids: most words recur, and normalising one costs several regexes.
const idOfWritten = new Map<string, number>();
/** Cleared when full: it only saves normalising again. */
const MAX_WRITTEN = 500_000;

/** The id of a word as written (the id of its normalised form). */
export function wordId(written: string): number {
  let id = idOfWritten.get(written);
  if (id !== undefined) return id;
  const norm = normaliseWord(written);
  id = idOfNorm.get(norm);
  if (id === undefined) {
    id = norms.length;
    norms.push(norm);
    idOfNorm.set(norm, id);
    if (id === wordHashes.length) {
      const grown = new Uint32Array(wordHashes.length * 2);
      grown.set(wordHashes);
      wordHashes = grown;
    }
    wordHashes[id] = hashWord(norm);
  }
  if (idOfWritten.size >= MAX_WRITTEN) idOfWritten.clear();
  idOfWritten.set(written, id);
  return id;
}

/** The normalised word of an id. */
export function normOf(id: number): string {
  return norms[id]!;
}

/** hashWord of each id's normalised word, into out (which must hold ids.length values); a draft's new word (negative id) too. */
export function hashesOf(ids: ArrayLike<number>, length: number, out: Uint32Array): Uint32Array {
  for (let i = 0; i < length; i++) {
    const id = ids[i]!;
    out[i] = id >= 0 ? wordHashes[id]! : newWordHashes[-1 - id]!;
  }
  return out;
}

/** The vocabulary's size (tests: a draft's new words do not enter it). */
export function vocabularySize(): number {
  return norms.length;
}

// A draft's words that the vocabulary does not have: each gets a negative id for one word list,
// and its hash here, until the next draft word list.
let newWordHashes = new Uint32Array(256);

/** A draft's word list and the normalised forms of its new words (new word k has id -1 - k). */
export interface DraftWordList {
  readonly words: WordList;
  readonly newWords: readonly string[];
}

/**
 * The words of a draft's texts, without adding its new words to the vocabulary: the vocabulary
 * is the corpus's, and a long session added every word typed (each partial word, each typo) for
 * good. A new word gets a negative id, the same for each of its occurrences, equal to no corpus
 * word; its hash is that of its normalised form, so fingerprints are as before. Valid until the
 * next call; settleNewWords then gives a new word the id the corpus gave it meanwhile.
 */
export function draftWordList(texts: readonly string[]): DraftWordList {
  const newIds = new Map<string, number>();
  const newWords: string[] = [];
  const words = listWords(texts, (written) => {
    const id = idOfWritten.get(written);
    if (id !== undefined) return id;
    const norm = normaliseWord(written);
    const known = idOfNorm.get(norm);
    if (known !== undefined) return known;
    let fresh = newIds.get(norm);
    if (fresh === undefined) {
      fresh = -1 - newWords.length;
      newIds.set(norm, fresh);
      newWords.push(norm);
      if (newWordHashes.length < newWords.length) {
        const grown = new Uint32Array(newWordHashes.length * 2);
        grown.set(newWordHashes);
        newWordHashes = grown;
      }
      newWordHashes[newWords.length - 1] = hashWord(norm);
    }
    return fresh;
  });
  return { words, newWords };
}

/**
 * A source read after the draft's word list may have brought a new word into the vocabulary (an
 * index read from the disk cache adds its units' words as they are first compared): the draft's
 * occurrences take its id, so draft and source words are equal exactly when their forms are.
 */
export function settleNewWords({ words, newWords }: DraftWordList): void {
  if (newWords.length === 0) return;
  const ids = words.ids;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id < 0) {
      const known = idOfNorm.get(newWords[-1 - id]!);
      if (known !== undefined) ids[i] = known;
    }
  }
}

/**
 * The words of one or more texts (a paragraph's spans, or a corpus unit's text) in compact form:
 * ids of the normalised words and where each word is, as offsets into its text.
 */
export class WordList {
  constructor(
    readonly texts: readonly string[],
    readonly ids: Int32Array,
    readonly from: Uint32Array,
    readonly to: Uint32Array,
    /** Which of the texts each word is in; absent when there is one text. */
    readonly textOf?: Uint16Array,
  ) {}

  get length(): number {
    return this.ids.length;
  }

  /** The word as written. */
  word(k: number): string {
    return this.texts[this.textOf ? this.textOf[k]! : 0]!.slice(this.from[k], this.to[k]);
  }

  /** Words from..to (exclusive) as written, joined by spaces. */
  words(from: number, to: number): string {
    let out = '';
    for (let k = from; k < to; k++) out += k === from ? this.word(k) : ` ${this.word(k)}`;
    return out;
  }

  /** Words from..to (exclusive) as the text has them: punctuation between them kept, whitespace collapsed. */
  written(from: number, to: number): string {
    if (to <= from) return '';
    const parts: string[] = [];
    let k = from;
    while (k < to) {
      const text = this.textOf ? this.textOf[k]! : 0;
      let last = k;
      while (last + 1 < to && (this.textOf ? this.textOf[last + 1]! : 0) === text) last++;
      parts.push(this.texts[text]!.slice(this.from[k], this.to[last]).replace(/\s+/g, ' '));
      k = last + 1;
    }
    return parts.join(' ');
  }

  /** The bytes it holds, roughly (for cache bounds). */
  get size(): number {
    return this.ids.length * (this.textOf ? 14 : 12);
  }
}

let scratchIds = new Int32Array(4096);
let scratchFrom = new Uint32Array(4096);
let scratchTo = new Uint32Array(4096);
let scratchText = new Uint16Array(4096);

function ensureScratch(words: number): void {
  if (words <= scratchIds.length) return;
  let size = scratchIds.length;
  while (size < words) size *= 2;
  scratchIds = new Int32Array(size);
  scratchFrom = new Uint32Array(size);
  scratchTo = new Uint32Array(size);
  scratchText = new Uint16Array(size);
}

/** The words of texts, in order (of the corpus: their words enter the vocabulary). */
export function wordList(texts: readonly string[]): WordList {
  return listWords(texts, wordId);
}

function listWords(texts: readonly string[], idOf: (written: string) => number): WordList {
  // A text of n characters has at most (n + 1) / 2 words.
  ensureScratch(texts.reduce((sum, text) => sum + (text.length >> 1) + 1, 0));
  let n = 0;
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t]!;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      scratchIds[n] = idOf(m[0]);
      scratchFrom[n] = m.index;
      scratchTo[n] = m.index + m[0].length;
      scratchText[n++] = t;
    }
  }
  return new WordList(texts, scratchIds.slice(0, n), scratchFrom.slice(0, n), scratchTo.slice(0, n), texts.length > 1 ? scratchText.slice(0, n) : undefined);
}

/**
 * The word ids of a text, in a buffer reused by the next call (valid until then); only the
 * first `count` entries are the text's.
 */
export function wordIdsOf(text: string): { readonly ids: Int32Array; readonly count: number } {
  ensureScratch((text.length >> 1) + 1);
  let n = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) scratchIds[n++] = wordId(m[0]);
  return { ids: scratchIds, count: n };
}
