// A treaty body's general comment named in the text and its symbol given by the footnote that follows
// it, as adopted resolutions print them: "Taking note of general comment No. 25 (2021) of the Committee
// on the Rights of the Child …,32" with footnote "32 CRC/C/GC/25." (A/RES/78/187). The text itself pairs
// them; the comment's reference takes the symbol, and the footnote's citation is its `antecedent`
// (where the pairing is written). Only where the footnote cites that one document, a treaty body's
// comment symbol (…/C/GC/N, …/C/GR/N) ending with the comment's own number: a report that publishes
// it (CERD's No. 25 in A/55/18) is the footnote's own reference, not the comment's symbol.
import { footnoteBlocks } from './ibid';
import type { Reference } from './model';

// The footnote number after the comment's subject: glued to a word or after a comma ("girls20", "person,16", "violence 17").
const MARKER = /(?<=[\p{L}\p{N})”’,.])[ \t]?(\d{1,3})(?=[\s,.;]|$)/u;
const COMMENT_SYMBOL = /^[A-Z]{2,6}\/C\/(?:GC|GR)\/(\d{1,3})$/;
/** How far after the comment its footnote marker may stand (the subject in between). */
const REACH = 300;

export function pairCommentsWithFootnotes(source: string, references: readonly Reference[]): Reference[] {
  const comments = references.filter((r) => r.kind === 'numbered' && !r.symbol && (r.numbered?.type === 'general comment' || r.numbered?.type === 'general recommendation'));
  if (comments.length === 0) return [...references];
  const footnotes = footnoteBlocks(source);
  if (footnotes.length === 0) return [...references];
  const paired = new Map<Reference, Reference>();
  for (const comment of comments) {
    // Up to the next reference (the next comment of a list has its own footnote) or the clause's end.
    const next = references.find((r) => r.range.start >= comment.range.end);
    const end = Math.min(comment.range.end + REACH, next ? next.range.start : Infinity);
    const clause = source.slice(comment.range.end, end).split(/[;]/)[0]!;
    const marker = MARKER.exec(clause);
    if (!marker) continue;
    const note = footnotes.find((f) => f.number === Number(marker[1]) && f.start > comment.range.end);
    if (!note) continue;
    const inside = references.filter((r) => r.symbol && r.range.start >= note.start && r.range.start < note.end);
    const symbols = new Set(inside.map((r) => r.symbol));
    const cited = inside[0];
    const number = cited?.symbol && COMMENT_SYMBOL.exec(cited.symbol)?.[1];
    if (symbols.size !== 1 || !cited || number !== comment.numbered!.number) continue;
    paired.set(comment, { ...comment, symbol: cited.symbol!, antecedent: cited.targetRange });
  }
  return references.map((r) => paired.get(r) ?? r);
}
