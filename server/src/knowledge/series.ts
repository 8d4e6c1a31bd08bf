// Series: resolutions re-adopted under one title, session after session ("Protection of
// migrants": 72/179, 74/148, 76/172, 78/217, 80/218). Derived from the titles the registry holds
// (printed, verified, or agreed by citing texts), never typed by hand: General Assembly
// resolutions of one title in two or more sessions form a series, unless one session adopted two
// of that title (then the title names a topic, not a recurring text). A series the verified facts
// name keeps its name and takes in the resolutions of its title.
import { symbolKey, type FactSource, type RegistryEntry } from '../corpus/registry';

type Mutable = { -readonly [K in keyof RegistryEntry]: RegistryEntry[K] };

const GA_RESOLUTION = /^A\/RES\/(\d+)\/\d+$/;

export function deriveSeries(entries: RegistryEntry[]): number {
  const byTitle = new Map<string, RegistryEntry[]>();
  for (const entry of entries) {
    if (!GA_RESOLUTION.test(entry.symbol) || !entry.title || entry.unverified?.includes('title') || entry.titleIsDescription) continue;
    const key = titleKey(entry.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), entry]);
  }
  let formed = 0;
  for (const members of byTitle.values()) {
    const sessions = members.map((m) => GA_RESOLUTION.exec(m.symbol)![1]);
    if (members.length < 2 || new Set(sessions).size !== members.length) continue;
    const named = members.find((m) => m.series)?.series;
    const id = named ?? slug(members[0].title);
    const source: FactSource = { kind: 'derived', from: `the titles of ${members.map((m) => m.symbol).sort(bySymbol).join(', ')}` };
    for (const member of members as Mutable[]) {
      if (member.series && member.series !== id) continue;
      if (!member.series) {
        member.series = id;
        member.provenance = { ...member.provenance, series: [source] };
      }
    }
    formed++;
  }
  return formed;
}

function titleKey(title: string): string {
  return title.toLowerCase().replace(/[‘’]/g, "'").replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

function slug(title: string): string {
  return titleKey(title).replace(/'/g, '').replace(/ /g, '-').slice(0, 80);
}

export function bySymbol(a: string, b: string): number {
  return symbolKey(a).localeCompare(symbolKey(b), 'en', { numeric: true });
}
