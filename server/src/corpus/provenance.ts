// Where a fact came from, in a drafter's words: "as printed on A/RES/80/218", "as cited in
// A/RES/78/217 and 4 other texts", "verified by the project", "from the UN Digital Library
// (record 4029134)". Plain text: hovers escape it like any other text.
import type { FactSource, RegistryEntry, SourcedField } from './registry';

const FIELD_WORDS: Partial<Record<SourcedField, string>> = {
  title: 'title',
  date: 'date',
  body: 'body',
  kind: 'type',
  draft: 'draft',
  series: 'series',
  committee: 'committee',
  aliases: 'name',
  subject: 'subject',
};

export function describeSources(sources: readonly FactSource[] | undefined): string | undefined {
  if (!sources?.length) return undefined;
  const first = sources[0];
  const total = Math.max(first.count ?? 1, sources.filter((s) => s.kind === first.kind).length);
  const others = total - 1;
  const more = others > 0 ? ` and ${others} other ${others === 1 ? 'text' : 'texts'}` : '';
  switch (first.kind) {
    case 'verified':
      return 'verified by the project';
    case 'printed':
      return `as printed on ${first.from}`;
    case 'library':
      return `from the ${first.from}`;
    case 'cited':
      return `as cited in ${first.from}${more}`;
    case 'derived':
      return `from ${first.from}`;
  }
}

/**
 * "title and date as printed on A/RES/80/218 · name as cited in A/RES/78/10 and 80 other texts", for
 * the fields shown: fields with the same source are named once, together.
 */
export function describeProvenance(entry: RegistryEntry, fields: readonly SourcedField[]): string | undefined {
  const bySource = new Map<string, string[]>();
  for (const field of fields) {
    if (!entry[field as keyof RegistryEntry]) continue;
    const words = describeSources(entry.provenance?.[field]) ?? (entry.confidence ? 'verified by the project' : undefined);
    if (!words) continue;
    const named = bySource.get(words) ?? [];
    named.push(FIELD_WORDS[field] ?? field);
    bySource.set(words, named);
  }
  const parts = [...bySource].map(([words, named]) => `${named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named[0]} ${words}`);
  return parts.length ? parts.join(' · ') : undefined;
}
