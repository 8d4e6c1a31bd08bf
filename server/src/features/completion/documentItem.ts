// How a document of the corpus is shown as a completion item: its label, the title beside it, and
// the documentation (body and kind, date, title and any doubt about it, other names, what replaces
// it, whether its text is held, how it is cited). One renderer for every context that lists
// documents (symbols, resolution numbers, names), so they show a document alike. Corpus text is
// untrusted: it goes into the Markdown through escapeMarkdown only.
import { CompletionItemKind, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { Corpus } from '../../corpus';
import { citableDocument, formatCitation } from '../../language/citations';
import { successorStatus } from '../documentStatus';
import { escapeMarkdown, truncate } from '../markdown';
import { rank, type KnownDocument } from './documents';
import type { Request } from './request';

function documentMarkdown(document: KnownDocument, corpus: Corpus, cited: boolean): string {
  const { entry } = document;
  const facts = entry.registry;
  const head = [`**${escapeMarkdown(document.symbol)}**`];
  if (facts) head.push(`${escapeMarkdown(facts.body)} ${escapeMarkdown(facts.kind)}`);
  if (document.date) head.push(escapeMarkdown(document.date));
  const lines = [head.join(' · ')];
  if (document.title) {
    const doubt = facts?.unverified?.includes('title') ? ' (title not verified)' : facts?.titleIsDescription ? ' (description; the document bears no title)' : '';
    lines.push(`*${escapeMarkdown(document.title)}*${doubt}`);
  }
  if (facts?.aliases?.length) lines.push(`Also called ${facts.aliases.map((a) => `“${escapeMarkdown(a)}”`).join(', ')}`);
  // The hover's words for what replaces a document (documentStatus.ts): the two cannot disagree.
  const status = successorStatus(document.symbol, corpus);
  if (status) lines.push(status);
  if (entry.document) {
    const count = entry.document.isParsed ? entry.document.model.paragraphs.length : undefined;
    lines.push(count === undefined ? 'Text held in the corpus' : `Text held in the corpus (${count} numbered paragraphs)`);
  }
  lines.push(`Cited as: ${escapeMarkdown(formatCitation(citableDocument(entry), 'long'))}${cited ? ' · already cited in this draft' : ''}`);
  return lines.join('\n\n');
}

/** Enough of a title to tell documents apart in the list; the full title is in `detail`. */
const LABEL_TITLE_CHARS = 30;

/** Each document's documentation, cited and not, once per corpus (KnownDocuments are per corpus). */
const markdownByDocument = new WeakMap<KnownDocument, { cited?: string; uncited?: string }>();

function cachedDocumentMarkdown(document: KnownDocument, corpus: Corpus, cited: boolean): string {
  let cached = markdownByDocument.get(document);
  if (!cached) markdownByDocument.set(document, (cached = {}));
  const key = cited ? 'cited' : 'uncited';
  return (cached[key] ??= documentMarkdown(document, corpus, cited));
}

export function documentItem(request: Request, document: KnownDocument, label: string, range: Range, newText: string): CompletionItem {
  const cited = request.cited().has(document.key);
  return {
    label,
    kind: CompletionItemKind.Reference,
    ...(document.title ? { detail: document.title } : {}),
    // The title beside the label: VS Code shows `detail` only for the focused row, and drafters pick by title.
    labelDetails: {
      ...(document.title ? { detail: ` ${truncate(document.title, LABEL_TITLE_CHARS)}` } : {}),
      ...(document.date ? { description: document.date } : {}),
    },
    documentation: { kind: MarkupKind.Markdown, value: cachedDocumentMarkdown(document, request.corpus, cited) },
    sortText: rank(document, cited),
    textEdit: { range, newText },
  };
}
