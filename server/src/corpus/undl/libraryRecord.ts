import { parseSymbol } from '../../references';
import { MONTHS as MONTH_NAMES } from '../../vocabulary';
import { type MarcRecord, subfieldValues } from './marcxml';

/**
 * What one UN Digital Library record says about one document, in the fields a drafter cites by.
 * The Library's own fields (see its help, "Logical fields"):
 *
 * | MARC | here |
 * |---|---|
 * | 001 | `id`, the record number (digitallibrary.un.org/record/<id>) |
 * | 191 $a | `symbol` |
 * | 245 $a $b $c | `title` ($a, with $b where $b is a subtitle rather than the kind of document), `designation` ($b: "revised draft resolution"), `responsibility` ($c: the sponsors) |
 * | 269 $a, else 260 $c | `date` (ISO; 260 $c is "8 Nov. 2023") |
 * | 981 $a $b | `body` ("General Assembly"), `committee` ("3rd Committee" → "Third Committee") |
 * | 989 $b | `documentType` ("Draft Resolutions and Decisions") |
 * | 991 $b $c | `agendaItems` (number as filed, "71b", and the item's title) |
 * | 993 ind1 1 | `adoptedAs`: the resolution adopted from this draft |
 * | 993 ind1 3 | `reports`: the committee report that carries it |
 */
export interface LibraryRecord {
  readonly id?: string;
  readonly symbol: string;
  readonly title?: string;
  readonly designation?: string;
  readonly responsibility?: string;
  readonly date?: string;
  readonly body?: string;
  readonly committee?: string;
  readonly documentType?: string;
  readonly agendaItems: readonly { readonly number?: string; readonly title: string }[];
  readonly adoptedAs: readonly string[];
  readonly reports: readonly string[];
  /** What was left out of the record and why ("993 $a “AA/78/481/Add.2” is not a document symbol"). */
  readonly notes: readonly string[];
}

/**
 * 245 $b words that say what kind of document it is ("draft resolution", "report of the Third
 * Committee"), not part of its title: "Protection of migrants : draft resolution" is entitled
 * "Protection of migrants".
 */
const DESIGNATION = /^(?:(?:revised|further revised|oral(?:ly revised)?)\s+)?(?:draft\s+)?(?:resolution|decision|amendments?|report|note|letter|statement|addendum|corrigendum)\b/i;

const ORDINALS: Record<string, string> = { '1st': 'First', '2nd': 'Second', '3rd': 'Third', '4th': 'Fourth', '5th': 'Fifth', '6th': 'Sixth' };

/** "jan" → "01": the Library writes months abbreviated. */
const MONTHS: Record<string, string> = Object.fromEntries(MONTH_NAMES.map((name, i) => [name.slice(0, 3).toLowerCase(), String(i + 1).padStart(2, '0')]));

/** The record's facts, or a reason it cannot be used (a record without a symbol names no document). */
export function libraryRecord(record: MarcRecord): LibraryRecord | { readonly problem: string } {
  const written = subfieldValues(record, '191', 'a')[0];
  if (!written) return { problem: 'the record has no document symbol (191 $a)' };
  // The record's own symbol is the Library's: kept even where the grammar does not know its form.
  const symbol = documentSymbol(written) ?? written;
  const notes: string[] = [];
  const related = (ind1: string) =>
    subfieldValues(record, '993', 'a', ind1).flatMap((value) => {
      const canonical = documentSymbol(value);
      if (!canonical) notes.push(`993 $a “${value}” is not a document symbol; left out`);
      return canonical ? [canonical] : [];
    });
  // ISBD: "Title proper : other title information / statement of responsibility". The parts after
  // " : " are subtitles, except trailing ones that name the kind of document ("draft resolution").
  const parts = [...subfieldValues(record, '245', 'a'), ...subfieldValues(record, '245', 'b')]
    .map(withoutIsbdPunctuation)
    .join(' : ')
    .split(/\s+:\s+/)
    .map(withoutIsbdPunctuation)
    .filter(Boolean);
  const designations: string[] = [];
  while (parts.length > 1 && DESIGNATION.test(parts[parts.length - 1])) designations.unshift(parts.pop()!);
  const [body, committeeRaw] = [subfieldValues(record, '981', 'a')[0], subfieldValues(record, '981', 'b')[0]];
  return {
    id: record.controlfields.get('001') || undefined,
    symbol,
    title: parts.join(': ') || undefined,
    designation: designations.join(': ') || undefined,
    responsibility: withoutIsbdPunctuation(subfieldValues(record, '245', 'c').join(' ')) || undefined,
    date: isoDate(subfieldValues(record, '269', 'a')[0]) ?? printedDate(subfieldValues(record, '260', 'c')[0]),
    body: body ? withoutIsbdPunctuation(body) : undefined,
    committee: committeeRaw ? committeeName(withoutIsbdPunctuation(committeeRaw)) : undefined,
    documentType: subfieldValues(record, '989', 'b')[0],
    agendaItems: record.datafields
      .filter((field) => field.tag === '991')
      .flatMap((field) => {
        const title = withoutIsbdPunctuation(field.subfields.find((s) => s.code === 'c')?.value ?? '');
        return title ? [{ number: field.subfields.find((s) => s.code === 'b')?.value, title }] : [];
      }),
    adoptedAs: related('1'),
    reports: related('3'),
    notes,
  };
}

/**
 * The official form of a symbol, or undefined when it is not one ("AA/78/481/Add.2", a cataloguing
 * slip in the real export). A resolution in parts keeps its part letter: "A/RES/78/183 A".
 */
function documentSymbol(value: string): string | undefined {
  const written = value.replace(/\s+/g, ' ').trim();
  const part = / ([A-Z])$/.exec(written);
  const parsed = parseSymbol(part ? written.slice(0, part.index) : written);
  return parsed && parsed.problems.length === 0 ? `${parsed.canonical}${part ? ` ${part[1]}` : ''}` : undefined;
}

/** Cataloguing punctuation at the end of a subfield (" :", " /", " ;", ","), and a final full stop. */
function withoutIsbdPunctuation(value: string): string {
  return value.replace(/\s*[:/;,=]\s*$/, '').replace(/(?<![A-Z]\.[A-Z]?|\b(?:No|Rev|Add|Corr|para|paras|Vol))\.$/, '').trim();
}

/** "3rd Committee" → "Third Committee", as resolutions print it. */
function committeeName(value: string): string {
  return value.replace(/^(\d)(?:st|nd|rd|th) Committee$/, (whole, n: string) => `${ORDINALS[whole.slice(0, whole.indexOf(' '))] ?? n} Committee`);
}

/** 269 $a: "2023-11-08", "20231108", "2023-11" or "2023". */
function isoDate(value: string | undefined): string | undefined {
  const m = /^(\d{4})-?(\d{2})?-?(\d{2})?$/.exec(value?.trim() ?? '');
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

/** 260 $c: "8 Nov. 2023", "Nov. 2023", "2023". */
function printedDate(value: string | undefined): string | undefined {
  const m = /^(?:(\d{1,2})\s+)?(?:([A-Za-z]{3})[a-z]*\.?\s+)?(\d{4})/.exec(value?.replace(/^\[|\]$/g, '').trim() ?? '');
  if (!m) return undefined;
  const month = m[2] ? MONTHS[m[2].toLowerCase()] : undefined;
  if (m[2] && !month) return m[3];
  return [m[3], month, month && m[1] ? m[1].padStart(2, '0') : undefined].filter(Boolean).join('-');
}
