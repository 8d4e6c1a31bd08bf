// Samples and their summaries. A measurement runs its planned count or until its time budget is
// spent, whichever comes first, and says how many samples it got: the bench must finish in minutes
// on a slow, shared machine, and a p95 over few samples should read as such.

export interface Samples {
  readonly values: readonly number[];
  /** How many were planned; fewer when the budget ran out. */
  readonly planned: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: p95 of 20 samples is the 19th.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export const p50 = (s: Samples) => percentile(s.values, 50);
export const p95 = (s: Samples) => percentile(s.values, 95);

/** Runs `sample` (which returns a duration in ms) up to `planned` times or until `budgetMs` is spent, at least `min` times. */
export async function collect(planned: number, budgetMs: number, sample: (i: number) => number | Promise<number>, min = 3): Promise<Samples> {
  const values: number[] = [];
  const end = performance.now() + budgetMs;
  for (let i = 0; i < planned; i++) {
    if (i >= min && performance.now() > end) break;
    values.push(await sample(i));
  }
  return { values, planned };
}

/**
 * Like `collect` for several measurements at once, taken in turn (a, b, c, a, b, c, …) so that a
 * machine that slows down or speeds up mid-run shifts them all alike and their ratios hold.
 */
export async function collectInTurn(planned: number, budgetMs: number, samples: readonly (() => number)[], min = 3): Promise<Samples[]> {
  const values = samples.map(() => [] as number[]);
  const end = performance.now() + budgetMs;
  for (let i = 0; i < planned; i++) {
    if (i >= min && performance.now() > end) break;
    samples.forEach((sample, k) => values[k].push(sample()));
  }
  return values.map((v) => ({ values: v, planned }));
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

/** "p50 / p95 (n)" with the count when it fell short of the plan. */
export function spread(s: Samples | undefined): string {
  if (!s || s.values.length === 0) return '–';
  const n = s.values.length < s.planned ? ` (n=${s.values.length}/${s.planned})` : ` (n=${s.values.length})`;
  return `${ms(p50(s))} / ${ms(p95(s))}${n}`;
}

export function ratio(ours: number, theirs: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs <= 0) return '–';
  const r = ours / theirs;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

export function megabytes(kb: number | undefined): string {
  return kb === undefined ? '–' : `${(kb / 1024).toFixed(0)} MB`;
}

/** A plain-text table whose columns are padded to their widest cell (readable in a terminal and in Markdown). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
