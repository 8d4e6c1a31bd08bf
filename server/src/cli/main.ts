// `compact-drafter`: the same analysis as the language server, in-process, for terminals and CI.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeDraft } from '../analysis';
import { DEFAULT_REGISTRY_PATH, defaultCacheDir, loadCorpus, ModelDiskCache, type Corpus } from '../corpus';
import { ReuseDiskCache } from '../reuse/diskCache';
import { ReuseService, type ReuseSettings } from '../reuse/service';
import { readReuseThresholds } from '../reuse/thresholds';
import { storeOptionsFor } from '../store/reuseStore';
import { ALL_RULES } from '../rules';
import { type DraftFile, readDraftFile, writeFixedDraft } from './draftFile';
import { applyEdits, automaticEdits, checkText, fileReport, formatTextReport, type FileReport } from './checkCommand';
import { cliFolders, PROJECT_CONFIG_FILE, readProjectConfig } from './projectConfig';
import { REGISTRY_USAGE, registryCommand } from './registryCommand';
import { IMPORT_USAGE, importCommand } from './importCommand';
import { formatReferenceTable, referenceRecords, type ReferenceRecord } from './refsCommand';
import { adoptedOnIn, formatReuseTable, reuseRecords, type ReuseRecord } from './reuseCommand';
import { toSarif } from './sarif';
import { CORPUS_USAGE, corpusCommand } from './corpusCommand';
import { BRACKETS_USAGE, bracketsCommand } from './bracketsCommand';
import { draftSymbolOf, mergeMatches, openTeamCorpus } from './corpusServerOption';
import { COMPARE_USAGE, compareCommand } from './compareCommand';
import { VERSION } from '../version';


