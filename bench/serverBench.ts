// Figures through a real server over stdio: cold start, hover and completion latency, edit →
// diagnostics latency and peak RSS. Every server gets the same draft, positions and edits.
import type { BenchDraft } from './drafts';
import { editAt, positionAt } from './edits';
import type { Session } from './lsp';
import { collect, type Samples } from './stats';

export interface ServerPlan {
  /** Sessions started for the cold-start figure; the last one goes on to the other figures. */
  readonly coldStarts: number;
  readonly requests: number;
  readonly requestBudgetMs: number;
  readonly edits: number;
  readonly editBudgetMs: number;
  /** Skip hover and completion (a second session of the same server, for its edits only). */
  readonly editsOnly?: boolean;
}

export interface ServerResult {
  readonly name: string;
  /** Spawn → initialize → didOpen → the first diagnostics of the draft: the first session (ours: an empty disk cache). */
  readonly firstStart: number;
  /** The same for the later sessions (ours: its disk cache of parsed corpus texts filled by the first). */
  readonly laterStarts: Samples;
  readonly hover?: Samples;
  readonly completion?: Samples;
  /** didChange with a one-character edit → the diagnostics of that version. */
  readonly edit: Samples;
  /** Mean time per edit the bench spent answering the server's own requests (the peer's markdown/parse). */
  readonly clientWorkPerEditMs: number;
  /** VmHWM of the server process at the end of its session, kB. */
  readonly peakRssKb?: number;
  /** Whether hover returned something at the citation, and how many completion items came back. */
  readonly answers: string;
}

export async function measureServer(start: (run: number) => Promise<Session | undefined>, draft: BenchDraft, plan: ServerPlan): Promise<ServerResult | undefined> {
  const uri = `file:///bench/${draft.name}.md`;
  const coldStarts: number[] = [];
  let session: Session | undefined;
  for (let run = 0; run < plan.coldStarts; run++) {
    const begin = performance.now();
    const started = await start(run);
    if (!started) return undefined;
    await started.open(uri, draft.text, 1);
    coldStarts.push(performance.now() - begin);
    if (run < plan.coldStarts - 1) await started.stop();
    else session = started;
  }
  if (!session) return undefined;
  const s = session;
  try {
    let hover: Samples | undefined;
    let completion: Samples | undefined;
    let answers = '';
    if (!plan.editsOnly) {
      const hoverParams = { textDocument: { uri }, position: positionAt(draft.text, draft.hoverOffset) };
      const completionParams = {
        textDocument: { uri },
        position: positionAt(draft.text, draft.completionOffset),
        context: { triggerKind: 2, triggerCharacter: '/' },
      };
      const hoverAnswer = await s.request<{ contents?: unknown } | null>('textDocument/hover', hoverParams);
      const completionAnswer = await s.request<unknown[] | { items: unknown[] } | null>('textDocument/completion', completionParams);
      const items = Array.isArray(completionAnswer) ? completionAnswer.length : (completionAnswer?.items.length ?? 0);
      answers = `hover ${hoverAnswer ? 'answered' : 'null'}, completion ${items} items`;
      hover = await collect(plan.requests, plan.requestBudgetMs, async () => {
        const begin = performance.now();
        await s.request('textDocument/hover', hoverParams);
        return performance.now() - begin;
      });
      completion = await collect(plan.requests, plan.requestBudgetMs, async () => {
        const begin = performance.now();
        await s.request('textDocument/completion', completionParams);
        return performance.now() - begin;
      });
    }
    let text = draft.text;
    const clientWorkBefore = s.clientWorkMs();
    const edit = await collect(plan.edits, plan.editBudgetMs, async (i) => {
      const change = editAt(text, draft, i);
      text = change.text;
      const begin = performance.now();
      await s.change(uri, i + 2, text, change);
      return performance.now() - begin;
    });
    const clientWorkPerEditMs = (s.clientWorkMs() - clientWorkBefore) / Math.max(1, edit.values.length);
    return {
      name: s.name,
      firstStart: coldStarts[0],
      laterStarts: { values: coldStarts.slice(1), planned: plan.coldStarts - 1 },
      hover,
      completion,
      edit,
      clientWorkPerEditMs,
      peakRssKb: s.peakRssKb(),
      answers,
    };
  } finally {
    await s.stop();
  }
}
