// npm run bench — the benchmark of issue #7. Prints tables; asserts nothing. Everything is measured in
// one run on one machine, so the ratios (ours / peer, ours / floor) hold even when the machine is
// slow or busy; the absolute figures are this machine's.
//
//   floor  remark-parse + remark-gfm alone, the parser our analysis is built on
//   ours   analyzeDraft in process, and the built server (dist/server.js) over stdio
//   peer   VS Code's Markdown language server (vscode-markdown-language-server from
//          vscode-langservers-extracted) over stdio: what a drafter has without us
//
// Each measurement has a planned count (200 edits, 1,000 requests) and a time budget; on a slow
// machine it stops at the budget and the table shows n=got/planned, so the whole run stays within
// a few minutes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../server/src/corpus';
import { DEFAULT_MAX_DOCUMENT_SIZE } from '../server/src/settings';
import { buildDraft, ROOT } from './drafts';
import { measureInProcess, type InProcessResult } from './inProcess';
import { PEER_BIN, startOurs, startPeer } from './lsp';
import { measureServer, type ServerPlan, type ServerResult } from './serverBench';
import { megabytes, ms, p50, p95, ratio, spread, table, type Samples } from './stats';

/** The server's validation debounce (VALIDATION_DELAY_MS in server/src/host/diagnosticsScheduler.ts): push diagnostics wait this long after an edit. */
const DEBOUNCE_MS = 150;

const SIZES = [
  { name: 'draft-150KB', chars: 150_000 },
  { name: 'draft-1.5MB', chars: 1_500_000 },
];

/** BENCH_QUICK=1: a tenth of every budget, to try the bench itself (figures then too few to quote). */
const SCALE = process.env.BENCH_QUICK ? 0.1 : 1;

const IN_PROCESS = {
  'draft-150KB': { wholeRuns: 10, wholeBudgetMs: 8_000 * SCALE, edits: 200, editBudgetMs: 6_000 * SCALE },
  'draft-1.5MB': { wholeRuns: 5, wholeBudgetMs: 15_000 * SCALE, edits: 200, editBudgetMs: 8_000 * SCALE },
} as const;

const SERVER: Record<string, ServerPlan> = {
  'draft-150KB': { coldStarts: 3, requests: 1_000, requestBudgetMs: 10_000 * SCALE, edits: 200, editBudgetMs: 6_000 * SCALE },
  'draft-1.5MB': { coldStarts: 3, requests: 1_000, requestBudgetMs: 10_000 * SCALE, edits: 200, editBudgetMs: 8_000 * SCALE },
};

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const minus = (s: Samples | undefined, delta: number): Samples | undefined => s && { values: s.values.map((v) => v - delta), planned: s.planned };
const both = (ours: Samples | undefined, theirs: Samples | undefined) =>
  ours && theirs ? `${ratio(p50(ours), p50(theirs))} / ${ratio(p95(ours), p95(theirs))}` : '–';
const median = (s: Samples | undefined) => (s ? p50(s) : Number.NaN);
const met = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? ' ✓' : ' ✗');

function machine(): string {
  const cpu = cpus();
  return [
    `date: ${new Date().toISOString()}`,
    `machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, Node ${process.version}`,
    `peer: vscode-langservers-extracted ${packageVersion('vscode-langservers-extracted')} (vscode-markdown-languageservice ${packageVersion('vscode-markdown-languageservice')}), markdown-it ${packageVersion('@vscode/vsce/node_modules/markdown-it') ?? packageVersion('markdown-it')} answering its markdown/parse`,
  ].join('\n');
}

