// Completion: what the drafter is typing decides what is offered. The line up to the cursor is read
// for one context at a time, the first that fits:
//   "Objective 7"                      → the Compact's objective titles
//   "A/68/283, para. 8"                → paragraph numbers of a held text, with their first words
//   "A/RES/71/"                        → documents (and deeper groups) under the typed symbol
//   "resolution 71/", "Human Rights Council resolution 35/"
//                                      → resolutions of that organ, by number
//   "1. *Urg" at a paragraph start     → drafting snippets (openings, objectives, the issue-brief list)
//   "Sutherland", "New York Decl"      → a registry name, written with its symbol
// Documents already cited in the draft come first, then the newest. Every edit replaces exactly the
// typed prefix. Documentation quotes the corpus, which is untrusted: it is escaped Markdown.
// filterText is set only where it differs from the label: Neovim 0.7 ignores the textEdit range of an
// item that has one and replaces the keyword before the cursor instead ("resolution 71/71/280").
import { CompletionItemKind, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { analyzeDraft, type DraftAnalysis } from '../analysis';
import { successorOf, symbolKey, type Corpus, type CorpusEntry } from '../corpus';
import { type CitationForm, citableDocument, dateClause, entryDisplayDate, entrySortDate, entryTitle, formatCitation, shortFormOf } from '../language/citations';
import { GCM_OBJECTIVES, GCM_SYMBOL } from '../language/gcm';
import { PARAGRAPH_NUMBER_SOURCE, escapeRegExp } from '../language/patterns';
import { DRAFTING_SNIPPETS, type SnippetKind } from '../language/snippets';
import { findReferences, type AliasEntry } from '../references';
import { INSERTION_SOURCE, ORGAN_FULL_NAMES, ORGAN_NAMES, type Organ } from '../vocabulary';
import { ORGANS } from '../references/symbols';
import { escapeMarkdown, truncate } from './markdown';
import { visibleText } from '../text/invisible';
import { draftSession, sessionOrdinal } from './draftSession';
import { snippetCompletions } from './snippets';

export interface CompletionOptions {
  /** The character that triggered the request (LSP CompletionContext.triggerCharacter). */
  readonly triggerCharacter?: string;
  /**
   * Serve the drafting snippets at the start of a paragraph (default true). A client that also loads
   * snippets/compact-drafter.code-snippets (VS Code) may turn this off so they are not listed twice.
   */
  readonly snippets?: boolean;
  /**
   * The house form (compactDrafter.citation.form): with 'long', a resolution number completes with its
   * date where the registry vouches for the day ("72/179 of 19 December 2017"), as "Insert citation…" writes it.
   */
  readonly citationForm?: CitationForm;
}

/** For the server's completionProvider capability: "/" in symbols, " " after "resolution" and "para.", "." in "para.". */
export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = ['/', ' ', '.'];

/** How far back on the line a context is looked for. */
const WINDOW = 400;

interface Request {
  readonly text: string;
  readonly offset: number;
  readonly corpus: Corpus;
  /** The line up to the cursor (at most WINDOW characters). */
  readonly before: string;
  /** Where `before` starts in the text. */
  readonly beforeStart: number;
  /** Where the line starts in the text. */
  readonly lineStart: number;
  readonly line: number;
  readonly options: CompletionOptions;
  /** Symbol keys cited in the draft, computed on first use. */
  readonly cited: () => ReadonlySet<string>;
}

type Context = (request: Request) => CompletionItem[] | { items: CompletionItem[]; isIncomplete: boolean } | undefined;

/**
 * The completion items at `offset` of a draft (its analysis, or its text). Pure: the corpus and the
 * draft are all it reads.
 */
/** Per analysis, not per request: on a long draft the set costs more than the rest of a completion. */
const citedKeysByAnalysis = new WeakMap<DraftAnalysis, ReadonlySet<string>>();

function citedKeysOf(analysis: DraftAnalysis): ReadonlySet<string> {
  let keys = citedKeysByAnalysis.get(analysis);
  if (!keys) {
    keys = new Set(analysis.references.flatMap((ref) => (ref.symbol ? [symbolKey(ref.symbol)] : [])));
    citedKeysByAnalysis.set(analysis, keys);
  }
  return keys;
}

export function completionsAt(input: DraftAnalysis | string, offset: number, corpus: Corpus, options: CompletionOptions = {}): CompletionItem[] {
  return completionListAt(input, offset, corpus, options).items;
}

/** Documents listed at most in one answer; the list is then incomplete, and asked again as the drafter types on. */
export const MAX_DOCUMENT_ITEMS = 50;

/** The completion list at `offset`: its items, and whether typing more would find others (a registry of thousands is not listed whole). */
export function completionListAt(input: DraftAnalysis | string, offset: number, corpus: Corpus, options: CompletionOptions = {}): { isIncomplete: boolean; items: CompletionItem[] } {
  const text = typeof input === 'string' ? input : input.model.text;
  if (offset < 0 || offset > text.length) return { isIncomplete: false, items: [] };
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const beforeStart = Math.max(lineStart, offset - WINDOW);
  let citedKeys: ReadonlySet<string> | undefined;
  const request: Request = {
    text,
    offset,
    corpus,
    before: text.slice(beforeStart, offset),
    beforeStart,
    lineStart,
    line: countLines(text, lineStart),
    options,
    cited: () => {
      citedKeys ??= citedKeysOf(typeof input === 'string' ? analyzeDraft(text, corpus) : input);
      return citedKeys;
    },
  };
  const contexts = contextsFor(options.triggerCharacter);
  for (const context of contexts) {
    const found = context(request);
    if (!found) continue;
    const { items, isIncomplete } = Array.isArray(found) ? { items: found, isIncomplete: false } : found;
    // Sorted as clients sort them (by sortText), so that the answer reads in its ranking.
    return { isIncomplete, items: items.map(visibleItem).sort((a, b) => byCodeUnits(a.sortText ?? a.label, b.sortText ?? b.label)) };
  }
  return { isIncomplete: false, items: [] };
}

/** Sort keys compare as clients compare sortText, by code units (and localeCompare costs a microsecond a call: thousands a request). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The best-ranked documents of a list already ranked newest first: those the draft cites, then the
 * rest, at most MAX_DOCUMENT_ITEMS of them.
 */
function bestRanked(request: Request, ranked: readonly KnownDocument[]): { documents: readonly KnownDocument[]; cut: boolean } {
  if (ranked.length <= MAX_DOCUMENT_ITEMS) return { documents: ranked, cut: false };
  const cited = request.cited();
  const first = ranked.filter((d) => cited.has(d.key));
  const documents = first.length >= MAX_DOCUMENT_ITEMS ? first.slice(0, MAX_DOCUMENT_ITEMS) : [...first, ...ranked.filter((d) => !cited.has(d.key)).slice(0, MAX_DOCUMENT_ITEMS - first.length)];
  return { documents, cut: true };
}

/**
 * The documents a completion context lists, ranked newest first, kept per corpus and query: a
 * drafter types on within one prefix ("A/RES/", "A/RES/7", "A/RES/79/"), and a registry of
 * thousands is not filtered, ranked and grouped again at every keystroke.
 */
interface Listing {
  readonly ranked: readonly KnownDocument[];
  /** Groups below a symbol prefix ("A/RES/71/"), with what their items show. */
  readonly groups: readonly { readonly label: string; readonly detail: string; readonly documentation: string; readonly sortText: string }[];
}

const LISTINGS_KEPT = 256;
const listingsByCorpus = new WeakMap<Corpus, Map<string, Listing>>();

function listing(corpus: Corpus, key: string, make: () => Listing): Listing {
  let listings = listingsByCorpus.get(corpus);
  if (!listings) listingsByCorpus.set(corpus, (listings = new Map()));
  let found = listings.get(key);
  if (!found) {
    if (listings.size >= LISTINGS_KEPT) listings.clear();
    listings.set(key, (found = make()));
  }
  return found;
}

function rankedNewestFirst(documents: KnownDocument[]): KnownDocument[] {
  return documents.sort((a, b) => byCodeUnits(a.order, b.order));
}

/** Corpus text in an item's plain-text fields, without invisible characters (its Markdown went through escapeMarkdown). */
function visibleItem(item: CompletionItem): CompletionItem {
  return {
    ...item,
    label: visibleText(item.label),
    ...(item.detail !== undefined ? { detail: visibleText(item.detail) } : {}),
    ...(item.filterText !== undefined ? { filterText: visibleText(item.filterText) } : {}),
    ...(item.labelDetails
      ? { labelDetails: { ...(item.labelDetails.detail !== undefined ? { detail: visibleText(item.labelDetails.detail) } : {}), ...(item.labelDetails.description !== undefined ? { description: visibleText(item.labelDetails.description) } : {}) } }
      : {}),
    ...(item.textEdit && 'range' in item.textEdit ? { textEdit: { ...item.textEdit, newText: visibleText(item.textEdit.newText) } } : {}),
  };
}

/** A space or a full stop typed by the drafter is no reason to offer snippets or names. */
function contextsFor(trigger: string | undefined): readonly Context[] {
  if (trigger === ' ') return [pinpointContext, shortFormContext, objectiveTitleContext];
  if (trigger === '.') return [pinpointContext, symbolContext];
  if (trigger === '/') return [symbolContext, shortFormContext];
  return [objectiveTitleContext, pinpointContext, symbolContext, shortFormContext, snippetContext, aliasContext];
}

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** The range from `start` (an offset on the cursor's line) to the cursor. */
function rangeTo(request: Request, start: number): Range {
  return {
    start: { line: request.line, character: start - request.lineStart },
    end: { line: request.line, character: request.offset - request.lineStart },
  };
}

// ---------------------------------------------------------------------------------------------
// The documents the corpus knows, with what completion shows of them.

interface KnownDocument {
  readonly symbol: string;
  readonly key: string;
  readonly entry: CorpusEntry;
  readonly title?: string;
  /** As users may rely on it ("2012 (exact date not verified)"). */
  readonly date?: string;
  /** "20170406" for ranking, newest first. */
  readonly recency: string;
  /** Newest first, then by symbol: the rank of an uncited document, computed once per corpus. */
  readonly order: string;
  /** How the document is cited by number ("71/280"), where it is: computed once per corpus. */
  readonly short: ReturnType<typeof shortFormOf>;
}

const knownByCorpus = new WeakMap<Corpus, readonly KnownDocument[]>();

function knownDocuments(corpus: Corpus): readonly KnownDocument[] {
  let known = knownByCorpus.get(corpus);
  if (!known) {
    known = corpus.symbols().flatMap((symbol): KnownDocument[] => {
      const entry = corpus.lookup(symbol);
      if (!entry) return [];
      const title = entryTitle(entry);
      const date = entryDisplayDate(entry);
      const sortDate = entrySortDate(entry) ?? '';
      const recency = /^\d{4}/.test(sortDate) ? sortDate.replace(/-/g, '').padEnd(8, '0').slice(0, 8) : '00000000';
      return [
        {
          symbol: entry.symbol,
          key: symbolKey(entry.symbol),
          entry,
          ...(title ? { title } : {}),
          ...(date ? { date } : {}),
          recency,
          order: `${String(99999999 - Number(recency)).padStart(8, '0')}${entry.symbol}`,
          short: shortFormOf(entry.symbol),
        },
      ];
    });
    knownByCorpus.set(corpus, known);
  }
  return known;
}

/** Cited first, then newest first, then by symbol. */
function rank(document: KnownDocument, cited: boolean): string {
  return `${cited ? 0 : 1}${document.order}`;
}

function documentMarkdown(document: KnownDocument, corpus: Corpus, cited: boolean): string {
  const { entry } = document;
  const facts = entry.registry;
  const head = [`**${escapeMarkdown(document.symbol)}**`];
  if (facts) head.push(`${escapeMarkdown(facts.body)} ${escapeMarkdown(facts.kind)}`);
  if (document.date) head.push(escapeMarkdown(document.date));
  const lines = [head.join(' · ')];
  if (document.title) {
    const doubt = facts?.unverified?.includes('title') ? ' (title not verified)' : facts?.titleIsDescription ? ' (description; the document bears no title)' : '';
    lines.push(`*${escapeMarkdown(document.title)}*${doubt}`);
  }
  if (facts?.aliases?.length) lines.push(`Also called ${facts.aliases.map((a) => `“${escapeMarkdown(a)}”`).join(', ')}`);
  const succession = successorOf(corpus, document.symbol);
  if (succession) {
    const why = succession.reason === 'adopted' ? 'adopted as' : succession.reason === 'revised' ? 'revised as' : 'superseded by the later resolution';
    lines.push(`⚠ ${why} **${escapeMarkdown(succession.symbol)}**`);
  }
  if (entry.document) {
    const count = entry.document.isParsed ? entry.document.model.paragraphs.length : undefined;
    lines.push(count === undefined ? 'Text held in the corpus' : `Text held in the corpus (${count} numbered paragraphs)`);
  }
  lines.push(`Cited as: ${escapeMarkdown(formatCitation(citableDocument(entry), 'long'))}${cited ? ' · already cited in this draft' : ''}`);
  return lines.join('\n\n');
}

/** Enough of a title to tell documents apart in the list; the full title is in `detail`. */
const LABEL_TITLE_CHARS = 30;

/** Each document's documentation, cited and not, once per corpus (KnownDocuments are per corpus). */
const markdownByDocument = new WeakMap<KnownDocument, { cited?: string; uncited?: string }>();

function cachedDocumentMarkdown(document: KnownDocument, corpus: Corpus, cited: boolean): string {
  let cached = markdownByDocument.get(document);
  if (!cached) markdownByDocument.set(document, (cached = {}));
  const key = cited ? 'cited' : 'uncited';
  return (cached[key] ??= documentMarkdown(document, corpus, cited));
}

function documentItem(request: Request, document: KnownDocument, label: string, range: Range, newText: string): CompletionItem {
  const cited = request.cited().has(document.key);
  return {
    label,
    kind: CompletionItemKind.Reference,
    ...(document.title ? { detail: document.title } : {}),
    // The title beside the label: VS Code shows `detail` only for the focused row, and drafters pick by title.
    labelDetails: {
      ...(document.title ? { detail: ` ${truncate(document.title, LABEL_TITLE_CHARS)}` } : {}),
      ...(document.date ? { description: document.date } : {}),
    },
    documentation: { kind: MarkupKind.Markdown, value: cachedDocumentMarkdown(document, request.corpus, cited) },
    sortText: rank(document, cited),
    textEdit: { range, newText },
  };
}

// ---------------------------------------------------------------------------------------------
// "A/68/283, para. 8": the paragraphs of a held text.

const LABEL = String.raw`\d{1,4}(?:[ \t]?(?:${INSERTION_SOURCE})\b)?(?:[ \t]?\([a-z]{1,5}\)){0,2}`;
const SEPARATOR = String.raw`(?:[ \t]?,[ \t]?(?:and[ \t]+)?|[ \t]+(?:and|to)[ \t]+|[ \t]?[-–][ \t]?)`;
const PINPOINT_TAIL = new RegExp(String.raw`(?:,[ \t]*|[ \t]+|\()[Pp]ara(?:graphs?|s?\.|s)?[ \t\u00a0]+((?:${LABEL}${SEPARATOR})*)(\d{0,4})$`, 'u');
const FIRST_WORDS = 10;
const PARAGRAPH_CHARS = 500;

/** The document a pinpoint typed after it belongs to: the reference that ends right before ", para.". */
function citedBefore(text: string, corpus: Corpus): string | undefined {
  // Markdown around the citation: "[A/HRC/23/46](#)", "*resolution 71/1*".
  const cleaned = text
    .replace(/\]\([^()\s]*\)$/, '')
    .replace(/[*_]+$/, '')
    .replace(/[\s,(]+$/, '');
  const refs = findReferences(cleaned, { aliases: corpus.aliases() });
  const last = refs[refs.length - 1];
  return last && last.kind !== 'internal' && last.range.end === cleaned.length ? last.symbol : undefined;
}

function firstWords(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length <= FIRST_WORDS ? words.join(' ') : `${words.slice(0, FIRST_WORDS).join(' ')} …`;
}

const pinpointContext: Context = (request) => {
  const m = PINPOINT_TAIL.exec(request.before);
  if (!m) return undefined;
  const symbol = citedBefore(request.before.slice(0, m.index), request.corpus);
  if (!symbol) return undefined;
  const entry = request.corpus.lookup(symbol);
  const held = entry?.document;
  // Without the text there is nothing to offer: the paragraph numbers are not known.
  if (!entry || !held) return [];
  const partial = m[2];
  const range = rangeTo(request, request.offset - partial.length);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  held.model.paragraphs.forEach((paragraph, index) => {
    if (seen.has(paragraph.label) || !paragraph.label.startsWith(partial)) return;
    seen.add(paragraph.label);
    items.push({
      label: paragraph.label,
      kind: CompletionItemKind.Value,
      detail: firstWords(paragraph.text),
      documentation: {
        kind: MarkupKind.Markdown,
        value: `Paragraph ${escapeMarkdown(paragraph.label)} of ${escapeMarkdown(entry.symbol)}: “${escapeMarkdown(truncate(paragraph.text, PARAGRAPH_CHARS))}”`,
      },
      sortText: `${String(paragraph.number).padStart(5, '0')}${String(index).padStart(5, '0')}`,
      textEdit: { range, newText: paragraph.label },
    });
  });
  return items;
};

// ---------------------------------------------------------------------------------------------
// "A/RES/71/": the documents under a symbol prefix, and the groups ("A/RES/71/") below it.

const SYMBOL_PREFIX = new RegExp(
  String.raw`(?<![\p{L}\p{N}_/.\-:@#&=?%~\\])((?:${[...ORGANS].sort((a, b) => b.length - a.length).join('|')})[ \t]?/[A-Za-z0-9.\-/]*)$`,
  'iu',
);

const symbolContext: Context = (request) => {
  const m = SYMBOL_PREFIX.exec(request.before);
  if (!m) return undefined;
  const typed = m[1];
  const prefixKey = symbolKey(typed);
  const start = request.offset - typed.length;
  const range = rangeTo(request, start);
  const { ranked, groups } = listing(request.corpus, `symbol ${prefixKey}`, () => symbolListing(request.corpus, prefixKey));
  // "a/b" is a phrase, not a symbol: say nothing and let the other contexts speak.
  if (ranked.length === 0) return undefined;
  const shown = bestRanked(request, ranked);
  const items = shown.documents.map((d) => documentItem(request, d, d.symbol, range, d.symbol));
  for (const group of groups) {
    items.push({
      label: group.label,
      kind: CompletionItemKind.Folder,
      detail: group.detail,
      documentation: { kind: MarkupKind.Markdown, value: group.documentation },
      sortText: group.sortText,
      textEdit: { range, newText: group.label },
      // Open the list again for what lies below the group.
      command: { title: 'Suggest', command: 'editor.action.triggerSuggest' },
    });
  }
  return { items, isIncomplete: shown.cut };
};

function symbolListing(corpus: Corpus, prefixKey: string): Listing {
  const ranked = rankedNewestFirst(knownDocuments(corpus).filter((d) => d.key.startsWith(prefixKey)));
  const byGroup = new Map<string, KnownDocument[]>();
  for (const d of ranked) {
    const slash = d.symbol.indexOf('/', prefixKey.length);
    if (slash < 0 || slash === d.symbol.length - 1) continue;
    const group = d.symbol.slice(0, slash + 1);
    if (symbolKey(group) === prefixKey) continue;
    const members = byGroup.get(group);
    if (members) members.push(d);
    else byGroup.set(group, [d]);
  }
  const groups = [...byGroup].map(([label, members]) => ({
    label,
    detail: members.length === 1 ? `1 document: ${members[0].symbol}` : `${members.length} documents`,
    documentation: groupDocumentation(members),
    sortText: `2${String(99999999 - Number(members[0].recency)).padStart(8, '0')}${label}`,
  }));
  return { ranked, groups };
}

/** A group's members, newest first, the first few of them. */
function groupDocumentation(members: readonly KnownDocument[]): string {
  const GROUP_LINES = 12;
  const newest = [...members].sort((a, b) => byCodeUnits(b.recency, a.recency));
  const lines = newest.slice(0, GROUP_LINES).map((d) => `${escapeMarkdown(d.symbol)}${d.title ? ` · ${escapeMarkdown(d.title)}` : ''}`);
  if (members.length > GROUP_LINES) lines.push(`and ${members.length - GROUP_LINES} more`);
  return lines.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// "resolution 71/", "Human Rights Council resolution 35/", "resolutions 70/1 and ".

const ORGAN_ALTERNATIVES = ORGAN_NAMES.map(([name]) => escapeRegExp(name)).join('|');
const ORGAN_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(${ORGAN_ALTERNATIVES})|([A-Z]{2,8}))(?:['’]s)?(,?\s+(?:(?:in|by|through)\s+its|adopted))?\s+$`,
  'u',
);
const DRAFT_BEFORE = /(?<![\p{L}\p{N}])[Dd]raft\s+$/u;
const ITEM = String.raw`(?:E?S-\d{1,2}/\d{1,3}|\d{1,4}[ ]?\(\d{4}\)|\d{1,4}(?:[ ][A-Z])?[ ]?\([IVXL]{1,7}\)|\d{1,4}/\d{1,4}(?:[ ][A-Z](?:(?:,[ ]?|[ ]and[ ])[A-Z])*)?)`;
const LIST_SEPARATOR = String.raw`(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)`;
const SHORT_FORM_TAIL = new RegExp(String.raw`(?<![\p{L}\p{N}])([Rr]esolution|[Dd]ecision)(s?)[ \t]+((?:${ITEM}${LIST_SEPARATOR})*)([\d/]*)$`, 'u');

/** The organ names the short forms of citations.ts write, by the reference grammar's organ. */
const ORGAN_DISPLAY: Partial<Record<Organ, string>> = ORGAN_FULL_NAMES;

const shortFormContext: Context = (request) => {
  const m = SHORT_FORM_TAIL.exec(request.before);
  if (!m) return undefined;
  const plural = m[2] === 's';
  if (m[3] && !plural) return undefined;
  const before = request.before.slice(0, m.index);
  if (DRAFT_BEFORE.test(before)) return undefined;
  const organMatch = ORGAN_BEFORE.exec(before.slice(-60));
  const organ: Organ = organMatch ? (organMatch[1] ? ORGAN_NAMES.find(([name]) => name === organMatch[1])![1] : 'other') : 'GA';
  const display = ORGAN_DISPLAY[organ];
  const word = m[1].toLowerCase();
  // General Assembly decisions have no document symbol; other organizations' resolutions are not in the corpus.
  if (!display || (organ === 'GA' && word === 'decision')) return [];
  const partial = m[4];
  const range = rangeTo(request, request.offset - partial.length);
  const { ranked } = listing(request.corpus, `short ${display}|${word}|${partial}`, () => ({
    ranked: rankedNewestFirst(knownDocuments(request.corpus).filter(({ short }) => !!short && short.organ === display && short.word === word && short.number.startsWith(partial))),
    groups: [],
  }));
  const shown = bestRanked(request, ranked);
  // The date too where the house style wants it, unless the draft already gives one ("72/179 of …").
  const dated = request.options.citationForm === 'long' && !plural && !/^[ \t]*of\b/.test(request.text.slice(request.offset, request.offset + 20));
  const items = shown.documents.map((document) => {
    const number = document.short!.number;
    return documentItem(request, document, number, range, dated ? `${number}${dateClause(citableDocument(document.entry))}` : number);
  });
  return { items, isIncomplete: shown.cut };
};

// ---------------------------------------------------------------------------------------------
// "Objective 7": the Compact's objectives.

const OBJECTIVE_TAIL = /^([ ]{0,3}(?:#{1,6}[ \t]+)?(?:\*{1,2}|_{1,2})?)(Objective[ \t]+\d{0,2}:?[ \t]*)$/;

const objectiveTitleContext: Context = (request) => {
  if (request.beforeStart !== request.lineStart) return undefined;
  const m = OBJECTIVE_TAIL.exec(request.before);
  if (!m) return undefined;
  const typed = m[2];
  const number = /\d+/.exec(typed)?.[0] ?? '';
  const range = rangeTo(request, request.offset - typed.length);
  return GCM_OBJECTIVES.filter((o) => String(o.number).startsWith(number)).map((objective) => {
    const label = `Objective ${objective.number}: ${objective.title}`;
    return {
      label,
      kind: CompletionItemKind.EnumMember,
      detail: `Global Compact for Migration, paragraph ${objective.paragraph}`,
      documentation: {
        kind: MarkupKind.Markdown,
        value: `Objective ${objective.number} of the Global Compact for Safe, Orderly and Regular Migration (${GCM_SYMBOL}, annex, paragraph ${objective.paragraph}).`,
      },
      sortText: String(objective.number).padStart(2, '0'),
      filterText: `Objective ${objective.number}`,
      textEdit: { range, newText: label },
    };
  });
};

// ---------------------------------------------------------------------------------------------
// The start of a paragraph: the drafting snippets.

const PARAGRAPH_START = new RegExp(
  String.raw`^([ ]{0,3}(?:\[[ ]?)?(?:(${PARAGRAPH_NUMBER_SOURCE})\.[ \t]+)?(?:\[[ ]?)?)(\*{1,2}|_{1,2})?(\p{L}[\p{L}\-]*(?:[ ]\p{L}[\p{L}\-]*){0,3})?$`,
  'u',
);

const snippetContext: Context = (request) => {
  if (request.beforeStart !== request.lineStart) return undefined;
  // A client with the static snippets file (VS Code) still gets those whose session follows the draft.
  const sessionOnly = request.options.snippets === false;
  const m = PARAGRAPH_START.exec(request.before);
  if (!m) return undefined;
  // Words that start no snippet are prose ("in the Suth"): other contexts may know them.
  const typed = (m[4] ?? '').toLowerCase();
  const offered = sessionOnly ? DRAFTING_SNIPPETS.filter((s) => s.followsSession) : DRAFTING_SNIPPETS;
  if (typed && !offered.some((s) => s.prefix.toLowerCase().startsWith(typed))) return undefined;
  const numbered = m[2] !== undefined;
  const kinds: readonly SnippetKind[] = numbered ? ['operative', 'preambular'] : ['preambular', 'operative', 'gcm-objective', 'issue-brief'];
  const start = request.lineStart + m[1].length;
  // "Requests … at its eighty-first session": the session after the draft's own (its symbol, its date, else today).
  const nextSession = sessionOrdinal(draftSession(request.text) + 1);
  return snippetCompletions({ range: rangeTo(request, start), typedMarker: m[3] ?? '', kinds, nextSession, sessionOnly });
};

// ---------------------------------------------------------------------------------------------
// "Sutherland", "New York Decl": the registry's names, written with their symbol.

const MIN_NAME_PREFIX = 3;
const NAME_WINDOW = 60;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}_]/u.test(char);
}

const aliasContext: Context = (request) => {
  const window = request.before.slice(-NAME_WINDOW);
  const windowStart = request.offset - window.length;
  const aliases = request.corpus.aliases();
  // The longest typed tail that starts a name, from the earliest word start.
  for (let i = 0; i < window.length; i++) {
    const startsWord = isWordChar(window[i]) && !isWordChar(i > 0 ? window[i - 1] : request.text[windowStart - 1]);
    if (!startsWord) continue;
    const typed = window.slice(i);
    const normalized = typed.replace(/\s+/g, ' ').toLowerCase();
    if (normalized.trim().length < MIN_NAME_PREFIX) break;
    // One name per spelling: "Sutherland Report" and "Sutherland report" are one name, the one typed as written first.
    const matching = new Map<string, AliasEntry>();
    for (const a of aliases) {
      const key = `${a.alias.toLowerCase()}\u0000${symbolKey(a.symbol)}`;
      if (!a.alias.toLowerCase().startsWith(normalized)) continue;
      if (!matching.has(key) || (a.alias.startsWith(typed) && !matching.get(key)!.alias.startsWith(typed))) matching.set(key, a);
    }
    if (matching.size === 0) continue;
    const start = windowStart + i;
    const preceding = request.text.slice(request.lineStart, start);
    return [...matching.values()].map(({ alias, symbol }) => {
      const document = knownDocuments(request.corpus).find((d) => d.key === symbolKey(symbol));
      const article = /^the\b/i.test(alias) || /\bthe\s+$/i.test(preceding) ? '' : isSentenceStart(preceding) ? 'The ' : 'the ';
      const newText = `${article}${alias} (${symbol})`;
      if (!document) {
        return { label: alias, kind: CompletionItemKind.Reference, detail: symbol, textEdit: { range: rangeTo(request, start), newText } };
      }
      return { ...documentItem(request, document, alias, rangeTo(request, start), newText), detail: `${symbol}${document.title ? ` · ${truncate(document.title, 80)}` : ''}` };
    });
  }
  return undefined;
};

/** Nothing but a paragraph number or emphasis before, or the end of a sentence. */
function isSentenceStart(preceding: string): boolean {
  return new RegExp(String.raw`^[ ]{0,3}(?:(?:${PARAGRAPH_NUMBER_SOURCE})\.[ \t]+)?[\[*_ ]*$`).test(preceding) || /[.!?]\s+$/.test(preceding);
}
