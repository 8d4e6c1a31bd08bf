// Word import on the fixtures of scripts/build-docx-fixtures.mts (real resolutions as a
// co-facilitator's Word file: automatic numbering, real footnotes, tracked changes, restarted lists).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import { importDocument } from '../../server/src/import/importDocument';
import { parseDraft } from '../../server/src/parse';
import { PDF_DIR, ROOT } from './shared';

const fixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'import', name)));

describe('import: Word', () => {
  test('the numbers are not in the text: they come from numbering.xml', async () => {
    const zip = await JSZip.loadAsync(fixture('A-RES-79-175.docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.doesNotMatch(xml, /<w:t[^>]*>\s*\d{1,2}\.\s/, 'no typed paragraph number');
    assert.match(await zip.file('word/numbering.xml')!.async('string'), /<w:lvlText w:val="\(%2\)"\/>/);
  });

  test('A/RES/79/175: numbering, sub-paragraphs, footnotes and tracked changes accepted', async () => {
    const { markdown, document } = await importDocument('A-RES-79-175.docx', fixture('A-RES-79-175.docx'));
    const model = parseDraft(markdown);
    assert.equal(document.meta.symbol, 'A/RES/79/175');
    assert.equal(document.meta.title, 'The right to privacy in the digital age');
    assert.deepEqual(model.paragraphs.map((p) => p.number), Array.from({ length: 17 }, (_, i) => i + 1), 'paragraphs 1–17 as Word shows them');
    const eight = model.paragraphs[7];
    assert.match(eight.text, /^Calls upon all States:/);
    assert.deepEqual(eight.subparagraphs.map((s) => s.label), 'abcdefghijklmnopqrstuvwxyz'.split('').slice(0, eight.subparagraphs.length));
    assert.ok(eight.subparagraphs.length >= 10, 'paragraph 8 keeps its lettered list, restarted at (a)');
    assert.equal(model.paragraphs[8].subparagraphs[0].label, 'a', 'the next list of sub-paragraphs starts again at (a)');
    // Footnotes: 27, numbered as Word numbers them (in order of reference), each at its marker.
    assert.deepEqual(model.footnotes.map((f) => f.label), Array.from({ length: 27 }, (_, i) => String(i + 1)));
    assert.equal(model.footnoteMarkers.length, 27);
    assert.match(markdown, /Universal Declaration of Human Rights\[\^1\]/);
    assert.match(markdown, /\n\[\^1\]: Resolution 217 A \(III\)\.\n/);
    // Tracked changes: the amended verb reads as amended, the struck-out paragraph is gone and takes no number.
    assert.match(model.paragraphs[1].text, /^Strongly recognizes the global and open nature of the Internet/);
    assert.doesNotMatch(markdown, /Decides to remain seized of the matter/);
    assert.match(model.paragraphs[3].text, /^Recalls that States should ensure/);
  });

  test('--as-draft keeps the tracked changes visible, numbered as the accepted text', async () => {
    const { markdown, fileName } = await importDocument('A-RES-79-175.docx', fixture('A-RES-79-175.docx'), { asDraft: true });
    assert.equal(fileName, 'A-RES-79-175.md');
    assert.match(markdown, /^---\ndraft_of: A\/RES\/79\/175\n/, 'a draft names its source but has no symbol of its own');
    assert.match(markdown, /\n2\. <del>Recognizes<\/del><ins>Strongly recognizes<\/ins> the global/);
    assert.match(markdown, /\n<del>Decides to remain seized of the matter\.<\/del>\n\n4\. Recalls/);
    const model = parseDraft(markdown);
    assert.deepEqual(model.paragraphs.map((p) => p.number), Array.from({ length: 17 }, (_, i) => i + 1));
  });

  test('A/RES/79/1 in Word reads as its official PDF does: annexes restarted at 1, a list inside paragraph 7', async () => {
    const word = await importDocument('A-RES-79-1.docx', fixture('A-RES-79-1.docx'));
    const pdf = await importDocument('A_RES_79_1.pdf', new Uint8Array(readFileSync(join(PDF_DIR(), 'A_RES_79_1.pdf'))));
    const fromWord = parseDraft(word.markdown);
    const fromPdf = parseDraft(pdf.markdown);
    assert.deepEqual(
      fromWord.paragraphs.map((p) => `${p.label} ${p.text}`),
      fromPdf.paragraphs.map((p) => `${p.label} ${p.text}`),
    );
    assert.deepEqual(fromWord.footnotes.map((f) => f.text), fromPdf.footnotes.map((f) => f.text));
    assert.match(word.markdown, /\n## Annex I\n/);
    assert.match(word.markdown, /\n {3}1\. Close all digital divides/);
  });
});
