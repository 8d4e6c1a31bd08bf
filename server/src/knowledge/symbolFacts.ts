// What a symbol alone says of its document: the organ and, for resolutions and drafts, the kind
// ("A/RES/…" is a General Assembly resolution, "A/C.3/80/L.5" a Third Committee draft), used by the
// registry build where no text states the body or kind. The series and organ names are the one
// vocabulary's (vocabulary/index.ts SYMBOL_SERIES, built on NUMBERED_SERIES and ORGAN_FULL_NAMES), so
// the registry names a body as completion, citations and the reference grammar do.
import { SYMBOL_SERIES } from '../vocabulary';

export function factsOfSymbol(symbol: string): { body: string; kind: string } | undefined {
  const found = SYMBOL_SERIES.find((series) => series.pattern.test(symbol));
  return found && { body: found.body, kind: found.kind };
}
