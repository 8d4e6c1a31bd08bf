// "A/68/283, para. 8": the paragraph numbers of a text the corpus holds, each with its first words,
// offered after a pinpoint ("para.", "paragraphs 3 and", "(para") that follows a citation. Without
// the text nothing is offered: the paragraph numbers are not known.
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { Corpus } from '../../corpus';
import { findReferences } from '../../references';
import { INSERTION_SOURCE } from '../../vocabulary';
import { escapeMarkdown, truncate } from '../markdown';
import { rangeTo, type Context } from './request';

const LABEL = String.raw`\d{1,4}(?:[ \t]?(?:${INSERTION_SOURCE})\b)?(?:[ \t]?\([a-z]{1,5}\)){0,2}`;
const SEPARATOR = String.raw`(?:[ \t]?,[ \t]?(?:and[ \t]+)?|[ \t]+(?:and|to)[ \t]+|[ \t]?[-–][ \t]?)`;
const PINPOINT_TAIL = new RegExp(String.raw`(?:,[ \t]*|[ \t]+|\()[Pp]ara(?:graphs?|s?\.|s)?[ \t\u00a0]+((?:${LABEL}${SEPARATOR})*)(\d{0,4})$`, 'u');
const FIRST_WORDS = 10;
const PARAGRAPH_CHARS = 500;

/** The document a pinpoint typed after it belongs to: the reference that ends right before ", para.". */
function citedBefore(text: string, corpus: Corpus): string | undefined {
  // Markdown around the citation: "[A/HRC/23/46](#)", "*resolution 71/1*".
  const cleaned = text
    .replace(/\]\([^()\s]*\)$/, '')
    .replace(/[*_]+$/, '')
    .replace(/[\s,(]+$/, '');
  const refs = findReferences(cleaned, { aliases: corpus.aliases() });
  const last = refs[refs.length - 1];
  return last && last.kind !== 'internal' && last.range.end === cleaned.length ? last.symbol : undefined;
}

function firstWords(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length <= FIRST_WORDS ? words.join(' ') : `${words.slice(0, FIRST_WORDS).join(' ')} …`;
}

export const pinpointContext: Context = (request) => {
  const m = PINPOINT_TAIL.exec(request.before);
  if (!m) return undefined;
  const symbol = citedBefore(request.before.slice(0, m.index), request.corpus);
  if (!symbol) return undefined;
  const entry = request.corpus.lookup(symbol);
  const held = entry?.document;
  // Without the text there is nothing to offer: the paragraph numbers are not known.
  if (!entry || !held) return [];
  const partial = m[2];
  const range = rangeTo(request, request.offset - partial.length);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  held.model.paragraphs.forEach((paragraph, index) => {
    if (seen.has(paragraph.label) || !paragraph.label.startsWith(partial)) return;
    seen.add(paragraph.label);
    items.push({
      label: paragraph.label,
      kind: CompletionItemKind.Value,
      detail: firstWords(paragraph.text),
      documentation: {
        kind: MarkupKind.Markdown,
        value: `Paragraph ${escapeMarkdown(paragraph.label)} of ${escapeMarkdown(entry.symbol)}: “${escapeMarkdown(truncate(paragraph.text, PARAGRAPH_CHARS))}”`,
      },
      sortText: `${String(paragraph.number).padStart(5, '0')}${String(index).padStart(5, '0')}`,
      textEdit: { range, newText: paragraph.label },
    });
  });
  return items;
};
