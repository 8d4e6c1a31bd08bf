// Builds the Word fixtures of the import tests (test/fixtures/import/*.docx) with the `docx` library:
// real resolutions, as a co-facilitator's Word file would hold them. The text is the official PDF's
// (../shared/un-documents/pdf/), read with the PDF importer; the Word file then carries
//   - automatic numbering: operative paragraphs "%1." and sub-paragraphs "(%2)" / "(%3)" of one
//     abstract list, lists inside a paragraph and each annex restarted as new instances; the numbers
//     are NOT in the text, only in numbering.xml, so the Word importer must replay them;
//   - real footnotes (footnotes.xml) referenced where the PDF's markers stand;
//   - tracked changes in A-RES-79-175 (an amended verb, a proposed paragraph deleted with its mark).
// Run: node --import tsx scripts/build-docx-fixtures.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, DeletedTextRun, Document, FootnoteReferenceRun, HeadingLevel, InsertedTextRun, LevelFormat, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import JSZip from 'jszip';
import type { Inline } from '../server/src/import/model';
import { importPdf } from '../server/src/import/pdf';
import { PDF_DIR } from '../test/import/shared';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'test', 'fixtures', 'import');
const AUTHOR = 'Co-facilitators';
const DATE = '2024-11-20T10:00:00Z';

/** The revisions put into A/RES/79/175: what a test expects to find, accepted and shown. */
export const REVISIONS = {
  deletedVerb: 'Reaffirms',
  insertedVerb: 'Strongly reaffirms',
  deletedParagraph: 'Decides to remain seized of the matter.',
};

interface Built {
  children: Paragraph[];
  footnotes: Record<number, { children: Paragraph[] }>;
}

/** Adjacent pieces of text as one, so a paragraph's number ("6.", " ", "We …") can be cut off its start. */
function merged(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if ('text' in inline && last && 'text' in last) out[out.length - 1] = { text: last.text + inline.text };
    else out.push(inline);
  }
  return out;
}

function runs(pieces: readonly Inline[], built: Built, skip: RegExp | undefined): ParagraphChild[] {
  const inlines = merged(pieces);
  const out: ParagraphChild[] = [];
  let first = true;
  for (const inline of inlines) {
    if ('footnote' in inline) {
      if (!/^\d+$/.test(inline.footnote)) continue;
      out.push(new FootnoteReferenceRun(Number(inline.footnote)));
    } else {
      const text = first && skip ? inline.text.replace(skip, '') : inline.text;
      first = false;
      if (text) out.push(new TextRun(text));
    }
  }
  return out;
}

function textOf(inlines: readonly Inline[]): string {
  return inlines.map((inline) => ('text' in inline ? inline.text : '')).join('');
}

