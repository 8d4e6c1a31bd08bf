// One file in, one Markdown text out, or an ImportError and nothing at all.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { importDocx } from './docx';
import { toMarkdown } from './markdown';
import { ImportError, type ImportedDocument } from './model';
import { importPdf } from './pdf';
import { sniffFormat, type ImportFormat } from './sniff';

/** Larger files are refused before any parsing: an official resolution PDF is well under 5 MB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportOptions {
  /** A draft to check (tracked changes kept visible), rather than a corpus text. */
  readonly asDraft?: boolean;
}

export interface ImportResult {
  readonly format: ImportFormat;
  readonly document: ImportedDocument;
  readonly markdown: string;
  /** The name to write it under: the symbol ("A-RES-79-1.md"), else the source's own name. */
  readonly fileName: string;
}

export async function importDocument(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportError(`${(bytes.length / 1048576).toFixed(0)} MB is more than the ${MAX_IMPORT_BYTES / 1048576} MB an import may have`);
  const format = sniffFormat(fileName, bytes);
  let document: ImportedDocument;
  try {
    document = format === 'pdf' ? await importPdf(bytes) : await importDocx(bytes, { showRevisions: options.asDraft ?? false });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`could not be read as ${format === 'pdf' ? 'a PDF' : 'a Word document'} (${(error as Error).message})`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const markdown = toMarkdown(document, { file: basename(fileName), sha256, format }, options.asDraft ?? false);
  const stem = document.meta.symbol && !options.asDraft ? document.meta.symbol.replace(/[/\s]+/g, '-') : basename(fileName).replace(/\.[^.]+$/, '');
  return { format, document, markdown, fileName: `${stem}.md` };
}
