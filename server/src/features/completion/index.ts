// Completion: what the drafter is typing decides what is offered. The line up to the cursor is read
// for one context at a time, the first that fits:
//   "Objective 7"                      → the Compact's objective titles
//   "A/68/283, para. 8"                → paragraph numbers of a held text, with their first words
//   "A/RES/71/"                        → documents (and deeper groups) under the typed symbol
//   "resolution 71/", "Human Rights Council resolution 35/"
//                                      → resolutions of that organ, by number
//   "1. *Urg" at a paragraph start     → drafting snippets (openings, objectives, the issue-brief list)
//   "Sutherland", "New York Decl"      → a registry name, written with its symbol
// Documents already cited in the draft come first, then the newest. Every edit replaces exactly the
// typed prefix. Documentation quotes the corpus, which is untrusted: it is escaped Markdown.
// filterText is set only where it differs from the label: Neovim 0.7 ignores the textEdit range of an
// item that has one and replaces the keyword before the cursor instead ("resolution 71/71/280").
//
// One file per context (objectives.ts, paragraphNumbers.ts, symbols.ts, shortForms.ts, openings.ts,
// names.ts); the documents they list, their ranking and listing cache in documents.ts, how a document
// is shown in documentItem.ts. This file picks the contexts by trigger character and tidies the answer.
import type { CompletionItem } from 'vscode-languageserver-types';
import { analyzeDraft, type DraftAnalysis } from '../../analysis';
import { symbolKey, type Corpus } from '../../corpus';
import { visibleText } from '../../text/invisible';
import { aliasContext } from './names';
import { objectiveTitleContext } from './objectives';
import { snippetContext } from './openings';
import { pinpointContext } from './paragraphNumbers';
import { byCodeUnits, type CompletionOptions, type Context, type Request } from './request';
import { shortFormContext } from './shortForms';
import { symbolContext } from './symbols';

export type { CompletionOptions } from './request';
export { MAX_DOCUMENT_ITEMS } from './documents';

/** For the server's completionProvider capability: "/" in symbols, " " after "resolution" and "para.", "." in "para.". */
export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = ['/', ' ', '.'];

/** How far back on the line a context is looked for. */
const WINDOW = 400;

/** Per analysis, not per request: on a long draft the set costs more than the rest of a completion. */
const citedKeysByAnalysis = new WeakMap<DraftAnalysis, ReadonlySet<string>>();

function citedKeysOf(analysis: DraftAnalysis): ReadonlySet<string> {
  let keys = citedKeysByAnalysis.get(analysis);
  if (!keys) {
    keys = new Set(analysis.references.flatMap((ref) => (ref.symbol ? [symbolKey(ref.symbol)] : [])));
    citedKeysByAnalysis.set(analysis, keys);
  }
  return keys;
}

/**
 * The completion items at `offset` of a draft (its analysis, or its text). Pure: the corpus and the
 * draft are all it reads.
 */
export function completionsAt(input: DraftAnalysis | string, offset: number, corpus: Corpus, options: CompletionOptions = {}): CompletionItem[] {
  return completionListAt(input, offset, corpus, options).items;
}

/** The completion list at `offset`: its items, and whether typing more would find others (a registry of thousands is not listed whole). */
export function completionListAt(input: DraftAnalysis | string, offset: number, corpus: Corpus, options: CompletionOptions = {}): { isIncomplete: boolean; items: CompletionItem[] } {
  const text = typeof input === 'string' ? input : input.model.text;
  if (offset < 0 || offset > text.length) return { isIncomplete: false, items: [] };
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const beforeStart = Math.max(lineStart, offset - WINDOW);
  let citedKeys: ReadonlySet<string> | undefined;
  const request: Request = {
    text,
    offset,
    corpus,
    before: text.slice(beforeStart, offset),
    beforeStart,
    lineStart,
    line: countLines(text, lineStart),
    options,
    cited: () => {
      citedKeys ??= citedKeysOf(typeof input === 'string' ? analyzeDraft(text, corpus) : input);
      return citedKeys;
    },
  };
  const contexts = contextsFor(options.triggerCharacter);
  for (const context of contexts) {
    const found = context(request);
    if (!found) continue;
    const { items, isIncomplete } = Array.isArray(found) ? { items: found, isIncomplete: false } : found;
    // Sorted as clients sort them (by sortText), so that the answer reads in its ranking.
    return { isIncomplete, items: items.map(visibleItem).sort((a, b) => byCodeUnits(a.sortText ?? a.label, b.sortText ?? b.label)) };
  }
  return { isIncomplete: false, items: [] };
}

/** Corpus text in an item's plain-text fields, without invisible characters (its Markdown went through escapeMarkdown). */
function visibleItem(item: CompletionItem): CompletionItem {
  return {
    ...item,
    label: visibleText(item.label),
    ...(item.detail !== undefined ? { detail: visibleText(item.detail) } : {}),
    ...(item.filterText !== undefined ? { filterText: visibleText(item.filterText) } : {}),
    ...(item.labelDetails
      ? { labelDetails: { ...(item.labelDetails.detail !== undefined ? { detail: visibleText(item.labelDetails.detail) } : {}), ...(item.labelDetails.description !== undefined ? { description: visibleText(item.labelDetails.description) } : {}) } }
      : {}),
    ...(item.textEdit && 'range' in item.textEdit ? { textEdit: { ...item.textEdit, newText: visibleText(item.textEdit.newText) } } : {}),
  };
}

/** A space or a full stop typed by the drafter is no reason to offer snippets or names. */
function contextsFor(trigger: string | undefined): readonly Context[] {
  if (trigger === ' ') return [pinpointContext, shortFormContext, objectiveTitleContext];
  if (trigger === '.') return [pinpointContext, symbolContext];
  if (trigger === '/') return [symbolContext, shortFormContext];
  return [objectiveTitleContext, pinpointContext, symbolContext, shortFormContext, snippetContext, aliasContext];
}

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