async function build(pdf: string, out: string, revise: boolean): Promise<void> {
  const document = await importPdf(new Uint8Array(readFileSync(join(PDF_DIR(), pdf))));
  const built: Built = { children: [], footnotes: {} };
  for (const footnote of document.footnotes) {
    if (/^\d+$/.test(footnote.label)) built.footnotes[Number(footnote.label)] = { children: [new Paragraph({ children: runs(footnote.inlines, built, undefined) })] };
  }
  const meta = document.meta;
  for (const line of [meta.symbol, `Distr.: ${meta.distribution ?? 'General'}`, meta.issued ? new Date(meta.issued).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : undefined]) {
    if (line) built.children.push(new Paragraph({ children: [new TextRun(line)] }));
  }
  let instance = 0;
  let listInstance = 100;
  let paragraphCount = 0;
  let lastLetter = '';
  for (const block of document.blocks) {
    const text = textOf(block.inlines).trim();
    if (block.kind === 'annex') {
      instance++;
      built.children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] }));
      continue;
    }
    if (block.kind === 'heading') {
      built.children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(block.inlines, built, undefined) }));
      continue;
    }
    if (block.kind === 'item') {
      if (!/^1\.\s/.test(text)) listInstance += 0;
      else listInstance++;
      built.children.push(new Paragraph({ numbering: { reference: 'items', level: 0, instance: listInstance }, children: runs(block.inlines, built, /^\s*\d+\.\s+/) }));
      continue;
    }
    const numbered = /^(\d{1,3})\.\s/.exec(text);
    const sub = /^\(([a-z]{1,5})\)\s/.exec(text);
    if (numbered) {
      paragraphCount++;
      lastLetter = '';
      if (revise && paragraphCount === 2) {
        const [first, ...rest] = merged(block.inlines);
        const body = 'text' in first ? first.text.replace(/^\s*\d+\.\s+/, '') : '';
        const verb = body.split(' ')[0];
        REVISIONS.deletedVerb = verb;
        REVISIONS.insertedVerb = `Strongly ${verb.toLowerCase()}`;
        built.children.push(
          new Paragraph({
            numbering: { reference: 'un', level: 0, instance },
            children: [
              new DeletedTextRun({ id: 1, author: AUTHOR, date: DATE, text: verb }),
              new InsertedTextRun({ id: 2, author: AUTHOR, date: DATE, text: REVISIONS.insertedVerb }),
              new TextRun(body.slice(verb.length)),
              ...runs(rest, built, undefined),
            ],
          }),
        );
        continue;
      }
      built.children.push(new Paragraph({ numbering: { reference: 'un', level: 0, instance }, children: runs(block.inlines, built, /^\s*\d{1,3}\.\s+/) }));
      if (revise && paragraphCount === 3) {
        // A proposed paragraph struck out in negotiation: its text and its paragraph mark are deleted.
        built.children.push(new Paragraph({ numbering: { reference: 'un', level: 0, instance }, children: [new DeletedTextRun({ id: 3, author: AUTHOR, date: DATE, text: REVISIONS.deletedParagraph })] }));
      }
      continue;
    }
    if (sub) {
      // "(i)" after "(h)" and "(l)" after "(k)" are letters; "(i)" after "(a)" is the first of a roman list.
      const nextLetter = sub[1].length === 1 && lastLetter !== '' && sub[1].charCodeAt(0) === lastLetter.charCodeAt(0) + 1;
      const roman = /^[ivx]+$/.test(sub[1]) && !nextLetter && !(sub[1] === 'i' && lastLetter === '');
      if (!roman) lastLetter = sub[1];
      built.children.push(new Paragraph({ numbering: { reference: 'un', level: roman ? 2 : 1, instance }, children: runs(block.inlines, built, /^\s*\([a-z]{1,5}\)\s+/) }));
      continue;
    }
    built.children.push(new Paragraph({ children: runs(block.inlines, built, undefined) }));
  }
  const doc = new Document({
    creator: AUTHOR,
    features: { trackRevisions: revise },
    numbering: {
      config: [
        {
          reference: 'un',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, start: 1 },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.START, start: 1 },
            { level: 2, format: LevelFormat.LOWER_ROMAN, text: '(%3)', alignment: AlignmentType.START, start: 1 },
          ],
        },
        { reference: 'items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, start: 1 }] },
      ],
    },
    footnotes: built.footnotes,
    sections: [{ children: built.children }],
  });
  let bytes: Buffer = await Packer.toBuffer(doc);
  if (revise) bytes = await deleteParagraphMark(bytes, REVISIONS.deletedParagraph);
  writeFileSync(join(OUT, out), bytes);
  console.log(`wrote ${out} (${(bytes.length / 1024).toFixed(0)} KB)`);
}

/** The docx library cannot mark a paragraph mark as deleted; Word writes <w:rPr><w:del/></w:rPr> in the paragraph's properties. */
async function deleteParagraphMark(bytes: Buffer, text: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const at = xml.indexOf(`>${text}</w:delText>`);
  const start = xml.lastIndexOf('<w:p>', at) >= xml.lastIndexOf('<w:p ', at) ? xml.lastIndexOf('<w:p>', at) : xml.lastIndexOf('<w:p ', at);
  const pPrEnd = xml.indexOf('</w:pPr>', start);
  if (at < 0 || start < 0 || pPrEnd < 0 || pPrEnd > at) throw new Error('could not find the paragraph to mark deleted');
  const patched = `${xml.slice(0, pPrEnd)}<w:rPr><w:del w:id="4" w:author="${AUTHOR}" w:date="${DATE}"/></w:rPr>${xml.slice(pPrEnd)}`;
  zip.file('word/document.xml', patched);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

await build('A_RES_79_175.pdf', 'A-RES-79-175.docx', true);
await build('A_RES_79_1.pdf', 'A-RES-79-1.docx', false);
