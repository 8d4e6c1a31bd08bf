// In-process figures: the floor (remark-parse + remark-gfm alone), our full analysis, and
// re-analysis after one-character edits through AnalysisCache.get, the path the server takes on an
// edit (and the one that becomes incremental).
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { AnalysisCache, analyzeDraft } from '../server/src/analysis';
import type { Corpus } from '../server/src/corpus';
import { ALL_RULES, DEFAULT_HOUSE_STYLE, readDiagnosticsConfig, runRules } from '../server/src/rules';
import type { BenchDraft } from './drafts';
import { collect, collectInTurn, type Samples } from './stats';
import { editAt } from './edits';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

export interface InProcessResult {
  /** remark-parse + remark-gfm, the whole draft. */
  readonly floor: Samples;
  /** analyzeDraft, the whole draft. */
  readonly full: Samples;
  /** analyzeDraft plus every diagnostic rule: what one validation costs. */
  readonly fullWithRules: Samples;
  /** AnalysisCache.get of the next version after a one-character edit in the middle. */
  readonly edit: Samples;
}

export interface InProcessPlan {
  readonly wholeRuns: number;
  readonly wholeBudgetMs: number;
  readonly edits: number;
  readonly editBudgetMs: number;
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export async function measureInProcess(draft: BenchDraft, corpus: Corpus, plan: InProcessPlan): Promise<InProcessResult> {
  const { text } = draft;
  const processor = unified().use(remarkParse).use(remarkGfm);
  const config = readDiagnosticsConfig({}, ALL_RULES.map((rule) => rule.code)).config;
  // One warm-up of each, so the JIT has seen the code (the server is warm after its first draft too).
  processor.parse(text);
  analyzeDraft(text, corpus);
  gc();
  // Taken in turn, so a change in the machine's load mid-run moves all three alike.
  const [floor, full, fullWithRules] = await collectInTurn(plan.wholeRuns, plan.wholeBudgetMs, [
    () => timed(() => processor.parse(text)),
    () => timed(() => analyzeDraft(text, corpus)),
    () =>
      timed(() => {
        const analysis = analyzeDraft(text, corpus);
        runRules(ALL_RULES, { text, analysis, corpus, houseStyle: DEFAULT_HOUSE_STYLE }, config);
      }),
  ]);
  gc();
  const cache = new AnalysisCache();
  const uri = `file:///bench/${draft.name}.md`;
  let current = text;
  cache.get(uri, 1, () => current, corpus);
  const edit = await collect(plan.edits, plan.editBudgetMs, (i) => {
    current = editAt(current, draft, i).text;
    return timed(() => cache.get(uri, i + 2, () => current, corpus));
  });
  gc();
  return { floor, full, fullWithRules, edit };
}
