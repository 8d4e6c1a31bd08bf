// The words of UN texts that every reader of them needs, each listed once: the months dates are
// written with, the Latin ordinals of inserted paragraphs, the organs with the names their
// resolutions are cited by, and what the start of a symbol says of its document. Plain data; this module imports nothing, so any layer may use it
// (parse, references, corpus, import, rules, features).

/** The months, as the UN Editorial Manual writes dates: "6 April 2017". */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Regex source matching any month name. */
export const MONTH_SOURCE = MONTHS.join('|');

/**
 * The Latin ordinals of paragraphs inserted in a negotiated draft ("5 bis" is the second paragraph
 * 5, "5 ter" the third), with the place each stands for. The ninth is spelt both "novies" and
 * "nonies" in UN drafts; both are read, and both count as the ninth.
 */
const INSERTIONS: readonly (readonly [word: string, place: number])[] = [
  ['bis', 2],
  ['ter', 3],
  ['quater', 4],
  ['quinquies', 5],
  ['sexies', 6],
  ['septies', 7],
  ['octies', 8],
  ['novies', 9],
  ['nonies', 9],
  ['decies', 10],
];

/** "bis", "ter", …, "novies", "nonies", "decies". */
export const INSERTION_WORDS: readonly string[] = INSERTIONS.map(([word]) => word);

/** Regex source matching any insertion word (no word boundary: callers add what follows). */
export const INSERTION_SOURCE = INSERTION_WORDS.join('|');

const PLACE = new Map(INSERTIONS);

/** The place an insertion word stands for: "bis" → 2, "nonies" and "novies" → 9; undefined for another word. */
export function insertionPlace(word: string): number | undefined {
  return PLACE.get(word.toLowerCase());
}

/** The insertion word for a place: 2 → "bis", 9 → "novies" (the older spelling); undefined beyond the list. */
export function insertionWord(place: number): string | undefined {
  return INSERTIONS.find(([, p]) => p === place)?.[0];
}

/** Who adopted a resolution, as the reference grammar tells it; 'other' when named but none of these ("WHO", "Council"). */
export type Organ = 'GA' | 'HRC' | 'SC' | 'ECOSOC' | 'CHR' | 'Council' | 'other';

/** How drafts name an organ right before "resolution". Longer names first where one contains another. */
export const ORGAN_NAMES: readonly (readonly [name: string, organ: Organ])[] = [
  ['General Assembly', 'GA'],
  ['World Health Assembly', 'other'],
  ['Assembly', 'GA'],
  ['UNGA', 'GA'],
  ['GA', 'GA'],
  ['Human Rights Council', 'HRC'],
  ['HRC', 'HRC'],
  ['Security Council', 'SC'],
  ['UNSC', 'SC'],
  ['Economic and Social Council', 'ECOSOC'],
  ['ECOSOC', 'ECOSOC'],
  ['Commission on Human Rights', 'CHR'],
  // "Council resolution …": which Council the number's form says (1996/31 ECOSOC, 2282 (2016) Security Council).
  ['Council', 'Council'],
  ['Commission', 'other'],
  ['Committee', 'other'],
  ['Conference', 'other'],
  ['Board', 'other'],
];

/** The organs whose resolutions have document symbols, by their full names. */
export const ORGAN_FULL_NAMES = {
  GA: 'General Assembly',
  HRC: 'Human Rights Council',
  SC: 'Security Council',
  ECOSOC: 'Economic and Social Council',
} as const satisfies Partial<Record<Organ, string>>;

export type NumberingOrgan = keyof typeof ORGAN_FULL_NAMES;

/** The principal bodies whose texts open "The General Assembly, …" (cover pages, first lines). */
export const BODY_NAMES: readonly string[] = ['General Assembly', 'Security Council', 'Economic and Social Council', 'Human Rights Council', 'Trusteeship Council'];

export interface NumberedSeries {
  /** The symbol's prefix before the number: "A/RES/", "S/RES/". */
  readonly prefix: string;
  readonly organ: NumberingOrgan;
  readonly word: 'resolution' | 'decision';
  /** How UN texts cite a member by number: "resolution 67/172", "Security Council resolution 2240 (2015)". */
  readonly citedAs: string;
}

/**
 * The series of resolutions and decisions cited by number. The General Assembly's are cited as plain
 * "resolution 67/172": a number alone is read as the Assembly's; every other organ is named.
 */
export const NUMBERED_SERIES: readonly NumberedSeries[] = [
  { prefix: 'A/RES/', organ: 'GA', word: 'resolution', citedAs: 'resolution' },
  { prefix: 'A/HRC/RES/', organ: 'HRC', word: 'resolution', citedAs: 'Human Rights Council resolution' },
  { prefix: 'A/HRC/DEC/', organ: 'HRC', word: 'decision', citedAs: 'Human Rights Council decision' },
  { prefix: 'S/RES/', organ: 'SC', word: 'resolution', citedAs: 'Security Council resolution' },
  { prefix: 'E/RES/', organ: 'ECOSOC', word: 'resolution', citedAs: 'Economic and Social Council resolution' },
];

/** The numbered series a symbol belongs to, if any. */
export function numberedSeriesOf(symbol: string): NumberedSeries | undefined {
  return NUMBERED_SERIES.find((series) => symbol.startsWith(series.prefix));
}

/** What the start of a symbol says of its document: the issuing body and the kind of document. */
export interface SymbolSeries {
  readonly pattern: RegExp;
  readonly body: string;
  readonly kind: string;
}

/**
 * The principal organs' series of document symbols, the first that matches telling the body and
 * kind ("A/C.3/80/L.5" is a General Assembly draft). The numbered series first, from
 * NUMBERED_SERIES; then the organs' other series, each before the wider one that contains it. Facts
 * of the symbol grammar (shared/facts/README.md), used where no text states the body or kind.
 */
export const SYMBOL_SERIES: readonly SymbolSeries[] = [
  ...NUMBERED_SERIES.map((series) => ({ pattern: new RegExp(`^${series.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), body: ORGAN_FULL_NAMES[series.organ], kind: series.word })),
  { pattern: /^A\/HRC\//, body: ORGAN_FULL_NAMES.HRC, kind: 'document' },
  { pattern: /^S\/PRST\//, body: ORGAN_FULL_NAMES.SC, kind: 'presidential statement' },
  { pattern: /^S\//, body: ORGAN_FULL_NAMES.SC, kind: 'document' },
  { pattern: /^E\/CN\.\d+\//, body: ORGAN_FULL_NAMES.ECOSOC, kind: 'commission document' },
  { pattern: /^E\//, body: ORGAN_FULL_NAMES.ECOSOC, kind: 'document' },
  { pattern: /^A\/C\.\d\/\d+\/L\./, body: ORGAN_FULL_NAMES.GA, kind: 'draft' },
  { pattern: /^A\/\d+\/L\./, body: ORGAN_FULL_NAMES.GA, kind: 'draft' },
  { pattern: /^A\/CONF\./, body: 'United Nations conference', kind: 'document' },
  { pattern: /^A\//, body: ORGAN_FULL_NAMES.GA, kind: 'document' },
];
