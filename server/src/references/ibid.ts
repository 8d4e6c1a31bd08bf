// "Ibid." in a footnote cites the document of the footnote before it ("7 Ibid., para. 29."). It is
// read over the whole draft, after the grammar has read each span, because the previous footnote
// is another block. Only where the previous footnote is plainly the one just before and holds a
// citation: not across the rule that opens a page's footnotes (the text between may be body text
// with citations of its own), not after a Treaty Series footnote ("Ibid., vol. 2237, No. 39574"
// cites a treaty), and not where the Official Records form follows ("Ibid., Seventieth Session,
// Supplement No. 53 (A/70/53)": the symbol in brackets is the citation). When unsure, nothing.
import type { Reference } from './model';
import { readSuffixPinpoint } from './pinpoints';
import { execAt, range } from './text';

// At the start of a footnote: its number at a line start (PDF text layers, plain text) or a GFM definition.
const IBID = /(?:^|\n)[ \t]*(?:\d{1,3}[ \t]+|\[\^[^\]\n]{1,20}\]:[ \t]*)([Ii]bid\.?)(?![\p{L}\p{N}])/gu;
const NOT_A_DOCUMENT_AT = /,?\s*(?:vols?\.|[A-Z][a-z]+(?:-[a-z]+)?\s+(?:Special\s+|Emergency\s+Special\s+)?Session|(?:19|20)\d{2},\s+Supplement|Supplement)/y;
const FOOTNOTE_START = /\n[ \t]*\d{1,3}[ \t]+\S|\n[ \t]*\[\^[^\]\n]{1,20}\]:/g;
const FOOTNOTE_RULE = /_{5,}/;

/** The footnotes' "Ibid." as references to the previous footnote's document; `references` in source order. */
export function ibidReferences(source: string, references: readonly Reference[]): Reference[] {
  const found: Reference[] = [];
  let k = 0;
  let previous: Reference | undefined;
  IBID.lastIndex = 0;
  for (let m = IBID.exec(source); m; m = IBID.exec(source)) {
    const start = m.index + m[0].length - m[1].length;
    const end = start + m[1].length;
    while (k < references.length && references[k].range.start < start) {
      if (references[k].symbol) previous = references[k];
      k++;
    }
    const last = found.length && (!previous || found[found.length - 1].range.start > previous.range.start) ? found[found.length - 1] : previous;
    if (!last?.symbol || execAt(NOT_A_DOCUMENT_AT, source, end)) continue;
    const between = source.slice(last.range.end, start);
    if (FOOTNOTE_RULE.test(between) || /Treaty Series/.test(between) || (source.slice(last.range.end, end).match(FOOTNOTE_START)?.length ?? 0) !== 1) continue;
    const pinpoint = readSuffixPinpoint(source, end);
    const paragraphs = pinpoint ? pinpoint.paragraphs : [];
    found.push({
      kind: pinpoint && (paragraphs.length > 0 || pinpoint.annex !== undefined) ? 'paragraph' : 'document',
      range: range(start, pinpoint ? pinpoint.range.end : end),
      targetRange: range(start, end),
      symbol: last.symbol,
      form: 'short',
      paragraphs,
      problems: [],
      ...(pinpoint ? { pinpointRange: pinpoint.range } : {}),
      ...(pinpoint?.annex !== undefined ? { annex: pinpoint.annex } : {}),
      ...(pinpoint?.pages ? { pages: pinpoint.pages } : {}),
    });
  }
  return found;
}
