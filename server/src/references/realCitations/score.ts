// Recall and precision of the reference grammar on real citations: 26 adopted resolutions of the
// 78th-80th sessions (plenary and all six Main Committees) from ../shared/un-documents/texts.jsonl,
// every citation annotated as an editor reads it (citations.tsv, in text order, offsets into the
// document's text) and the negatives that look like citations (Treaty Series volumes, SDG targets,
// ILO convention numbers, job numbers and page counters). The texts are read as `check` reads them
// (analyzeDraft with the bundled corpus), PDF text layers included.
//
// A row's expected symbol is "-" when it is not a citation and "?" when it is one that no UN document
// symbol can be given for (a WHO resolution, a GA decision): a symbol found there is a false positive.
// References to the document's own symbol (cover page, running headers) are not counted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDraft } from '../../analysis';
import type { Corpus } from '../../corpus';

export interface Annotation {
  readonly document: string;
  readonly offset: number;
  readonly form: string;
  readonly written: string;
  /** The symbol an editor gives it; '-' not a citation; '?' a citation without a UN symbol. */
  readonly expected: string;
}

export interface FormScore {
  readonly form: string;
  /** Rows with an expected symbol, and how many of them the grammar gave that symbol. */
  readonly citations: number;
  readonly found: number;
  /** Symbols the grammar gave where this form's rows stand, and how many of them were wrong. */
  readonly given: number;
  readonly wrong: number;
}

export interface Score {
  readonly byForm: readonly FormScore[];
  readonly recall: number;
  /** Over every symbol given, names included. */
  readonly precision: number;
  /** Over the symbols the grammar reads itself; names depend on the registry's aliases. */
  readonly grammarPrecision: number;
  readonly namePrecision: number;
  readonly citations: number;
  readonly documents: number;
  /** What went wrong, one line each, for the script. */
  readonly misses: readonly string[];
  readonly falsePositives: readonly string[];
}

export function readAnnotations(): Annotation[] {
  return readFileSync(join(__dirname, 'citations.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [document, offset, form, written, expected] = line.split('\t');
      return { document, offset: Number(offset), form, written: written.replace(/\\n/g, '\n'), expected };
    });
}

/**
 * Names of documents ("the 2030 Agenda") reach the grammar as registry aliases, and the registry
 * that learns them from the real texts is built elsewhere (issue 12): the table holds only the names
 * the bundled registry knows, so they count for precision, not for recall.
 */
const PRECISION_ONLY = new Set(['name']);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function scoreRealCitations(texts: ReadonlyMap<string, string>, corpus: Corpus): Score {
  const annotations = readAnnotations();
  const forms = new Map<string, { citations: number; found: number; given: number; wrong: number }>();
  const formOf = (form: string) => {
    let f = forms.get(form);
    if (!f) forms.set(form, (f = { citations: 0, found: 0, given: 0, wrong: 0 }));
    return f;
  };
  const misses: string[] = [];
  const falsePositives: string[] = [];
  const documents = [...new Set(annotations.map((a) => a.document))];
  for (const document of documents) {
    const text = texts.get(document);
    if (text === undefined) throw new Error(`${document} is not in texts.jsonl`);
    const rows = annotations.filter((a) => a.document === document);
    for (const row of rows) {
      if (text.slice(row.offset, row.offset + row.written.length) !== row.written) throw new Error(`${document}@${row.offset}: the text does not read “${row.written}”`);
    }
    const refs = analyzeDraft(text, corpus).references.filter((r) => r.symbol && r.kind !== 'internal' && r.symbol !== document);
    const spanOf = (row: Annotation) => ({ start: row.offset, end: row.offset + row.written.length });
    for (const row of rows) {
      if (row.expected === '-' || row.expected === '?' || PRECISION_ONLY.has(row.form)) continue;
      const f = formOf(row.form);
      f.citations++;
      if (refs.some((r) => r.symbol === row.expected && overlaps(r.targetRange, spanOf(row)))) f.found++;
      else misses.push(`${document}@${row.offset} ${row.form} “${row.written}” → ${row.expected}: ${refs.filter((r) => overlaps(r.targetRange, spanOf(row))).map((r) => r.symbol).join(', ') || 'nothing'}`);
    }
    for (const ref of refs) {
      const at = rows.filter((row) => overlaps(ref.targetRange, spanOf(row)));
      const form = at[0]?.form ?? (ref.kind === 'alias' ? 'name' : 'unannotated');
      const f = formOf(form);
      f.given++;
      if (!at.some((row) => row.expected === ref.symbol)) {
        f.wrong++;
        falsePositives.push(`${document}@${ref.targetRange.start} ${form} “${text.slice(ref.targetRange.start, ref.targetRange.end)}” → ${ref.symbol} (expected ${at.map((row) => row.expected).join(', ') || 'no citation'})`);
      }
    }
  }
  const byForm = [...forms].map(([form, f]) => ({ form, ...f })).sort((a, b) => b.citations - a.citations || a.form.localeCompare(b.form));
  const citations = byForm.reduce((n, f) => n + f.citations, 0);
  const found = byForm.reduce((n, f) => n + f.found, 0);
  const given = byForm.reduce((n, f) => n + f.given, 0);
  const wrong = byForm.reduce((n, f) => n + f.wrong, 0);
  const names = byForm.filter((f) => PRECISION_ONLY.has(f.form));
  const nameGiven = names.reduce((n, f) => n + f.given, 0);
  const nameWrong = names.reduce((n, f) => n + f.wrong, 0);
  const ratio = (g: number, w: number) => (g ? (g - w) / g : 1);
  return {
    byForm,
    recall: found / citations,
    precision: ratio(given, wrong),
    grammarPrecision: ratio(given - nameGiven, wrong - nameWrong),
    namePrecision: ratio(nameGiven, nameWrong),
    citations,
    documents: documents.length,
    misses,
    falsePositives,
  };
}

/** The texts of ../shared/un-documents/texts.jsonl by symbol; COMPACT_DRAFTER_SHARED where shared/ is elsewhere. */
export function readRealTexts(repoRoot: string): Map<string, string> {
  const shared = process.env.COMPACT_DRAFTER_SHARED ?? join(repoRoot, '..', 'shared');
  const texts = new Map<string, string>();
  for (const line of readFileSync(join(shared, 'un-documents', 'texts.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { symbol, text } = JSON.parse(line) as { symbol: string; text: string };
    texts.set(symbol, text);
  }
  return texts;
}
