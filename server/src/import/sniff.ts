// What a file is, by its first bytes, whatever its name says.
import { ImportError } from './model';

export type ImportFormat = 'pdf' | 'docx';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** "%PDF-" may follow a little junk (the specification tolerates it in the first 1024 bytes). */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function describe(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file';
  if (isPdf(bytes)) return 'a PDF';
  if (startsWith(bytes, ZIP)) return 'a ZIP archive';
  if (startsWith(bytes, OLE)) return 'an old-style Office file (Word 97-2003 .doc, or a password-protected Office file)';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'an RTF file';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff])) return 'an image';
  if (/^\s*<(?:!doctype|html)/i.test(Buffer.from(bytes.subarray(0, 200)).toString('latin1'))) return 'an HTML page';
  return 'neither a PDF nor a Word file';
}

/** The format the extension promises, checked against the bytes; throws when they disagree. */
export function sniffFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const extension = /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'pdf') {
    if (isPdf(bytes)) return 'pdf';
    throw new ImportError(`named .pdf but it is ${describe(bytes)}`);
  }
  if (extension === 'docx') {
    if (startsWith(bytes, ZIP)) return 'docx';
    throw new ImportError(`named .docx but it is ${describe(bytes)}${startsWith(bytes, OLE) ? ': save it from Word as a .docx without a password' : ''}`);
  }
  if (extension === 'doc') throw new ImportError('Word 97-2003 .doc files are not read: save it from Word as .docx');
  throw new ImportError(`only .pdf and .docx files are imported, not .${extension ?? '(no extension)'}`);
}
