// `check` over the real UN documents of ../shared/un-documents/texts.jsonl (PDF text layers of
// the 78th-80th sessions), as a drafter would run it on each text saved as a .txt file: prints the
// errors and warnings by rule, for the adopted resolutions (A/RES/…) apart from the drafts. An
// adopted resolution is very rarely wrong, so each finding on one is a false alarm until shown
// otherwise; `--show CODE[,CODE…]` prints each finding of those rules with its line (on adopted
// resolutions; with `--drafts`, on the other documents too).
//   node --import tsx scripts/check-real-texts.ts [--show CODE[,CODE…]] [--drafts] [--only A/RES/…]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../server/src/cli/checkCommand';
import { loadCorpus } from '../server/src/corpus';
import { DEFAULT_DIAGNOSTICS_CONFIG } from '../server/src/rules/config';

// ../shared beside the repository (as CI clones it); COMPACT_DRAFTER_SHARED where a worktree has it elsewhere.
const SHARED = process.env.COMPACT_DRAFTER_SHARED ?? join(__dirname, '..', '..', 'shared');
const TEXTS = join(SHARED, 'un-documents', 'texts.jsonl');

interface RealText {
  symbol: string;
  text: string;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const show = new Set((argument('--show') ?? '').split(',').filter(Boolean));
  const only = argument('--only');
  const showDrafts = process.argv.includes('--drafts');
  const texts = readFileSync(TEXTS, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as RealText)
    .filter((t) => !only || t.symbol === only);
  const corpus = await loadCorpus({ folders: [] });
  const config = DEFAULT_DIAGNOSTICS_CONFIG;
  const counts = new Map<string, { resolutions: number; drafts: number; documents: Set<string> }>();
  let resolutions = 0;
  for (const { symbol, text } of texts) {
    const adopted = symbol.startsWith('A/RES/');
    if (adopted) resolutions++;
    const diagnostics = checkText(text, corpus, config, (code, error) => console.error(`${symbol}: rule ${code} failed: ${String(error)}`));
    for (const d of diagnostics) {
      if (d.severity !== 'error' && d.severity !== 'warning') continue;
      const key = `${d.severity} ${d.code}`;
      const count = counts.get(key) ?? { resolutions: 0, drafts: 0, documents: new Set() };
      if (adopted) count.resolutions++;
      else count.drafts++;
      count.documents.add(symbol);
      counts.set(key, count);
      if (show.has(d.code) && (adopted || showDrafts)) {
        const line = text.slice(0, d.range.start).split('\n').length;
        const context = text.slice(Math.max(0, d.range.start - 80), d.range.end + 80).replace(/\s+/g, ' ');
        console.log(`${symbol}:${line} ${d.message}\n    …${context}…`);
      }
    }
  }
  console.log(`${texts.length} texts, ${resolutions} adopted resolutions (A/RES/…)`);
  console.log('severity rule: on adopted resolutions / on drafts (documents with any)');
  for (const [key, count] of [...counts].sort()) {
    console.log(`${key}: ${count.resolutions} / ${count.drafts} (${count.documents.size} documents)`);
  }
  if (counts.size === 0) console.log('no errors or warnings');
}

void main();
