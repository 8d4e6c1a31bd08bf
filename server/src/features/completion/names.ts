// "Sutherland", "New York Decl": the registry's names of documents, written with their symbol and
// the article the sentence needs ("the Sutherland Report (A/71/728)").
import { CompletionItemKind } from 'vscode-languageserver-types';
import { symbolKey } from '../../corpus';
import { PARAGRAPH_NUMBER_SOURCE } from '../../language/patterns';
import type { AliasEntry } from '../../references';
import { truncate } from '../markdown';
import { knownDocuments } from './documents';
import { documentItem } from './documentItem';
import { rangeTo, type Context } from './request';

const MIN_NAME_PREFIX = 3;
const NAME_WINDOW = 60;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}_]/u.test(char);
}

export const aliasContext: Context = (request) => {
  const window = request.before.slice(-NAME_WINDOW);
  const windowStart = request.offset - window.length;
  const aliases = request.corpus.aliases();
  // The longest typed tail that starts a name, from the earliest word start.
  for (let i = 0; i < window.length; i++) {
    const startsWord = isWordChar(window[i]) && !isWordChar(i > 0 ? window[i - 1] : request.text[windowStart - 1]);
    if (!startsWord) continue;
    const typed = window.slice(i);
    const normalized = typed.replace(/\s+/g, ' ').toLowerCase();
    if (normalized.trim().length < MIN_NAME_PREFIX) break;
    // One name per spelling: "Sutherland Report" and "Sutherland report" are one name, the one typed as written first.
    const matching = new Map<string, AliasEntry>();
    for (const a of aliases) {
      const key = `${a.alias.toLowerCase()}\u0000${symbolKey(a.symbol)}`;
      if (!a.alias.toLowerCase().startsWith(normalized)) continue;
      if (!matching.has(key) || (a.alias.startsWith(typed) && !matching.get(key)!.alias.startsWith(typed))) matching.set(key, a);
    }
    if (matching.size === 0) continue;
    const start = windowStart + i;
    const preceding = request.text.slice(request.lineStart, start);
    return [...matching.values()].map(({ alias, symbol }) => {
      const document = knownDocuments(request.corpus).find((d) => d.key === symbolKey(symbol));
      const article = /^the\b/i.test(alias) || /\bthe\s+$/i.test(preceding) ? '' : isSentenceStart(preceding) ? 'The ' : 'the ';
      const newText = `${article}${alias} (${symbol})`;
      if (!document) {
        return { label: alias, kind: CompletionItemKind.Reference, detail: symbol, textEdit: { range: rangeTo(request, start), newText } };
      }
      return { ...documentItem(request, document, alias, rangeTo(request, start), newText), detail: `${symbol}${document.title ? ` · ${truncate(document.title, 80)}` : ''}` };
    });
  }
  return undefined;
};

/** Nothing but a paragraph number or emphasis before, or the end of a sentence. */
function isSentenceStart(preceding: string): boolean {
  return new RegExp(String.raw`^[ ]{0,3}(?:(?:${PARAGRAPH_NUMBER_SOURCE})\.[ \t]+)?[\[*_ ]*$`).test(preceding) || /[.!?]\s+$/.test(preceding);
}
