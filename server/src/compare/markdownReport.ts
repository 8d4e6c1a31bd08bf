// The compare as a Markdown report: what `compare --format markdown` prints and what the editor opens
// beside the draft. Paragraph text is the drafters' own, but it is still escaped: a report must not
// turn a bracket or an asterisk of the draft into Markdown syntax. It holds no links: the editor links
// each heading to its paragraph itself (a document link on the heading line, onHeading tells where).
import type { CompareResult, CompareRow } from './compare';
import type { WordDiffPart } from './wordDiff';

export interface MarkdownReportOptions {
  readonly oldName: string;
  readonly newName: string;
  /** Told the 0-based line of each row's heading (rows the report leaves out are not told). */
  readonly onHeading?: (row: CompareRow, line: number) => void;
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
  // A sentence, not a table: the report is read as text beside the draft as often as rendered.
  const lines = [
    `# Compare: ${escapeMarkdown(options.oldName)} → ${escapeMarkdown(options.newName)}`,
    '',
    `${s.oldParagraphs} → ${s.newParagraphs} paragraphs: ${s.unchanged} unchanged, ${s.edited} edited, ${s.moved} moved, ${s.split} split, ${s.merged} merged, ${s.new} new, ${s.deleted} deleted; **${s.strengthened} strengthened, ${s.weakened} weakened**`,
    '',
  ];
  const sub = s.subparagraphs;
  if (sub.oldSubparagraphs || sub.newSubparagraphs) {
    lines.push(`${sub.oldSubparagraphs} → ${sub.newSubparagraphs} sub-paragraphs: ${sub.unchanged} unchanged, ${sub.edited} edited, ${sub.moved} moved, ${sub.split} split, ${sub.merged} merged, ${sub.new} new, ${sub.deleted} deleted; **${sub.strengthened} strengthened, ${sub.weakened} weakened**`, '');
  }
  for (const row of result.paragraphs) {
    if (row.status === 'unchanged' && !row.moved && row.old[0] === row.new[0]) continue;
    const where = row.status === 'new' ? ids(row.new) : row.status === 'deleted' ? ids(row.old) : row.old.join() === row.new.join() ? ids(row.new) : `${ids(row.old)} → ${ids(row.new)}`;
    options.onHeading?.(row, lines.length);
    // Bold lines, not headings: in VS Code, Ctrl+click on a Markdown heading also goes to the heading's
    // own definition, which fought the editor's link to the paragraph (seen in the real editor).
    const labels = row.labels ? ` (${escapeMarkdown(row.labels.join(' + '))})` : '';
    lines.push(`**${STATUS_TITLE[row.status]}${row.status !== 'moved' && row.moved ? ' and moved' : ''}: ${where}${labels}**`, '');
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
