// Normalisation of prose to word tokens for agreed-language provenance: lower case, no
// punctuation or typographic quotes, British and American spellings folded together. Each
// token keeps where it came from, so a match can be mapped back to the draft.

export interface WordToken {
  /** The normalised form compared across documents. */
  readonly norm: string;
  /** The word as written. */
  readonly word: string;
  /** Offset of the word's first character (document offset when sourceOffsets are given). */
  readonly start: number;
  /** Offset just after the word's last character. */
  readonly end: number;
  /** For tokens of several spans: the span, and the word's offsets in that span's text. */
  readonly at?: { readonly span: number; readonly from: number; readonly to: number };
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

/** The tokens of several spans, in order (a paragraph's). */
export function tokenizeSpans(spans: readonly { readonly text: string; readonly sourceOffsets: readonly number[] }[]): WordToken[] {
  const tokens: WordToken[] = [];
  spans.forEach((span, k) => {
    WORD.lastIndex = 0;
    for (let m = WORD.exec(span.text); m; m = WORD.exec(span.text)) {
      const from = m.index;
      const to = from + m[0].length;
      tokens.push({ norm: normaliseWord(m[0]), word: m[0], start: span.sourceOffsets[from]!, end: span.sourceOffsets[to - 1]! + 1, at: { span: k, from, to } });
    }
  });
  return tokens;
}
