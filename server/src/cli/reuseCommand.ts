// The records `compact-drafter reuse` prints: each passage of a draft that reuses a corpus
// paragraph's wording, with 0-based LSP positions.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DraftModel } from '../parse/model';
import type { DiffPart } from '../reuse/align';
import type { ReuseIndex } from '../reuse/index';
import { scanDraft, type ScanOptions } from '../reuse/scan';

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

export function reuseRecords(file: string, text: string, model: DraftModel, index: ReuseIndex, options: ScanOptions = {}): ReuseRecord[] {
  const document = TextDocument.create(file, 'markdown', 0, text);
  return scanDraft(model, index, options).map((match) => ({
    file,
    range: { start: document.positionAt(match.range.start), end: document.positionAt(match.range.end) },
    source: { symbol: match.source.symbol ?? match.source.id, paragraphs: match.source.paragraphs },
    similarity: Math.round(match.similarity * 1000) / 1000,
    altered: match.altered,
    diff: match.diff,
  }));
}
