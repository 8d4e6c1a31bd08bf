import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lspRange } from './lspRange';

test('offsets become LSP ranges: lines from 0, characters in UTF-16 units, CRLF one line break', () => {
  const rows: [text: string, range: { start: number; end: number }, expected: [number, number, number, number]][] = [
    ['Recalling resolution 71/280', { start: 10, end: 27 }, [0, 10, 0, 27]],
    ['Title\n\n1. *Decides* A/RES/73/195', { start: 19, end: 31 }, [2, 12, 2, 24]],
    ['Title\r\n1. Notes 71/280', { start: 16, end: 22 }, [1, 9, 1, 15]],
    // "𝑨" (U+1D468) is two UTF-16 units: positions count units, as LSP's default encoding does.
    ['𝑨 A/RES/71/280', { start: 3, end: 15 }, [0, 3, 0, 15]],
    // A range past the end is clamped to it.
    ['short', { start: 2, end: 99 }, [0, 2, 0, 5]],
  ];
  for (const [text, range, [sl, sc, el, ec]] of rows) {
    const document = TextDocument.create('file:///d.md', 'markdown', 1, text);
    assert.deepEqual(lspRange(document, range), { start: { line: sl, character: sc }, end: { line: el, character: ec } }, JSON.stringify(text));
  }
});
