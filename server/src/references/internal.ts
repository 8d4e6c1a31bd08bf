// References inside the draft itself: "paragraph 12 above", "paras. 45–47 below", "footnote 3",
// "paragraph 7 of the present report". A bare "paragraph 8" says nothing about where it points
// (this draft? the resolution named in the previous sentence?), so it is not a reference.
import type { Reference } from './model';
import { readFootnotes, readParagraphs } from './pinpoints';
import { execAt, range } from './text';

const ANCHOR = /\b(?:[Pp]ara(?:graphs?\b|s?\.|s?\b)|[Ff]ootnotes?\b)/g;
const DIRECTION_AT = /[ \t\u00a0]+(above|below)\b(?!-)/y;

/** The documents a draft calls itself. */
export const SELF_NAMES = ['report', 'resolution', 'decision', 'document', 'note', 'draft', 'declaration', 'letter', 'text', 'annex'];
export const PRESENT_DOCUMENT_AT = new RegExp(String.raw`(?:the[ \t]+present|this)[ \t]+(?:draft[ \t]+)?(?:${SELF_NAMES.join('|')})\b`, 'y');

export function findInternalReferences(text: string): Reference[] {
  const found: Reference[] = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    const footnote = /^[Ff]/.test(m[0]);
    const list = footnote ? readFootnotes(text, m.index) : readParagraphs(text, m.index);
    if (!list) continue;
    const direction = execAt(DIRECTION_AT, text, list.range.end);
    if (!direction && !footnote) continue;
    const end = direction ? list.range.end + direction[0].length : list.range.end;
    found.push({
      kind: 'internal',
      range: range(m.index, end),
      targetRange: list.range,
      pinpointRange: list.range,
      paragraphs: list.list.labels,
      ...(direction ? { direction: direction[1] as 'above' | 'below' } : {}),
      internalTarget: footnote ? 'footnote' : 'paragraph',
      problems: list.list.problems,
    });
    ANCHOR.lastIndex = end;
  }
  return found;
}