function packageVersion(name: string): string | undefined {
  const file = join(ROOT, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : undefined;
}

function report(title: string, local: InProcessResult, ours?: ServerResult, pull?: ServerResult, peer?: ServerResult, peerDefaults?: ServerResult): string {
  const floor = median(local.floor);
  const rows: string[][] = [];
  const row = (measure: string, oursCell: string, peerCell: string, floorCell: string, vsPeer: string, vsFloor: string, target: string) =>
    rows.push([measure, oursCell, peerCell, floorCell, vsPeer, vsFloor, target]);
  row('whole-draft parse, remark-parse + remark-gfm (p50)', '', '', ms(floor), '', '', '');
  row('full analysis, analyzeDraft (p50)', ms(median(local.full)), '', ms(floor), '', ratio(median(local.full), floor), `≤ 1.3× floor${met(median(local.full) <= 1.3 * floor)}`);
  row('full analysis + all rules (p50)', ms(median(local.fullWithRules)), '', ms(floor), '', ratio(median(local.fullWithRules), floor), '');
  row(
    're-analysis after a 1-char edit, AnalysisCache.get (p50 / p95)',
    spread(local.edit),
    '',
    ms(floor),
    '',
    `${ratio(p50(local.edit), floor)} / ${ratio(p95(local.edit), floor)}`,
    '',
  );
  const peerEdit = peer?.edit;
  if (ours) {
    row('edit → diagnostics, push, raw (p50 / p95)', spread(ours.edit), spread(peerEdit), '', both(ours.edit, peerEdit), '', `p95 ≤ peer's${met(peerEdit && p95(ours.edit) <= p95(peerEdit))}`);
    const net = minus(ours.edit, DEBOUNCE_MS);
    row(`edit → diagnostics, push, minus the ${DEBOUNCE_MS} ms debounce`, spread(net), spread(peerEdit), '', both(net, peerEdit), `${ratio(p50(net!), floor)} / ${ratio(p95(net!), floor)}`, `p95 ≤ peer's${met(peerEdit && p95(net!) <= p95(peerEdit))}`);
  }
  if (pull) row('edit → diagnostics, pull (no debounce, asked like the peer)', spread(pull.edit), spread(peerEdit), '', both(pull.edit, peerEdit), '', `p95 ≤ peer's${met(peerEdit && p95(pull.edit) <= p95(peerEdit))}`);
  if (peer) row("  of which the bench's markdown-it tokenize for the peer (mean/edit)", '', ms(peer.clientWorkPerEditMs), '', '', '', '');
  if (peerDefaults) row('  peer with VS Code defaults (markdown.validate.enabled: false)', '', spread(peerDefaults.edit), '', '', '', '');
  row('hover on A/RES/71/280 (p50 / p95)', spread(ours?.hover), spread(peer?.hover), '', both(ours?.hover, peer?.hover), '', `p95 ≤ 5 ms${met(ours?.hover && p95(ours.hover) <= 5)}`);
  row('completion after "resolution 71/" (p50 / p95)', spread(ours?.completion), spread(peer?.completion), '', both(ours?.completion, peer?.completion), '', `p95 ≤ 5 ms${met(ours?.completion && p95(ours.completion) <= 5)}`);
  row(
    'cold start, first session: spawn → initialize → didOpen → first diagnostics',
    ms(ours?.firstStart ?? Number.NaN) + ' (empty disk cache)',
    ms(peer?.firstStart ?? Number.NaN),
    '',
    ratio(ours?.firstStart ?? Number.NaN, peer?.firstStart ?? Number.NaN),
    '',
    `≤ 1 s${met(ours && ours.firstStart <= 1000)}`,
  );
  row(
    'cold start, later sessions (median)',
    `${ms(median(ours?.laterStarts))} (n=${ours?.laterStarts.values.length ?? 0}, disk cache warm)`,
    `${ms(median(peer?.laterStarts))} (n=${peer?.laterStarts.values.length ?? 0})`,
    '',
    ratio(median(ours?.laterStarts), median(peer?.laterStarts)),
    '',
    `≤ 1 s${met(ours && median(ours.laterStarts) <= 1000)}`,
  );
  const oursRss = Math.max(ours?.peakRssKb ?? 0, pull?.peakRssKb ?? 0) || undefined;
  row('peak RSS of the server (VmHWM)', megabytes(oursRss), megabytes(peer?.peakRssKb), '', oursRss && peer?.peakRssKb ? ratio(oursRss, peer.peakRssKb) : '–', '', `≤ 200 MB${met(oursRss !== undefined && oursRss <= 200 * 1024)}`);
  const notes = [ours?.answers && `ours: ${ours.answers}`, peer?.answers && `peer: ${peer.answers}`].filter(Boolean).join('; ');
  return `${title}\n\n${table(['measure', 'ours', 'peer', 'floor', 'ours/peer (p50 / p95)', 'ours/floor', 'target'], rows)}\n${notes ? `(${notes})\n` : ''}`;
}

/** Runs a helper bench exported as `name` from bench/`file`, if it is there and exports it. */
async function helperBench(file: string, name: string): Promise<'ran' | 'absent' | 'not exported'> {
  const path = join(__dirname, file);
  if (!existsSync(path)) return 'absent';
  if (!new RegExp(`export\\s+(?:async\\s+)?(?:function\\s*\\*?\\s*|const\\s+|let\\s+)${name}\\b|export\\s*\\{[^}]*\\b${name}\\b`).test(readFileSync(path, 'utf8'))) return 'not exported';
  const module = (await import(path)) as Record<string, () => unknown>;
  const result = await module[name]();
  if (typeof result === 'string') console.log(result);
  else if (result !== undefined) console.log(JSON.stringify(result, null, 2));
  return 'ran';
}

async function main(): Promise<void> {
  const began = performance.now();
  console.log('Compact Drafter benchmark (issue #7)');
  console.log(machine());
  if (!existsSync(join(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run `npm run build` (npm run bench does)');
  if (!existsSync(PEER_BIN)) throw new Error('vscode-langservers-extracted is not installed: run `npm install`');
  const corpus = await loadCorpus({ folders: [] });

  for (const size of SIZES) {
    const draft = buildDraft(size.name, size.chars);
    console.log(`\n— ${draft.name} …`);
    const local = await measureInProcess(draft, corpus, IN_PROCESS[size.name as keyof typeof IN_PROCESS]);
    gc();
    const plan = SERVER[size.name];
    const title = `${draft.name}: ${(draft.text.length / 1000).toFixed(0)} k characters, ${draft.text.split('\n').length} lines`;
    const peer = await measureServer(() => startPeer(), draft, plan);
    const peerDefaults = await measureServer(() => startPeer({ validate: false }), draft, { ...plan, coldStarts: 1, editsOnly: true });
    const large = draft.text.length > DEFAULT_MAX_DOCUMENT_SIZE;
    // Above compactDrafter.maxDocumentSize the server reads the draft as plain lines (no Markdown
    // parse): measured as a user gets it, then with the setting raised, as a full analysis.
    const variants = large
      ? [
          { settings: undefined, title: `${title}; ours with default settings: above maxDocumentSize (${DEFAULT_MAX_DOCUMENT_SIZE.toLocaleString('en')}), read as plain lines` },
          { settings: { maxDocumentSize: 3_000_000 }, title: `${title}; ours with maxDocumentSize: 3,000,000, a full Markdown analysis` },
        ]
      : [{ settings: undefined, title }];
    for (const variant of variants) {
      // A disk cache of parsed corpus texts for these sessions: empty for the first, filled after.
      const cacheDir = mkdtempSync(join(tmpdir(), 'compact-drafter-bench-'));
      try {
        const options = { cacheDir, settings: variant.settings };
        const ours = await measureServer(() => startOurs('push', options), draft, plan);
        const pull = await measureServer(() => startOurs('pull', options), draft, { ...plan, coldStarts: 1, editsOnly: true });
        console.log(report(variant.title, local, ours, pull, peer, peerDefaults));
      } finally {
        rmSync(cacheDir, { recursive: true, force: true });
      }
    }
  }
  console.log(
    [
      'Notes:',
      `- Push: the server publishes ${DEBOUNCE_MS} ms after the last edit (a fixed debounce, VALIDATION_DELAY_MS in server/src/host/diagnosticsScheduler.ts); "minus the debounce" subtracts it.`,
      '- Cold start: the first session of ours starts with an empty disk cache of parsed corpus texts (a first start ever), the later ones with the cache it filled; the peer keeps none.',
      '- Pull: the client asks (textDocument/diagnostic) right after each didChange, as VS Code does when the server offers a diagnosticProvider; the peer is always pulled.',
      "- The peer does not parse itself: it asks the client (markdown/parse) for markdown-it tokens, which VS Code's Markdown extension computes in the editor's process; here the bench answers, caching tokens per version like VS Code, and that time is inside the peer's figures.",
      "- The peer's hover only answers on links and its completion only in link paths: on a citation it answers null and [] (what a drafter has without us), so its hover/completion figures are a cost floor, not the same work.",
      '- Ratios are ours / peer and ours / floor on the same machine in the same run; ✓/✗ compare with the targets of issue #7.',
    ].join('\n'),
  );

  console.log('\n— incremental analysis (bench/incremental.bench.ts) …');
  const incremental = await helperBench('incremental.bench.ts', 'runIncrementalBench');
  if (incremental !== 'ran') console.log(`bench/incremental.bench.ts: ${incremental}; the AnalysisCache.get rows above are the edit → re-analysis figures.`);

  console.log('\n— the rules of a large draft, in steps (bench/ruleSteps.bench.ts) …');
  const ruleSteps = await helperBench('ruleSteps.bench.ts', 'runRuleStepsBench');
  if (ruleSteps !== 'ran') console.log(`bench/ruleSteps.bench.ts: ${ruleSteps}`);

  console.log('\n— the registry built from real documents (bench/registry.bench.ts) …');
  const registry = await helperBench('registry.bench.ts', 'runRegistryBench');
  if (registry !== 'ran') console.log(`bench/registry.bench.ts: ${registry}`);

  console.log('\n— reuse (bench/reuse.bench.ts) …');
  const reuse = await helperBench('reuse.bench.ts', 'runReuseBench');
  if (reuse === 'absent') console.log('bench/reuse.bench.ts: absent');
  else if (reuse === 'not exported') {
    const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'reuse.bench.ts')], { stdio: 'inherit', cwd: ROOT });
    if (result.status !== 0) console.log(`reuse bench exited with ${result.status ?? result.signal}`);
  }
  console.log('\n— compare two rounds (bench/compare.bench.ts) …');
  const compare = await helperBench('compare.bench.ts', 'runCompareBench');
  if (compare !== 'ran') console.log(`bench/compare.bench.ts: ${compare}`);

  console.log('\n— long session (bench/longSession.bench.ts) …');
  const longSession = await helperBench('longSession.bench.ts', 'runLongSessionBench');
  if (longSession !== 'ran') console.log(`bench/longSession.bench.ts: ${longSession}`);

  console.log('\n— import (bench/import.bench.ts) …');
  await helperBench('import.bench.ts', 'runImportBench');
  console.log(`\nbench finished in ${((performance.now() - began) / 1000).toFixed(0)} s`);
}

// A request to a server that died never settles (vscode-jsonrpc does not reject it on close): the
// event loop empties and Node exits 0 without a word. The long session once ended so between 14,000
// and 16,000 edits. Say it and fail instead.
let finished = false;
process.on('beforeExit', () => {
  if (finished) return;
  console.error('bench: ended without finishing (a request never settled: did a server exit?)');
  process.exit(2);
});
main().then(
  () => (finished = true),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
