// Citations of the Global Compact for Migration by objective, as drafters write them:
//   "objective 5 of the Global Compact", "objective 23 of the Global Compact for Safe, Orderly and
//   Regular Migration", "GCM objective 7", "objective 5 (b)", "objectives 5 (b) and 7".
// A bare "objective 5" is not read: "the objective of …" and other frameworks' objectives are
// common words; a lettered action ("objective 5 (b)") or the Compact named after it is what makes
// the reference. Which paragraph an objective is (objective 5 is paragraph 21 of the annex) is read
// from the Compact's text when the reference is resolved (corpus/structure.ts), not here.
import type { Reference } from './model';
import { GCM_SYMBOL } from '../language/gcm';

const COMPACT = String.raw`(?:the[ \t]+)?(?:Global[ \t]+Compact(?:[ \t]+for[ \t]+(?:Safe,?[ \t]+Orderly[ \t]+and[ \t]+Regular[ \t]+)?Migration)?|GCM|Compact)`;
const OBJECTIVE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(GCM|Global[ \t]+Compact)[ \t]+)?([Oo]bjective)[ \t]+(\d{1,2})(?:[ \t]*\(([a-z]{1,2})\))?(?:[ \t]+of[ \t]+(${COMPACT}))?(?![\p{L}\p{N}])`,
  'gu',
);
const OBJECTIVES = 23;

export function objectiveCitations(text: string): Reference[] {
  const found: Reference[] = [];
  OBJECTIVE.lastIndex = 0;
  for (let m = OBJECTIVE.exec(text); m; m = OBJECTIVE.exec(text)) {
    const [whole, prefix, , number, action, compact] = m;
    const n = Number(number);
    if (n < 1 || n > OBJECTIVES) continue;
    if (!prefix && !action && !compact) continue;
    const start = m.index;
    found.push({
      kind: 'paragraph',
      range: { start, end: start + whole.length },
      targetRange: { start, end: start + whole.length },
      form: 'short',
      symbol: GCM_SYMBOL,
      paragraphs: [],
      problems: [],
      objective: { number: n, ...(action ? { action } : {}) },
    });
  }
  return found;
}
