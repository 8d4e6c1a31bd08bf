// What adopted texts say about the documents they cite: "its resolution 74/148 of 18 December
// 2019" (a date), "resolution 71/1 of 19 September 2016, entitled “New York Declaration …”" (a
// title), and names paired with a symbol through a footnote (footnoteNames.ts). Each statement
// is a claim from the citing text; the merge accepts a cited fact where two texts agree and
// nothing printed or verified contradicts it.
import { findReferences } from '../references';
import type { Claim } from './claims';
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
    for (const ref of findReferences(text)) {
      if (!ref.symbol || ref.kind === 'internal' || ref.symbol === from) continue;
      if (ref.statedDate && plausibleDate(ref.symbol, ref.statedDate.iso)) claims.push({ symbol: ref.symbol, field: 'date', value: ref.statedDate.iso, source });
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

/**
 * A General Assembly resolution of the Nth session (from the 31st) is adopted between the
 * session's opening in September of 1945+N and the next September: "resolution 53/9 of 12 July
 * 2023" is not the Assembly's 53/9. Other documents are not checked.
 */
export function plausibleDate(symbol: string, iso: string): boolean {
  const m = /^A\/RES\/(\d+)\/\d+$/.exec(symbol);
  if (!m) return true;
  const session = Number(m[1]);
  const first = `${1945 + session}-09-01`;
  const last = `${1946 + session}-09-30`;
  return iso >= first && iso <= last;
}
