// Files that cannot be imported: each gets a reason a drafter can act on, and no text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import { importDocument } from '../../server/src/import/importDocument';
import { ImportError } from '../../server/src/import/model';
import { imageOnlyPdf, passwordPdf } from './pdfBuilder';
import { PDF_DIR, ROOT } from './shared';

const realPdf = () => new Uint8Array(readFileSync(join(PDF_DIR(), 'A_RES_78_124.pdf')));
const realDocx = () => new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'A-RES-79-175.docx')));

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array' });
}

const CASES: { name: string; file: string; bytes: () => Uint8Array | Promise<Uint8Array>; reason: RegExp }[] = [
  { name: 'a scan (pages drawn, no text)', file: 'scan.pdf', bytes: () => imageOnlyPdf(), reason: /no text layer \(0 characters on 2 pages\): it is a scanned image; run it through OCR/ },
  { name: 'a password-protected PDF', file: 'locked.pdf', bytes: () => passwordPdf(), reason: /encrypted with a password/ },
  { name: 'a truncated PDF', file: 'cut.pdf', bytes: () => realPdf().subarray(0, 3000), reason: /not a readable PDF/ },
  { name: 'a Word file named .pdf', file: 'resolution.pdf', bytes: realDocx, reason: /named \.pdf but it is a ZIP archive/ },
  { name: 'a PDF named .docx', file: 'resolution.docx', bytes: realPdf, reason: /named \.docx but it is a PDF/ },
  { name: 'an error page saved as .pdf', file: 'download.pdf', bytes: () => new TextEncoder().encode('<!DOCTYPE html><html>Not found</html>'), reason: /named \.pdf but it is an HTML page/ },
  { name: 'an empty file', file: 'empty.docx', bytes: () => new Uint8Array(), reason: /named \.docx but it is an empty file/ },
  { name: 'a truncated Word file', file: 'cut.docx', bytes: () => realDocx().subarray(0, 5000), reason: /a damaged Word file: the ZIP container cannot be read/ },
  { name: 'a ZIP that is not a Word file', file: 'archive.docx', bytes: () => zipOf({ 'readme.txt': 'hello' }), reason: /a ZIP archive, but not a Word document/ },
  { name: 'a Word 97-2003 file', file: 'old.doc', bytes: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), reason: /save it from Word as \.docx/ },
  { name: 'an encrypted Word file (an OLE container under .docx)', file: 'locked.docx', bytes: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), reason: /old-style Office file .*: save it from Word as a \.docx without a password/ },
  { name: 'another kind of file', file: 'notes.txt', bytes: () => new TextEncoder().encode('notes'), reason: /only \.pdf and \.docx files are imported/ },
];

describe('import: bad input', () => {
  for (const { name, file, bytes, reason } of CASES) {
    test(name, async () => {
      await assert.rejects(importDocument(file, await bytes()), (error: unknown) => {
        assert.ok(error instanceof ImportError, `an ImportError, not ${String(error)}`);
        assert.match(error.message, reason);
        return true;
      });
    });
  }
});
