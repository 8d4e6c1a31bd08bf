import { visibleText } from '../text/invisible';

// Hover text is built from untrusted corpus text: everything that is not ours is escaped,
// so a corpus file cannot inject links, images, HTML or `command:` URIs.
//
// Escaped is only what must be: Emacs's markdown-mode (Eglot's hovers) and other terminal renderers
// show every backslash, and "\[consider\]" or "Convention\_on" is clutter in a negotiation text,
// where square brackets are everywhere. What must be:
// - "`", "*", "|", "~" anywhere: they open code, emphasis, table cells and strikethrough;
// - "\" before punctuation (elsewhere CommonMark keeps it literal: "C:\Users");
// - "]" where a link or image could close: before "(", "[" or ":", and at the end (what follows is
//   ours); "[" at the start (a reference definition). "[consider]" alone is no link: we never write
//   the definition a shortcut reference needs, and "![" needs a link to be an image;
// - "_" where it can open or close emphasis: not between letters or digits ("Convention_on" is literal);
// - "&" where it starts an entity ("&amp;"), "<" where it starts HTML or an autolink ("<b", "</", "<!",
//   "<https:"), written "\&" and "\<" (CommonMark renders them literally; an entity would show as
//   "&amp;" in a renderer that does not decode it);
// - at the start, what opens a list, a heading, a quote or a setext underline;
// - what GFM turns into a link without any bracket ("https://", "www.", e-mail addresses).
// Whether it renders literally (and links nothing) is judged by marked, as VS Code renders hovers:
// test/robustness/hoverSecurity.test.ts.

const ALWAYS = /[`*|~]/g;
const ESCAPING_BACKSLASH = /\\(?=[!-/:-@[-`{-~]|$)/g;
const LINK_CLOSE = /\](?=[([:]|$)/g;
/** "_" with a letter or digit on both sides can neither open nor close emphasis (CommonMark's flanking rules). */
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** CommonMark's entity and numeric character references: "&amp;", "&#60;", "&#x3C;". */
const ENTITY_START = /&(?=#?[a-z0-9]+;)/gi;
/** Raw HTML (open and closing tags, comments, declarations, processing instructions) and autolinks. */
const HTML_START = /<(?=[a-z/!?])/gi;
/** What starts a list, a heading, a quote or a reference definition only at the start of a line (after at most a space). */
const LINE_START = /^( ?)([-+=#>[]|\d+[.)])/;
/**
 * What GFM renderers (VS Code's hovers use marked) turn into links without any bracket: "https://",
 * "www." and e-mail addresses. An escaped ":", "." or "@" renders the same but breaks the autolink.
 */
const WWW = /\b(www)\./gi;
const SCHEME = /\b([a-z][a-z0-9+.-]*):(?=\/\/)/gi;

/** Escapes text for CommonMark so it renders literally, inline; collapses line breaks. */
export function escapeMarkdown(text: string): string {
  return visibleText(text)
    .replace(/\s+/g, ' ')
    .replace(ESCAPING_BACKSLASH, '\\\\')
    .replace(ALWAYS, (ch) => `\\${ch}`)
    .replace(LINK_CLOSE, '\\]')
    .replace(EMPHASIS_UNDERSCORE, '\\_')
    .replace(ENTITY_START, '\\&')
    .replace(HTML_START, '\\<')
    .replace(WWW, '$1\\.')
    .replace(SCHEME, '$1\\:')
    .replace(/@/g, '\\@')
    .replace(LINE_START, (_, space: string, lead: string) => `${space}${lead.slice(0, -1)}\\${lead.slice(-1)}`);
}

/** A link whose target we build ourselves (https only, percent-encoded). */
export function link(label: string, url: string): string {
  if (!/^https:\/\/[a-z0-9.-]+\//i.test(url)) throw new Error(`refusing a non-https link: ${url}`);
  return `[${escapeMarkdown(label)}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** Cuts text at a word boundary near `max` characters. */
export function truncate(text: string, max: number): string {
  const flat = visibleText(text).replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Never inside a word ("Protection of mig …"): at the last space that fits, else after the first word.
  const cut = flat.lastIndexOf(' ', max);
  const next = flat.indexOf(' ', max);
  const end = cut > 0 ? cut : next < 0 ? flat.length : next;
  return end >= flat.length ? flat : `${flat.slice(0, end).replace(/[\s,;:–-]+$/, '')} …`;
}
