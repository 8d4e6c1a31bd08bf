// The 17 official PDFs of ../shared/un-documents/pdf/, imported and measured against their printed text
// (texts.jsonl holds the same documents' text layer, extracted by another tool).
//
// Expected figures were read off the printed documents: `runs` is the numbered paragraphs of each
// sequence (the resolution's operative part, then each annex that numbers its own), `footnotes`
// the numbered footnotes (the last footnote number printed). For each import the test checks:
//   - every numbered paragraph is found, numbered 1…n in each run as printed;
//   - each paragraph's first and last words are the printed ones (first and last 25 letters, found in
//     the text layer; spacing, line breaks and glued footnote numbers are ignored by comparing letters);
//   - every footnote is defined once and attached where its marker stands (a marker for each note);
//   - no page furniture (job number, page counter "n/N", bar code, "Please recycle", running header)
//     in any paragraph or footnote.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { importDocument } from '../../server/src/import/importDocument';
import { parseDraft } from '../../server/src/parse';
import { PDF_DIR, TEXTS } from './shared';

interface Expected {
  readonly pdf: string;
  readonly symbol: string;
  /** Adoption date for a resolution, date of issue for a draft: read off the text layer. */
  readonly date: string;
  readonly runs: number[];
  readonly footnotes: number;
}

const EXPECTED: Expected[] = [
  { pdf: 'A_80_L.1.pdf', symbol: 'A/80/L.1', date: '2025-09-09', runs: [], footnotes: 1 },
  { pdf: 'A_80_L.14.pdf', symbol: 'A/80/L.14', date: '2025-11-18', runs: [5], footnotes: 1 },
  { pdf: 'A_C.1_80_L.37.pdf', symbol: 'A/C.1/80/L.37', date: '2025-10-14', runs: [7], footnotes: 8 },
  { pdf: 'A_C.2_80_L.44.pdf', symbol: 'A/C.2/80/L.44', date: '2025-11-14', runs: [24], footnotes: 6 },
  { pdf: 'A_C.3_80_L.55.pdf', symbol: 'A/C.3/80/L.55', date: '2025-11-06', runs: [66], footnotes: 20 },
  { pdf: 'A_C.4_80_L.8.pdf', symbol: 'A/C.4/80/L.8', date: '2025-10-24', runs: [49], footnotes: 35 },
  { pdf: 'A_RES_78_1.pdf', symbol: 'A/RES/78/1', date: '2023-09-29', runs: [43], footnotes: 2 },
  { pdf: 'A_RES_78_124.pdf', symbol: 'A/RES/78/124', date: '2023-12-18', runs: [], footnotes: 1 },
  { pdf: 'A_RES_78_184.pdf', symbol: 'A/RES/78/184', date: '2023-12-19', runs: [84], footnotes: 11 },
  { pdf: 'A_RES_78_244.pdf', symbol: 'A/RES/78/244', date: '2023-12-22', runs: [14], footnotes: 11 },
  { pdf: 'A_RES_78_303.pdf', symbol: 'A/RES/78/303', date: '2024-06-28', runs: [9], footnotes: 2 },
  // The Pact for the Future: the Pact, then annex I (Global Digital Compact) and annex II (Declaration
  // on Future Generations), each numbered from 1. Its paragraph 7 lists five objectives "1." to "5.",
  // set indented: a list inside the paragraph, not paragraphs (the text layer alone cannot tell).
  { pdf: 'A_RES_79_1.pdf', symbol: 'A/RES/79/1', date: '2024-09-22', runs: [84, 74, 32], footnotes: 26 },
  { pdf: 'A_RES_79_154.pdf', symbol: 'A/RES/79/154', date: '2024-12-17', runs: [52], footnotes: 39 },
  { pdf: 'A_RES_79_175.pdf', symbol: 'A/RES/79/175', date: '2024-12-17', runs: [17], footnotes: 27 },
  { pdf: 'A_RES_79_225.pdf', symbol: 'A/RES/79/225', date: '2024-12-19', runs: [26], footnotes: 7 },
  { pdf: 'A_RES_80_241.pdf', symbol: 'A/RES/80/241', date: '2025-12-30', runs: [6], footnotes: 2 },
  { pdf: 'A_RES_80_85.pdf', symbol: 'A/RES/80/85', date: '2025-12-05', runs: [5], footnotes: 1 },
];

