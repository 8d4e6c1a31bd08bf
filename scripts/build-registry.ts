// npm run registry: builds server/data/registry.json from ../shared/facts/documents.tsv and the
// real UN texts in ../shared/un-documents/texts.jsonl (server/src/knowledge/), then prints what it
// holds and its coverage of the texts' citations. The JSON is committed: the extension and CI do
// not depend on the shared folder being present at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Registry } from '../server/src/corpus/registry';
import { buildRegistry } from '../server/src/knowledge/buildRegistry';
import { MISS_CAUSES, measureCoverage } from '../server/src/knowledge/coverage';
import { parseUnTextLines } from '../server/src/knowledge/unText';

const root = join(import.meta.dirname, '..');
const shared = join(root, '..', 'shared');
const target = join(root, 'server', 'data', 'registry.json');

const started = performance.now();
const records = parseUnTextLines(readFileSync(join(shared, 'un-documents', 'texts.jsonl'), 'utf8'));
const build = buildRegistry(readFileSync(join(shared, 'facts', 'documents.tsv'), 'utf8'), records);
const newestSession = Math.max(...build.entries.map((e) => Number(/^A\/RES\/(\d+)\//.exec(e.symbol)?.[1] ?? 0)));
const newestDate = build.entries.filter((e) => e.date && !e.unverified?.includes('date')).map((e) => e.date).sort().at(-1);
writeFileSync(
  target,
  JSON.stringify({
    source: 'shared/facts/documents.tsv; shared/un-documents/texts.jsonl (1,190 General Assembly documents, sessions 78-80)',
    reach: { newestSession, newestDate },
    documents: build.entries,
  }) + '\n',
);
const coverage = measureCoverage(records, new Registry(build.entries));
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;
console.log(`wrote ${build.entries.length} documents to ${target} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`  from ${build.counts.texts} texts: ${build.counts.claims} claims, ${build.counts.aliases} aliases learned, ${build.counts.series} series derived; knowledge reaches session ${newestSession} (${newestDate})`);
console.log(`  disagreements between sources: ${build.disagreements.length} (the stronger source kept)`);
console.log(`coverage of the texts' citations by symbol or short form: ${coverage.citations}`);
console.log(`  with a registry entry: ${coverage.withEntry} (${pct(coverage.withEntry, coverage.citations)})`);
console.log(`  with a date it vouches for: ${coverage.withDate} (${pct(coverage.withDate, coverage.citations)})`);
console.log(`  with a title and a date it vouches for: ${coverage.withTitleAndDate} (${pct(coverage.withTitleAndDate, coverage.citations)})`);
console.log(`  with a title or a name agreed by many texts, and a date: ${coverage.withNameAndDate} (${pct(coverage.withNameAndDate, coverage.citations)})`);
console.log(`  with a title, or a subject two citing texts agree on, and a date: ${coverage.withSubjectAndDate} (${pct(coverage.withSubjectAndDate, coverage.citations)})`);
console.log(`  without a title and a date, by cause: ${coverage.citations - coverage.withTitleAndDate} (${pct(coverage.citations - coverage.withTitleAndDate, coverage.citations)})`);
for (const [cause, n] of Object.entries(coverage.misses).sort((a, b) => b[1] - a[1])) console.log(`    ${String(n).padStart(6)} ${pct(n, coverage.citations).padStart(7)}  ${MISS_CAUSES[cause as keyof typeof MISS_CAUSES]}`);
console.log(`  headings' report citations ("[on the report of …]"), apart: ${coverage.headingCitations}, ${pct(coverage.headingWithTitleAndDate, coverage.headingCitations)} with title and date`);
