// Facts about documents as claims: one value for one field of one document, with what states it.
// The registry build collects claims from every source, then keeps, field by field, the value the
// strongest sources agree on (see merge.ts).
import type { FactSource, SourcedField } from '../corpus/registry';
import { symbolKey } from '../corpus/registry';

export interface Claim {
  readonly symbol: string;
  readonly field: SourcedField;
  readonly value: string;
  readonly source: FactSource;
}

/** Claims grouped by document, for the merge. */
export class ClaimBook {
  private readonly bySymbol = new Map<string, { symbol: string; claims: Claim[] }>();

  add(claim: Claim): void {
    const key = symbolKey(claim.symbol);
    let slot = this.bySymbol.get(key);
    if (!slot) this.bySymbol.set(key, (slot = { symbol: claim.symbol, claims: [] }));
    slot.claims.push(claim);
  }

  addAll(claims: Iterable<Claim>): void {
    for (const claim of claims) this.add(claim);
  }

  documents(): IterableIterator<{ symbol: string; claims: Claim[] }> {
    return this.bySymbol.values();
  }

  claimsOf(symbol: string): readonly Claim[] {
    return this.bySymbol.get(symbolKey(symbol))?.claims ?? [];
  }
}
