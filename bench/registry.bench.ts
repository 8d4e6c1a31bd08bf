// npm run bench (and node --expose-gc --import tsx bench/registry.bench.ts alone): what the
// registry built from real documents (4,000+ entries, issue #12) costs, against the floor of
// reading its JSON and against the registry of verified facts alone (37 entries) it replaced.
//   load          JSON.parse of server/data/registry.json (the floor), then the Registry and its
//                 alias matcher built from it
//   hover         hoverAt on citations of 200 different registry documents, p50 / p95
//   completion    after "A/RES/", "resolution 80/", "A/RES/79/1", p50 / p95
//   server        the built server: spawn → first diagnostics of the 150 KB bench draft, and hover /
//                 completion over LSP (bench/serverBench.ts), as a drafter gets them
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDraft } from '../server/src/analysis';
import { Corpus, Registry, loadBundledDocuments, type RegistryEntry } from '../server/src/corpus';
import { completionsAt } from '../server/src/features/completion';
import { hoverAt } from '../server/src/features/hover';
import { compileAliases } from '../server/src/references';
import { buildDraft, ROOT } from './drafts';
import { startOurs, startPeer } from './lsp';
import { measureServer } from './serverBench';
import { ms, p50, p95, ratio, table, type Samples } from './stats';

const REGISTRY = join(ROOT, 'server', 'data', 'registry.json');
const samples = (values: number[]): Samples => ({ values, planned: values.length });

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export async function runRegistryBench(): Promise<string> {
  const bytes = readFileSync(REGISTRY, 'utf8');
  const parse: number[] = [];
  const build: number[] = [];
  let entries: RegistryEntry[] = [];
  for (let i = 0; i < 15; i++) {
    parse.push(time(() => (entries = (JSON.parse(bytes) as { documents: RegistryEntry[] }).documents)));
    build.push(time(() => compileAliases(new Registry(entries).aliases())));
  }
  const verified = entries.filter((e) => e.confidence);
  const buildVerified = Array.from({ length: 15 }, () => time(() => compileAliases(new Registry(verified).aliases())));

  const documents = loadBundledDocuments().documents;
  const whole = new Corpus(new Registry(entries), documents);
  const small = new Corpus(new Registry(verified), documents);
  const cited = entries.filter((e) => e.title && /^A\/RES\/\d+\/\d+$/.test(e.symbol)).slice(0, 200);
  const draft = cited.map((e) => `Recalling its resolution ${e.symbol.slice(6)},`).join('\n\n');
  const hoverTimes = (corpus: Corpus) => {
    const analysis = analyzeDraft(draft, corpus);
    const values: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const ref of analysis.references) values.push(time(() => hoverAt(analysis, ref.targetRange.start + 1, { corpus, counts: () => ({ draft: 1 }) })));
    }
    return samples(values);
  };
  const completionTimes = (corpus: Corpus) => {
    const values: number[] = [];
    // One analysis per text, as the server keeps one per version: completion itself is timed.
    const analyses = ['A/RES/', 'resolution 80/', 'A/RES/79/1'].map((typed) => analyzeDraft(`${draft}\n\nRecalling its ${typed}`, corpus));
    for (let round = 0; round < 50; round++) {
      for (const analysis of analyses) values.push(time(() => completionsAt(analysis, analysis.model.text.length, corpus)));
    }
    return samples(values);
  };
  const hoverWhole = hoverTimes(whole);
  const hoverSmall = hoverTimes(small);
  const completionWhole = completionTimes(whole);
  const completionSmall = completionTimes(small);

  const bench = buildDraft('draft-150KB', 150_000);
  const plan = { coldStarts: 4, requests: 500, requestBudgetMs: 8_000, edits: 0, editBudgetMs: 0 };
  const server = await measureServer(() => startOurs('push'), bench, plan);
  // The peer (VS Code's Markdown server) started in the same minute: the machine's own speed.
  const peer = await measureServer(() => startPeer(), bench, { ...plan, requests: 50 });

  const rows = [
    ['registry load: JSON.parse (floor)', `${ms(p50(samples(parse)))}`, '', `${entries.length} entries, ${(bytes.length / 1e6).toFixed(1)} MB`],
    ['registry load: Registry + alias matcher', ms(p50(samples(build))), `${ratio(p50(samples(build)), p50(samples(parse)))} of the floor`, `verified facts alone: ${ms(p50(samples(buildVerified)))}`],
    ['hover on a registry citation, p50 / p95', `${ms(p50(hoverWhole))} / ${ms(p95(hoverWhole))}`, `${ratio(p95(hoverWhole), p95(hoverSmall))} of the 37-entry registry's p95`, `target p95 ≤ 5 ms${p95(hoverWhole) <= 5 ? ' ✓' : ' ✗'}`],
    ['completion of a symbol or short form, p50 / p95', `${ms(p50(completionWhole))} / ${ms(p95(completionWhole))}`, `${ratio(p95(completionWhole), p95(completionSmall))} of the 37-entry registry's p95`, `target p95 ≤ 5 ms${p95(completionWhole) <= 5 ? ' ✓' : ' ✗'}`],
  ];
  if (server) {
    const cold = [server.firstStart, ...server.laterStarts.values];
    const peerCold = peer ? p50(samples([peer.firstStart, ...peer.laterStarts.values])) : Number.NaN;
    rows.push([
      'server: spawn → first diagnostics (150 KB draft)',
      `${ms(server.firstStart)} first, ${ms(p50(server.laterStarts))} later`,
      peer ? `${ratio(p50(samples(cold)), peerCold)} of the peer's ${ms(peerCold)}` : '',
      `target ≤ 1 s${Math.max(...cold) <= 1000 ? ' ✓' : ' ✗'}`,
    ]);
    if (server.hover) rows.push(['server: hover over LSP, p50 / p95', `${ms(p50(server.hover))} / ${ms(p95(server.hover))}`, '', `target p95 ≤ 5 ms${p95(server.hover) <= 5 ? ' ✓' : ' ✗'}`]);
    if (server.completion) rows.push(['server: completion over LSP, p50 / p95', `${ms(p50(server.completion))} / ${ms(p95(server.completion))}`, '', `target p95 ≤ 5 ms${p95(server.completion) <= 5 ? ' ✓' : ' ✗'}`]);
  }
  return table(['registry built from real documents', 'figure', 'ratio', 'note'], rows);
}

if (process.argv[1] && process.argv[1].endsWith('registry.bench.ts')) {
  runRegistryBench().then((text) => console.log(text));
}
