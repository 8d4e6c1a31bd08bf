// npm run bench:server-scale -- [--paragraphs N] [--server BIN] [--label NAME] [--dir DIR] [--profile DIR]
// The language server itself with a large corpus folder (issue #19), where bench/scale.ts measures
// the embedded store alone: N paragraphs (default 100,000, 100 a text) generated from the real texts
// (scaleCorpus.ts) written as a corpus folder, the server started on it with
// compactDrafter.corpus.store "embedded", a draft citing paragraphs of the generated texts opened.
// Measured per start, twice (the second start finds the store built and the model cache written,
// as a drafter's next session does):
//   firstDiagnosticsMs  spawn → the draft's first diagnostics;
//   storeReadyMs        spawn → the corpus store brought up to date (the log's "corpus store: …");
//   hoverP95Ms          200 hovers on the draft's citations (each shows the cited paragraph);
//   rssMB / peakRssMB   the server's VmRSS after them, and its VmHWM.
//   cpuAtFirstDiagnosticsMs / cpuAtStoreReadyMs  the server's CPU time (user + system, /proc) then:
//                       on the shared machine the wall time is mostly waiting for a core.
// --server runs another build of the server (an older commit's bundle, to compare); --profile DIR
// writes each server's CPU profile there (node --cpu-prof). Figures only.
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, positionOf, startServer, waitFor } from '../test/protocol/lspClient';
import { cpuMs } from './processCpu';
import { documentCount, generatedDocument, prng, readSeeds } from './scaleCorpus';
import { percentile } from './stats';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const symbolOf = (d: number) => `A/79/${1000 + d}`;

/** The corpus folder, written once per size (a later run reuses it, as it reuses the store). */
function writeCorpus(folder: string, paragraphs: number): void {
  const done = join(folder, '.complete');
  if (existsSync(done)) return;
  mkdirSync(folder, { recursive: true });
  const seeds = readSeeds(join(ROOT, '..', 'shared'));
  for (let d = 0; d < documentCount(paragraphs); d++) {
    const document = generatedDocument(d, paragraphs, seeds);
    writeFileSync(join(folder, `A-79-${1000 + d}.md`), `---\nsymbol: ${symbolOf(d)}\ntitle: "Generated report ${d}"\ndate: 2024-08-01\n---\n\n${document.text}`);
  }
  writeFileSync(done, '');
}

/** A draft of 40 paragraphs, each citing a paragraph of a generated text. */
function draftText(paragraphs: number): { text: string; citations: string[] } {
  const rand = prng(99);
  const documents = documentCount(paragraphs);
  const citations: string[] = [];
  const lines = ['---', 'compact-drafter: draft', '---', '', '*The General Assembly*,', ''];
  for (let n = 1; n <= 40; n++) {
    const citation = `${symbolOf(Math.floor(rand() * documents))}, para. ${1 + Math.floor(rand() * 90)}`;
    citations.push(citation);
    lines.push(`${n}. *Takes note* of the report of the Secretary-General (${citation}) and of the recommendations it contains;`, '');
  }
  return { text: lines.join('\n'), citations };
}

const profileDir = argument('--profile');

async function oneStart(dir: string, server: string, label: string, paragraphs: number) {
  const { text, citations } = draftText(paragraphs);
  const draftPath = join(dir, 'workspace', 'draft.md');
  writeFileSync(draftPath, text);
  const uri = pathToFileURL(draftPath).href;
  const started = performance.now();
  const lsp = await startServer({
    serverBin: server,
    workspaceFolder: join(dir, 'workspace'),
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    initializationOptions: { cacheDir: join(dir, `cache-${label}`), settings: { corpus: { paths: ['corpus'], store: 'embedded', storePath: join(dir, 'stores') } } },
  });
  try {
    await lsp.open(uri, text);
    await waitFor(() => lsp.diagnostics.get(uri)?.[0], 600_000, 'first diagnostics');
    const firstDiagnosticsMs = performance.now() - started;
    const cpuAtFirstDiagnosticsMs = cpuMs(lsp.process.pid!);
    await waitFor(() => lsp.logs.find((line) => /^corpus store: \d+ paragraphs/.test(line)), 3_600_000, 'the corpus store');
    const storeReadyMs = performance.now() - started;
    const cpuAtStoreReadyMs = cpuMs(lsp.process.pid!);
    const hovers: number[] = [];
    let shown = 0;
    for (let k = 0; k < 200; k++) {
      const citation = citations[k % citations.length]!;
      const t = performance.now();
      const hover = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, citation, 2) })) as { contents: { value: string } } | null;
      hovers.push(performance.now() - t);
      if (hover && /\bparagraph\b|para\./i.test(hover.contents.value)) shown++;
    }
    const status = readFileSync(`/proc/${lsp.process.pid}/status`, 'utf8');
    const kB = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
    return { firstDiagnosticsMs, cpuAtFirstDiagnosticsMs, storeReadyMs, cpuAtStoreReadyMs, hoverP50Ms: percentile(hovers, 50), hoverP95Ms: percentile(hovers, 95), hoversShowingParagraph: shown, rssMB: kB('VmRSS'), peakRssMB: kB('VmHWM'), storeLine: lsp.logs.find((line) => /^corpus store: \d+ paragraphs/.test(line)) };
  } finally {
    await lsp.stop();
  }
}

async function main(): Promise<void> {
  const paragraphs = Number(argument('--paragraphs') ?? 100_000);
  const server = argument('--server') ?? join(ROOT, 'bin', 'compact-drafter-ls.js');
  const label = argument('--label') ?? 'current';
  const dir = argument('--dir') ?? join(ROOT, '.cache', `server-scale-${paragraphs}`);
  writeCorpus(join(dir, 'workspace', 'corpus'), paragraphs);
  const runs = [];
  for (let run = 0; run < 2; run++) runs.push(await oneStart(dir, server, label, paragraphs));
  console.log(JSON.stringify({ label, server, paragraphs, texts: documentCount(paragraphs), runs, loadAverage: loadavg()[0] }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
