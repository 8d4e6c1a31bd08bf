// Compare of two rounds (issue 18): target ≤ 300 ms for two 150 KB drafts. Measured on the bench's
// synthetic 150 KB draft against a next round made from it (paragraphs inserted, deleted, moved,
// split, verbs and qualifiers changed), on the largest real pair of ../shared/un-documents when
// it is there (a 205 KB draft and the resolution adopted from it), and on the Global Compact
// (../shared/corpus, 122 KB, 231 actions) against a round of it with actions deleted and qualified:
// sub-paragraphs at real size.
//
// The machine is shared and its load moves the milliseconds by 2× within minutes, so each pair is
// also measured against two floors taken in turn with it in the same run (collectInTurn):
//   line diff   a plain line diff of the two texts (LCS over lines, the engine of reuse/align.ts):
//               what `diff` gives, which cannot follow a moved, split or renumbered paragraph;
//   word diff   one word diff of the two whole texts (tokenize both, LCS over words): the least a
//               word-level compare does, without paragraphs, alignment, force, citations or brackets.
// The ratios hold where the milliseconds do not. The compare's CPU time (process.cpuUsage, user and
// system, over the same runs) is given beside its wall time: on two cores shared by a load average
// of 20 and more, a run waits for a core longer than it works.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { compareRounds } from '../server/src/compare/compare';
import { tokenized, wordDiff } from '../server/src/compare/wordDiff';
import { lcsPairs } from '../server/src/reuse/align';
import { buildDraft, ROOT } from './drafts';
import { collectInTurn, ms, p50, p95, table, type Samples } from './stats';

const RUNS = 15;

/** The next round: every 7th paragraph's verb changed, every 11th deleted, every 13th split at its first comma, a paragraph inserted every 19, one moved. */
export function nextRound(text: string): string {
  const blocks = text.split('\n\n');
  const out: string[] = [];
  let moved: string | undefined;
  let number = 0;
  blocks.forEach((block, i) => {
    const m = /^(\d+)\. (.*)$/s.exec(block);
    if (!m) return void out.push(block);
    const n = Number(m[1]);
    let body = m[2];
    if (n % 11 === 0) return;
    if (n === 5) return void (moved = body);
    if (n % 7 === 0) body = body.replace(/^\*\w+\*/, '*Encourages*').replace(/;$/, ', as appropriate;');
    if (n % 19 === 0) out.push(`${++number}. *Invites* the relevant entities of the United Nations system to support the efforts of Member States in round ${i};`);
    const comma = body.indexOf(', ');
    if (n % 13 === 0 && comma > 0) {
      out.push(`${++number}. ${body.slice(0, comma)};`, `${++number}. *Also decides* ${body.slice(comma + 2)}`);
      return;
    }
    out.push(`${++number}. ${body}`);
  });
  if (moved) out.push(`${++number}. ${moved}`);
  return out.join('\n\n');
}

function timed(run: () => unknown, cpu?: number[]): () => number {
  return () => {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    run();
    const wall = performance.now() - start;
    const used = process.cpuUsage(startCpu);
    cpu?.push((used.user + used.system) / 1000);
    return wall;
  };
}

function lineDiff(a: string, b: string): number {
  return lcsPairs(a.split('\n'), b.split('\n')).length;
}

function wholeWordDiff(a: string, b: string): number {
  return wordDiff(tokenized(a), tokenized(b)).length;
}

interface Measured {
  readonly lines: Samples;
  readonly words: Samples;
  readonly ours: Samples;
  readonly oursCpu: Samples;
  readonly rows: number;
}

/** A later round of the Compact: every 7th action deleted (not relettered), "as appropriate" added to every 5th line that is an action. */
function compactRound(text: string): string {
  let action = 0;
  return text
    .split('\n')
    .filter((line) => !(line.startsWith('(') && ++action % 7 === 0))
    .map((line, i) => (line.startsWith('(') && i % 5 === 0 ? line.replace(/;$/, ', as appropriate;') : line))
    .join('\n');
}

async function measure(oldText: string, newText: string): Promise<Measured> {
  // Warm up (JIT, the word ids of both texts) before anything is timed.
  for (let i = 0; i < 3; i++) {
    compareRounds(oldText, newText);
    wholeWordDiff(oldText, newText);
    lineDiff(oldText, newText);
  }
  const rows = compareRounds(oldText, newText).paragraphs.length;
  const cpu: number[] = [];
  const [lines, words, ours] = await collectInTurn(RUNS, 60_000, [timed(() => lineDiff(oldText, newText)), timed(() => wholeWordDiff(oldText, newText)), timed(() => compareRounds(oldText, newText), cpu)]);
  return { lines, words, ours, oursCpu: { values: cpu, planned: RUNS }, rows };
}

export async function runCompareBench(): Promise<string> {
  const draft = buildDraft('draft-150KB', 150_000).text;
  const next = nextRound(draft);
  const lines: string[][] = [];
  const add = async (name: string, a: string, b: string) => {
    const m = await measure(a, b);
    const ratio = (x: Samples, floor: Samples) => `${(p50(x) / p50(floor)).toFixed(1)}×`;
    lines.push([
      name,
      `${(a.length / 1000).toFixed(0)} k / ${(b.length / 1000).toFixed(0)} k`,
      String(m.rows),
      ms(p50(m.lines)),
      ms(p50(m.words)),
      `${ms(p50(m.ours))} / ${ms(p95(m.ours))}`,
      ms(p50(m.oursCpu)),
      `${ratio(m.ours, m.lines)} / ${ratio(m.ours, m.words)}`,
      `≤ 300 ms: wall${p50(m.ours) <= 300 ? ' ✓' : ' ✗'}, CPU${p50(m.oursCpu) <= 300 ? ' ✓' : ' ✗'}`,
    ]);
  };
  await add('synthetic 150 KB draft → its next round', draft, next);
  const texts = [join(ROOT, '..', 'shared', 'un-documents', 'texts.jsonl'), join(ROOT, '..', '..', 'shared', 'un-documents', 'texts.jsonl')].find(existsSync);
  if (texts) {
    const docs = new Map(readFileSync(texts, 'utf8').trim().split('\n').map((l) => {
      const d = JSON.parse(l) as { symbol: string; text: string };
      return [d.symbol, d.text];
    }));
    const a = docs.get('A/80/L.22');
    const b = docs.get('A/RES/80/110');
    if (a && b) await add('real: A/80/L.22 → A/RES/80/110 (PDF text layers)', a, b);
  }
  const compact = [join(ROOT, '..', 'shared', 'corpus', 'A-RES-73-195.md'), join(ROOT, '..', '..', 'shared', 'corpus', 'A-RES-73-195.md')].find(existsSync);
  if (compact) {
    const text = readFileSync(compact, 'utf8');
    await add('the Global Compact → every 7th action deleted, every 5th line qualified (231 actions)', text, compactRound(text));
  }
  const load = loadavg().map((x) => x.toFixed(1)).join(' ');
  return [
    `compare two rounds (p50, p95 of ${RUNS} runs in turn with the floors; load average ${load})`,
    '',
    table(['pair', 'size', 'rows', 'floor: line diff', 'floor: whole-text word diff', 'compare p50 / p95', 'compare CPU p50', 'compare / floors (p50)', 'target (p50)'], lines),
  ].join('\n');
}

if (require.main === module) void runCompareBench().then(console.log);
