// `compact-drafter`: the same analysis as the language server, in-process, for terminals and CI.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeDraft } from '../analysis';
import { loadCorpus } from '../corpus';
import { formatReferenceTable, referenceRecords, type ReferenceRecord } from './refsCommand';

const USAGE = `Usage:
  compact-drafter refs [--format json|text] [--corpus DIR]... FILE...
      List every citation in the drafts, resolved against the corpus.

Options:
  --format   json (default for refs) or text
  --corpus   a folder of corpus texts (Markdown or text files with a symbol); may be repeated.
             Without it, ./corpus is used when it exists.
  --help     show this help`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { format: { type: 'string' }, corpus: { type: 'string', multiple: true }, help: { type: 'boolean' } },
    });
  } catch (error) {
    console.error(`compact-drafter: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'refs') {
    console.error(`compact-drafter: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const format = parsed.values.format ?? 'json';
  if (format !== 'json' && format !== 'text') {
    console.error(`compact-drafter: --format must be json or text, not "${format}"`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    console.error(`compact-drafter: no FILE given\n\n${USAGE}`);
    return 2;
  }
  const folders = (parsed.values.corpus ?? (existsSync('corpus') ? ['corpus'] : [])).map((dir) => resolve(dir));
  const corpus = await loadCorpus({ folders });
  for (const problem of corpus.problems) console.error(`compact-drafter: corpus: ${problem.uri}: ${problem.message}`);

  const records: ReferenceRecord[] = [];
  let failed = false;
  for (const file of parsed.positionals) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      console.error(`compact-drafter: ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      failed = true;
      continue;
    }
    records.push(...referenceRecords(file, text, analyzeDraft(text, corpus)));
  }
  console.log(format === 'json' ? JSON.stringify({ references: records }, null, 2) : formatReferenceTable(records));
  return failed ? 2 : 0;
}
