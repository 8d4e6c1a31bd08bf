// The edits every measurement applies, in the same order: typing, one character per edit, just after
// the operative verb of a paragraph in the middle of the draft. Plain words, so no edit adds or
// breaks a citation, and no version repeats an earlier text (a cache keyed by text gets no free hit).
import type { BenchDraft } from './drafts';

export const TYPED = 'notably and in particular with due regard to the views of all stakeholders ';

export interface Edit {
  /** The text after the edit. */
  readonly text: string;
  /** Where the character goes, as an LSP position (the edits stay on one line). */
  readonly position: { readonly line: number; readonly character: number };
  readonly inserted: string;
}

/** Edit `i` (0-based) applied to the text after edits 0..i-1. */
export function editAt(previous: string, draft: BenchDraft, i: number): Edit {
  const offset = draft.editOffset + i;
  const inserted = TYPED[i % TYPED.length];
  const base = positionAt(draft.text, draft.editOffset);
  return {
    text: previous.slice(0, offset) + inserted + previous.slice(offset),
    position: { line: base.line, character: base.character + i },
    inserted,
  };
}

/** Offset → LSP position (UTF-16 code units, as JavaScript strings). */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
