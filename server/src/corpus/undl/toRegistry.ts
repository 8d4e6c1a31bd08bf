import type { FactSource, RegistryEntry, SourcedField, UncertainField } from '../registry';
import type { LibraryRecord } from './libraryRecord';
import { agendaItemLabel, libraryAgendaNumber } from '../agendaItem';

/**
 * Digital Library records as registry entries, every field sourced "library". A draft's record
 * also speaks of the resolution adopted from it (993 ind1 1): that resolution gets an entry whose
 * `draft` is this draft, so a citation of the draft after its adoption can be recognised. The
 * record does not say when the resolution was adopted nor under which title, so the draft's year
 * and title stand in, marked unverified (hover shows a year only and "title not verified", and
 * the date and title rules keep quiet about them). A record of the resolution itself, from the same
 * export or a later one, replaces those stand-ins (registryMerge.ts).
 */
export function registryEntries(records: readonly LibraryRecord[], origin: string): RegistryEntry[] {
  const entries: RegistryEntry[] = [];
  for (const record of records) {
    const from = record.id ? `UN Digital Library record ${record.id}` : `UN Digital Library export ${origin}`;
    const source: FactSource = { kind: 'library', from };
    const provenance: Partial<Record<SourcedField, FactSource[]>> = {};
    const sourced = <T>(field: SourcedField, value: T | undefined): T | undefined => {
      if (value !== undefined) provenance[field] = [source];
      return value;
    };
    const unverified: UncertainField[] = [];
    const title = sourced('title', record.title) ?? (unverified.push('title'), record.symbol);
    const date = sourced('date', record.date) ?? (unverified.push('date'), '');
    entries.push(
      compact({
        symbol: record.symbol,
        title,
        date,
        body: sourced('body', record.body) ?? '',
        kind: sourced('kind', documentKind(record)) ?? 'document',
        committee: sourced('committee', record.committee),
        agendaItem: sourced('agendaItem', record.agendaItems.map((item) => agendaItemLabel(libraryAgendaNumber(item.number), item.title)).join('; ') || undefined),
        report: sourced('report', record.reports[0]),
        unverified: unverified.length ? unverified : undefined,
        source: from,
        provenance,
      }),
    );
    for (const adopted of record.adoptedAs) {
      const about: FactSource = { kind: 'library', from: `${from} (of the draft ${record.symbol})` };
      entries.push(
        compact({
          symbol: adopted,
          title: record.title ?? adopted,
          // A year stands for "not known": hover shows it as one (naming displayDate).
          date: record.date?.slice(0, 4) ?? '',
          body: record.body ?? 'General Assembly',
          kind: /\/DEC\//.test(adopted) ? 'decision' : 'resolution',
          draft: record.symbol,
          committee: record.committee,
          report: record.reports[0],
          unverified: ['title', 'date'],
          source: about.from,
          provenance: {
            draft: [about],
            ...(record.committee ? { committee: [about] } : {}),
            ...(record.reports[0] ? { report: [about] } : {}),
          },
        }),
      );
    }
  }
  return entries;
}

/** "draft resolution", "amendment", "resolution", "report" …: from 245 $b, else 989 $b, else the symbol. */
export function documentKind(record: LibraryRecord): string | undefined {
  const designation = record.designation?.toLowerCase() ?? '';
  const named = /\b(draft resolution|draft decision|amendments?|resolution|decision|report|note|letter|statement)\b/.exec(designation)?.[1];
  if (named) return named.replace(/^amendments$/, 'amendment');
  const type = record.documentType?.toLowerCase() ?? '';
  if (type.startsWith('draft resolutions')) return 'draft';
  if (type.startsWith('resolutions')) return /\/DEC\//.test(record.symbol) ? 'decision' : 'resolution';
  if (type.startsWith('reports')) return 'report';
  if (/\/RES\//.test(record.symbol)) return 'resolution';
  if (/\/L\.\d/.test(record.symbol)) return 'draft';
  return undefined;
}

function compact(entry: RegistryEntry): RegistryEntry {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as unknown as RegistryEntry;
}
