// `compact-drafter import FILE.pdf|FILE.docx... [--out DIR] [--as-draft] [--force] [--format text|json]`
//
// Each file is imported on its own: a file that cannot be read gets its error and nothing is
// written for it; the others are written. A file is written atomically (temporary file, renamed),
// and an existing Markdown file is replaced only if an earlier import wrote it (its front matter
// names a source_sha256) or --force is given: a drafter's own text is never overwritten by accident.
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { importDocument } from '../import/importDocument';
import { ImportError, inlineText } from '../import/model';
import { makeFolder } from '../files/makeFolder';

export const IMPORT_USAGE = `  compact-drafter import [--out DIR] [--as-draft] [--force] [--format text|json] FILE.pdf|FILE.docx...
      Turn official PDFs and Word files into Markdown corpus texts (or, with --as-draft, drafts to check).`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface ImportRecord {
  readonly file: string;
  readonly written?: string;
  readonly symbol?: string;
  readonly paragraphs?: number;
  readonly footnotes?: number;
  readonly warnings?: string[];
  readonly error?: string;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Written by an earlier import: safe to replace. */
async function isImported(path: string): Promise<boolean> {
  const head = (await readFile(path, 'utf8')).slice(0, 4000);
  return /^---[\s\S]*?\nsource_sha256: [0-9a-f]{64}\n[\s\S]*?---/.test(head);
}

async function writeAtomically(path: string, content: string): Promise<void> {
  const temp = join(resolve(path, '..'), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
  await rename(temp, path);
}

/**
 * `projectCorpus` gives the project's first corpus folder (.compactdrafter.json), where corpus texts go
 * without --out; the extension's importer always passes --out and leaves it out (and the rules with it).
 */
export async function importCommand(args: string[], io: Io, cwd: string, projectCorpus: () => Promise<string | undefined> = async () => undefined): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, 'as-draft': { type: 'boolean' }, force: { type: 'boolean' }, format: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    io.err(`compact-drafter: ${(error as Error).message}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.err(`compact-drafter: import --format must be text or json, not "${format}"`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    io.err(`compact-drafter: no FILE given\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const asDraft = parsed.values['as-draft'] ?? false;
  // Corpus texts go to the project's first corpus folder unless told otherwise; drafts to the working folder.
  const defaultOut = asDraft ? cwd : ((await projectCorpus()) ?? ((await exists(resolve(cwd, 'corpus'))) ? resolve(cwd, 'corpus') : cwd));
  const outDir = parsed.values.out ? resolve(cwd, parsed.values.out) : defaultOut;
  const records: ImportRecord[] = [];
  const written = new Set<string>();
  for (const file of parsed.positionals) {
    const path = resolve(cwd, file);
    try {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(path);
      } catch (error) {
        throw new ImportError((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message);
      }
      const result = await importDocument(path, bytes, { asDraft });
      const target = join(outDir, result.fileName);
      if (written.has(target)) throw new ImportError(`another file of this run was already written to ${relative(cwd, target)} (the same symbol twice?)`);
      if ((await exists(target)) && !parsed.values.force && !(await isImported(target))) {
        throw new ImportError(`${relative(cwd, target) || target} exists and was not written by an import; give --force to replace it`);
      }
      await makeFolder(outDir);
      await writeAtomically(target, result.markdown);
      written.add(target);
      const model = result.document;
      const numbered = model.blocks.filter((block) => block.kind === 'text' && /^\d{1,3}\.\s/.test(inlineText(block.inlines))).length;
      records.push({ file, written: relative(cwd, target) || target, symbol: model.meta.symbol, paragraphs: numbered, footnotes: model.footnotes.length, warnings: model.warnings });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      records.push({ file, error: error.message });
    }
  }
  if (format === 'json') io.out(JSON.stringify({ imports: records }, null, 2));
  for (const record of records) {
    if (record.error) io.err(`compact-drafter: ${record.file}: ${record.error}; nothing written`);
    else if (format === 'text') {
      io.out(`${record.file} → ${record.written}: ${record.symbol ?? 'no symbol found'}, ${record.paragraphs} numbered paragraphs, ${record.footnotes} footnotes`);
      for (const warning of record.warnings ?? []) io.err(`compact-drafter: ${record.file}: ${warning}`);
    }
  }
  return records.some((record) => record.error) ? 1 : 0;
}
