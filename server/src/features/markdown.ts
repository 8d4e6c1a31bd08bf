// Hover text is built from untrusted corpus text: everything that is not ours is escaped,
// so a corpus file cannot inject links, images, HTML or `command:` URIs.

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|~>]/g;

/** Escapes text for CommonMark so it renders literally; collapses line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** A link whose target we build ourselves (https only, percent-encoded). */
export function link(label: string, url: string): string {
  if (!/^https:\/\/[a-z0-9.-]+\//i.test(url)) throw new Error(`refusing a non-https link: ${url}`);
  return `[${escapeMarkdown(label)}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** Cuts text at a word boundary near `max` characters. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max * 0.6 ? cut : max)} …`;
}
