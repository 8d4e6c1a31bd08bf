// node --import tsx bench/ruleSteps.bench.ts — prints figures, asserts nothing.
// The rules of a large draft run in steps (rules/runner.ts runRulesInSteps): the server answers other
// requests only between steps, so what a drafter waits for is the longest step, not the pass. On the
// 1.5 MB bench draft and on the 1.4 MB draft dense with findings of test/protocol/largeDraftRules.test.ts,
// both read as the server reads them (plain lines: they are above maxDocumentSize), each rule alone:
// its whole time, its steps and the longest of them, in wall and CPU time (process.cpuUsage: on a
// loaded machine wall time is mostly waiting), medians of a few runs. bench/run.ts calls
// runRuleStepsBench() after its own tables.
import { cpuUsage } from 'node:process';
import { analyzePlainDraft } from '../server/src/analysis/plain';
import { loadCorpus, type Corpus } from '../server/src/corpus';
import { ALL_RULES, readDiagnosticsConfig } from '../server/src/rules';
import { runRulesInSteps } from '../server/src/rules/runner';
import { buildDraft } from './drafts';
import { ms, table } from './stats';

const RUNS = process.env.BENCH_QUICK ? 1 : 5;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface RuleRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly steps: number;
  readonly longestStepMs: number;
  readonly longestStepCpuMs: number;
}

/** Process CPU time (user + system) in milliseconds: on two cores shared by several jobs, wall time alone misleads. */
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/**
 * The draft of test/protocol/largeDraftRules.test.ts: 9,000 lines (1.4 M characters), each with a
 * superseded citation, a malformed one and a misquotation, the worst case for the rules.
 */
function denseDraft(): string {
  const lines = Array.from(
    { length: 9_000 },
    (_, i) => `${i}. Recalling resolution 67/172 of 20 December 2012 and A/Res/71/280, and that “States have the power to determine who enters ${i}” (see A/68/283, para. 9).`,
  );
  return `*The General Assembly*,\n\n${lines.join('\n')}\n`;
}

export async function runRuleStepsBench(): Promise<string> {
  const corpus = await loadCorpus({ folders: [] });
  const reports: string[] = [];
  for (const [name, text] of [['draft-1.5MB', buildDraft('draft-1.5MB', 1_500_000).text], ['the dense draft of largeDraftRules.test.ts', denseDraft()]] as const) {
    reports.push(await ruleSteps(name, text, corpus));
  }
  return reports.join('\n');
}

async function ruleSteps(name: string, text: string, corpus: Corpus): Promise<string> {
  const analysis = analyzePlainDraft(text, corpus);
  const config = readDiagnosticsConfig({}, ALL_RULES.map((rule) => rule.code)).config;
  const context = { text, analysis, corpus, houseStyle: config.houseStyle };
  const rows: string[][] = [];
  for (const rule of ALL_RULES) {
    const runs: RuleRun[] = [];
    // The first run warms the JIT and is not counted.
    for (let run = 0; run <= RUNS; run++) {
      let steps = 0;
      let longest = 0;
      let longestCpu = 0;
      let stepBegan = performance.now();
      let stepCpu = cpuUsage();
      const began = performance.now();
      const cpuBegan = cpuUsage();
      const endStep = (pause: boolean) => {
        const now = performance.now();
        longest = Math.max(longest, now - stepBegan);
        longestCpu = Math.max(longestCpu, cpuMs(cpuUsage(stepCpu)));
        if (pause) steps++;
        stepBegan = now;
        stepCpu = cpuUsage();
      };
      await runRulesInSteps([rule], context, config, async () => endStep(true));
      // The pass's tail after the last pause (the sort of the findings) is part of no rule's steps but can be the longest.
      endStep(false);
      const cpu = cpuMs(cpuUsage(cpuBegan));
      if (run > 0) runs.push({ wallMs: performance.now() - began, cpuMs: cpu, steps, longestStepMs: longest, longestStepCpuMs: longestCpu });
    }
    rows.push([rule.code, ms(median(runs.map((r) => r.wallMs))), ms(median(runs.map((r) => r.cpuMs))), String(median(runs.map((r) => r.steps))), ms(median(runs.map((r) => r.longestStepMs))), ms(median(runs.map((r) => r.longestStepCpuMs)))]);
  }
  return [
    `rules in steps on ${name} (${(text.length / 1e6).toFixed(2)} M characters, read as plain lines: ${analysis.references.length.toLocaleString('en')} citations), each rule alone, median of ${RUNS} run(s):`,
    table(['rule', 'wall', 'CPU', 'steps', 'longest step', 'its CPU'], rows),
  ].join('\n');
}

if (require.main === module) {
  runRuleStepsBench().then(
    (report) => console.log(report),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
