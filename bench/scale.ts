// npm run bench:scale -- [--json] [--paragraphs N] [--store FILE] [--fresh] [--no-postgres]
// The embedded corpus store at the scale of every resolution and main report (issue #19): N
// paragraphs (default 1.5 million) generated from the real texts (scaleCorpus.ts) are put into the
// store, then, each in a fresh process of its own so that no figure carries another's memory:
//   build  the store built (or brought up to date: a store left by an earlier or killed run is
//          resumed, not rebuilt; --fresh deletes it first);
//   cold   process start → store opened → a 150 KB draft parsed and scanned: what a server started
//          on a built store does before its first diagnostics;
//   serve  the scan of the 150 KB draft, rescans after one-paragraph edits, hovers (a document by
//          symbol, the cited paragraph, the registry entry), and the process's RSS after them.
// The children run this file bundled by esbuild with plain `node`, as the server runs (tsx's
// loader alone costs ~55 MB). Figures only: nothing here asserts (targets are printed beside).
//
// PostgreSQL figures come from bench/postgresScale.ts (the team corpus's part of #19) on a
// throwaway server of Debian's binaries; without them (or with --no-postgres) postgres is null
// with the reason.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDraft } from '../server/src/parse';
import { scanDraft, type ScanCache } from '../server/src/reuse/scan';
import { EmbeddedCorpusStore } from '../server/src/store/embedded/lmdbStore';
import { dataFolderOf } from '../server/src/store/embedded/storeData';
import { syncStore } from '../server/src/store/sync';
import { documentCount, generatedSources, mutate, PER_DOCUMENT, prng, readSeeds, symbolOf, type Seeds } from './scaleCorpus';
import { percentile } from './stats';

type Figures = Record<string, number | string | boolean | null>;
const FIGURES = 'scale-bench-figures ';
const ROOT = process.argv.includes('--root') ? process.argv[process.argv.indexOf('--root') + 1]! : join(__dirname, '..');

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
async function rssMB(): Promise<number> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 20));
  gc();
  await new Promise((resolve) => setTimeout(resolve, 300));
  return process.memoryUsage().rss / 1048576;
}

/** A ~150 KB draft: numbered paragraphs, a third reused from the real texts with edits, the rest word salad. */
function benchDraft(seeds: Seeds): string[] {
  const rand = prng(424242);
  const paragraphs: string[] = [];
  let size = 0;
  for (let n = 1; size < 150_000; n++) {
    const text =
      rand() < 0.35
        ? mutate(seeds.paragraphs[Math.floor(rand() * seeds.paragraphs.length)]!, seeds, rand)
        : Array.from({ length: 60 + Math.floor(rand() * 60) }, () => seeds.vocabulary[Math.floor(rand() * seeds.vocabulary.length)]!).join(' ');
    const paragraph = `${n}. ${text}\n\n`;
    paragraphs.push(paragraph);
    size += paragraph.length;
  }
  return paragraphs;
}

async function buildPhase(storePath: string, paragraphs: number): Promise<Figures> {
  const seeds = readSeeds(join(ROOT, '..', 'shared'));
  const started = performance.now();
  const store = EmbeddedCorpusStore.open(storePath);
  const result = await syncStore(store, generatedSources(paragraphs, seeds));
  const buildMs = performance.now() - started;
  const status = store.statusSync();
  await store.close();
  return { buildMs, put: result.added, unchanged: result.unchanged, removed: result.removed, units: status.units, postings: status.postings, seeds: seeds.paragraphs.length, storeMB: storeBytes(storePath) / 1048576, buildRssMB: process.memoryUsage().rss / 1048576 };
}

/** The store's LMDB file and its data files (storeData.ts). */
function storeBytes(storePath: string): number {
  const dir = dataFolderOf(storePath);
  const data = existsSync(dir) ? readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0) : 0;
  return statSync(storePath).size + data;
}

