// `compact-drafter corpus add FILE.jsonl... [--out DIR]`: UN documents as JSON lines (one object a
// line with `symbol`, `title` and `text`, the text layer of the official PDF, as in
// ../shared/un-documents/texts.jsonl) become corpus texts, one Markdown file each, named after the
// symbol ("A-RES-79-163.md"), in DIR (default ./corpus). Offline: it reads only the files given.
// An existing file is left alone unless --force; a line that is not a document is reported by number.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { unTextMarkdown } from '../knowledge/unTextMarkdown';
import { CORPUS_PUSH_USAGE, corpusPushCommand } from './corpusPushCommand';
import type { UnTextRecord } from '../knowledge/unText';
import { makeFolderSync } from '../files/makeFolder';

export const CORPUS_USAGE = `  compact-drafter corpus add [--out DIR] [--force] FILE.jsonl...
      Write each UN document of a JSON-lines export ({"symbol","title","text"} a line) as a corpus text.
${CORPUS_PUSH_USAGE}`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export function corpusCommand(args: readonly string[], io: Io, cwd: string): number | Promise<number> {
  const [action, ...rest] = args;
  if (action === 'push') return corpusPushCommand(rest, io, cwd);
  if (action !== 'add') {
    io.err(`compact-drafter corpus: unknown action "${action ?? ''}"\n\nUsage:\n${CORPUS_USAGE}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], allowPositionals: true, options: { out: { type: 'string' }, force: { type: 'boolean' } } });
  } catch (error) {
    io.err(`compact-drafter corpus add: ${(error as Error).message}`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    io.err(`compact-drafter corpus add: no file given\n\nUsage:\n${CORPUS_USAGE}`);
    return 2;
  }
  const out = resolve(cwd, parsed.values.out ?? 'corpus');
  makeFolderSync(out);
  let written = 0;
  let kept = 0;
  let failed = 0;
  for (const file of parsed.positionals) {
    let lines: string[];
    try {
      lines = readFileSync(resolve(cwd, file), 'utf8').split('\n');
    } catch (error) {
      io.err(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      failed++;
      continue;
    }
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const record = readRecord(line);
      if (typeof record === 'string') {
        io.err(`${file}:${i + 1}: ${record}`);
        failed++;
        return;
      }
      const target = join(out, `${record.symbol.replace(/[^A-Za-z0-9.()-]+/g, '-').replace(/^-|-$/g, '')}.md`);
      if (existsSync(target) && !parsed.values.force) {
        kept++;
        return;
      }
      writeFileSync(target, unTextMarkdown(record, `${basename(file)}, line ${i + 1}`));
      written++;
    });
  }
  io.out(`${written} ${written === 1 ? 'text' : 'texts'} written to ${out}${kept ? `; ${kept} already there, left alone (--force to rewrite)` : ''}${failed ? `; ${failed} not read` : ''}`);
  return failed ? 1 : 0;
}

function readRecord(line: string): UnTextRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not a JSON object';
  }
  const record = value as Partial<UnTextRecord>;
  if (typeof record !== 'object' || record === null || typeof record.symbol !== 'string' || typeof record.text !== 'string') return 'no "symbol" and "text"';
  if (!/^[A-Z]{1,6}\/[A-Za-z0-9./() -]+$/.test(record.symbol)) return `"${record.symbol}" is not a document symbol`;
  return { symbol: record.symbol, title: typeof record.title === 'string' ? record.title : '', text: record.text };
}
