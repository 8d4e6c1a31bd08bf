// Prints the reference grammar's recall and precision by form on the annotated real citations
// (server/src/references/realCitations/citations.tsv); --misses and --false-positives list them.
//   node --import tsx scripts/real-citations.ts [--misses] [--false-positives]
import { join } from 'node:path';
import { loadCorpus } from '../server/src/corpus';
import { readRealTexts, scoreRealCitations } from '../server/src/references/realCitations/score';

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const score = scoreRealCitations(readRealTexts(root), await loadCorpus({ folders: [] }));
  const pct = (n: number) => `${(100 * n).toFixed(1)}%`;
  console.log(`${score.documents} documents, ${score.citations} citations with a symbol`);
  console.log('form\tcitations\tfound\trecall\tsymbols given\twrong\tprecision');
  for (const f of score.byForm) {
    console.log(`${f.form}\t${f.citations}\t${f.found}\t${f.citations ? pct(f.found / f.citations) : '-'}\t${f.given}\t${f.wrong}\t${f.given ? pct((f.given - f.wrong) / f.given) : '-'}`);
  }
  console.log(`all\trecall ${pct(score.recall)}\tprecision ${pct(score.precision)} (the grammar's own ${pct(score.grammarPrecision)}, names from the registry ${pct(score.namePrecision)})`);
  if (process.argv.includes('--misses')) for (const m of score.misses) console.log(`miss: ${m}`);
  if (process.argv.includes('--false-positives')) for (const m of score.falsePositives) console.log(`false positive: ${m}`);
}

void main();
