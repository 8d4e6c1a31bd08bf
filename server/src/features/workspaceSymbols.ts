import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import { symbolKey, type Corpus, type CorpusDocument, type CorpusLayer } from '../corpus';
import { entrySortDate, entryTitle } from '../language/citations';
import { textDocumentOf } from './definition';
import { visibleText } from '../text/invisible';

/** Where a text comes from, as the list shows it beside its body and kind. */
const CORPUS_NAMES: Readonly<Record<CorpusLayer, string>> = { workspace: 'workspace corpus', team: 'team corpus', bundled: 'bundled corpus' };

/** More than any list a drafter reads; clients ask again as the query grows. */
const DEFAULT_LIMIT = 200;

interface Candidate {
  readonly document: CorpusDocument;
  readonly symbol?: string;
  readonly title?: string;
  readonly date: string;
  readonly container: string;
}

/**
 * "Go to Symbol in Workspace" over the corpus: every text the corpus holds (bundled or the user's),
 * found by symbol or title (a case-insensitive substring of either). Documents known only from the
 * registry are left out: there is no text to go to (their hover links to the Official Document System).
 * Symbol matches come before title matches, then the newest.
 */
export function workspaceSymbols(query: string, corpus: Corpus, limit = DEFAULT_LIMIT): SymbolInformation[] {
  const needle = query.trim().replace(/\s+/g, ' ').toLowerCase();
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const document of corpus.documents) {
    // A symbol held twice (the user's copy of a bundled text): the one the corpus serves (corpus/servedCopy.ts).
    if (!corpus.serves(document)) continue;
    const entry = document.symbol ? corpus.lookup(document.symbol) : undefined;
    const key = document.symbol ? symbolKey(document.symbol) : document.uri;
    if (seen.has(key)) continue;
    seen.add(key);
    const facts = entry?.registry;
    const title = entry ? entryTitle(entry) : document.title;
    candidates.push({
      document,
      ...(entry ? { symbol: entry.symbol } : {}),
      ...(title ? { title } : {}),
      date: (entry ? entrySortDate(entry) : document.date) ?? '',
      container: [facts ? `${facts.body} ${facts.kind}` : '', CORPUS_NAMES[document.layer]].filter(Boolean).join(' · '),
    });
  }
  const scored = candidates.flatMap((c) => {
    const symbol = (c.symbol ?? '').toLowerCase();
    const title = (c.title ?? c.document.id).toLowerCase();
    const score = needle === '' ? 2 : symbol.startsWith(needle) ? 0 : symbol.includes(needle) ? 1 : title.includes(needle) ? 2 : -1;
    return score < 0 ? [] : [{ c, score }];
  });
  scored.sort((a, b) => a.score - b.score || b.c.date.localeCompare(a.c.date) || (a.c.symbol ?? a.c.document.id).localeCompare(b.c.symbol ?? b.c.document.id));
  return scored.slice(0, limit).map(({ c }) => {
    const text = textDocumentOf(c.document);
    const first = Math.max(0, c.document.text.search(/\S/));
    const position = text.positionAt(first);
    // Clients filter the answer by the name too: it carries the title, so a title match stays listed.
    const name = [c.symbol, c.title].filter(Boolean).join(' — ') || c.document.id;
    return {
      // Corpus text: shown without invisible characters (text/invisible.ts).
      name: visibleText(name),
      kind: SymbolKind.File,
      location: { uri: c.document.uri, range: { start: position, end: position } },
      containerName: visibleText(c.container),
    };
  });
}
