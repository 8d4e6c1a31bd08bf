import { visibleText } from '../text/invisible';

// Hover text is built from untrusted corpus text: everything that is not ours is escaped,
// so a corpus file cannot inject links, images, HTML or `command:` URIs.

// Brackets are what make links and images, so escaping them is enough to keep "(" and "."
// literal; escaping those too would only clutter the hover's source for other LSP clients.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]#!|~>]/g;
/** Characters that start a list, a heading or a quote only at the start of a line. */
const LINE_START = /^([-+=]|\d+[.)])/;
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
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`)
    .replace(WWW, '$1\\.')
    .replace(SCHEME, '$1\\:')
    .replace(/@/g, '\\@')
    .replace(LINE_START, (lead) => `${lead.slice(0, -1)}\\${lead.slice(-1)}`);
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
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max * 0.6 ? cut : max)} …`;
}
