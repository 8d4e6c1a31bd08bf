// `compact-drafter`: the same analysis as the language server, in-process, for terminals and CI.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeDraft } from '../analysis';
import { loadCorpus, type Corpus } from '../corpus';
import { ALL_RULES } from '../rules';
import { writeIfUnchanged } from './atomicWrite';
import { applyEdits, automaticEdits, checkText, fileReport, formatTextReport, type FileReport } from './checkCommand';
import { PROJECT_CONFIG_FILE, readProjectConfig } from './projectConfig';
import { formatReferenceTable, referenceRecords, type ReferenceRecord } from './refsCommand';
import { toSarif } from './sarif';

const VERSION = '0.1.0';

const USAGE = `Usage:
  compact-drafter refs  [--format json|text] [--corpus DIR]... FILE...
      List every citation in the drafts, resolved against the corpus.
  compact-drafter check [--format text|json|sarif] [--corpus DIR]... [--fix] FILE...
      Check the citations; exit 1 when an error remains.

Options:
  --format   refs: json (default) or text; check: text (default), json or sarif
  --corpus   a folder of corpus texts (Markdown or text files with a symbol); may be repeated.
             Default: the "corpus" list of ${PROJECT_CONFIG_FILE}, else ./corpus when it exists.
  --fix      apply every fix that is the only one offered, write the file atomically, print what changed
  --help     show this help

Rule levels and house style come from ${PROJECT_CONFIG_FILE} in the working folder.`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const consoleIo: Io = { out: (t) => console.log(t), err: (t) => console.error(t) };

export async function main(argv: string[], io: Io = consoleIo, cwd = process.cwd()): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version') {
    io.out(VERSION);
    return 0;
  }
  if (command !== 'refs' && command !== 'check') {
    io.err(`compact-drafter: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { format: { type: 'string' }, corpus: { type: 'string', multiple: true }, fix: { type: 'boolean' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    io.err(`compact-drafter: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  const formats = command === 'refs' ? ['json', 'text'] : ['text', 'json', 'sarif'];
  const format = parsed.values.format ?? formats[0];
  if (!formats.includes(format)) {
    io.err(`compact-drafter: ${command} --format must be ${formats.join(', ')}, not "${format}"`);
    return 2;
  }
  if (parsed.values.fix && command !== 'check') {
    io.err('compact-drafter: --fix goes with check');
    return 2;
  }
  if (parsed.positionals.length === 0) {
    io.err(`compact-drafter: no FILE given\n\n${USAGE}`);
    return 2;
  }
  const project = await readProjectConfig(cwd);
  for (const problem of project.problems) io.err(`compact-drafter: ${project.file}: ${problem}`);
  const folders = parsed.values.corpus?.map((dir) => resolve(cwd, dir)) ?? (project.corpus.length ? project.corpus : existsSync(resolve(cwd, 'corpus')) ? [resolve(cwd, 'corpus')] : []);
  const corpus = await loadCorpus({ folders });
  for (const problem of corpus.problems) io.err(`compact-drafter: corpus: ${problem.uri}: ${problem.message}`);

  const files: { file: string; text: string }[] = [];
  let unreadable = false;
  for (const file of parsed.positionals) {
    try {
      files.push({ file, text: await readFile(resolve(cwd, file), 'utf8') });
    } catch (error) {
      io.err(`compact-drafter: ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      unreadable = true;
    }
  }
  if (command === 'refs') {
    const records: ReferenceRecord[] = files.flatMap(({ file, text }) => referenceRecords(file, text, analyzeDraft(text, corpus)));
    io.out(format === 'json' ? JSON.stringify({ references: records }, null, 2) : formatReferenceTable(records));
    return unreadable ? 2 : 0;
  }
  const reports = await check(files, corpus, project.diagnostics, !!parsed.values.fix, io, cwd);
  if (format === 'json') io.out(JSON.stringify({ files: reports }, null, 2));
  else if (format === 'sarif') io.out(JSON.stringify(toSarif(reports, ALL_RULES, VERSION), null, 2));
  else io.out(formatTextReport(reports));
  if (unreadable) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

async function check(
  files: { file: string; text: string }[],
  corpus: Corpus,
  config: Parameters<typeof checkText>[2],
  fix: boolean,
  io: Io,
  cwd: string,
): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  const onError = (code: string, error: unknown) => io.err(`compact-drafter: rule ${code} failed: ${(error as Error).stack ?? error}`);
  for (const { file, text } of files) {
    let diagnostics = checkText(text, corpus, config, onError);
    let current = text;
    if (fix) {
      const { edits, applied } = automaticEdits(diagnostics);
      if (edits.length) {
        const fixed = applyEdits(text, edits);
        const outcome = await writeIfUnchanged(resolve(cwd, file), text, fixed);
        if (outcome === 'written') {
          current = fixed;
          for (const d of applied) io.err(`fixed ${file}: ${d.code}: ${d.fixes[0].title}`);
          diagnostics = checkText(current, corpus, config, onError);
        } else {
          io.err(`compact-drafter: ${file} changed on disk while it was being checked; not fixed`);
        }
      }
    }
    reports.push(fileReport(file, current, diagnostics));
  }
  return reports;
}
