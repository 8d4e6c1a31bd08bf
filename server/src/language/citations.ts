// Citations in the house style, for the "Insert citation…" command and completion documentation:
//   'long'        "General Assembly resolution 71/280 of 6 April 2017"
//   'short'       "resolution 71/280"
//   'full-symbol' "A/RES/71/280"
// Every form reads back, through the reference grammar, as the document it was made from; a form
// that would not ("resolution 35/17" alone is read as the General Assembly's) keeps its organ.
// Dates are written only where the registry vouches for the day: a citation that states a date the
// facts do not support would be a date-mismatch waiting to happen.
import type { Corpus, CorpusEntry } from '../corpus';
import { symbolKey } from '../corpus';
import { displayDate, formatDate } from '../naming';
import type { CitationChoice, CitationForm } from '../protocol';
import { ORGAN_FULL_NAMES } from '../vocabulary';

export type { CitationChoice, CitationChoicesParams, CitationForm } from '../protocol';

export const CITATION_FORMS: readonly CitationForm[] = ['long', 'short', 'full-symbol'];

/**
 * The words before the insertion point that shape the citation. After "its" or "their" the
 * speaking organ is the owner: "*Recalling* its resolution 71/280 of 6 April 2017", never "its
 * General Assembly resolution …"; another organ's resolution (or a report) cannot follow "its",
 * so the possessive is replaced: "*Recalling* Human Rights Council resolution 35/17".
 */
export interface CitationContext {
  /** "its " or "their " right before the insertion point (with its spacing), if there. */
  readonly possessive?: string;
  /** The organ the draft speaks for ("*The General Assembly*," heading); the General Assembly when it does not say. */
  readonly ownOrgan: string;
}

const POSSESSIVE_BEFORE = /(?<![\p{L}\p{N}])(?:its|their)[ \t]+$/iu;
const OWN_ORGAN = /^[ \t]*[*_]{0,2}The (General Assembly|Human Rights Council|Security Council|Economic and Social Council)[*_]{0,2}[ \t]*,?/m;

/** The context of an insertion at `offset` of a draft's text. */
export function citationContext(text: string, offset: number): CitationContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const possessive = POSSESSIVE_BEFORE.exec(text.slice(lineStart, offset))?.[0];
  const ownOrgan = OWN_ORGAN.exec(text.slice(0, 20_000))?.[1] ?? 'General Assembly';
  return { ...(possessive ? { possessive } : {}), ownOrgan };
}

/** A short form: who adopted it, what it is, and its number as cited. */
interface ShortForm {
  /** "General Assembly", "Human Rights Council", "Security Council", "Economic and Social Council". */
  readonly organ: string;
  readonly word: 'resolution' | 'decision';
  /** "71/280", "2240 (2015)", "217 (III)", "S-13/2". */
  readonly number: string;
  /** Whether the organ must be named for the grammar (and a reader) to tell whose it is. */
  readonly organRequired: boolean;
}

const SHORT_FORMS: readonly { pattern: RegExp; form: (m: RegExpExecArray) => ShortForm }[] = [
  {
    pattern: /^A\/RES\/((?:E?S-)?\d{1,3}\/\d{1,4})$/,
    form: (m) => ({ organ: ORGAN_FULL_NAMES.GA, word: 'resolution', number: m[1], organRequired: false }),
  },
  {
    pattern: /^A\/RES\/(\d{1,4}) \(([IVXL]{1,7})\)$/,
    form: (m) => ({ organ: ORGAN_FULL_NAMES.GA, word: 'resolution', number: `${m[1]} (${m[2]})`, organRequired: false }),
  },
  {
    pattern: /^A\/HRC\/(RES|DEC)\/(\d{1,2}\/\d{1,4})$/,
    form: (m) => ({ organ: ORGAN_FULL_NAMES.HRC, word: m[1] === 'RES' ? 'resolution' : 'decision', number: m[2], organRequired: true }),
  },
  {
    pattern: /^S\/RES\/(\d{1,4}) \(((?:19|20)\d{2})\)$/,
    form: (m) => ({ organ: ORGAN_FULL_NAMES.SC, word: 'resolution', number: `${m[1]} (${m[2]})`, organRequired: false }),
  },
  {
    pattern: /^E\/RES\/(\d{4}\/\d{1,4})$/,
    form: (m) => ({ organ: ORGAN_FULL_NAMES.ECOSOC, word: 'resolution', number: m[1], organRequired: true }),
  },
];

/** "A/RES/71/280" → General Assembly resolution 71/280; undefined for documents that are no resolution or decision. */
export function shortFormOf(symbol: string): ShortForm | undefined {
  for (const { pattern, form } of SHORT_FORMS) {
    const m = pattern.exec(symbol);
    if (m) return form(m);
  }
  return undefined;
}

