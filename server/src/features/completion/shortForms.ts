// "resolution 71/", "Human Rights Council resolution 35/", "resolutions 70/1 and ": resolutions of
// the organ named before the word (the General Assembly's when none is), by number, dated where the
// house form wants it. The organ names come from the one vocabulary module (server/src/vocabulary).
import { citableDocument, dateClause } from '../../language/citations';
import { escapeRegExp } from '../../language/patterns';
import { ORGAN_FULL_NAMES, ORGAN_NAMES, type Organ } from '../../vocabulary';
import { bestRanked, knownDocuments, listing, rankedNewestFirst } from './documents';
import { documentItem } from './documentItem';
import { rangeTo, type Context } from './request';

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

export const shortFormContext: Context = (request) => {
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
