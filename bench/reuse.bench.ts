// node --import tsx bench/reuse.bench.ts — prints figures, asserts nothing.
// A synthetic corpus of 100,000 paragraphs (seed paragraphs shuffled and mutated by a seeded
// PRNG), then: index build time and memory, a scan of a ~150 KB draft, and rescans after a
// one-paragraph edit (p50/p95).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDraft } from '../server/src/parse';
import { ReuseIndex, type ReuseSourceDocument } from '../server/src/reuse/index';
import { scanDraft, type ScanCache } from '../server/src/reuse/scan';

const PARAGRAPHS = Number(process.env.REUSE_PARAGRAPHS ?? 100_000);
const PER_DOC = 100;
let state = 0x9e3779b9;
const rand = () => {
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state / 0x100000000;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

const dir = join(import.meta.dirname, '../server/data/corpus');
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

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;
const memory = () => { gc?.(); const m = process.memoryUsage(); return `rss ${mb(m.rss)}, heap ${mb(m.heapUsed)}`; };

let t = performance.now();
const documents: ReuseSourceDocument[] = [];
let chars = 0;
for (let d = 0; d * PER_DOC < PARAGRAPHS; d++) {
  const paragraphs = [];
  for (let p = 0; p < PER_DOC && d * PER_DOC + p < PARAGRAPHS; p++) {
    const text = mutate(pick(seeds));
    chars += text.length;
    paragraphs.push({ label: String(p + 1), text });
  }
  documents.push({ id: `SYN/${d}`, symbol: `SYN/${d}`, uri: `file:///syn/${d}.md`, model: { paragraphs, spans: [] } });
}
console.log(`corpus: ${PARAGRAPHS} paragraphs in ${documents.length} documents, ${mb(chars)} of text, generated in ${(performance.now() - t).toFixed(0)} ms; ${memory()}`);

t = performance.now();
const index = ReuseIndex.build({ documents });
console.log(`index build: ${(performance.now() - t).toFixed(0)} ms, ${index.unitCount} units, ${index.postingCount} postings; ${memory()}`);

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
console.log(`scan: ${(performance.now() - t).toFixed(1)} ms, ${matches.length} matches (${matches.filter((m) => m.altered).length} altered); ${memory()}`);
t = performance.now();
scanDraft(model, index, {}, new Map());
console.log(`scan again, cold cache, warm JIT: ${(performance.now() - t).toFixed(1)} ms`);

const times: number[] = [];
for (let k = 0; k < 200; k++) {
  const edited = [...draftParagraphs];
  const at = Math.floor(rand() * edited.length);
  edited[at] = edited[at].replace(/ (\S+) /, ` ${pick(vocabulary)} $1 `);
  const editedModel = parseDraft(edited.join(''));
  t = performance.now();
  scanDraft(editedModel, index, {}, cache);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`rescan after a one-paragraph edit (parse not timed): p50 ${times[100].toFixed(2)} ms, p95 ${times[190].toFixed(2)} ms (200 edits)`);
console.log(`final: ${memory()}`);