/** What a citation needs to know of a document. */
export interface CitableDocument {
  readonly symbol: string;
  /** ISO date (or a year, a year-month). */
  readonly date?: string;
  /** False when the facts do not vouch for the date: then it is not written. */
  readonly dateVerified: boolean;
}

export function citableDocument(entry: CorpusEntry): CitableDocument {
  const facts = entry.registry;
  if (facts) return { symbol: entry.symbol, date: facts.date, dateVerified: !facts.unverified?.includes('date') };
  // A text of the user's corpus: its date is what its own front matter or cover page declares.
  return { symbol: entry.symbol, date: entry.document?.date, dateVerified: entry.document?.date !== undefined };
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** " of 6 April 2017", where the facts vouch for the day. */
export function dateClause(document: CitableDocument): string {
  return document.dateVerified && document.date && FULL_DATE.test(document.date) ? ` of ${formatDate(document.date)}` : '';
}

/** A citation in one of the house forms. */
export function formatCitation(document: CitableDocument, form: CitationForm): string {
  if (form === 'full-symbol') return document.symbol;
  const short = shortFormOf(document.symbol);
  if (form === 'short') {
    if (!short) return document.symbol;
    return short.organRequired ? `${short.organ} ${short.word} ${short.number}` : `${short.word} ${short.number}`;
  }
  const date = dateClause(document);
  return short ? `${short.organ} ${short.word} ${short.number}${date}` : `${document.symbol}${date}`;
}

/** VS Code renders "$(name)" in quick picks as an icon; corpus text must not. */
function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/** The display date of an entry: the registry's (year only when unverified), else the held text's own. */
export function entryDisplayDate(entry: CorpusEntry): string | undefined {
  if (entry.registry) return displayDate(entry.registry);
  const date = entry.document?.date;
  return date && /^\d{4}(-\d\d){0,2}$/.test(date) ? formatDate(date) : date;
}

export function entryTitle(entry: CorpusEntry): string | undefined {
  return entry.registry?.title ?? entry.document?.title;
}

/** The ISO date used to rank by recency (newest first); unverified days still place the year. */
export function entrySortDate(entry: CorpusEntry): string | undefined {
  return entry.registry?.date ?? entry.document?.date;
}

/** Every document of the corpus with a symbol (registry and texts), for the quick pick: cited first, then newest first. */
export function citationChoices(corpus: Corpus, cited: ReadonlySet<string> = new Set(), context?: CitationContext): CitationChoice[] {
  const citedKeys = new Set([...cited].map(symbolKey));
  const choices = corpus.symbols().flatMap((symbol): CitationChoice[] => {
    const entry = corpus.lookup(symbol);
    if (!entry) return [];
    const title = entryTitle(entry);
    const date = entryDisplayDate(entry);
    const aliases = entry.registry?.aliases ?? [];
    const document = citableDocument(entry);
    const plain = { long: formatCitation(document, 'long'), short: formatCitation(document, 'short'), 'full-symbol': entry.symbol };
    const fitted = context?.possessive ? afterPossessive(document, plain, context) : { citations: plain };
    const detail = [title, aliases.length ? `also: ${aliases.join('; ')}` : ''].filter(Boolean).join(' · ');
    return [
      {
        symbol: entry.symbol,
        ...(title ? { title } : {}),
        ...(date ? { date } : {}),
        aliases,
        cited: citedKeys.has(symbolKey(entry.symbol)),
        citations: fitted.citations,
        ...(fitted.replaceBefore ? { replaceBefore: fitted.replaceBefore } : {}),
        label: escapeIcons(entry.symbol),
        description: escapeIcons(date ?? ''),
        detail: escapeIcons(detail),
      },
    ];
  });
  const dateOf = new Map(choices.map((c) => [c.symbol, entrySortDate(corpus.lookup(c.symbol)!) ?? '']));
  return choices.sort(
    (a, b) => Number(b.cited) - Number(a.cited) || dateOf.get(b.symbol)!.localeCompare(dateOf.get(a.symbol)!) || a.symbol.localeCompare(b.symbol),
  );
}

/** The citations after "its": the organ's own resolutions without the organ; anything else replaces the "its". */
function afterPossessive(
  document: CitableDocument,
  citations: Record<CitationForm, string>,
  context: CitationContext,
): { citations: Record<CitationForm, string>; replaceBefore?: number } {
  const short = shortFormOf(document.symbol);
  if (!short || short.organ !== context.ownOrgan) return { citations, replaceBefore: context.possessive!.length };
  const date = dateClause(document);
  return {
    citations: {
      long: `${short.word} ${short.number}${date}`,
      short: `${short.word} ${short.number}`,
      'full-symbol': `${short.word} ${document.symbol}`,
    },
  };
}
