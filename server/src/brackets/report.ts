// The bracket report of one round: each open passage with its paragraph, section, alternatives and
// proponents; the paragraphs agreed ad ref; counts per section and in total. Shared by the CLI
// (`compact-drafter brackets`), the server's compactDrafter/brackets request (the editor's list) and
// the compare (brackets resolved, remaining and new between two rounds).
import { readUnits, type Unit } from '../compare/units';
import { alternativeCount, parseBrackets, plainBracketText, type BracketPassage, type ParsedBrackets } from './parse';

export interface LocatedPassage extends BracketPassage {
  /** The paragraph it starts in: "2", "pp3", "5 (b)" in a sub-paragraph; null outside numbered and preambular paragraphs. */
  readonly paragraph: string | null;
  /** The heading of the section it sits in, if the draft has headings. */
  readonly section: string | null;
}

export interface BracketReport {
  readonly passages: readonly LocatedPassage[];
  /** Paragraphs marked agreed ad referendum ("(agreed ad ref)", "[ad ref]"). */
  readonly adRef: readonly string[];
  readonly unmatched: ParsedBrackets['unmatched'];
  readonly sections: readonly { readonly title: string | null; readonly passages: number; readonly alternatives: number }[];
  readonly summary: { readonly passages: number; readonly alternatives: number };
}

const AD_REF = /\bad\s+ref(?:erendum)?\b\.?/i;
const HEADING = /^(?:#{1,6}[ \t]+(.+?)[ \t#]*|[ \t]*((?:[IVXL]+|[A-H])\.[ \t]+[A-Z][^\n]{0,150}?)[ \t]*)$/gm;

export function bracketReport(text: string, units: readonly Unit[] = readUnits(text)): BracketReport {
  return locate(text, parseBrackets([plainBracketText(text)]), units);
}

/** Locates already parsed passages (the analysis parses the draft's spans) in paragraphs and sections. */
export function locate(text: string, parsed: ParsedBrackets, units: readonly Unit[]): BracketReport {
  const headings = [...text.matchAll(HEADING)].map((m) => ({ offset: m.index, title: (m[1] ?? m[2]).replace(/[*_]/g, '').trim() }));
  const sectionAt = (offset: number) => {
    let title: string | null = null;
    for (const h of headings) {
      if (h.offset > offset) break;
      title = h.title;
    }
    return title;
  };
  const inside = (u: Unit, offset: number) => u.range.start <= offset && offset < u.range.end;
  // The sub-paragraph when the passage is in one ("5 (b)"): negotiators bracket actions one by one.
  const paragraphAt = (offset: number) => {
    const unit = units.find((u) => inside(u, offset));
    return (unit?.subparagraphs.find((s) => inside(s, offset)) ?? unit)?.id ?? null;
  };
  const passages = parsed.passages.map((p): LocatedPassage => ({ ...p, paragraph: paragraphAt(p.range.start), section: sectionAt(p.range.start) }));
  const adRef = units.filter((u) => AD_REF.test(u.text)).map((u) => u.id);
  const sections = new Map<string | null, { title: string | null; passages: number; alternatives: number }>();
  for (const p of passages) {
    const entry = sections.get(p.section) ?? { title: p.section, passages: 0, alternatives: 0 };
    entry.passages++;
    entry.alternatives += p.alternatives.length;
    sections.set(p.section, entry);
  }
  return {
    passages,
    adRef,
    unmatched: parsed.unmatched,
    sections: [...sections.values()],
    summary: { passages: passages.length, alternatives: alternativeCount(passages) },
  };
}

/** A passage's words for comparing rounds: alternatives joined, spacing and case ignored. */
export function passageKey(passage: BracketPassage): string {
  return passage.alternatives
    .map((a) => `${a.proponent ?? ''}:${a.text}`)
    .join(' | ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
