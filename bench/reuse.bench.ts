// node --expose-gc --import tsx bench/reuse.bench.ts — prints figures, asserts nothing.
// A synthetic corpus of 100,000 paragraphs (seed paragraphs shuffled and mutated by a seeded
// PRNG), then: index build time and memory, the disk cache (write, read), a scan of a ~150 KB
// draft, and rescans after a one-paragraph edit (p50/p95). Targets (issue #5): scan ≤ 150 ms,
// rescan ≤ 10 ms, RSS ≤ 200 MB.
//
// runReuseBench() (bench/run.ts, and this file run directly) bundles this file with esbuild and
// measures in a plain `node` child of its own, as the server runs (dist/server.js is a bundle):
// the RSS is then the index's process, without tsx's loader thread (~55 MB) or what the benches
// before it left in the heap. `--child` measures in this process instead (for --cpu-prof).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDraft } from '../server/src/parse';
import { ReuseDiskCache } from '../server/src/reuse/diskCache';
import { ReuseIndex, type ReuseSourceDocument } from '../server/src/reuse/index';
import { scanDraft, type ScanCache } from '../server/src/reuse/scan';

const PARAGRAPHS = Number(process.env.REUSE_PARAGRAPHS ?? 100_000);
const PER_DOC = 100;
const EDITS = 200;
/** Rescans stop here on a slow machine (each edit re-parses the whole draft, untimed). */
const EDIT_BUDGET_MS = 60_000;
const FIGURES_LINE = 'reuse-bench-figures ';

type Figures = Record<string, number>;

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * After two full collections and a pause: V8 frees buffers and returns emptied heap pages to the
 * system from background threads, after the collection (read at once, the RSS after the edits
 * below is ~60 MB higher, and falls within a few hundred milliseconds).
 */
async function memory(): Promise<{ rss: number; heap: number; external: number; line: string }> {
  gc();
  await pause(20);
  gc();
  await pause(300);
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, external: m.external, line: `rss ${mb(m.rss)}, heap ${mb(m.heapUsed)}/${mb(m.heapTotal)}, outside the heap ${mb(m.external)} (${mb(m.arrayBuffers)} buffers)` };
}

