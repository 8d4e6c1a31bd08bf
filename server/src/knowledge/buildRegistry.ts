// The registry build: verified facts, each document's own cover page and heading, and what
// adopted texts say of the documents they cite, merged field by field with provenance (merge.ts);
// series and committee drafts derived from the merged titles. `npm run registry` runs it over
// ../shared/ and writes server/data/registry.json.
import type { RegistryEntry } from '../corpus/registry';
import { ClaimBook, type Claim } from './claims';
import { citedEvidence } from './citedClaims';
import { committeeDraftLinks, type PrintedDocument } from './draftLinks';
import { learnAliases, type NamePairing } from './learnedAliases';
import { mergeClaims, type Disagreement } from './merge';
import { printedClaims } from './printedFacts';
import { deriveSeries } from './series';
import { factsOfSymbol } from './symbolFacts';
import { readUnText, type UnText, type UnTextRecord } from './unText';
import { readVerifiedFacts } from './verifiedFacts';

export interface RegistryBuild {
  readonly entries: RegistryEntry[];
  readonly disagreements: Disagreement[];
  readonly counts: { readonly texts: number; readonly claims: number; readonly aliases: number; readonly series: number };
}

type Mutable = { -readonly [K in keyof RegistryEntry]: RegistryEntry[K] };

export function buildRegistry(factsTsv: string, records: readonly UnTextRecord[]): RegistryBuild {
  const book = new ClaimBook();
  const facts = readVerifiedFacts(factsTsv);
  book.addAll(facts.claims);
  const texts: UnText[] = records.map(readUnText);
  const printed: PrintedDocument[] = [];
  let claimCount = facts.claims.length;
  for (const text of texts) {
    const claims = printedClaims(text);
    book.addAll(claims);
    claimCount += claims.length;
    const value = (field: Claim['field']) => claims.find((c) => c.field === field)?.value;
    printed.push({ symbol: text.record.symbol, title: value('title'), committee: value('committee') });
  }
  const links = committeeDraftLinks(printed);
  book.addAll(links);
  const pairings: NamePairing[] = [];
  for (const text of texts) {
    if (!/^A\/RES\//.test(text.record.symbol)) continue;
    const evidence = citedEvidence(text);
    book.addAll(evidence.claims);
    claimCount += evidence.claims.length;
    for (const { name, symbol } of evidence.names) pairings.push({ name, symbol, from: text.record.symbol });
  }
  const aliases = learnAliases(pairings);
  book.addAll(aliases);
  const { entries, disagreements } = mergeClaims(book, facts.unvouched);
  for (const entry of entries as Mutable[]) {
    const note = facts.notes.get(entry.symbol);
    if (note) Object.assign(entry, note);
    // A subject stands in for a title no source vouches for; where one does, the title says it.
    if (entry.subject && entry.title && !entry.unverified?.includes('title')) {
      delete entry.subject;
      delete (entry.provenance as Record<string, unknown> | undefined)?.subject;
    }
    const bySymbol = factsOfSymbol(entry.symbol);
    if (!entry.body && bySymbol) {
      entry.body = bySymbol.body;
      entry.provenance = { ...entry.provenance, body: [{ kind: 'derived', from: 'the symbol' }] };
    }
    if (!entry.kind && bySymbol) {
      entry.kind = bySymbol.kind;
      entry.provenance = { ...entry.provenance, kind: [{ kind: 'derived', from: 'the symbol' }] };
    }
  }
  const series = deriveSeries(entries);
  return { entries, disagreements, counts: { texts: texts.length, claims: claimCount + links.length, aliases: aliases.length, series } };
}