const USAGE = `Usage:
  compact-drafter refs  [--format json|text] [--corpus DIR]... FILE...
      List every citation in the drafts, resolved against the corpus.
  compact-drafter check [--format text|json|sarif] [--corpus DIR]... [--fix [--force]] FILE...
      Check the citations (and reused agreed language); exit 1 when an error remains.
  compact-drafter reuse [--format json|text] [--corpus DIR]... [--min-words N] [--min-similarity X] FILE...
      List the passages that repeat a corpus paragraph, with the source and the words altered.
${CORPUS_USAGE}
${COMPARE_USAGE}
${BRACKETS_USAGE}
${REGISTRY_USAGE}
${IMPORT_USAGE}

Options:
  --format   refs: json (default) or text; check: text (default), json or sarif
  --corpus   a folder of corpus texts (Markdown or text files with a symbol); may be repeated.
             Default: the "corpus" list of ${PROJECT_CONFIG_FILE}, else ./corpus when it exists.
             Folders of ${PROJECT_CONFIG_FILE} that lie outside its repository are not read (give
             them with --corpus); links in a corpus folder are followed only inside it.
  --registry a folder of registry files (from registry import or lookup); may be repeated.
             Default: the "registry" list of ${PROJECT_CONFIG_FILE}, else ./${DEFAULT_REGISTRY_PATH}.
  --fix      apply every fix that is the only one offered, write the file atomically, print what changed
             ("Restore agreed wording" is never applied: an amendment may be deliberate). A file changed
             meanwhile is left alone; a link is followed, mode and owner kept; a file that is not UTF-8,
             read-only or hard-linked is not fixed (reported); the other files are fixed all the same
  --force    with --fix: also fix read-only files (mode kept) and hard-linked ones (written in place)
  --min-words, --min-similarity
             when a passage counts as reused: 25 matched words, 0.8 of it the same
  --cache-dir DIR
             where parsed corpus texts and the reuse index are kept (default ~/.cache/compact-drafter)
  --no-cache keep nothing on disk
  --corpus-server URL
             also read the team corpus on PostgreSQL (postgres://user@host:port/database or
             service=NAME; the password from ~/.pgpass, a service file or PGPASSWORD): its registry,
             the texts the drafts cite and, for reuse, its reused passages. A server that cannot be
             used is reported and the local corpus used alone
  --store auto|embedded|memory
             where the reuse index lives: the embedded store (an LMDB file, read in place, built
             incrementally) for corpora of 100,000 paragraphs or more (auto, the default), always, or never
  --store-dir DIR
             the embedded store's folder (default: store/ in the cache folder)
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
  if (command === 'corpus') return corpusCommand(rest, io, cwd);
  // Commands that need no corpus.
  if (command === 'compare') return compareCommand(rest, io, cwd);
  if (command === 'brackets') return bracketsCommand(rest, io, cwd);
  if (command === 'registry') {
    const project = await readProjectConfig(cwd);
    for (const problem of project.problems) io.err(`compact-drafter: ${project.file}: ${problem}`);
    return registryCommand(rest, io, cwd, project);
  }
  if (command === 'import') return importCommand(rest, io, cwd, async () => (await readProjectConfig(cwd)).corpus[0]);
  if (command !== 'refs' && command !== 'check' && command !== 'reuse') {
    io.err(`compact-drafter: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        corpus: { type: 'string', multiple: true },
        registry: { type: 'string', multiple: true },
        fix: { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean' },
        'min-words': { type: 'string' },
        'min-similarity': { type: 'string' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean' },
        'corpus-server': { type: 'string' },
        store: { type: 'string' },
        'store-dir': { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`compact-drafter: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  const formats = command === 'check' ? ['text', 'json', 'sarif'] : ['json', 'text'];
  const format = parsed.values.format ?? formats[0];
  if (!formats.includes(format)) {
    io.err(`compact-drafter: ${command} --format must be ${formats.join(', ')}, not "${format}"`);
    return 2;
  }
  if (parsed.values.fix && command !== 'check') {
    io.err('compact-drafter: --fix goes with check');
    return 2;
  }
  if (parsed.values.force && !parsed.values.fix) {
    io.err('compact-drafter: --force goes with --fix');
    return 2;
  }
  const reuseSettings = readReuseOptions(parsed.values['min-words'], parsed.values['min-similarity']);
  if (typeof reuseSettings === 'string') {
    io.err(`compact-drafter: ${reuseSettings}`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    io.err(`compact-drafter: no FILE given\n\n${USAGE}`);
    return 2;
  }
  const project = await readProjectConfig(cwd);
  for (const problem of project.problems) io.err(`compact-drafter: ${project.file}: ${problem}`);
  const { folders, registryFolders } = await cliFolders(cwd, parsed.values, project, (message) => io.err(message));
  const cacheDir = parsed.values['no-cache'] ? undefined : resolve(cwd, parsed.values['cache-dir'] ?? defaultCacheDir());
  const cacheLog = (message: string) => io.err(`compact-drafter: ${message}`);
  const storeMode = parsed.values.store ?? 'auto';
  if (storeMode !== 'auto' && storeMode !== 'embedded' && storeMode !== 'memory') {
    io.err(`compact-drafter: --store must be auto, embedded or memory, not "${storeMode}"`);
    return 2;
  }
  const storeDir = parsed.values['store-dir'] === undefined ? undefined : resolve(cwd, parsed.values['store-dir']);
  const reuse = new ReuseService(cacheDir ? new ReuseDiskCache(join(cacheDir, 'reuse'), cacheLog) : undefined, cacheLog, () => {}, storeOptionsFor(storeMode, storeDir, cacheDir));
  let corpus = await loadCorpus({ folders, registryFolders, modelCache: cacheDir ? new ModelDiskCache(join(cacheDir, 'models'), cacheLog) : undefined, fileTables: reuse.fileTables(folders) });
  for (const problem of corpus.problems) io.err(`compact-drafter: corpus: ${problem.uri}: ${problem.message}`);

  const files: { file: string; text: string; draft: DraftFile }[] = [];
  let unreadable = false;
  for (const file of parsed.positionals) {
    try {
      const draft = await readDraftFile(resolve(cwd, file));
      files.push({ file, text: draft.text, draft });
    } catch (error) {
      io.err(`compact-drafter: ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      unreadable = true;
    }
  }
  // The team corpus on PostgreSQL, when asked for on the command line (never from a repository's config).
  const team = parsed.values['corpus-server'] !== undefined ? await openTeamCorpus(parsed.values['corpus-server'], corpus, files.map((f) => f.text), (m) => io.err(`compact-drafter: ${m}`)) : undefined;
  if (typeof team === 'string') {
    io.err(`compact-drafter: ${team}`);
    return 2;
  }
  if (team) corpus = team.corpus;
  if (command === 'refs') {
    const records: ReferenceRecord[] = files.flatMap(({ file, text }) => referenceRecords(file, text, analyzeDraft(text, corpus)));
    io.out(format === 'json' ? JSON.stringify({ references: records }, null, 2) : formatReferenceTable(records));
    await team?.close();
    return unreadable ? 2 : 0;
  }
  if (command === 'reuse') {
    const records: ReuseRecord[] = [];
    for (const { file, text } of files) {
      const uri = pathToFileURL(resolve(cwd, file)).href;
      const analysis = analyzeDraft(text, corpus);
      const local = reuse.matches(analysis, corpus, reuseSettings, uri);
      const fromTeam = team ? await team.matches(analysis.model, { ...reuseSettings, excludeSymbol: corpus.documentByUri(uri)?.symbol ?? draftSymbolOf(text, uri) }) : [];
      records.push(...reuseRecords(file, text, team ? mergeMatches(local, fromTeam) : local, adoptedOnIn(corpus)));
    }
    io.out(format === 'json' ? JSON.stringify({ matches: records }, null, 2) : formatReuseTable(records));
    await team?.close();
    return unreadable ? 2 : 0;
  }
  const { reports, failed } = await check(files, corpus, project.diagnostics, { fix: !!parsed.values.fix, force: !!parsed.values.force }, io, cwd, { service: reuse, settings: reuseSettings });
  await team?.close();
  if (format === 'json') io.out(JSON.stringify({ files: reports }, null, 2));
  else if (format === 'sarif') io.out(JSON.stringify(toSarif(reports, ALL_RULES, VERSION), null, 2));
  else io.out(formatTextReport(reports));
  if (unreadable || failed) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/**
 * Checks each file, and with --fix writes it back (draftFile.ts says what that promises). Each file
 * is reported on its own: one that cannot be written does not stop the others (`failed`: exit 2).
 */
async function check(
  files: { file: string; text: string; draft: DraftFile }[],
  corpus: Corpus,
  config: Parameters<typeof checkText>[2],
  { fix, force }: { fix: boolean; force: boolean },
  io: Io,
  cwd: string,
  reuse: { service: ReuseService; settings: ReuseSettings },
): Promise<{ reports: FileReport[]; failed: boolean }> {
  const reports: FileReport[] = [];
  let failed = false;
  const onError = (code: string, error: unknown) => io.err(`compact-drafter: rule ${code} failed: ${(error as Error).stack ?? error}`);
  for (const { file, text, draft } of files) {
    const uri = pathToFileURL(resolve(cwd, file)).href;
    let diagnostics = checkText(text, corpus, config, onError, reuse, uri);
    let current = text;
    if (fix) {
      const { edits, applied } = automaticEdits(diagnostics);
      if (edits.length) {
        const fixed = applyEdits(text, edits);
        try {
          const outcome = await writeFixedDraft(draft, fixed, { force });
          if (outcome.kind === 'written') {
            current = fixed;
            for (const d of applied) io.err(`fixed ${file}: ${d.code}: ${d.fixes[0].title}`);
            diagnostics = checkText(current, corpus, config, onError, reuse, uri);
          } else if (outcome.kind === 'changed-on-disk') {
            io.err(`compact-drafter: ${file} changed on disk while it was being checked; not fixed`);
          } else {
            io.err(`compact-drafter: ${file}: not fixed: ${outcome.reason}`);
          }
        } catch (error) {
          io.err(`compact-drafter: ${file}: not fixed: ${(error as Error).message}`);
          failed = true;
        }
      }
    }
    reports.push(fileReport(file, current, diagnostics));
  }
  return { reports, failed };
}

/** --min-words and --min-similarity, read by the rule the server's settings use (reuse/thresholds.ts). */
function readReuseOptions(minWords: string | undefined, minSimilarity: string | undefined): ReuseSettings | string {
  const { settings, problems } = readReuseThresholds({ minWords: minWords === undefined ? undefined : Number(minWords), minSimilarity: minSimilarity === undefined ? undefined : Number(minSimilarity) });
  const problem = problems[0];
  if (!problem) return settings;
  const [option, given] = problem.threshold === 'minWords' ? ['--min-words', minWords] : ['--min-similarity', minSimilarity];
  return `${option} must be ${problem.must}, not "${given}"`;
}
