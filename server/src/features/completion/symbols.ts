// "A/RES/71/": the documents under a typed symbol prefix, and the groups below it ("A/RES/71/" under
// "A/RES/"), a group reopening the list for what lies below it. "a/b" that starts no known symbol is
// a phrase: this context then says nothing and lets the others speak.
import { CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';
import { symbolKey, type Corpus } from '../../corpus';
import { ORGANS } from '../../references/symbols';
import { escapeMarkdown } from '../markdown';
import { bestRanked, knownDocuments, listing, rankedNewestFirst, type KnownDocument, type Listing } from './documents';
import { documentItem } from './documentItem';
import { byCodeUnits, rangeTo, type Context } from './request';

const SYMBOL_PREFIX = new RegExp(
  String.raw`(?<![\p{L}\p{N}_/.\-:@#&=?%~\\])((?:${[...ORGANS].sort((a, b) => b.length - a.length).join('|')})[ \t]?/[A-Za-z0-9.\-/]*)$`,
  'iu',
);

export const symbolContext: Context = (request) => {
  const m = SYMBOL_PREFIX.exec(request.before);
  if (!m) return undefined;
  const typed = m[1];
  const prefixKey = symbolKey(typed);
  const start = request.offset - typed.length;
  const range = rangeTo(request, start);
  const { ranked, groups } = listing(request.corpus, `symbol ${prefixKey}`, () => symbolListing(request.corpus, prefixKey));
  // "a/b" is a phrase, not a symbol: say nothing and let the other contexts speak.
  if (ranked.length === 0) return undefined;
  const shown = bestRanked(request, ranked);
  const items = shown.documents.map((d) => documentItem(request, d, d.symbol, range, d.symbol));
  for (const group of groups) {
    items.push({
      label: group.label,
      kind: CompletionItemKind.Folder,
      detail: group.detail,
      documentation: { kind: MarkupKind.Markdown, value: group.documentation },
      sortText: group.sortText,
      textEdit: { range, newText: group.label },
      // Open the list again for what lies below the group.
      command: { title: 'Suggest', command: 'editor.action.triggerSuggest' },
    });
  }
  return { items, isIncomplete: shown.cut };
};

function symbolListing(corpus: Corpus, prefixKey: string): Listing {
  const ranked = rankedNewestFirst(knownDocuments(corpus).filter((d) => d.key.startsWith(prefixKey)));
  const byGroup = new Map<string, KnownDocument[]>();
  for (const d of ranked) {
    const slash = d.symbol.indexOf('/', prefixKey.length);
    if (slash < 0 || slash === d.symbol.length - 1) continue;
    const group = d.symbol.slice(0, slash + 1);
    if (symbolKey(group) === prefixKey) continue;
    const members = byGroup.get(group);
    if (members) members.push(d);
    else byGroup.set(group, [d]);
  }
  const groups = [...byGroup].map(([label, members]) => ({
    label,
    detail: members.length === 1 ? `1 document: ${members[0].symbol}` : `${members.length} documents`,
    documentation: groupDocumentation(members),
    sortText: `2${String(99999999 - Number(members[0].recency)).padStart(8, '0')}${label}`,
  }));
  return { ranked, groups };
}

/** A group's members, newest first, the first few of them. */
function groupDocumentation(members: readonly KnownDocument[]): string {
  const GROUP_LINES = 12;
  const newest = [...members].sort((a, b) => byCodeUnits(b.recency, a.recency));
  const lines = newest.slice(0, GROUP_LINES).map((d) => `${escapeMarkdown(d.symbol)}${d.title ? ` · ${escapeMarkdown(d.title)}` : ''}`);
  if (members.length > GROUP_LINES) lines.push(`and ${members.length - GROUP_LINES} more`);
  return lines.join('\n\n');
}
