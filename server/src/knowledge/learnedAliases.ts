// Aliases learned from footnoted names (footnoteNames.ts): a name becomes an alias of a symbol
// when at least ALIAS_TEXTS texts pair it with that symbol and at most one in five pairs it with
// another. "Many texts agreeing make it one" (issue #12): a single drafter's phrasing is not a name.
// Only names of documents: a place or an event the footnote follows ("South Atlantic", "Habitat III")
// is no alias, however many texts agree (documentNames.ts).
import type { Claim } from './claims';
import { namesADocument } from './documentNames';

export const ALIAS_TEXTS = 3;
const AGREEMENT = 0.8;

export interface NamePairing {
  readonly name: string;
  readonly symbol: string;
  readonly from: string;
}

export function learnAliases(pairings: readonly NamePairing[]): Claim[] {
  const byName = new Map<string, { name: string; symbols: Map<string, Set<string>> }>();
  for (const { name, symbol, from } of pairings) {
    if (!namesADocument(name)) continue;
    const key = name.toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, ' ');
    let slot = byName.get(key);
    if (!slot) byName.set(key, (slot = { name, symbols: new Map() }));
    const texts = slot.symbols.get(symbol) ?? new Set<string>();
    texts.add(from);
    slot.symbols.set(symbol, texts);
  }
  const claims: Claim[] = [];
  for (const { name, symbols } of byName.values()) {
    const ranked = [...symbols].sort((a, b) => b[1].size - a[1].size);
    const [symbol, texts] = ranked[0];
    const total = ranked.reduce((n, [, t]) => n + t.size, 0);
    if (texts.size < ALIAS_TEXTS || texts.size / total < AGREEMENT) continue;
    const from = [...texts].sort();
    claims.push({ symbol, field: 'aliases', value: name, source: { kind: 'cited', from: from[0], count: from.length } });
  }
  return claims;
}
