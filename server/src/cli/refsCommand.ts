import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DraftAnalysis, ResolvedReference } from '../analysis';
import type { NumberedText } from '../references';
import { numberedName } from '../features/numberedHover';
import { visibleText } from '../text/invisible';
import { lspRange } from '../text/lspRange';

/** One reference as `compact-drafter refs --format json` prints it (0-based LSP positions). */
export interface ReferenceRecord {
  file: string;
  text: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  kind: ResolvedReference['kind'];
  symbol: string | null;
  annex: string | null;
  paragraphs: string[];
  /** For internal references to a footnote ("footnote 3"). */
  footnote: string | null;
  pages: number[];
  resolved: boolean;
  status: string;
  title: string | null;
  date: string | null;
  paragraphText: string | null;
  /** For kind 'numbered': the body, number and kind of text, as the citing text says them. */
  numbered: NumberedText | null;
}

const RESOLVED = new Set(['resolved', 'no-text', 'internal-found']);

export function referenceRecords(file: string, text: string, analysis: DraftAnalysis): ReferenceRecord[] {
  const document = TextDocument.create(file, 'markdown', 0, text);
  return analysis.references.map((ref) => {
    const { resolution } = ref;
    const facts = resolution.entry?.registry;
    const held = resolution.entry?.document;
    const found = resolution.paragraphs.flatMap((p) => (p.paragraph ? [p.paragraph.text] : []));
    if (resolution.footnote) found.push(resolution.footnote.text);
    return {
      file,
      text: text.slice(ref.range.start, ref.range.end),
      range: lspRange(document, ref.range),
      kind: ref.kind,
      symbol: ref.symbol ?? null,
      annex: ref.annex ?? null,
      paragraphs: ref.internalTarget === 'footnote' ? [] : [...ref.paragraphs],
      footnote: ref.internalTarget === 'footnote' ? (ref.paragraphs[0] ?? null) : null,
      pages: [...(ref.pages?.pages ?? [])],
      resolved: RESOLVED.has(resolution.status),
      status: resolution.status,
      // Corpus and registry text is untrusted: printed without its invisible characters (text/invisible.ts).
      title: visibleOrNull(facts?.title ?? held?.title),
      // The registry's date exactly as the facts give it (ISO, or a year where the day is unknown).
      date: facts ? (facts.unverified?.includes('date') ? facts.date.slice(0, 4) : facts.date) : (held?.date ?? null),
      paragraphText: found.length ? visibleText(found.join('\n\n')) : null,
      numbered: ref.numbered ?? null,
    };
  });
}

/** A table a person can read in a terminal. */
export function formatReferenceTable(records: readonly ReferenceRecord[]): string {
  const rows = records.map((r) => [
    `${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}`,
    r.kind,
    r.symbol ?? (r.kind === 'internal' ? '(this draft)' : r.numbered ? numberedName(r.numbered) : '?'),
    pinpoint(r),
    r.resolved ? 'ok' : r.status,
    r.title ? `${truncate(r.title, 60)}${r.date ? ` (${r.date})` : ''}` : '',
  ]);
  const header = ['where', 'kind', 'symbol', 'pinpoint', 'status', 'title'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line), '', `${records.length} references, ${records.filter((r) => !r.resolved).length} unresolved`].join('\n');
}

function pinpoint(r: ReferenceRecord): string {
  const parts: string[] = [];
  if (r.annex !== null) parts.push(r.annex ? `annex ${r.annex}` : 'annex');
  if (r.paragraphs.length) parts.push(`${r.paragraphs.length > 1 ? 'paras.' : 'para.'} ${r.paragraphs.join(', ')}`);
  if (r.footnote) parts.push(`footnote ${r.footnote}`);
  if (r.pages.length) parts.push(`p. ${r.pages.join(', ')}`);
  return parts.join(', ');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function visibleOrNull(text: string | null | undefined): string | null {
  return text === undefined || text === null ? null : visibleText(text);
}
