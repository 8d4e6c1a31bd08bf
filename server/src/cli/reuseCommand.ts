// The records `compact-drafter reuse` prints: each passage of a draft that reuses a corpus
// paragraph's wording, with 0-based LSP positions.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DiffPart } from '../reuse/align';
import type { ReuseMatch } from '../reuse/scan';

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
}

/** The records of a draft's matches (from the reuse service, or a scan of one index). */
export function reuseRecords(file: string, text: string, matches: readonly ReuseMatch[]): ReuseRecord[] {
  const document = TextDocument.create(file, 'markdown', 0, text);
  return matches.map((match) => ({
    file,
    range: { start: document.positionAt(match.range.start), end: document.positionAt(match.range.end) },
    source: { symbol: match.source.symbol ?? match.source.id, paragraphs: match.source.paragraphs },
    similarity: Math.round(match.similarity * 1000) / 1000,
    altered: match.altered,
    // The JSON contract is {op, draft, source}; the draft's punctuated text is for the hover only.
    diff: match.diff.map(({ draftText: _, ...part }) => part),
  }));
}

/** One line per match: where, from what, how much the same, and the altered words. */
export function formatReuseTable(records: readonly ReuseRecord[]): string {
  if (records.length === 0) return 'No passage repeats a corpus paragraph.';
  const lines = records.map((record) => {
    const where = `${record.file}:${record.range.start.line + 1}:${record.range.start.character + 1}`;
    const source = `${record.source.symbol}${record.source.paragraphs.length ? `, para. ${record.source.paragraphs.join(', ')}` : ''}`;
    const changes = record.diff
      .filter((part) => part.op !== 'equal')
      .map((part) => (part.op === 'insert' ? `+${part.draft}` : part.op === 'delete' ? `-${part.source}` : `${part.source} → ${part.draft}`));
    return `${where}  ${source}  ${Math.floor(record.similarity * 100)} %  ${record.altered ? `altered: ${changes.join('; ') || 'spelling'}` : 'verbatim'}`;
  });
  const altered = records.filter((r) => r.altered).length;
  return `${lines.join('\n')}\n\n${records.length} reused passage${records.length === 1 ? '' : 's'}, ${altered} altered`;
}
