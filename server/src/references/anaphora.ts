// Anaphora editors write in place of a repeated symbol: "that resolution", "the same resolution",
// "the above-mentioned report", "the said resolution". Read only where it is unambiguous: within
// one paragraph (a span), after exactly one document of that kind cited before it ("Recalling its
// resolution 70/1 …, and reaffirming the commitments made in that resolution"). Two resolutions
// before it, none, a plural ("those resolutions"), or an antecedent in another paragraph ("In the
// same resolution, the Assembly …" opening a paragraph): nothing.
import type { Reference } from './model';
import { readPinpoint } from './pinpoints';
import { range } from './text';

// "paragraph 5 of that resolution": a pinpoint written before the anaphor.
const PINPOINT_BEFORE = /(?:\b[Pp]aragraphs?|\b[Pp]aras?\.|\b[Aa]nnex)[^.;:]{0,40}?\s+of\s+$/;

const ANAPHOR = /\b(?:that|the\s+same|the\s+above-mentioned|the\s+abovementioned|the\s+aforementioned|the\s+said)\s+(resolution|report|decision)\b(?!s)/g;

/** What kind of document a symbol names, as the anaphor's noun does. */
function kindOf(symbol: string): 'resolution' | 'report' | 'decision' | undefined {
  if (/(?:^|\/)RES\/|\/Res\./.test(symbol)) return 'resolution';
  if (/\/DEC\//.test(symbol)) return 'decision';
  // Drafts (L.), records (PV., SR.) and letters of the Council are not reports.
  if (/\/(?:L|PV|SR|CRP|WP)\.\d/.test(symbol) || /^S\/\d/.test(symbol)) return undefined;
  return 'report';
}

/** The anaphora of one run of prose whose single antecedent is cited before them; `references` in source order. */
export function anaphoraReferences(text: string, references: readonly Reference[]): Reference[] {
  const found: Reference[] = [];
  ANAPHOR.lastIndex = 0;
  for (let m = ANAPHOR.exec(text); m; m = ANAPHOR.exec(text)) {
    const noun = m[1] as 'resolution' | 'report' | 'decision';
    const before = references.filter((r) => r.symbol && r.range.end <= m!.index && r.kind !== 'internal' && kindOf(r.symbol) === noun);
    const symbols = new Set(before.map((r) => r.symbol));
    if (symbols.size !== 1) continue;
    // Another citation of any kind between them may be what the anaphor means ("resolution 70/1 and the report A/70/1, in that …").
    // A name of the same document may stand between ("resolution 71/256 …, adopted by the … Conference (Habitat III)"): the citation is the antecedent.
    const antecedent = before.filter((r) => r.kind !== 'alias').pop() ?? before[before.length - 1];
    if (references.some((r) => r.symbol && r.range.start >= antecedent.range.end && r.range.end <= m!.index && r.symbol !== antecedent.symbol)) continue;
    const lead = PINPOINT_BEFORE.exec(text.slice(Math.max(0, m.index - 60), m.index));
    const leadAt = lead ? m.index - lead[0].length : -1;
    const pinpoint = lead ? readPinpoint(text, leadAt) : undefined;
    const pinned = pinpoint && /^\s+of\s+$/.test(text.slice(pinpoint.range.end, m.index)) ? pinpoint : undefined;
    found.push({
      kind: pinned && (pinned.paragraphs.length > 0 || pinned.annex !== undefined) ? 'paragraph' : 'document',
      range: range(pinned ? pinned.range.start : m.index, m.index + m[0].length),
      targetRange: range(m.index, m.index + m[0].length),
      symbol: antecedent.symbol,
      form: 'short',
      paragraphs: pinned ? pinned.paragraphs : [],
      problems: [],
      ...(pinned ? { pinpointRange: pinned.range } : {}),
      ...(pinned?.annex !== undefined ? { annex: pinned.annex } : {}),
      antecedent: antecedent.targetRange,
    });
  }
  return found;
}
