// npm run bench:cold-start -- [--server BIN] [--sessions N]
// The cold start of `npm run bench` (issue #7) alone, with the server's CPU time: the built server
// spawned over stdio with the bundled corpus, the 150 KB bench draft opened, spawn → initialize →
// didOpen → its first diagnostics, and spawn → the answer to initialize (the server's modules
// loaded, the corpus load begun), each with the server's CPU time then. The first session starts with an empty model cache (a first
// start ever), the N-1 later ones (default 5) with the cache it filled, as a drafter's next
// sessions do. --server runs another build (an older commit's bundle, to compare). Prints JSON;
// figures only.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startServer, waitFor } from '../test/protocol/lspClient';
import { buildDraft } from './drafts';
import { cpuMs } from './processCpu';
import { percentile } from './stats';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

interface Session {
  wallMs: number;
  cpuMs: number;
  initializeWallMs: number;
  initializeCpuMs: number;
}

async function session(server: string, cacheDir: string, text: string): Promise<Session> {
  const uri = 'file:///bench/draft-150KB.md';
  const started = performance.now();
  const lsp = await startServer({ serverBin: server, initializationOptions: { cacheDir } });
  const initializeWallMs = performance.now() - started;
  const initializeCpuMs = cpuMs(lsp.process.pid!);
  try {
    await lsp.open(uri, text);
    await waitFor(() => lsp.diagnostics.get(uri)?.[0], 120_000, 'first diagnostics');
    return { wallMs: performance.now() - started, cpuMs: cpuMs(lsp.process.pid!), initializeWallMs, initializeCpuMs };
  } finally {
    await lsp.stop();
  }
}

async function main(): Promise<void> {
  const server = argument('--server') ?? join(ROOT, 'bin', 'compact-drafter-ls.js');
  const sessions = Number(argument('--sessions') ?? 5);
  const draft = buildDraft('draft-150KB', 150_000);
  const cacheDir = mkdtempSync(join(tmpdir(), 'cd-cold-start-'));
  try {
    const runs = [];
    for (let k = 0; k < sessions; k++) runs.push(await session(server, cacheDir, draft.text));
    const later = runs.slice(1);
    const median = (values: number[]) => (values.length ? percentile(values, 50) : Number.NaN);
    console.log(
      JSON.stringify(
        {
          server,
          draftChars: draft.text.length,
          first: runs[0],
          later: {
            wallMs: median(later.map((r) => r.wallMs)),
            cpuMs: median(later.map((r) => r.cpuMs)),
            initializeWallMs: median(later.map((r) => r.initializeWallMs)),
            initializeCpuMs: median(later.map((r) => r.initializeCpuMs)),
            runs: later,
          },
          loadAverage: loadavg()[0],
        },
        null,
        2,
      ),
    );
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