/** The draft and the words of the edits, written by the parent: the children do not read the shared texts. */
interface DraftFile {
  readonly paragraphs: string[];
  readonly editWords: string[];
}
const readDraft = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as DraftFile;
/** CPU time of this process in ms (user + system): on a machine shared by many processes, wall time also counts the waits for a core. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function coldPhase(storePath: string, draftPath: string): Promise<Figures> {
  const draft = readDraft(draftPath).paragraphs.join('');
  const started = performance.now();
  const store = EmbeddedCorpusStore.open(storePath);
  const opened = performance.now();
  const matches = scanDraft(parseDraft(draft), store.reuse);
  return { openMs: opened - started, openAndScanMs: performance.now() - started, matches: matches.length };
}

async function servePhase(storePath: string, paragraphs: number, draftPath: string): Promise<Figures> {
  const { paragraphs: draftParagraphs, editWords } = readDraft(draftPath);
  const model = parseDraft(draftParagraphs.join(''));
  const store = EmbeddedCorpusStore.open(storePath);
  const cache: ScanCache = new Map();
  let t = performance.now();
  let c = cpuMs();
  const matches = scanDraft(model, store.reuse, {}, cache);
  const scanMs = performance.now() - t;
  const scanCpuMs = cpuMs() - c;
  t = performance.now();
  c = cpuMs();
  scanDraft(model, store.reuse, {}, new Map());
  const scanAgainMs = performance.now() - t;
  const scanAgainCpuMs = cpuMs() - c;

  const rand = prng(7);
  const rescans: number[] = [];
  const rescansCpu: number[] = [];
  for (const word of editWords) {
    const edited = [...draftParagraphs];
    const at = Math.floor(rand() * edited.length);
    edited[at] = edited[at]!.replace(/ (\S+) /, ` ${word} $1 `);
    const editedModel = parseDraft(edited.join(''));
    t = performance.now();
    c = cpuMs();
    scanDraft(editedModel, store.reuse, {}, cache);
    rescans.push(performance.now() - t);
    rescansCpu.push(cpuMs() - c);
  }

  // A hover on a citation reads the document by symbol, the cited paragraph and the registry entry.
  const hovers: number[] = [];
  c = cpuMs();
  const documents = documentCount(paragraphs);
  for (let k = 0; k < 2000; k++) {
    const d = Math.floor(rand() * documents);
    const label = String(1 + Math.floor(rand() * Math.min(PER_DOCUMENT, paragraphs - d * PER_DOCUMENT)));
    t = performance.now();
    const document = store.documentSync(symbolOf(d));
    const paragraph = document && store.paragraphSync(document.id, label);
    store.registryEntrySync(symbolOf(d));
    hovers.push(performance.now() - t);
    if (!paragraph) throw new Error(`no paragraph ${label} of ${symbolOf(d)}`);
  }
  const hoverCpuMeanMs = (cpuMs() - c) / hovers.length;
  const rss = await rssMB();
  // The RSS split: pages of the process's own (heap, buffers) and pages of files mapped in (the
  // node binary, and LMDB's file: clean page cache, given back under memory pressure without
  // writing anything). The data files are read with pread: their pages are in no process's RSS.
  const status = readFileSync('/proc/self/status', 'utf8');
  const kB = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  return {
    scanMs,
    scanCpuMs,
    scanAgainMs,
    scanAgainCpuMs,
    rescanCpuP95Ms: percentile(rescansCpu, 95),
    hoverCpuMeanMs,
    matches: matches.length,
    draftKB: draftParagraphs.join('').length / 1024,
    rescanP50Ms: percentile(rescans, 50),
    rescanP95Ms: percentile(rescans, 95),
    hoverP50Ms: percentile(hovers, 50),
    hoverP95Ms: percentile(hovers, 95),
    rssMB: rss,
    rssAnonMB: kB('RssAnon'),
    rssFileMB: kB('RssFile'),
    // Of the anonymous part: V8's heap (committed) and the memory outside it (buffers, typed arrays).
    heapTotalMB: process.memoryUsage().heapTotal / 1048576,
    heapUsedMB: process.memoryUsage().heapUsed / 1048576,
    externalMB: process.memoryUsage().external / 1048576,
  };
}

async function child(phase: string, bundle: string, args: string[]): Promise<{ figures: Figures; wallMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', bundle, '--phase', phase, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let figures: Figures | undefined;
    let pending = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line.startsWith(FIGURES)) figures = JSON.parse(line.slice(FIGURES.length)) as Figures;
    });
    proc.on('error', reject);
    proc.on('close', (code, signal) => (figures ? resolve({ figures, wallMs: performance.now() - started }) : reject(new Error(`${phase} exited with ${code ?? signal} and no figures`))));
  });
}

/**
 * The team corpus's figures (bench/postgresScale.ts, the PostgreSQL part of #19): it starts a
 * throwaway PostgreSQL on 127.0.0.1 from Debian's binaries and pushes the 1,190 real texts (not the
 * generated millions: a push of those is a matter of hours here), so postgres.paragraphs says what
 * it measured. --no-postgres leaves it out.
 */
