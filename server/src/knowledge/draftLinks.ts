// Which committee draft became which resolution. A plenary resolution prints its draft in its
// heading ("[without reference to a Main Committee (A/80/L.15)]"); a Main Committee's resolution
// prints only the committee's report. The draft is then the one of that committee and session
// whose printed title is the resolution's, where exactly one resolution and one draft (or the
// revisions of one draft, the last of which is adopted) carry that title.
import type { Claim } from './claims';

const COMMITTEE_DRAFT = /^A\/C\.(\d)\/(\d+)\/L\.(\d+)(?:\/Rev\.(\d+))?$/;
const RESOLUTION = /^A\/RES\/(\d+)\/\d+$/;
const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'];

export interface PrintedDocument {
  readonly symbol: string;
  readonly title?: string;
  readonly committee?: string;
}

export function committeeDraftLinks(documents: readonly PrintedDocument[]): Claim[] {
  const drafts = new Map<string, PrintedDocument[]>();
  const resolutions = new Map<string, PrintedDocument[]>();
  for (const doc of documents) {
    if (!doc.title) continue;
    const draft = COMMITTEE_DRAFT.exec(doc.symbol);
    if (draft) {
      const key = `${ORDINALS[Number(draft[1]) - 1]} Committee|${draft[2]}|${titleKey(doc.title)}`;
      drafts.set(key, [...(drafts.get(key) ?? []), doc]);
    }
    const resolution = RESOLUTION.exec(doc.symbol);
    if (resolution && doc.committee && doc.committee !== 'plenary') {
      const key = `${doc.committee}|${resolution[1]}|${titleKey(doc.title)}`;
      resolutions.set(key, [...(resolutions.get(key) ?? []), doc]);
    }
  }
  const claims: Claim[] = [];
  for (const [key, adopted] of resolutions) {
    const candidates = drafts.get(key);
    if (adopted.length !== 1 || !candidates) continue;
    const bases = new Set(candidates.map((d) => d.symbol.replace(/\/Rev\.\d+$/, '')));
    if (bases.size !== 1) continue;
    const last = [...candidates].sort((a, b) => revision(b.symbol) - revision(a.symbol))[0];
    claims.push({
      symbol: adopted[0].symbol,
      field: 'draft',
      value: last.symbol,
      source: { kind: 'derived', from: `the title and committee printed on ${adopted[0].symbol} and ${last.symbol}` },
    });
  }
  return claims;
}

function revision(symbol: string): number {
  return Number(COMMITTEE_DRAFT.exec(symbol)?.[4] ?? 0);
}

function titleKey(title: string): string {
  return title.toLowerCase().replace(/\s+/g, ' ').trim();
}
