// The import bench (issue 20): the longest official PDF here, A/RES/79/1 (the Pact for the Future,
// 56 pages), and the same text as a Word file. Target: a 30-page resolution imports in ≤ 2 s.
//   cold  `compact-drafter import` as a user runs it: a new Node process, pdf.js loaded, the file
//         read, imported and written (dist/cli.js, as built);
//   warm  importDocument() again in one process (pdf.js loaded): wall and CPU time, so a busy
//         machine shows as wall ≫ CPU.
// Runs from bench/run.ts (runImportBench) or alone: node --import tsx bench/import.bench.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDocument } from '../server/src/import/importDocument';
import { PDF_DIR, ROOT } from '../test/import/shared';

const TARGET_MS_PER_30_PAGES = 2000;
const PAGES = 56;
const RUNS = Number(process.env.IMPORT_BENCH_RUNS ?? 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function timed(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

export async function runImportBench(): Promise<string> {
  const pdfPath = join(PDF_DIR(), 'A_RES_79_1.pdf');
  const pdf = new Uint8Array(readFileSync(pdfPath));
  const docx = new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'A-RES-79-1.docx')));
  const out = mkdtempSync(join(tmpdir(), 'cd-import-bench-'));
  const rows: string[][] = [['A/RES/79/1 (56 pages, 199 k characters)', 'wall p50', 'CPU p50', 'wall max', 'per 30 pages, wall / CPU', 'target ≤ 2 s / 30 pages (wall / CPU)']];
  try {
    const cold: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'compact-drafter.js'), 'import', '--force', '--out', out, pdfPath], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
      cold.push(performance.now() - start);
    }
    const per30 = (wall: number) => (wall * 30) / PAGES;
    const met = (value: number) => (per30(value) <= TARGET_MS_PER_30_PAGES ? '✓' : '✗');
    rows.push(['PDF, cold: `compact-drafter import` (new process, pdf.js loaded)', ms(median(cold)), '', ms(Math.max(...cold)), ms(per30(median(cold))), met(median(cold))]);
    for (const [name, bytes, file] of [
      ['PDF, warm: importDocument()', pdf, 'A_RES_79_1.pdf'],
      ['Word (.docx, the same text), warm', docx, 'A-RES-79-1.docx'],
    ] as const) {
      await importDocument(file, bytes);
      const samples: { wall: number; cpu: number }[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await timed(() => importDocument(file, bytes)));
      const wall = median(samples.map((s) => s.wall));
      const cpu = median(samples.map((s) => s.cpu));
      rows.push([name, ms(wall), ms(cpu), ms(Math.max(...samples.map((s) => s.wall))), `${ms(per30(wall))} / ${ms(per30(cpu))}`, `${met(wall)} / ${met(cpu)}`]);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const table = rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n');
  // Wall time on a shared machine is the machine's; CPU time is the import's own work.
  return `${table}\nload average during the run: ${loadavg().map((n) => n.toFixed(1)).join(', ')} on ${cpus().length} cores`;
}

if (require.main === module) {
  runImportBench().then(console.log, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
