// The records `compact-drafter reuse` prints: each passage of a draft that reuses a corpus
// paragraph's wording, with 0-based LSP positions.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Corpus } from '../corpus';
import type { DiffPart } from '../reuse/align';
import { reusePassages, type AdoptedOn } from '../reuse/passages';
import type { ReuseMatch } from '../reuse/scan';
import { lspRange } from '../text/lspRange';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface ReuseRecord {
  readonly file: string;
  readonly range: { readonly start: Position; readonly end: Position };
  readonly source: { readonly symbol: string | undefined; readonly paragraphs: string[] };
  readonly similarity: number;
  readonly altered: boolean;
  readonly diff: DiffPart[];
  /** The earliest adopted text with the same words, when it is not the closest source. */
  readonly earliest?: { readonly symbol: string | undefined; readonly paragraphs: string[]; readonly date: string };
}

/** A resolution's adoption date as the registry vouches for it; other documents are not adopted texts. */
export function adoptedOnIn(corpus: Corpus): AdoptedOn {
  return (symbol) => {
    if (!/\/RES\//.test(symbol)) return undefined;
    const entry = corpus.lookup(symbol)?.registry;
    return entry?.date && !entry.unverified?.includes('date') ? entry.date : undefined;
  };
}

/**
 * The records of a draft's reused passages (from the reuse service's matches, or a scan of one
 * index): consecutive paragraphs of one source are one record, with the earliest adopted source.
 */
export function reuseRecords(file: string, text: string, matches: readonly ReuseMatch[], adoptedOn?: AdoptedOn): ReuseRecord[] {
  const document = TextDocument.create(file, 'markdown', 0, text);
  return reusePassages(text, matches, adoptedOn).map((match) => ({
    file,
    range: lspRange(document, match.range),
    source: { symbol: match.source.symbol ?? match.source.id, paragraphs: match.source.paragraphs },
    similarity: Math.round(match.similarity * 1000) / 1000,
    altered: match.altered,
    // The JSON contract is {op, draft, source}; the draft's punctuated text is for the hover only.
    diff: match.diff.map(({ draftText: _, ...part }) => part),
    ...(match.earliest ? { earliest: { symbol: match.earliest.source.symbol, paragraphs: match.earliest.source.paragraphs, date: match.earliest.date } } : {}),
  }));
}

/** "para. 11", "paras. 5–12" (a run), "paras. 3, 7". */
function paragraphList(paragraphs: readonly string[]): string {
  if (paragraphs.length === 0) return '';
  if (paragraphs.length === 1) return `, para. ${paragraphs[0]}`;
  const numbers = paragraphs.map(Number);
  const run = numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n === numbers[i - 1] + 1));
  return `, paras. ${run ? `${paragraphs[0]}–${paragraphs[paragraphs.length - 1]}` : paragraphs.join(', ')}`;
}

/** One line per match: where, from what, how much the same, and the altered words. */
export function formatReuseTable(records: readonly ReuseRecord[]): string {
  if (records.length === 0) return 'No passage repeats a corpus paragraph.';
  const lines = records.map((record) => {
    const where = `${record.file}:${record.range.start.line + 1}:${record.range.start.character + 1}`;
    const earliest = record.earliest ? `  (earliest adopted: ${record.earliest.symbol}${paragraphList(record.earliest.paragraphs)}, ${record.earliest.date})` : '';
    const source = `${record.source.symbol}${paragraphList(record.source.paragraphs)}`;
    const changes = record.diff
      .filter((part) => part.op !== 'equal')
      .map((part) => (part.op === 'insert' ? `+${part.draft}` : part.op === 'delete' ? `-${part.source}` : `${part.source} → ${part.draft}`));
    return `${where}  ${source}  ${Math.floor(record.similarity * 100)} %  ${record.altered ? `altered: ${changes.join('; ') || 'spelling'}` : 'verbatim'}${earliest}`;
  });
  const altered = records.filter((r) => r.altered).length;
  return `${lines.join('\n')}\n\n${records.length} reused passage${records.length === 1 ? '' : 's'}, ${altered} altered`;
}
