// Quotation marks in a run of prose, paired; and whether an offset of the draft is inside a pair.
import type { DraftModel, TextSpan } from '../parse/model';
import { plainIndex, spanAt } from '../parse/spanLookup';

/** Whether an offset of the draft lies inside quotation marks (words quoted from another text). */
export function insideQuotation(model: DraftModel, offset: number): boolean {
  const span = spanAt(model, offset);
  if (!span) return false;
  const at = plainIndex(span, offset);
  let pairs = pairsBySpan.get(span);
  if (!pairs) pairsBySpan.set(span, (pairs = quotePairs(span.text)));
  return pairs.some((pair) => pair.open < at && at < pair.close);
}

// A rule asks about every reference of a span: its quotation marks are paired once.
const pairsBySpan = new WeakMap<TextSpan, QuotePair[]>();

export interface QuotePair {
  readonly open: number;
  readonly close: number;
}

/**
 * Matching quotation marks in a run of prose. A curly single quote counts only where it is clearly a
 * mark (an opening ‘ after a space, a closing ’ not followed by a letter), since ’ is also the apostrophe.
 */
export function quotePairs(text: string): QuotePair[] {
  const open: { mark: string; at: number }[] = [];
  const pairs: QuotePair[] = [];
  const closeWith = (mark: string, at: number): boolean => {
    for (let k = open.length - 1; k >= 0; k--) {
      if (open[k].mark !== mark) continue;
      pairs.push({ open: open[k].at, close: at });
      open.length = k;
      return true;
    }
    return false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') open.push({ mark: '“', at: i });
    else if (ch === '”') closeWith('“', i);
    else if (ch === '"') {
      if (!closeWith('"', i)) open.push({ mark: '"', at: i });
    } else if (ch === '‘') {
      if (i === 0 || /[\s(\[“"—–-]/.test(text[i - 1])) open.push({ mark: '‘', at: i });
    } else if (ch === '’' && !/\p{L}/u.test(text[i + 1] ?? '')) closeWith('‘', i);
  }
  return pairs.filter((p) => p.close > p.open + 1).sort((a, b) => a.open - b.open);
}
