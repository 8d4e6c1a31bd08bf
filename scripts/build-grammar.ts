// Writes the TextMate grammars injected into Markdown (syntaxes/compact-drafter.injection.tmLanguage.json,
// inline: citations, openings, brackets; syntaxes/compact-drafter.paragraph-numbers.injection.tmLanguage.json,
// block level: paragraph numbers) from the language data and the reference grammar's tables
// (server/src/language/grammar.ts). `--check` only compares (exit 1 if a file is stale).
//   node --import tsx scripts/build-grammar.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { grammarFiles } from '../server/src/language/grammar';

const check = process.argv.includes('--check');
let stale = false;
for (const [name, text] of Object.entries(grammarFiles())) {
  const file = join(__dirname, '..', 'syntaxes', name);
  if (!check) {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
    continue;
  }
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== text) {
    console.error(`${file} is out of date: run node --import tsx scripts/build-grammar.ts`);
    stale = true;
  } else {
    console.log(`${file} is up to date`);
  }
}
if (stale) process.exit(1);