async function measure(root: string): Promise<Figures> {
  const figures: Figures = {};
  const started = await memory();
  console.log(`process before: ${started.line}`);
  let state = 0x9e3779b9;
  const rand = () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state / 0x100000000;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

  const dir = join(root, 'server/data/corpus');
  const seeds: string[] = [];
  for (const f of ['A-68-283.md', 'A-71-285-excerpt.txt', 'GCM-issue-brief-3-2017.md']) {
    const m = parseDraft(readFileSync(join(dir, f), 'utf8'));
    for (const p of m.paragraphs.length ? m.paragraphs : m.spans) if (p.text.split(' ').length >= 20) seeds.push(p.text);
  }
  const vocabulary = [...new Set(seeds.join(' ').split(/\s+/))];
  function mutate(text: string): string {
    const words = text.split(' ');
    // Shuffle sentences now and then, then replace, insert or delete ~15 % of words.
    let out = words;
    if (rand() < 0.3) out = text.split(/(?<=\.) /).sort(() => rand() - 0.5).join(' ').split(' ');
    const result: string[] = [];
    for (const w of out) {
      const r = rand();
      if (r < 0.05) continue;
      if (r < 0.1) result.push(pick(vocabulary));
      else if (r < 0.15) result.push(w, pick(vocabulary));
      else result.push(w);
    }
    return result.join(' ');
  }

  // The corpus is generated as the index reads it, document by document, so the process holds
  // the index and not a second copy of 50 MB of text (a server's corpus is its own: CorpusDocument).
  let chars = 0;
  function* documents(): Generator<ReuseSourceDocument> {
    state = 0x9e3779b9;
    chars = 0;
    for (let d = 0; d * PER_DOC < PARAGRAPHS; d++) {
      const paragraphs = [];
      for (let p = 0; p < PER_DOC && d * PER_DOC + p < PARAGRAPHS; p++) {
        const text = mutate(pick(seeds));
        chars += text.length;
        paragraphs.push({ label: String(p + 1), text });
      }
      yield { id: `SYN/${d}`, symbol: `SYN/${d}`, uri: `file:///syn/${d}.md`, model: { paragraphs, spans: [] } };
    }
  }
  let t = performance.now();
  let documentCount = 0;
  for (const _ of documents()) documentCount++;
  figures.generateMs = performance.now() - t;
  console.log(`corpus: ${PARAGRAPHS} paragraphs in ${documentCount} documents, ${mb(chars)} of text, generated in ${figures.generateMs.toFixed(0)} ms (a first pass, to time it apart)`);

  t = performance.now();
  const index = ReuseIndex.build({ documents: documents() });
  figures.buildMs = performance.now() - t - figures.generateMs;
  let m = await memory();
  figures.units = index.unitCount;
  figures.postings = index.postingCount;
  figures.indexMB = index.byteSize / 1048576;
  figures.buildRssMB = m.rss / 1048576;
  console.log(`index build: ${figures.buildMs.toFixed(0)} ms (generation subtracted), ${index.unitCount} units, ${index.postingCount} postings, ${mb(index.byteSize)} of texts and postings; ${m.line}`);

  // A ~150 KB draft: numbered paragraphs, a third reused with edits, the rest fresh word salad.
  const draftParagraphs: string[] = [];
  let size = 0;
  for (let n = 1; size < 150_000; n++) {
    const text = rand() < 0.35 ? mutate(pick(seeds)) : Array.from({ length: 60 + Math.floor(rand() * 60) }, () => pick(vocabulary)).join(' ');
    const para = `${n}. ${text}\n\n`;
    draftParagraphs.push(para);
    size += para.length;
  }
  const draftText = draftParagraphs.join('');
  const model = parseDraft(draftText);
  console.log(`draft: ${(draftText.length / 1024).toFixed(0)} KB, ${model.paragraphs.length} paragraphs (parse not timed)`);

  const cache: ScanCache = new Map();
  t = performance.now();
  const matches = scanDraft(model, index, {}, cache);
  figures.scanMs = performance.now() - t;
  m = await memory();
  figures.rssMB = m.rss / 1048576;
  console.log(`scan: ${figures.scanMs.toFixed(1)} ms, ${matches.length} matches (${matches.filter((x) => x.altered).length} altered); the index and a scanned draft: ${m.line}`);
  t = performance.now();
  scanDraft(model, index, {}, new Map());
  figures.scanWarmMs = performance.now() - t;
  console.log(`scan again, cold cache, warm JIT: ${figures.scanWarmMs.toFixed(1)} ms`);

  const times: number[] = [];
  const editsStarted = performance.now();
  for (let k = 0; k < EDITS && performance.now() - editsStarted < EDIT_BUDGET_MS; k++) {
    const edited = [...draftParagraphs];
    const at = Math.floor(rand() * edited.length);
    edited[at] = edited[at]!.replace(/ (\S+) /, ` ${pick(vocabulary)} $1 `);
    const editedModel = parseDraft(edited.join(''));
    t = performance.now();
    scanDraft(editedModel, index, {}, cache);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const quantile = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  figures.rescanP50Ms = quantile(0.5);
  figures.rescanP95Ms = quantile(0.95);
  figures.edits = times.length;
  console.log(`rescan after a one-paragraph edit (parse not timed): p50 ${figures.rescanP50Ms.toFixed(2)} ms, p95 ${figures.rescanP95Ms.toFixed(2)} ms (n=${times.length}/${EDITS})`);
  m = await memory();
  figures.rssAfterEditsMB = m.rss / 1048576;
  figures.baseRssMB = started.rss / 1048576;
  console.log(`after the edits (each re-parsed the whole draft): ${m.line}; the process held ${mb(started.rss)} before the corpus (Node and the parser)`);
  diskCacheRoundTrip(index, figures);
  const ok = (value: number, target: number) => (value <= target ? '✓' : '✗');
  console.log(
    `targets: scan ${figures.scanMs.toFixed(0)} ms ≤ 150 ${ok(figures.scanMs, 150)}; rescan p95 ${figures.rescanP95Ms.toFixed(1)} ms ≤ 10 ${ok(figures.rescanP95Ms, 10)}; RSS ${figures.rssMB.toFixed(0)} MB ≤ 200 ${ok(figures.rssMB, 200)}`,
  );
  return figures;
}

/** The index written to the disk cache and read back (last: its buffers would weigh on the RSS figures). */
function diskCacheRoundTrip(index: ReuseIndex, figures: Figures): void {
  let t: number;
  const cacheDir = mkdtempSync(join(tmpdir(), 'cd-reuse-bench-'));
  try {
    const disk = new ReuseDiskCache(cacheDir, (message) => console.log(message));
    t = performance.now();
    disk.write('bench', index.toSnapshot());
    figures.cacheWriteMs = performance.now() - t;
    const bytes = statSync(join(cacheDir, 'bench.reuse')).size;
    t = performance.now();
    const loaded = ReuseIndex.fromSnapshot(disk.read('bench')!, (id) => ({ id, symbol: id, uri: `file:///syn/${id.slice(4)}.md` }));
    figures.cacheReadMs = performance.now() - t;
    console.log(`disk cache: ${mb(bytes)}, written in ${figures.cacheWriteMs.toFixed(0)} ms, read (checked) into an index of ${loaded.unitCount} units in ${figures.cacheReadMs.toFixed(0)} ms`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** The figures (also printed), measured in a child process of its own running this file bundled. */
export async function runReuseBench(): Promise<Figures> {
  const root = join(__dirname, '..');
  const dir = mkdtempSync(join(tmpdir(), 'cd-reuse-bench-'));
  try {
    const bundle = join(dir, 'reuse.bench.cjs');
    const { build } = await import('esbuild');
    await build({ entryPoints: [__filename], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', external: ['esbuild'] });
    return await new Promise<Figures>((resolve, reject) => {
      const child = spawn(process.execPath, ['--expose-gc', bundle, '--child', '--root', root], { stdio: ['ignore', 'pipe', 'inherit'] });
      let figures: Figures | undefined;
      let pending = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          if (line.startsWith(FIGURES_LINE)) figures = JSON.parse(line.slice(FIGURES_LINE.length)) as Figures;
          else console.log(line);
        }
      });
      child.on('error', reject);
      child.on('close', (code, signal) => (figures ? resolve(figures) : reject(new Error(`reuse bench exited with ${code ?? signal} and no figures`))));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fail = (error: unknown) => {
  console.error(error);
  process.exit(1);
};
if (process.argv.includes('--child')) {
  const at = process.argv.indexOf('--root');
  measure(at > 0 ? process.argv[at + 1]! : join(__dirname, '..')).then((figures) => console.log(`${FIGURES_LINE}${JSON.stringify(figures)}`), fail);
} else if (process.argv[1]?.endsWith('reuse.bench.ts')) {
  runReuseBench().catch(fail);
}
