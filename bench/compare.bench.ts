// Compare of two rounds (issue 18): target ≤ 300 ms for two 150 KB drafts. Measured on the bench's
// synthetic 150 KB draft against a next round made from it (paragraphs inserted, deleted, moved,
// split, verbs and qualifiers changed), and on the largest real pair of ../shared/un-documents when
// it is there (a 205 KB draft and the resolution adopted from it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareRounds } from '../server/src/compare/compare';
import { buildDraft, ROOT } from './drafts';
import { ms, p50, p95, table, type Samples } from './stats';

const RUNS = 15;

/** The next round: every 7th paragraph's verb changed, every 11th deleted, every 13th split at its first comma, a paragraph inserted every 19, one moved. */
function nextRound(text: string): string {
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

function measure(oldText: string, newText: string): { samples: Samples; rows: number } {
  const values: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    rows = compareRounds(oldText, newText).paragraphs.length;
    values.push(performance.now() - start);
  }
  return { samples: { values, planned: RUNS }, rows };
}

export function runCompareBench(): string {
  const draft = buildDraft('draft-150KB', 150_000).text;
  const next = nextRound(draft);
  const lines: string[][] = [];
  const add = (name: string, a: string, b: string) => {
    const { samples, rows } = measure(a, b);
    lines.push([name, `${(a.length / 1000).toFixed(0)} k / ${(b.length / 1000).toFixed(0)} k`, String(rows), `${ms(p50(samples))} / ${ms(p95(samples))}`, `≤ 300 ms${p50(samples) <= 300 ? ' ✓' : ' ✗'}`]);
  };
  add('synthetic 150 KB draft → its next round', draft, next);
  const texts = [join(ROOT, '..', 'shared', 'un-documents', 'texts.jsonl'), join(ROOT, '..', '..', 'shared', 'un-documents', 'texts.jsonl')].find(existsSync);
  if (texts) {
    const docs = new Map(readFileSync(texts, 'utf8').trim().split('\n').map((l) => {
      const d = JSON.parse(l) as { symbol: string; text: string };
      return [d.symbol, d.text];
    }));
    const a = docs.get('A/80/L.22');
    const b = docs.get('A/RES/80/110');
    if (a && b) add('real: A/80/L.22 → A/RES/80/110 (PDF text layers)', a, b);
  }
  return `compare two rounds (p50 / p95 of ${RUNS} runs)\n\n${table(['pair', 'size', 'rows', 'p50 / p95', 'target'], lines)}`;
}

if (require.main === module) console.log(runCompareBench());
