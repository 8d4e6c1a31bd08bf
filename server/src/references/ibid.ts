// "Ibid." in a footnote cites the document of the footnote before it ("7 Ibid., para. 29."). It is
// read over the whole draft, after the grammar has read each span, because the previous footnote
// is another block.
//
// In a PDF text layer the footnotes stand in blocks at the foot of each page, below a rule of
// underscores, numbered through the document: "2 Ibid." at the top of a page's block cites footnote
// 1, printed on the page before with body text between. So the previous footnote is found by its
// number, and its citations are those inside it: exactly one document there, or nothing (two
// documents in the footnote before, or a Treaty Series volume, and "Ibid." cannot be told).
// Elsewhere (Markdown footnotes), only where the previous footnote is plainly the one just before
// and holds a citation: not across the rule that opens a page's footnotes.
// Never where the Official Records or Treaty Series form follows ("Ibid., Seventieth Session,
// Supplement No. 53 (A/70/53)": the symbol in brackets is the citation; "Ibid., vol. 2237, No.
// 39574" cites a treaty). When unsure, nothing.
import type { Reference } from './model';
import { readSuffixPinpoint } from './pinpoints';
import { execAt, range } from './text';

// At the start of a footnote: its number at a line start (PDF text layers, plain text) or a GFM definition; "See ibid." too.
const IBID = /(?:^|\n)[ \t]*(?:(\d{1,3})[ \t]+|\[\^[^\]\n]{1,20}\]:[ \t]*)(?:See[ \t]+(?:also[ \t]+)?)?([Ii]bid\.?)(?![\p{L}\p{N}])/gu;
const NOT_A_DOCUMENT_AT = /,?\s*(?:vols?\.|No\.|[A-Z][a-z]+(?:-[a-z]+)?\s+(?:Special\s+|Emergency\s+Special\s+)?Session|(?:19|20)\d{2},\s+Supplement|Supplement)/y;
const FOOTNOTE_START = /\n[ \t]*\d{1,3}[ \t]+\S|\n[ \t]*\[\^[^\]\n]{1,20}\]:/g;
const FOOTNOTE_RULE = /_{5,}/;
const TREATY = /Treaty\s+Series/;

/** One footnote of a text layer's footnote blocks: its number and where its text runs. */
interface Footnote {
  readonly number: number;
  readonly start: number;
  readonly end: number;
}

const RULE_LINE = /^[ \t]*_{5,}[ \t]*$/;
const NUMBERED_LINE = /^[ \t]*(\d{1,3})[ \t]+\S/;
// What ends a page's footnote block: the running header or footer (the symbol alone on its line,
// the job number "23-24974", the page counter "2/6", the bar code).
const PAGE_FURNITURE = /^[ \t]*(?:[A-Z][A-Za-z0-9.]*(?:\/[A-Za-z0-9.()-]+)+|\d{2}-\d{5}(?:[ \t]*\([A-Z]\).*)?|\d{1,3}\/\d{1,3}|\*\d{7}\*)[ \t]*$/;

/** The footnotes printed in blocks below a rule, in source order. */
export function footnoteBlocks(source: string): Footnote[] {
  const footnotes: Footnote[] = [];
  let inBlock = false;
  let afterBlank = false;
  let current: { number: number; start: number; end: number } | undefined;
  const close = () => {
    if (current) footnotes.push(current);
    current = undefined;
  };
  let offset = 0;
  for (const line of source.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (RULE_LINE.test(line)) {
      close();
      inBlock = true;
      afterBlank = true;
      continue;
    }
    if (!inBlock) continue;
    // The text layer leaves a line empty (not even a space) before the running header, whose title
    // lines would otherwise run on the last footnote of the page.
    if (line === '' || line === '\r') {
      close();
      afterBlank = true;
      continue;
    }
    if (PAGE_FURNITURE.test(line)) {
      close();
      inBlock = false;
      continue;
    }
    const numbered = NUMBERED_LINE.exec(line);
    // Footnotes are numbered through the document and set apart by a line of spaces: a number at the
    // start of a footnote's next line continues it ("2 Report of … Rio de Janeiro, \n3 – 14 June 1992").
    if (numbered && afterBlank && (!current || Number(numbered[1]) === current.number + 1)) {
      close();
      current = { number: Number(numbered[1]), start: start + (line.length - line.trimStart().length), end: start + line.trimEnd().length };
      afterBlank = false;
      continue;
    }
    afterBlank = !line.trim();
    if (current && !afterBlank) current.end = start + line.trimEnd().length;
  }
  close();
  return footnotes;
}