async function postgresFigures(log: (line: string) => void): Promise<{ figures: Figures | null; equivalent: boolean | null; reason?: string }> {
  if (process.argv.includes('--no-postgres')) return { figures: null, equivalent: null, reason: '--no-postgres' };
  const module = join(__dirname, 'postgresScale.ts');
  if (!existsSync(module)) return { figures: null, equivalent: null, reason: 'bench/postgresScale.ts is not there' };
  const { postgresFigures: measure } = (await import(module)) as typeof import('./postgresScale');
  const result = await measure({ log });
  if ('skipped' in result) return { figures: null, equivalent: null, reason: result.skipped };
  const { equivalent, differences, ...figures } = result;
  return { figures: { ...figures, differences: differences.length }, equivalent };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const paragraphs = Number(argument('--paragraphs') ?? 1_500_000);
  if (!Number.isSafeInteger(paragraphs) || paragraphs < PER_DOCUMENT) throw new Error('--paragraphs takes a whole number of at least 100');
  const storePath = argument('--store') ?? join(tmpdir(), `compact-drafter-scale-${paragraphs}.lmdb`);
  if (process.argv.includes('--fresh')) EmbeddedCorpusStore.remove(storePath);
  const log = (line: string) => (json ? process.stderr.write(`${line}\n`) : console.log(line));

  const dir = join(ROOT, '.cache', 'scale-bench');
  mkdirSync(dir, { recursive: true });
  const bundle = join(dir, 'scale.cjs');
  const { build } = await import('esbuild');
  await build({ entryPoints: [__filename], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', external: ['esbuild', 'lmdb'] });

  const seeds = readSeeds(join(ROOT, '..', 'shared'));
  const draftPath = join(dir, 'draft.json');
  const rand = prng(11);
  writeFileSync(draftPath, JSON.stringify({ paragraphs: benchDraft(seeds), editWords: Array.from({ length: 200 }, () => seeds.vocabulary[Math.floor(rand() * seeds.vocabulary.length)]!) } satisfies DraftFile));
  const args = ['--store', storePath, '--paragraphs', String(paragraphs), '--root', ROOT, '--draft', draftPath];
  log(`scale bench: ${paragraphs} paragraphs, store ${storePath}`);
  const built = (await child('build', bundle, args)).figures;
  log(`build: ${(Number(built.buildMs) / 1000).toFixed(1)} s (${built.put} documents put, ${built.unchanged} already there), ${built.units} units, ${built.postings} postings, ${Number(built.storeMB).toFixed(0)} MB on disk`);
  const cold = await child('cold', bundle, args);
  log(`cold start: ${cold.wallMs.toFixed(0)} ms from spawn to a scanned 150 KB draft (store opened in ${Number(cold.figures.openMs).toFixed(0)} ms, open + parse + scan ${Number(cold.figures.openAndScanMs).toFixed(0)} ms)`);
  const served = (await child('serve', bundle, args)).figures;
  log(`scan ${Number(served.scanMs).toFixed(0)} ms (CPU ${Number(served.scanCpuMs).toFixed(0)} ms; again ${Number(served.scanAgainMs).toFixed(0)} ms) (${served.matches} matches), rescan p95 ${Number(served.rescanP95Ms).toFixed(2)} ms, hover p95 ${Number(served.hoverP95Ms).toFixed(3)} ms, RSS ${Number(served.rssMB).toFixed(0)} MB`);
  const postgres = await postgresFigures(log);
  if (postgres.reason) log(`postgres: ${postgres.reason}`);

  const result = {
    embedded: {
      engine: 'lmdb',
      paragraphs,
      buildMs: built.buildMs,
      buildResumed: Number(built.unchanged) > 0,
      storeMB: built.storeMB,
      rssMB: served.rssMB,
      rssAnonMB: served.rssAnonMB,
      rssFileMB: served.rssFileMB,
      heapTotalMB: served.heapTotalMB,
      heapUsedMB: served.heapUsedMB,
      externalMB: served.externalMB,
      scanMs: served.scanMs,
      scanCpuMs: served.scanCpuMs,
      scanAgainMs: served.scanAgainMs,
      rescanCpuP95Ms: served.rescanCpuP95Ms,
      hoverCpuMeanMs: served.hoverCpuMeanMs,
      rescanP95Ms: served.rescanP95Ms,
      hoverP95Ms: served.hoverP95Ms,
      coldStartMs: cold.wallMs,
      units: built.units,
      postings: built.postings,
      matches: served.matches,
    },
    postgres: postgres.figures,
    ...(postgres.reason ? { postgresReason: postgres.reason } : {}),
    equivalent: postgres.equivalent,
    loadAverage: loadavg()[0],
    targets: { rssMB: 300, scanMs: 150, rescanP95Ms: 10, hoverP95Ms: 5, coldStartMs: 1000 },
  };
  if (json) console.log(JSON.stringify(result));
  else console.log(JSON.stringify(result, null, 2));
}

const phase = argument('--phase');
const fail = (error: unknown) => {
  console.error(error);
  process.exit(1);
};
if (phase) {
  const storePath = argument('--store')!;
  const paragraphs = Number(argument('--paragraphs'));
  const run = phase === 'build' ? buildPhase(storePath, paragraphs) : phase === 'cold' ? coldPhase(storePath, argument('--draft')!) : servePhase(storePath, paragraphs, argument('--draft')!);
  run.then((figures) => console.log(`${FIGURES}${JSON.stringify(figures)}`), fail);
} else {
  main().catch(fail);
}
