// Claims → registry entries, field by field. A field takes the value of its strongest source:
//   1. verified facts (shared/facts), 2. the document's own cover page and heading (printed),
//   3. a Digital Library record (library), 4. what follows from those (derived: a committee draft
//      matched to the resolution of its title), 5. what other adopted texts say of it (cited), accepted
//      where at least two texts agree and no other value has as much support.
// A value stated by one text only, or by the facts without vouching for it, is kept where nothing
// better exists and marked uncertain (hovers show a date's year only; rules do not check it).
// Sources that agree with the chosen value are kept as its provenance; disagreements are reported.
import type { FactSource, RegistryEntry, SourcedField, UncertainField } from '../corpus/registry';
import type { Claim, ClaimBook } from './claims';

const RANK: Record<FactSource['kind'], number> = { verified: 0, printed: 1, library: 2, derived: 3, cited: 4 };
/** Cited facts need this many texts agreeing. */
export const CITED_AGREEMENT = 2;
/** At most this many sources are kept per field (the count says how many stated it). */
const SOURCES_KEPT = 3;
const SINGLE_FIELDS: readonly SourcedField[] = ['title', 'date', 'body', 'kind', 'draft', 'series', 'committee', 'agendaItem', 'report', 'subject'];

export interface Disagreement {
  readonly symbol: string;
  readonly field: SourcedField;
  readonly chosen: string;
  readonly other: string;
  readonly otherSources: readonly FactSource[];
}

export interface MergeResult {
  readonly entries: RegistryEntry[];
  readonly disagreements: Disagreement[];
}

type MutableEntry = { -readonly [K in keyof RegistryEntry]: RegistryEntry[K] };

export function mergeClaims(book: ClaimBook, unvouched: readonly Claim[]): MergeResult {
  const disagreements: Disagreement[] = [];
  const entries: RegistryEntry[] = [];
  const unvouchedBySymbol = new Map<string, Claim[]>();
  for (const claim of unvouched) unvouchedBySymbol.set(claim.symbol, [...(unvouchedBySymbol.get(claim.symbol) ?? []), claim]);
  for (const { symbol, claims } of book.documents()) {
    const entry: MutableEntry = { symbol, title: '', date: '', body: '', kind: '' };
    const provenance: Partial<Record<SourcedField, FactSource[]>> = {};
    const uncertain = new Set<UncertainField>();
    for (const field of SINGLE_FIELDS) {
      const chosen = choose(claims.filter((c) => c.field === field), unvouchedBySymbol.get(symbol)?.filter((c) => c.field === field) ?? []);
      // A subject is shown only where two texts agree on it: it stands in for a title no one states.
      if (!chosen || (field === 'subject' && !chosen.certain)) continue;
      (entry as Record<string, unknown>)[field] = chosen.value;
      provenance[field] = chosen.sources;
      if (!chosen.certain && (field === 'date' || field === 'title' || field === 'draft')) uncertain.add(field);
      // Subjects are the citing texts' own words: two wordings of one subject are no disagreement.
      if (field !== 'subject') for (const other of chosen.others) disagreements.push({ symbol, field, chosen: chosen.value, other: other.value, otherSources: other.sources });
    }
    const aliases = claims.filter((c) => c.field === 'aliases');
    if (aliases.length) {
      const names = [...new Set(aliases.map((c) => c.value))];
      entry.aliases = names;
      provenance.aliases = aliases.map((c) => c.source).slice(0, SOURCES_KEPT * names.length);
    }
    // Nothing kept (a subject one text alone states): no entry.
    if (!Object.keys(provenance).length) continue;
    if (uncertain.size) entry.unverified = [...uncertain];
    if (Object.keys(provenance).length) entry.provenance = provenance;
    entries.push(entry);
  }
  entries.sort((a, b) => a.symbol.localeCompare(b.symbol, 'en', { numeric: true }));
  return { entries, disagreements };
}

interface Choice {
  readonly value: string;
  readonly sources: FactSource[];
  readonly certain: boolean;
  readonly others: { value: string; sources: FactSource[] }[];
}

function choose(claims: readonly Claim[], unvouched: readonly Claim[]): Choice | undefined {
  const byValue = new Map<string, Claim[]>();
  for (const claim of claims) byValue.set(normalised(claim.value), [...(byValue.get(normalised(claim.value)) ?? []), claim]);
  const groups = [...byValue.values()].map((group) => ({
    value: group[0].value,
    rank: Math.min(...group.map((c) => RANK[c.source.kind])),
    support: new Set(group.map((c) => c.source.from)).size,
    sources: sourcesOf(group),
  }));
  groups.sort((a, b) => a.rank - b.rank || b.support - a.support);
  const best = groups[0];
  const others = groups.slice(1).map((g) => ({ value: g.value, sources: g.sources }));
  if (best && best.rank < RANK.cited) return { value: best.value, sources: best.sources, certain: true, others };
  // Only cited facts: two texts must agree, and no other value may be as well supported.
  if (best && best.support >= CITED_AGREEMENT && (groups[1]?.support ?? 0) < best.support) {
    return { value: best.value, sources: best.sources, certain: true, others };
  }
  const fallback = unvouched[0];
  if (fallback) {
    const agreeing = groups.find((g) => normalised(g.value) === normalised(fallback.value));
    return { value: fallback.value, sources: [fallback.source, ...(agreeing?.sources ?? [])], certain: false, others: [] };
  }
  // One text alone (or texts that disagree): kept as uncertain where it is the only word.
  if (best && groups.length === 1) return { value: best.value, sources: best.sources, certain: false, others: [] };
  return undefined;
}

/** Sources of one value, strongest first, the count kept on the first when some are dropped. */
function sourcesOf(group: readonly Claim[]): FactSource[] {
  const seen = new Map<string, FactSource>();
  for (const claim of [...group].sort((a, b) => RANK[a.source.kind] - RANK[b.source.kind])) {
    const key = `${claim.source.kind} ${claim.source.from}`;
    if (!seen.has(key)) seen.set(key, claim.source);
  }
  const all = [...seen.values()];
  const kept = all.slice(0, SOURCES_KEPT);
  if (all.length > kept.length) kept[0] = { ...kept[0], count: all.length };
  return kept;
}

/** Values compare without regard to case, spacing and quote style. */
function normalised(value: string): string {
  return value.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}
