// What adopted texts say about the documents they cite: "its resolution 74/148 of 18 December
// 2019" (a date), "resolution 71/1 of 19 September 2016, entitled “New York Declaration …”" (a
// title), the subject it gives a list of them ("its resolutions 53/199 … and 61/185 … on the
// proclamation of international years", citedSubjects.ts), and names paired with a symbol through a footnote (footnoteNames.ts). Each statement
// is a claim from the citing text; the merge accepts a cited fact where two texts agree and
// nothing printed or verified contradicts it.
import { laterPart, plausibleDate } from '../corpus/sessions';
import { findReferences } from '../references';
import type { Claim } from './claims';
import { citedSubjects } from './citedSubjects';
import { footnotedNames } from './footnoteNames';
import type { UnText } from './unText';

export interface CitedEvidence {
  readonly claims: Claim[];
  /** Names paired with a symbol by a footnote in this text. */
  readonly names: { readonly name: string; readonly symbol: string }[];
}

export function citedEvidence(doc: UnText): CitedEvidence {
  const from = doc.record.symbol;
  const source = { kind: 'cited', from } as const;
  const claims: Claim[] = [];
  const texts = [doc.body, ...doc.footnotes.values()];
  for (const text of texts) {
    const refs = findReferences(text).filter((ref) => ref.symbol && ref.kind !== 'internal' && ref.form !== 'alias' && ref.symbol !== from);
    claims.push(...citedSubjects(text, refs, source));
    for (const ref of refs) {
      if (!ref.symbol) continue;
      // A later part may be adopted on a date of its own ("68/247 B of 9 April 2014"): its date is not the
      // resolution's, which is its first part's ("217 A (III) of 10 December 1948").
      if (ref.statedDate && !laterPart(ref.parts) && plausibleDate(ref.symbol, ref.statedDate.iso)) claims.push({ symbol: ref.symbol, field: 'date', value: ref.statedDate.iso, source });
      if (ref.statedTitle) claims.push({ symbol: ref.symbol, field: 'title', value: ref.statedTitle.text.replace(/\s+/g, ' ').trim(), source });
    }
  }
  const names: CitedEvidence['names'] = [];
  for (const { footnote, name } of footnotedNames(doc.body, doc.footnotes)) {
    const symbol = footnoteSymbol(doc.footnotes.get(footnote)!);
    if (symbol && symbol !== from) names.push({ name, symbol });
  }
  return { claims, names };
}

/**
 * The one document a footnote gives, when it gives exactly one and little else: "Resolution
 * 70/1.", "Resolution 69/283, annex II.", "A/CONF.157/24 (Part I), chap. III.". A footnote that
 * cites several documents, or discusses one, names nothing.
 */
export function footnoteSymbol(text: string): string | undefined {
  const refs = findReferences(text).filter((ref) => ref.symbol && ref.kind !== 'internal');
  const symbols = new Set(refs.map((ref) => ref.symbol));
  if (symbols.size !== 1) return undefined;
  const rest = text.slice(refs[refs.length - 1].range.end).replace(/^[\s.,;]*(annex(es)?\s*[IVX]*|chap\.\s*[IVX]+|sect\.\s*[IVX.A-Z]+|para(s)?\.\s*[\d–-]+|[,.;\s])*$/i, '');
  const lead = text.slice(0, refs[0].range.start).trim();
  if (rest.trim() !== '' || (lead !== '' && !/^See( also)?$/i.test(lead))) return undefined;
  return refs[0].symbol;
}
