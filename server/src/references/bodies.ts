// Bodies named in full before "resolution" or "decision" that publish their texts without a UN
// document symbol of the kinds the grammar builds: the functional commissions ("Commission on Crime
// Prevention and Criminal Justice resolution 25/2", "Commission on the Status of Women resolution
// 60/2"), the United Nations Environment Assembly, conferences of parties, regional commissions.
// Their numbers look like the Assembly's ("65/2") but are the body's own: read without a symbol,
// as a numbered text (model.ts), so that no wrong General Assembly symbol is made up.
//
// The organs whose resolutions have symbols (General Assembly, Councils, Commission on Human Rights)
// stay with shortForms.ts: a name that ends with one of them is not a body here.
import { ORGAN_NAMES } from '../vocabulary';

/** What makes a name a body's: the noun at its head. */
const HEADS = /^(?:Commission|Committee|Conference|Assembly|Board|Forum|Organization|Council|Meeting)$/;
// A name's words, as PDF text layers break them across lines: capitalised words and the small words
// inside names ("Commission on the Status of Women", "Economic and Social Commission for Asia and the Pacific").
const NAME_BEFORE = /(?<![\p{L}\p{N}])([A-Z][\p{L}’'-]*(?:,?\s+(?:[A-Z][\p{L}’'-]*|of|on|for|the|and|against|to|with))*)(,?\s+(?:(?:in|by|through)\s+its|adopted))?\s+$/u;
// Words that open a sentence or a paragraph before the name ("Recalling Commission on …", "See").
const OPENING_WORD = /^(?:[A-Z][a-z]+ing|See|Also|The|Its|Recalls|Notes|Welcomes|Reaffirms|Acknowledges|Takes|Stresses|Emphasizes|Encourages|Invites|Requests|Urges|Calls|Decides|Expresses|Recognizes|Underlines|Highlights|Endorses|Adopts)$/;
const SMALL_WORD = /^(?:of|on|for|the|and|against|to|with)$/;
/** How far back a body's name is looked for. */
const WINDOW = 200;

// Organs with symbols; a name ending with one ("… and General Assembly") is theirs. The single words
// ("Assembly", "Council") end a body's name too ("United Nations Environment Assembly") and only count alone.
const ORGANS = ORGAN_NAMES.filter(([, organ]) => organ !== 'other').map(([name]) => name);
const multiWord = (organ: string) => organ.includes(' ');

export interface NamedBody {
  /** The body as written, spaces normalised ("Commission on Narcotic Drugs"). */
  readonly name: string;
  /** Where the name starts in the text. */
  readonly start: number;
  /** "The Commission …, in its resolution 25/2": the body is the sentence's subject, outside the citation. */
  readonly subject: boolean;
}

/**
 * The body named right before the keyword at `keywordStart`, when it is one that publishes without
 * a UN document symbol; undefined for the organs with symbols, for a single word ("Commission",
 * "Council": which one cannot be told) and for names without a body's head noun.
 */
export function namedBodyBefore(text: string, keywordStart: number): NamedBody | undefined {
  const from = Math.max(0, keywordStart - WINDOW);
  const m = NAME_BEFORE.exec(text.slice(from, keywordStart));
  if (!m) return undefined;
  const words = m[1].split(/\s+/);
  let offset = from + m.index;
  // The name starts after the last word that opens a sentence ("…, ID-Art, Welcoming Commission on …").
  const opening = (word: string) => OPENING_WORD.test(word.replace(/,$/, '')) && !HEADS.test(word);
  const last = words.map(opening).lastIndexOf(true);
  // Drop the words before it and any small word left in front of the name.
  for (let k = 0; words.length && (k <= last || SMALL_WORD.test(words[0]) || !/^[A-Z]/.test(words[0])); k++) {
    offset = text.indexOf(words[1] ?? '', offset + words[0].length);
    words.shift();
  }
  // "… Biological Diversity and resolutions 3/4": the name ends before "and"; what follows is another's.
  if (words.length && SMALL_WORD.test(words[words.length - 1])) return undefined;
  if (words.length < 2 || !words.some((w) => HEADS.test(w.replace(/,$/, '')))) return undefined;
  const name = words.join(' ');
  // "… and General Assembly", "Recalling Economic and Social Council": an organ with symbols.
  if (ORGANS.some((organ) => name === organ || (multiWord(organ) && name.includes(organ)))) return undefined;
  // Two bodies ("Disarmament Commission and Assembly resolution 61/98"), or a Council the number's form
  // tells ("Economic and Council resolution 2002/12", a misprint of the Economic and Social Council's): not one body here.
  if (/,\s+and\b|\band\s+(?:the\s+)?(?:Assembly|Council)$|(?:^|\s)Council$/.test(name)) return undefined;
  // "the establishment of the Permanent Forum …, through its resolution 75/314": "its" is another's
  // (the Assembly's), the body only the object of "of".
  if (m[2] && /\bof\s+(?:the\s+)?$/.test(text.slice(Math.max(0, offset - 12), offset))) return undefined;
  return { name, start: offset, subject: Boolean(m[2]) };
}
