// `compact-drafter brackets FILE [--format text|json]`: the open negotiation brackets of a draft, per
// section and in total, with alternatives and proponents, and the paragraphs agreed ad ref. The JSON
// is part of the CLI's interface: {"passages":[{"range","paragraph","alternatives":[{"text","proponent"}],"nested"}],"adRef","summary"}.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { BracketPassage } from '../brackets/parse';
import { bracketReport, type BracketReport } from '../brackets/report';
import type { CliIo } from './compareCommand';
import { lspRange } from '../text/lspRange';

export const BRACKETS_USAGE = `  compact-drafter brackets [--format text|json] FILE
      List the open negotiation brackets of a draft: passages with their alternatives and proponents,
      per section and in total, and the paragraphs agreed ad ref.`;

export async function bracketsCommand(args: string[], io: CliIo, cwd: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (error) {
    io.err(`compact-drafter: ${(error as Error).message}\n\n${BRACKETS_USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(BRACKETS_USAGE);
    return 0;
  }
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.err(`compact-drafter: brackets --format must be text or json, not "${format}"`);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    io.err(`compact-drafter: brackets takes one file\n\n${BRACKETS_USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0];
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    io.err(`compact-drafter: ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    return 2;
  }
  const report = bracketReport(text);
  io.out(format === 'json' ? JSON.stringify(bracketsJson(report, text), null, 2) : formatBracketsText(report, text, file));
  return 0;
}

export function bracketsJson(report: BracketReport, text: string): unknown {
  const doc = TextDocument.create('draft', 'markdown', 0, text);
  const range = (r: { start: number; end: number }) => lspRange(doc, r);
  const passage = (p: BracketPassage & { paragraph?: string | null; section?: string | null }): unknown => ({
    range: range(p.range),
    ...(p.paragraph !== undefined ? { paragraph: p.paragraph, section: p.section } : {}),
    ...(p.marker ? { marker: p.marker } : {}),
    alternatives: p.alternatives.map((a) => ({ text: a.text, proponent: a.proponent, ...(a.label ? { label: a.label } : {}), ...(a.action ? { action: a.action } : {}) })),
    nested: p.nested.map(passage),
  });
  return {
    passages: report.passages.map(passage),
    adRef: report.adRef,
    unbalanced: report.unmatched.map((u) => ({ bracket: u.bracket, position: doc.positionAt(u.offset) })),
    sections: report.sections,
    summary: report.summary,
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatBracketsText(report: BracketReport, text: string, file: string): string {
  const doc = TextDocument.create('draft', 'markdown', 0, text);
  const lines: string[] = [];
  let section: string | null | undefined;
  for (const p of report.passages) {
    if (p.section !== section && report.sections.length > 1) {
      section = p.section;
      lines.push(`${section ?? '(before the first heading)'}:`);
    }
    const at = doc.positionAt(p.range.start);
    const alternatives = p.alternatives.map((a) => `[${a.label ? `${a.label}: ` : ''}${a.proponent ? `${a.proponent}: ` : ''}${a.text.length > 70 ? `${a.text.slice(0, 69)}…` : a.text}]`).join(' ');
    const nested = p.nested.length ? ` (${plural(p.nested.length, 'nested passage', 'nested passages')})` : '';
    lines.push(`${file}:${at.line + 1}:${at.character + 1}  ${p.paragraph ? `para. ${p.paragraph}` : '—'}  ${p.marker === 'alt' ? 'alternative paragraph: ' : ''}${alternatives}${nested}`);
  }
  for (const u of report.unmatched) {
    const at = doc.positionAt(u.offset);
    lines.push(`${file}:${at.line + 1}:${at.character + 1}  unbalanced “${u.bracket}”`);
  }
  if (report.adRef.length) lines.push(`agreed ad ref: ${report.adRef.map((id) => (/^\d/.test(id) ? `para. ${id}` : id)).join(', ')}`);
  if (report.sections.length > 1) {
    for (const s of report.sections) lines.push(`${s.title ?? '(before the first heading)'}: ${plural(s.passages, 'passage', 'passages')}, ${plural(s.alternatives, 'alternative', 'alternatives')}`);
  }
  lines.push('', `${plural(report.summary.passages, 'bracketed passage', 'bracketed passages')}, ${plural(report.summary.alternatives, 'alternative', 'alternatives')}`);
  return lines.join('\n');
}