/** The one document cited in a footnote, or undefined when it cites none, several or a treaty. */
function soleDocument(source: string, footnote: Footnote, cited: readonly Reference[]): Reference | undefined {
  if (TREATY.test(source.slice(footnote.start, footnote.end))) return undefined;
  const inside = cited.filter((r) => r.symbol && r.range.start >= footnote.start && r.range.start < footnote.end);
  const symbols = new Set(inside.map((r) => r.symbol));
  return symbols.size === 1 ? inside[inside.length - 1] : undefined;
}

/** The footnotes' "Ibid." as references to the previous footnote's document; `references` in source order. */
export function ibidReferences(source: string, references: readonly Reference[]): Reference[] {
  const found: Reference[] = [];
  // Read once, and only for a draft that has an "Ibid." (the analysis runs on every edit).
  let blocks: Footnote[] | undefined;
  let k = 0;
  let previous: Reference | undefined;
  IBID.lastIndex = 0;
  for (let m = IBID.exec(source); m; m = IBID.exec(source)) {
    const start = m.index + m[0].length - m[2].length;
    const end = start + m[2].length;
    while (k < references.length && references[k].range.start < start) {
      if (references[k].symbol) previous = references[k];
      k++;
    }
    if (execAt(NOT_A_DOCUMENT_AT, source, end)) continue;
    let cited: Reference | undefined;
    if (m[1] !== undefined) blocks ??= footnoteBlocks(source);
    const own = m[1] !== undefined && blocks ? blocks.find((f) => f.start <= start && start < f.end && f.number === Number(m[1])) : undefined;
    if (own) {
      // In a footnote block: the footnote numbered one less, the latest before this one.
      const before = blocks!.filter((f) => f.number === own.number - 1 && f.end <= own.start);
      const footnote = before[before.length - 1];
      cited = footnote && soleDocument(source, footnote, [...references, ...found]);
    } else {
      const last = found.length && (!previous || found[found.length - 1].range.start > previous.range.start) ? found[found.length - 1] : previous;
      if (!last?.symbol) continue;
      const between = source.slice(last.range.end, start);
      if (FOOTNOTE_RULE.test(between) || TREATY.test(between) || (source.slice(last.range.end, end).match(FOOTNOTE_START)?.length ?? 0) !== 1) continue;
      cited = last;
    }
    if (!cited?.symbol) continue;
    const pinpoint = readSuffixPinpoint(source, end);
    // A bare "Ibid." is the same place: the previous footnote's annex and paragraphs too ("6 See resolution 2200 A (XXI), annex. 7 Ibid.").
    const paragraphs = pinpoint ? pinpoint.paragraphs : cited.paragraphs;
    const annex = pinpoint ? pinpoint.annex : cited.annex;
    found.push({
      kind: paragraphs.length > 0 || annex !== undefined ? 'paragraph' : 'document',
      range: range(start, pinpoint ? pinpoint.range.end : end),
      targetRange: range(start, end),
      symbol: cited.symbol,
      form: 'short',
      paragraphs,
      problems: [],
      ...(pinpoint ? { pinpointRange: pinpoint.range } : {}),
      ...(annex !== undefined ? { annex } : {}),
      ...(pinpoint?.pages ? { pages: pinpoint.pages } : {}),
      antecedent: cited.targetRange,
    });
  }
  return found;
}
