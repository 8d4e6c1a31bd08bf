// The long fuzz run: test/robustness/fuzz.test.ts with many cases, split across worker processes
// (each its own fast-check seed), with progress lines and a summary at the end.
//
//   node scripts/fuzz.mjs [--runs 100000] [--workers 2] [--seed N] [--minutes M] [--progress 1000]
//
// --runs is the total of pipeline cases (the grammar property gets as many, corpus files 1 in 4, whole seeds 1 in 50);
// --minutes stops the run early (every worker), without failing, and the summary says how far it got. A
// failure prints fast-check's shrunk counterexample with its seed and path; rerun it with
//   FUZZ_RUNS=1 FUZZ_SEED=<seed> FUZZ_PATH=<path> node --import tsx test/robustness/fuzz.test.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
    seed: { type: 'string', default: String(Date.now() % 2_147_483_647) },
    minutes: { type: 'string' },
    progress: { type: 'string', default: '1000' },
  },
});
const runs = Number(values.runs);
const workers = Math.max(1, Number(values.workers));
const seed = Number(values.seed);
const perWorker = Math.ceil(runs / workers);
const dir = mkdtempSync(join(tmpdir(), 'compact-drafter-fuzz-'));
const started = Date.now();
const file = join(import.meta.dirname, '..', 'test', 'robustness', 'fuzz.test.ts');

console.log(`fuzz: ${runs} cases in ${workers} workers (${perWorker} each), seeds ${seed}…${seed + workers - 1}${values.minutes ? `, at most ${values.minutes} min` : ''}`);

function runWorker(index) {
  return new Promise((resolve) => {
    const report = join(dir, `worker-${index}.json`);
    const env = {
      ...process.env,
      FUZZ_RUNS: String(perWorker),
      FUZZ_SEED: String(seed + index),
      FUZZ_PROGRESS: values.progress,
      FUZZ_REPORT: report,
      ...(values.minutes ? { FUZZ_TIME_LIMIT: String(Number(values.minutes) * 60) } : {}),
    };
    const child = spawn(process.execPath, ['--import', 'tsx', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tap = '';
    child.stdout.on('data', (chunk) => (tap += chunk));
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code) => {
      let summary;
      try {
        summary = JSON.parse(readFileSync(report, 'utf8'));
      } catch {
        summary = undefined;
      }
      resolve({ index, code, tap, summary });
    });
  });
}

const results = await Promise.all(Array.from({ length: workers }, (_, i) => runWorker(i)));
rmSync(dir, { recursive: true, force: true });

const total = { grammar: 0, corpusFile: 0, pipeline: 0, wholeSeed: 0 };
const findings = {};
let characters = 0;
let references = 0;
let fixesChecked = 0;
let fixesApplied = 0;
let hovers = 0;
for (const { summary } of results) {
  if (!summary) continue;
  for (const [kind, n] of Object.entries(summary.cases)) total[kind] = (total[kind] ?? 0) + n;
  for (const [code, n] of Object.entries(summary.findings)) findings[code] = (findings[code] ?? 0) + n;
  characters += summary.characters;
  references += summary.references;
  fixesChecked += summary.fixesChecked;
  fixesApplied += summary.fixesApplied;
  hovers += summary.hovers;
}
const failed = results.filter((r) => r.code !== 0);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log('\nfuzz summary');
console.log(`  wall time        ${minutes} min`);
console.log(`  cases            pipeline ${total.pipeline}, grammar ${total.grammar}, corpus files ${total.corpusFile}, whole seeds ${total.wholeSeed} (asked: ${runs} pipeline)`);
console.log(`  text             ${(characters / 1e6).toFixed(1)} M characters, ${references} references, ${hovers} hovers`);
console.log(`  fixes            ${fixesChecked} checked, ${fixesApplied} applied and re-analysed`);
console.log(`  findings         ${Object.entries(findings).sort().map(([code, n]) => `${code} ${n}`).join(', ')}`);
console.log(`  failures         ${failed.length === 0 ? 'none' : failed.map((r) => `worker ${r.index} (seed ${seed + r.index})`).join(', ')}`);
for (const r of failed) {
  console.log(`\n--- worker ${r.index}, seed ${seed + r.index}: exit ${r.code} ---`);
  console.log(r.tap.split('\n').filter((line) => !/^\s*(ok|# Subtest|---|\.\.\.|duration_ms|type:)/.test(line)).join('\n'));
}
process.exit(failed.length ? 1 : 0);
