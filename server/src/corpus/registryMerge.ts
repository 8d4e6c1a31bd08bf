import { type FactSource, type RegistryEntry, type SourcedField, symbolKey, type UncertainField } from './registry';

/**
 * The bundled registry and the user's own registry files (Digital Library imports and lookups)
 * as one list. A field the bundled entry vouches for wins: it comes from the project's checked
 * facts or from the document itself. A user record fills what the bundled entry lacks or marks
 * unverified, and adds the documents the bundled registry does not know. Between user records,
 * the first file (by name) wins the same way, except that a stand-in (a resolution known only from
 * its draft's record, fields unverified) gives way to the resolution's own record.
 */
export function mergeRegistries(bundled: readonly RegistryEntry[], user: readonly RegistryEntry[]): RegistryEntry[] {
  const merged = new Map<string, RegistryEntry>();
  for (const entry of bundled) merged.set(symbolKey(entry.symbol), entry);
  for (const entry of user) {
    const key = symbolKey(entry.symbol);
    const existing = merged.get(key);
    merged.set(key, existing ? fillFrom(existing, entry) : entry);
  }
  return [...merged.values()];
}

const FIELDS: readonly SourcedField[] = ['title', 'date', 'body', 'kind', 'draft', 'series', 'aliases', 'committee', 'agendaItem', 'report'];

function fillFrom(base: RegistryEntry, extra: RegistryEntry): RegistryEntry {
  let result: RegistryEntry | undefined;
  for (const field of FIELDS) {
    if (vouches(base, field) || !vouches(extra, field)) continue;
    result ??= { ...base, provenance: { ...base.provenance } };
    const provenance = result.provenance as Partial<Record<SourcedField, readonly FactSource[]>>;
    const unverified = result.unverified?.filter((f) => f !== field);
    result = { ...result, [field]: extra[field], unverified: unverified?.length ? unverified : undefined, provenance };
    provenance[field] = extra.provenance?.[field] ?? [];
  }
  if (!result) return base;
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined)) as unknown as RegistryEntry;
}

/** The entry states the field and does not mark it as unverified. */
function vouches(entry: RegistryEntry, field: SourcedField): boolean {
  const value = entry[field];
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return false;
  return !entry.unverified?.includes(field as UncertainField);
}
