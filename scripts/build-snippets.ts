// Writes snippets/compact-drafter.code-snippets from the server's snippet data (server/src/language/snippets.ts),
// the same list the language server serves as completion items. `--check` only compares (exit 1 if stale).
//   node --import tsx scripts/build-snippets.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeSnippetsText } from '../server/src/features/snippets';

const file = join(__dirname, '..', 'snippets', 'compact-drafter.code-snippets');
const text = codeSnippetsText();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== text) {
    console.error(`${file} is out of date: run node --import tsx scripts/build-snippets.ts`);
    process.exit(1);
  }
  console.log(`${file} is up to date`);
} else {
  writeFileSync(file, text);
  console.log(`wrote ${file} (${Object.keys(JSON.parse(text)).length} snippets)`);
}
