// The subject an adopted text gives the resolutions it cites, where it gives no title:
//
//   "Reaffirming also its resolutions 53/199 of 15 December 1998 and 61/185 of 20 December 2006
//    on the proclamation of international years,"        → 53/199 and 61/185: "the proclamation of international years"
//
// A subject is what the citing text says the resolution is about, in its own words, not the
// resolution's title: of the 273 subjects stated for resolutions whose title the registry knows, 208
// read as the title and the rest shorten it ("on the protection of migrants" for "Protection of
// migrants" reads the same; "on the implementation of the Convention on Biological Diversity" for
// "… and its contribution to sustainable development" does not). So it is kept as a field of its
// own, `subject`, shown as what the citing texts say, and never checked against a quoted title.
// The merge keeps a subject where two texts agree, as any cited fact (merge.ts).
import type { Reference } from '../references/model';
import type { Claim } from './claims';

/** Between the references of one list: "53/199 of 15 December 1998 and 61/185 …", footnote markers allowed. */
const LIST_GAP = /^[\s\d]*(?:,\s*and\s+|,\s*|\s+and\s+)(?:resolutions?\s+)?$/;
/** "on the proclamation of international years", after the list (a footnote marker may stand before it). */
const ON_SUBJECT = /^\s*(?:\d{1,3}\s*)?,?\s*on\s+(?:the\s+)?([a-z][^,;:()“”"\d]*)/;
/** A comma inside a subject is followed by more of it ("a clean, healthy and sustainable environment"); these words start a new clause. */
const CLAUSE_AFTER_COMMA = /^,\s*(?:and|or|its|in|which|as|the|including|recalling|reaffirming|noting|whereby|by|where|adopted|of|on|to|inter|paragraph|chapter|annex|section|A\/|\d|[A-Z])/;
/** "… on the girl child and the …": what follows "and" plus these is a second subject or another citation. */
const SECOND_THING = /\s+and\s+(?:its|all|on|General|Economic|Human|Security|recalling|resolutions?|decisions?)\b.*$/;
/** A clause that says what the resolution did, not what it is about: "… in which it decided …". */
const CLAUSE = /\s+(?:in which|by which|whereby|which|that|where|adopted|as well as|and in particular)\b.*$/;
const TRAILING_CONNECTOR = /\s+(?:and|or|of|the|to|for|on|in|a|an)$/;
const MOST_WORDS = 25;
/** "on the financing of the Mission": which mission, the citing text said before; alone it says nothing. */
const ANAPHORIC_END = /\bthe (?:Mission|Force|Operation|Agreement|Convention|Declaration|Conference|Centre|Office|Programme|Fund|Court|Tribunal|Committee|Commission|Council|Institute)$/;

export function citedSubjects(text: string, refs: readonly Reference[], source: Claim['source']): Claim[] {
  const claims: Claim[] = [];
  let list: Reference[] = [];
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    // A title stated for one member of a list ends the list: the subject after it is not the others'.
    if (ref.statedTitle) {
      list = [];
      continue;
    }
    list.push(ref);
    const end = Math.max(ref.range.end, ref.statedDate?.range.end ?? 0);
    const next = refs[i + 1];
    if (next && LIST_GAP.test(text.slice(end, next.range.start))) continue;
    const subject = subjectAfter(text.slice(end, end + 400));
    if (subject) {
      for (const member of list) if (member.symbol && /^A\/RES\//.test(member.symbol)) claims.push({ symbol: member.symbol, field: 'subject', value: subject, source });
    }
    list = [];
  }
  return claims;
}

/** The subject at the start of `after` ("on the proclamation of international years, …"), or undefined. */
export function subjectAfter(after: string): string | undefined {
  const m = ON_SUBJECT.exec(after);
  if (!m) return undefined;
  let subject = m[1];
  let rest = after.slice(m.index + m[0].length);
  // Read on across commas that stand inside the subject.
  while (rest.startsWith(',') && !CLAUSE_AFTER_COMMA.test(rest)) {
    const more = /^,\s*([a-z][^,;:()“”"\d]*)/.exec(rest);
    if (!more) break;
    subject += `, ${more[1]}`;
    rest = rest.slice(more[0].length);
  }
  subject = subject.replace(CLAUSE, '').replace(SECOND_THING, '').replace(/\s+/g, ' ').trim();
  while (TRAILING_CONNECTOR.test(subject)) subject = subject.replace(TRAILING_CONNECTOR, '');
  const words = subject.split(' ');
  if (words.length < 2 || words.length > MOST_WORDS || ANAPHORIC_END.test(subject)) return undefined;
  return subject;
}
