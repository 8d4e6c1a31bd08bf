// ImportedDocument → the Markdown corpus text the loader reads (server/src/corpus/loader.ts):
//
//   ---
//   symbol: A/RES/79/1            ← what the cover page and heading say, only where they say it
//   title: The Pact for the Future
//   date: 2024-09-22
//   …
//   source_file: A_RES_79_1.pdf   ← provenance: the file and its SHA-256
//   source_sha256: 5c1f…
//   ---
//
//   [without reference to a Main Committee (A/79/L.2)]
//   # 79/1. The Pact for the Future
//   The General Assembly
//   1. We, the Heads of State … Agenda[^1] and …      ← one block a line, numbered as printed
//   (a) Scale up …
//   ## Annex I
//   [^1]: Resolution 70/1.                            ← footnotes as GFM footnotes, at the end
//
// Text is escaped so that nothing in the document becomes Markdown syntax (a link, emphasis, HTML).
import { stringify } from 'yaml';
import { inlineText, type Block, type Footnote, type ImportedDocument, type Inline } from './model';

export interface Provenance {
  readonly file: string;
  readonly sha256: string;
  readonly format: 'pdf' | 'docx';
}

/** Backslash-escapes what Markdown would read as syntax inside a line of text. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_<>[\]|~]/g, (c) => `\\${c}`).replace(/&(?=#?\w+;)/g, '&amp;');
}

/** At a line start: "#", ">", "-", "+", "=" would open a heading, quote, list or setext underline. */
function escapeLineStart(line: string): string {
  return line.replace(/^([#>+=-])/, '\\$1').replace(/^(\d{4,9})([.)])(\s)/, '$1\\$2$3');
}

function renderInlines(inlines: readonly Inline[], labelOf: (marker: string) => string | undefined): string {
  let out = '';
  for (const inline of inlines) {
    if ('text' in inline) out += inline.revision ? `<${inline.revision}>${escapeInline(inline.text)}</${inline.revision}>` : escapeInline(inline.text);
    else {
      const label = labelOf(inline.footnote);
      // A marker whose note was not found stays visible as a superscript, which the parser still reads as a marker.
      // A marker belongs to the word before it, even where the PDF drew a space between them.
      out = out.replace(/[ \t]+$/, '');
      out += label ? `[^${label}]` : `<sup>${escapeInline(inline.footnote)}</sup>`;
    }
  }
  return out.replace(/[ \t]+/g, ' ').trim();
}

function renderBlock(block: Block, labelOf: (marker: string) => string | undefined, listIndent: number): string {
  const text = renderInlines(block.inlines, labelOf);
  switch (block.kind) {
    case 'item':
      // Indented under the paragraph's own list item, so Markdown nests it there.
      return ' '.repeat(listIndent) + escapeLineStart(text);
    case 'annex':
      return `## ${text}`;
    case 'heading':
      return `### ${text}`;
    case 'dateline':
      return text
        .split(/\s*\n\s*/)
        .map((line) => escapeLineStart(line))
        .join('\\\n');
    default:
      return escapeLineStart(text);
  }
}

/** GFM footnote labels cannot hold spaces or brackets; "*" and "**" (cover-page notes) are fine. */
function footnoteLabels(footnotes: readonly Footnote[]): Map<Footnote, string> {
  const used = new Set<string>();
  const labels = new Map<Footnote, string>();
  for (const footnote of footnotes) {
    let label = footnote.label.replace(/[\s[\]^]/g, '');
    if (used.has(label)) {
      let n = 2;
      while (used.has(`${label}-${n}`)) n++;
      label = `${label}-${n}`;
    }
    used.add(label);
    labels.set(footnote, label);
  }
  return labels;
}

export function toMarkdown(document: ImportedDocument, provenance: Provenance, asDraft = false): string {
  const { meta } = document;
  const fields: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value) fields[key] = value;
  };
  // A draft names the document it was made from, but is not that document: no symbol, so a corpus never takes it for the adopted text.
  put(asDraft ? 'draft_of' : 'symbol', meta.symbol);
  put('title', meta.title);
  put('date', meta.date);
  put('issued', meta.issued);
  put('body', meta.body);
  put('session', meta.session);
  put('committee', meta.committee);
  put('agenda_item', meta.agendaItem);
  put('agenda_title', meta.agendaTitle);
  put('agenda_note', meta.agendaNote);
  put('distribution', meta.distribution);
  put('source_file', provenance.file);
  put('source_sha256', provenance.sha256);
  put('source_format', provenance.format);
  const frontMatter = stringify(fields, { lineWidth: 0 }).trimEnd();

  // Markers are matched to notes by label in order: the n-th "1" marker takes the n-th note labelled "1".
  const written = footnoteLabels(document.footnotes);
  const queues = new Map<string, Footnote[]>();
  for (const footnote of document.footnotes) {
    if (!queues.has(footnote.label)) queues.set(footnote.label, []);
    queues.get(footnote.label)!.push(footnote);
  }
  const seen = new Map<string, number>();
  const labelOf = (marker: string): string | undefined => {
    const queue = queues.get(marker);
    if (!queue) return undefined;
    const count = seen.get(marker) ?? 0;
    seen.set(marker, count + 1);
    return written.get(queue[Math.min(count, queue.length - 1)]);
  };
  let listIndent = 3;
  const blocks = document.blocks.map((block) => {
    const number = block.kind === 'text' ? /^\d{1,3}\.\s/.exec(inlineText(block.inlines)) : null;
    if (number) listIndent = number[0].length;
    return renderBlock(block, labelOf, listIndent);
  });
  const notes = document.footnotes.map((footnote) => `[^${written.get(footnote)}]: ${renderInlines(footnote.inlines, () => undefined) || '(empty in the source)'}`);
  return `---\n${frontMatter}\n---\n\n${blocks.filter(Boolean).join('\n\n')}\n${notes.length ? `\n${notes.join('\n')}\n` : ''}`;
}
