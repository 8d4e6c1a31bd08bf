import type { RegistryEntry } from '../corpus';
import { capitalise, documentName } from '../naming';
import type { Finding, Rule } from './rule';

/**
 * A title quoted with a citation ("resolution 71/1, entitled “…”") that is not the registry's.
 * UN titles are cited exactly, so a difference of wording or case counts; what typesetting changes
 * does not: quote marks, spacing, the case of the first letter (the title may run on from the
 * sentence), a full stop or comma swept inside the closing quote.
 */
export const titleMismatchRule: Rule = {
  code: 'title-mismatch',
  defaultSeverity: 'warning',
  description: 'A title quoted with a citation that differs from the title of the document in the registry.',
  check({ text, analysis, corpus }) {
    const findings: Finding[] = [];
    for (const ref of analysis.references) {
      const stated = ref.statedTitle;
      // A name ("the Global Compact") may be followed by the instrument's title, not the resolution's.
      if (!stated || !ref.symbol || ref.kind === 'internal' || ref.kind === 'alias' || ref.form === 'alias') continue;
      // A quotation opened inside the title means it was read only up to that quotation's closing
      // mark ("… International Decade for Action, “Water for Sustainable Development”, 2018–2028”).
      if (stated.text.includes('“')) continue;
      const entry = ref.resolution.entry?.registry ?? corpus.lookup(ref.symbol)?.registry;
      if (!entry || !isExactTitle(entry) || sameTitle(stated.text, entry.title)) continue;
      // A quotation right after a symbol, without "entitled", may be the resolution's words rather
      // than its title: only one that reads like the title is taken for a misquoted title.
      const entitled = /\bentitled\b/i.test(text.slice(ref.targetRange.end, stated.range.start));
      if (!entitled && !resembles(stated.text, entry.title)) continue;
      findings.push({
        range: stated.range,
        message: `${capitalise(documentName(entry.symbol))} is entitled “${entry.title}”.`,
        fixes: [{ title: 'Write the title as in the registry', edits: [{ range: stated.range, newText: entry.title }] }],
      });
    }
    return findings;
  },
};

/**
 * Whether the registry's title is the document's title as printed. Not when unverified, not for
 * Security Council resolutions (which bear none), and not when it carries a description in
 * parentheses ("Human rights of migrants (report of the Special Rapporteur …)"): such a title is
 * the registry's composition, and a draft quoting either part of it is not wrong.
 */
function isExactTitle(entry: RegistryEntry): boolean {
  return !!entry.title?.trim() && !entry.unverified?.includes('title') && !entry.titleIsDescription && !/\s\(.*\)$/.test(entry.title);
}

function normalise(title: string): string {
  const flat = title
    // Single and double quotes alike: a title quoted inside a title takes either ("‘World Social Summit’").
    .replace(/[‘’‚‛′“”„‟″«»]/g, '"')
    .replace(/\s+/g, ' ')
    // A hyphen the PDF text layer broke the line at ("zero- waste").
    .replace(/(\p{L})- (\p{L})/gu, '$1-$2')
    .trim()
    .replace(/[\s.,;:]+$/, '');
  return flat.charAt(0).toLowerCase() + flat.slice(1);
}

/** A short name in brackets at the end: "… on Financing for Development (Addis Ababa Action Agenda)". */
const SHORT_NAME = /\s*\([^()]{3,80}\)$/;

/**
 * The same title, or the same but for the short name the official title ends with: A/RES/69/313 is
 * entitled "Addis Ababa Action Agenda of the Third International Conference on Financing for
 * Development (Addis Ababa Action Agenda)", which resolutions quote whole and records often shorten.
 */
export function sameTitle(stated: string, registered: string): boolean {
  const a = normalise(stated);
  const b = normalise(registered);
  // A title that opens with a quoted name is read up to that name's closing mark: “World Social Summit” under the title “…”.
  const openingQuote = /^"([^"]+)"/.exec(b);
  return a === b || a.replace(SHORT_NAME, '') === b || b.replace(SHORT_NAME, '') === a || (openingQuote !== null && a === normalise(openingQuote[1]));
}

/** Most of the quotation's longer words are the title's. */
function resembles(quoted: string, title: string): boolean {
  const words = (s: string) => new Set(s.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
  const said = words(quoted);
  const titleWords = words(title);
  const shared = [...said].filter((w) => titleWords.has(w)).length;
  return shared >= 2 && shared / said.size >= 0.6;
}
