// The compare as a Markdown report: what `compare --format markdown` prints and what the editor opens
// beside the draft. Paragraph text is the drafters' own, but it is still escaped: a report must not
// turn a bracket or an asterisk of the draft into Markdown syntax. Links are added only by the caller
// (the editor passes a function that builds its own command link to each paragraph).
import type { CompareResult, CompareRow } from './compare';
import type { WordDiffPart } from './wordDiff';

export interface MarkdownReportOptions {
  readonly oldName: string;
  readonly newName: string;
  /** A link target for a paragraph of the new (or, for a deleted one, the old) round. */
  readonly link?: (row: CompareRow) => string | undefined;
}

/** Escapes what would turn the draft's words into Markdown inside a line: emphasis, links, code, HTML, tables, strikethrough. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|<>~]/g, (c) => `\\${c}`);
}

function diffMarkdown(diff: readonly WordDiffPart[]): string {
  return diff
    .map((d) => {
      if (d.op === 'equal') return escapeMarkdown(d.new ?? '');
      if (d.op === 'insert') return `**${escapeMarkdown(d.new ?? '')}**`;
      if (d.op === 'delete') return `~~${escapeMarkdown(d.old ?? '')}~~`;
      return `~~${escapeMarkdown(d.old ?? '')}~~ **${escapeMarkdown(d.new ?? '')}**`;
    })
    .join(' ');
}

const STATUS_TITLE: Record<CompareRow['status'], string> = {
  unchanged: 'Unchanged',
  edited: 'Edited',
  moved: 'Moved',
  split: 'Split',
  merged: 'Merged',
  new: 'New',
  deleted: 'Deleted',
};

function ids(list: readonly string[]): string {
  return list.map((id) => (/^\d/.test(id) ? `para. ${id}` : id)).join(' + ');
}

export function formatCompareMarkdown(result: CompareResult, options: MarkdownReportOptions): string {
  const s = result.summary;
  const lines = [
    `# Compare: ${escapeMarkdown(options.oldName)} → ${escapeMarkdown(options.newName)}`,
    '',
    `| paragraphs | unchanged | edited | moved | split | merged | new | deleted | strengthened | weakened |`,
    `|---|---|---|---|---|---|---|---|---|---|`,
    `| ${s.oldParagraphs} → ${s.newParagraphs} | ${s.unchanged} | ${s.edited} | ${s.moved} | ${s.split} | ${s.merged} | ${s.new} | ${s.deleted} | ${s.strengthened} | ${s.weakened} |`,
    '',
  ];
  for (const row of result.paragraphs) {
    if (row.status === 'unchanged' && !row.moved && row.old[0] === row.new[0]) continue;
    const where = row.status === 'new' ? ids(row.new) : row.status === 'deleted' ? ids(row.old) : row.old.join() === row.new.join() ? ids(row.new) : `${ids(row.old)} → ${ids(row.new)}`;
    const target = options.link?.(row);
    const title = `${STATUS_TITLE[row.status]}${row.status !== 'moved' && row.moved ? ' and moved' : ''}: ${where}`;
    lines.push(`### ${target ? `[${title}](${target})` : title}`, '');
    if (row.forceChanges.length) {
      const changes = row.forceChanges.map((c) => (row.force ? escapeMarkdown(c.description) : `${escapeMarkdown(c.description)} (${c.force})`));
      lines.push(`**${row.force === 'strengthened' ? 'Strengthened' : row.force === 'weakened' ? 'Weakened' : 'Force changed both ways'}**: ${changes.join('; ')}`, '');
    }
    if (row.status === 'new' || row.status === 'deleted' || row.edited) lines.push(`> ${diffMarkdown(row.diff)}`, '');
  }
  const c = result.citations;
  if (c.added.length || c.removed.length || c.updated.length) {
    lines.push('## Citations', '');
    for (const u of c.updated) lines.push(`- updated: ${escapeMarkdown(u.from)} → ${escapeMarkdown(u.to)}`);
    for (const a of c.added) lines.push(`- added: ${escapeMarkdown(a)}`);
    for (const r of c.removed) lines.push(`- removed: ${escapeMarkdown(r)}`);
    lines.push('');
  }
  const b = result.brackets;
  if (b.resolved.length || b.remaining.length || b.new.length) {
    lines.push('## Brackets', '', `${b.resolved.length} resolved, ${b.remaining.length} remaining, ${b.new.length} new`, '');
    const list = (name: string, passages: typeof b.new) => {
      for (const p of passages) lines.push(`- ${name}${p.paragraph ? ` (${ids([p.paragraph])})` : ''}: ${p.alternatives.map((a) => `[${a.proponent ? `${escapeMarkdown(a.proponent)}: ` : ''}${escapeMarkdown(a.text)}]`).join(' ')}`);
    };
    list('resolved', b.resolved);
    list('new', b.new);
    list('remaining', b.remaining);
  }
  return lines.join('\n');
}