const texts = new Map<string, string>(
  readFileSync(TEXTS(), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { pdf: string; text: string })
    .map((doc) => [doc.pdf, doc.text]),
);

const letters = (text: string) => text.replace(/[^\p{L}]/gu, '');
const figures: string[][] = [['PDF', 'paragraphs (runs)', 'first/last words right', 'footnotes', 'attached', 'furniture in text']];

describe('import: the 17 official PDFs', () => {
  after(() => {
    const widths = figures[0].map((_, i) => Math.max(...figures.map((row) => row[i].length)));
    console.log(figures.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n'));
  });

  for (const expected of EXPECTED) {
    test(expected.pdf, async () => {
      const bytes = new Uint8Array(readFileSync(join(PDF_DIR(), expected.pdf)));
      const { markdown, document } = await importDocument(expected.pdf, bytes);
      const model = parseDraft(markdown);
      assert.equal(document.meta.symbol, expected.symbol);
      assert.equal(document.meta.date, expected.date);

      // Paragraph runs as printed.
      const runs: number[][] = [];
      for (const paragraph of model.paragraphs) {
        if (paragraph.number === 1 || runs.length === 0) runs.push([]);
        runs[runs.length - 1].push(paragraph.number);
      }
      assert.deepEqual(runs.map((run) => run.length), expected.runs, 'paragraphs per run');
      for (const run of runs) assert.deepEqual(run, run.map((_, i) => i + 1), 'numbered 1…n');

      // First and last words against the text layer.
      const printed = letters(texts.get(expected.pdf)!);
      const wrong = model.paragraphs.filter((p) => {
        const own = letters(p.text);
        return !printed.includes(own.slice(0, 25)) || !printed.includes(own.slice(-25));
      });
      assert.deepEqual(wrong.map((p) => `${p.label}: ${p.text.slice(0, 60)} … ${p.text.slice(-40)}`), [], 'first and last words as printed');

      // Footnotes: 1…n each defined once, each with its marker; asterisk notes attached too.
      const numbered = model.footnotes.filter((f) => /^\d+$/.test(f.label)).map((f) => Number(f.label));
      assert.deepEqual(numbered, numbered.map((_, i) => i + 1), 'footnotes numbered 1…n');
      assert.equal(numbered.length, expected.footnotes, 'numbered footnotes');
      const markers = new Set(model.footnoteMarkers.map((m) => m.label));
      const unattached = model.footnotes.filter((f) => !markers.has(f.label)).map((f) => f.label);
      assert.deepEqual(unattached, [], 'every footnote attached');
      for (const footnote of model.footnotes) assert.ok(footnote.text.trim().length > 1, `footnote ${footnote.label} has text`);

      // No page furniture in the text.
      const job = /\b\d{2}-\d{5}\b/.exec(texts.get(expected.pdf)!)?.[0] ?? 'no job number';
      // The page counter, "2/56", printed on a line of its own.
      const pages = /^\s*\d{1,3}\/(\d{1,3})\s*$/m.exec(texts.get(expected.pdf)!)?.[1];
      const furniture = [job, `*${job.replace('-', '')}*`, 'Please recycle', '__________'];
      const flowing = [...model.paragraphs.map((p) => p.text), ...model.footnotes.map((f) => f.text)];
      const found = flowing.filter((text) => furniture.some((f) => text.includes(f)) || (pages !== undefined && new RegExp(`(?<![\\w./])\\d{1,3}/${pages}(?![\\w/])`).test(text)));
      assert.deepEqual(found, [], 'no page furniture in paragraphs or footnotes');
      const header = new RegExp(`${expected.symbol.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+${escape(document.meta.title?.slice(0, 20) ?? '@@')}`);
      assert.ok(!flowing.some((text) => header.test(text)), 'no running header in the text');

      figures.push([
        expected.pdf,
        `${model.paragraphs.length}${runs.length > 1 ? ` (${runs.map((r) => r.length).join(' + ')})` : ''}`,
        `${model.paragraphs.length - wrong.length}/${model.paragraphs.length}`,
        `${model.footnotes.length}${model.footnotes.length !== numbered.length ? ` (${numbered.length} numbered)` : ''}`,
        `${model.footnotes.length - unattached.length}/${model.footnotes.length}`,
        String(found.length),
      ]);
    });
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
