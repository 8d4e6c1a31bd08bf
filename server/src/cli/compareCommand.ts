// `compact-drafter compare OLD NEW [--format text|json|markdown]`: two negotiation rounds paragraph by
// paragraph (compare/compare.ts). The JSON is part of the CLI's interface: one row per aligned group,
// {"status","old","new","force","diff"} plus where each paragraph is (0-based LSP ranges).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compareRounds, type CompareResult, type CompareRow, type RowCounts } from '../compare/compare';
import { formatCompareMarkdown } from '../compare/markdownReport';
import { lspRange } from '../text/lspRange';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const COMPARE_USAGE = `  compact-drafter compare [--format text|json|markdown] OLD NEW
      Compare two rounds of a draft paragraph by paragraph: unchanged, edited, moved, split, merged,
      new, deleted; changes of force (urges → encourages, shall → should, qualifiers added); citations
      and negotiation brackets that changed.`;

export async function compareCommand(args: string[], io: CliIo, cwd: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (error) {
    io.err(`compact-drafter: ${(error as Error).message}\n\n${COMPARE_USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(COMPARE_USAGE);
    return 0;
  }
  const format = parsed.values.format ?? 'text';
  if (!['text', 'json', 'markdown'].includes(format)) {
    io.err(`compact-drafter: compare --format must be text, json or markdown, not "${format}"`);
    return 2;
  }
  if (parsed.positionals.length !== 2) {
    io.err(`compact-drafter: compare takes two files, the old round and the new\n\n${COMPARE_USAGE}`);
    return 2;
  }
  const [oldFile, newFile] = parsed.positionals;
  const texts: string[] = [];
  for (const file of [oldFile, newFile]) {
    try {
      texts.push(await readFile(resolve(cwd, file), 'utf8'));
    } catch (error) {
      io.err(`compact-drafter: ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      return 2;
    }
  }
  const result = compareRounds(texts[0], texts[1]);
  if (format === 'json') io.out(JSON.stringify(compareJson(result, texts[0], texts[1]), null, 2));
  else if (format === 'markdown') io.out(formatCompareMarkdown(result, { oldName: oldFile, newName: newFile }));
  else io.out(formatCompareText(result, oldFile, newFile));
  return 0;
}

export function compareJson(result: CompareResult, oldText: string, newText: string): unknown {
  const oldDoc = TextDocument.create('old', 'markdown', 0, oldText);
  const newDoc = TextDocument.create('new', 'markdown', 0, newText);
  const range = (doc: TextDocument) => (r: { start: number; end: number }) => lspRange(doc, r);
  return {
    paragraphs: result.paragraphs.map((row) => ({
      status: row.status,
      level: row.level,
      old: row.old,
      new: row.new,
      force: row.force,
      forceChanges: row.forceChanges,
      moved: row.moved,
      edited: row.edited,
      diff: row.diff,
      oldRanges: row.oldRanges.map(range(oldDoc)),
      newRanges: row.newRanges.map(range(newDoc)),
      ...(row.labels ? { labels: row.labels } : {}),
    })),
    summary: result.summary,
    citations: result.citations,
    brackets: {
      resolved: result.brackets.resolved.map(bracketSummary),
      remaining: result.brackets.remaining.map(bracketSummary),
      new: result.brackets.new.map(bracketSummary),
    },
  };
}

function bracketSummary(p: CompareResult['brackets']['new'][number]) {
  return { paragraph: p.paragraph, alternatives: p.alternatives.map((a) => ({ text: a.text, proponent: a.proponent })) };
}

function label(ids: readonly string[]): string {
  return ids.join(' + ') || '—';
}

/** "edited 12 → 13 (weakened: urges → encourages)". */
export function rowHeadline(row: CompareRow): string {
  const where = row.status === 'new' ? label(row.new) : row.status === 'deleted' ? label(row.old) : row.old.join(' + ') === row.new.join(' + ') ? label(row.new) : `${label(row.old)} → ${label(row.new)}`;
  const force = row.forceChanges.length ? ` (${row.force ?? 'force'}: ${row.forceChanges.map((c) => c.description).join('; ')})` : '';
  const extra = row.status !== 'moved' && row.moved ? ', moved' : row.status === 'moved' && row.edited ? ', edited' : '';
  const labels = row.labels ? ` (${row.labels.join(' + ')})` : '';
  return `${row.status}${extra} ${where}${labels}${force}`;
}

function changedWords(row: CompareRow): string {
  const parts = row.diff.filter((d) => d.op !== 'equal').map((d) => (d.op === 'insert' ? `+${d.new}` : d.op === 'delete' ? `-${d.old}` : `${d.old} → ${d.new}`));
  const text = parts.join('; ');
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/** The summary sentence, and one for sub-paragraphs when the rounds have any. */
export function summaryLines(s: CompareResult['summary']): string[] {
  const counts = (c: RowCounts) => `${c.unchanged} unchanged, ${c.edited} edited, ${c.moved} moved, ${c.split} split, ${c.merged} merged, ${c.new} new, ${c.deleted} deleted; ${c.strengthened} strengthened, ${c.weakened} weakened`;
  const lines = [`${s.oldParagraphs} → ${s.newParagraphs} paragraphs: ${counts(s)}`];
  const sub = s.subparagraphs;
  if (sub.oldSubparagraphs || sub.newSubparagraphs) lines.push(`${sub.oldSubparagraphs} → ${sub.newSubparagraphs} sub-paragraphs: ${counts(sub)}`);
  return lines;
}

export function formatCompareText(result: CompareResult, oldName: string, newName: string): string {
  const lines = [`${oldName} → ${newName}`];
  for (const row of result.paragraphs) {
    if (row.status === 'unchanged' && row.old[0] === row.new[0]) continue;
    const words = row.edited ? `: ${changedWords(row)}` : '';
    lines.push(`  ${rowHeadline(row)}${words}`);
  }
  lines.push('', ...summaryLines(result.summary));
  const c = result.citations;
  if (c.added.length || c.removed.length || c.updated.length) {
    lines.push(`citations: ${[...c.updated.map((u) => `${u.from} → ${u.to}`), ...c.added.map((a) => `+${a}`), ...c.removed.map((r) => `-${r}`)].join(', ')}`);
  }
  const b = result.brackets;
  if (b.resolved.length || b.remaining.length || b.new.length) lines.push(`brackets: ${b.resolved.length} resolved, ${b.remaining.length} remaining, ${b.new.length} new`);
  return lines.join('\n');
}
