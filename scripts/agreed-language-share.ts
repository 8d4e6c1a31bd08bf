// How much of the General Assembly's session-80 resolutions is agreed language from sessions 78-79:
// the adopted resolutions of ../shared/un-documents/texts.jsonl of sessions 78 and 79 are the
// corpus (indexed as the reuse service indexes one), each A/RES/80/… is scanned as a draft, and the
// words of its paragraphs inside a reused passage (≥ 25 words, ≥ 80 % the same) are counted.
// Prints the share over all session-80 words, the median share per resolution, and scan times
// (the reuse bench's target for one scan of a 150 KB draft is a few hundred milliseconds).
//   node --import tsx scripts/agreed-language-share.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDraft } from '../server/src/parse';
import { ReuseIndex } from '../server/src/reuse/index';
import { wordIdsOf } from '../server/src/reuse/normalise';
import { reusePassages } from '../server/src/reuse/passages';
import { draftUnits, scanDraft } from '../server/src/reuse/scan';

const SHARED = process.env.COMPACT_DRAFTER_SHARED ?? join(__dirname, '..', '..', 'shared');

const texts = readFileSync(join(SHARED, 'un-documents', 'texts.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { symbol: string; text: string });
const session = (symbol: string) => Number(/^A\/RES\/(\d+)\//.exec(symbol)?.[1]);

const built = performance.now();
const sources = texts.filter((t) => session(t.symbol) === 78 || session(t.symbol) === 79);
const index = ReuseIndex.build({
  documents: sources.map((t) => ({ id: t.symbol, symbol: t.symbol, uri: `un:${t.symbol}`, model: parseDraft(t.text) })),
});
console.log(`index: ${sources.length} resolutions of sessions 78-79, ${index.unitCount} units, ${Math.round(performance.now() - built)} ms`);

// When a source was adopted: its heading's date (sessions 78-79 are all adopted resolutions).
const adoptedOn = new Map<string, string>();
for (const t of sources) {
  const m = /adopted by the General Assembly on (\d{1,2}) (\w+) (\d{4})/.exec(t.text.replace(/\s+/g, ' '));
  if (m) adoptedOn.set(t.symbol, new Date(`${m[1]} ${m[2]} ${m[3]} UTC`).toISOString().slice(0, 10));
}
let matchCount = 0;
// Runs of consecutive short paragraphs (each under 25 words) matched together (reuse/shortRuns.ts).
let shortRuns = 0;
const shortExamples: string[] = [];
let passageCount = 0;
let joined = 0;
let earliestElsewhere = 0;
const examples: string[] = [];
let words = 0;
let reused = 0;
const shares: number[] = [];
const times: number[] = [];
for (const t of texts.filter((x) => session(x.symbol) === 80)) {
  const model = parseDraft(t.text);
  const started = performance.now();
  const matches = scanDraft(model, index, { excludeSymbol: t.symbol });
  times.push(performance.now() - started);
  const passages = reusePassages(t.text, matches, (symbol) => adoptedOn.get(symbol));
  matchCount += matches.length;
  for (const m of matches.filter((x) => x.parts)) {
    shortRuns++;
    if (shortExamples.length < 4) shortExamples.push(`${t.symbol}: ${m.parts!.length} short paragraphs → ${m.source.symbol}, paras. ${m.source.paragraphs.join(', ')} (${Math.floor(m.similarity * 100)} %)`);
  }
  passageCount += passages.length;
  for (const p of passages) {
    if (p.parts.length > 1) {
      joined++;
      if (examples.length < 3) examples.push(`${t.symbol}: ${p.parts.length} paragraphs → ${p.source.symbol}, paras. ${p.source.paragraphs.join(', ')}`);
    }
    if (p.earliest) earliestElsewhere++;
  }
  // Words of the resolution's units (paragraphs and prose), and those inside a matched range.
  const covered = matches.map((m) => m.range).sort((a, b) => a.start - b.start);
  let own = 0;
  let inMatch = 0;
  for (const unit of draftUnits(model)) {
    for (const span of unit.spans) {
      const re = /[\p{L}\p{N}]+/gu;
      for (let m = re.exec(span.text); m; m = re.exec(span.text)) {
        own++;
        const at = span.sourceOffsets[m.index];
        if (covered.some((r) => r.start <= at && at < r.end)) inMatch++;
      }
    }
  }
  if (own === 0 || wordIdsOf(t.text).count === 0) continue;
  words += own;
  reused += inMatch;
  shares.push(inMatch / own);
}
shares.sort((a, b) => a - b);
times.sort((a, b) => a - b);
const pct = (n: number) => `${(100 * n).toFixed(1)} %`;
console.log(`session 80: ${shares.length} resolutions, ${words} words; agreed language from sessions 78-79: ${pct(reused / words)} of the words`);
console.log(`per resolution: median ${pct(shares[shares.length >> 1])}, quartiles ${pct(shares[shares.length >> 2])} – ${pct(shares[(3 * shares.length) >> 2])}`);
console.log(`${matchCount} matches → ${passageCount} passages: ${joined} join consecutive paragraphs of one source; ${earliestElsewhere} name an earlier adopted source than the closest`);
console.log(`${shortRuns} matches are runs of consecutive short paragraphs (each under 25 words) matched as one passage`);
for (const example of shortExamples) console.log(`  e.g. ${example}`);
for (const e of examples) console.log(`  e.g. ${e}`);
console.log(`scan per resolution: p50 ${times[times.length >> 1].toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
