// node --expose-gc --import tsx bench/incremental.bench.ts — prints figures, asserts nothing.
// On the bench drafts built from the seeds (~150 KB and ~1.5 MB, bench/drafts.ts): the floor
// (remark-parse + remark-gfm alone on the whole draft), a full analyzeDraft, and re-analysis after a
// one-character edit in the middle through IncrementalAnalyzer (what AnalysisCache.get runs on a new
// version), p50 and p95 over 200 edits, with ratios to the floor. bench/run.ts calls
// runIncrementalBench() after its own tables.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyzeDraft, IncrementalAnalyzer } from '../server/src/analysis/analysis';
import { loadCorpus } from '../server/src/corpus';
import { buildDraft } from './drafts';
import { editAt } from './edits';
import { collect, ms, p50, p95, ratio, table, type Samples } from './stats';

/** BENCH_QUICK=1: a tenth of every budget, to try the bench itself. */
const SCALE = process.env.BENCH_QUICK ? 0.1 : 1;
const SIZES = [
  { name: '150KB', chars: 150_000, wholeRuns: 10, wholeBudgetMs: 4_000 * SCALE, edits: 200, editBudgetMs: 20_000 * SCALE },
  { name: '1.5MB', chars: 1_500_000, wholeRuns: 5, wholeBudgetMs: 12_000 * SCALE, edits: 200, editBudgetMs: 40_000 * SCALE },
];

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Figures keyed "<size>.<measure>" (milliseconds, or a ratio where the key says so), after printing them. */
export async function runIncrementalBench(): Promise<Record<string, number>> {
  const corpus = await loadCorpus({ folders: [] });
  const processor = unified().use(remarkParse).use(remarkGfm);
  const figures: Record<string, number> = {};
  const rows: string[][] = [];
  for (const size of SIZES) {
    const draft = buildDraft(`draft-${size.name}`, size.chars);
    const { text } = draft;
    // One warm-up of each, so the JIT has seen the code (the server is warm after its first draft too).
    processor.parse(text);
    analyzeDraft(text, corpus);
    new IncrementalAnalyzer().analyze(text, corpus);
    gc();
    const floor = await collect(size.wholeRuns, size.wholeBudgetMs, () => timed(() => processor.parse(text)));
    gc();
    const full = await collect(size.wholeRuns, size.wholeBudgetMs, () => timed(() => analyzeDraft(text, corpus)));
    gc();
    // Opening the draft: a new analyzer reads all of it.
    const opened = await collect(size.wholeRuns, size.wholeBudgetMs, () => timed(() => new IncrementalAnalyzer().analyze(text, corpus)));
    gc();
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze(text, corpus);
    let current = text;
    let parsedChars = 0;
    let spansRead = 0;
    const edit: Samples = await collect(size.edits, size.editBudgetMs, (i) => {
      current = editAt(current, draft, i).text;
      const took = timed(() => analyzer.analyze(current, corpus));
      parsedChars += analyzer.parseStats.parsedChars;
      spansRead += analyzer.spansRead;
      return took;
    });
    gc();
    const n = edit.values.length;
    const key = (measure: string) => `${size.name}.${measure}`;
    Object.assign(figures, {
      [key('chars')]: text.length,
      [key('floorMs')]: p50(floor),
      [key('fullMs')]: p50(full),
      [key('firstIncrementalMs')]: p50(opened),
      [key('editP50Ms')]: p50(edit),
      [key('editP95Ms')]: p95(edit),
      [key('edits')]: n,
      [key('fullOverFloor')]: p50(full) / p50(floor),
      [key('editP50OverFloor')]: p50(edit) / p50(floor),
      [key('editP95OverFloor')]: p95(edit) / p50(floor),
      [key('parsedCharsPerEdit')]: parsedChars / n,
      [key('spansReadPerEdit')]: spansRead / n,
    });
    rows.push(
      [`${size.name} (${(text.length / 1000).toFixed(0)} k chars)`, 'floor: remark-parse + remark-gfm, whole draft (p50)', ms(p50(floor)), '1×'],
      ['', 'full analyzeDraft (p50)', ms(p50(full)), ratio(p50(full), p50(floor))],
      ['', 'first IncrementalAnalyzer.analyze of the draft (p50)', ms(p50(opened)), ratio(p50(opened), p50(floor))],
      ['', `re-analysis after a 1-char edit in the middle, p50 (n=${n})`, ms(p50(edit)), ratio(p50(edit), p50(floor))],
      ['', `re-analysis after a 1-char edit in the middle, p95 (n=${n})`, ms(p95(edit)), ratio(p95(edit), p50(floor))],
      ['', 'characters remark read per edit (mean)', (parsedChars / n).toFixed(0), ''],
      ['', 'spans the reference grammar read per edit (mean)', (spansRead / n).toFixed(1), ''],
    );
  }
  console.log(table(['draft', 'measure', 'time', '/ floor'], rows));
  return figures;
}

if (process.argv[1]?.endsWith('incremental.bench.ts')) {
  runIncrementalBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
