// What a symbol alone says of its document: the organ and, for resolutions and drafts, the kind
// ("A/RES/…" is a General Assembly resolution, "A/C.3/80/L.5" a Third Committee draft). Facts of
// the symbol grammar (shared/facts/README.md), used where no text states the body or kind.
const BY_PREFIX: readonly (readonly [pattern: RegExp, body: string, kind: string])[] = [
  [/^A\/RES\//, 'General Assembly', 'resolution'],
  [/^A\/HRC\/RES\//, 'Human Rights Council', 'resolution'],
  [/^A\/HRC\/DEC\//, 'Human Rights Council', 'decision'],
  [/^A\/HRC\//, 'Human Rights Council', 'document'],
  [/^S\/RES\//, 'Security Council', 'resolution'],
  [/^S\/PRST\//, 'Security Council', 'presidential statement'],
  [/^S\//, 'Security Council', 'document'],
  [/^E\/RES\//, 'Economic and Social Council', 'resolution'],
  [/^E\/CN\.\d+\//, 'Economic and Social Council', 'commission document'],
  [/^E\//, 'Economic and Social Council', 'document'],
  [/^A\/C\.\d\/\d+\/L\./, 'General Assembly', 'draft'],
  [/^A\/\d+\/L\./, 'General Assembly', 'draft'],
  [/^A\/CONF\./, 'United Nations conference', 'document'],
  [/^A\//, 'General Assembly', 'document'],
];

export function factsOfSymbol(symbol: string): { body: string; kind: string } | undefined {
  const found = BY_PREFIX.find(([pattern]) => pattern.test(symbol));
  return found && { body: found[1], kind: found[2] };
}
