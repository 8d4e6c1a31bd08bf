import type { DraftAnalysis } from '../analysis';
import { GCM_COMMITMENT_NOTE } from '../language/gcm';
import { EXHORTATION_SCALE, type Opening } from '../language/openings';
import { GCM_COMMITMENT_SOURCE, openingInLine, openingLeadSource } from '../language/patterns';
import type { OffsetRange } from '../parse/model';
import { escapeMarkdown } from './markdown';

export interface VerbHover {
  /** Markdown built from the language data (escaped all the same): never to be marked trusted. */
  readonly markdown: string;
  readonly range: OffsetRange;
}

const PART_LABELS = { preambular: 'preambular opening', operative: 'operative opening' } as const;

/** The note on an opening's force, as Markdown: for the hover and for completion documentation. */
export function describeOpening(opening: Opening): string {
  const head = [`**${escapeMarkdown(opening.phrase)}**`, PART_LABELS[opening.part]];
  if (opening.addresses) head.push(`addresses ${escapeMarkdown(opening.addresses)}`);
  const lines = [head.join(' · '), escapeMarkdown(opening.note)];
  if (opening.exhortation !== undefined) {
    const scale = EXHORTATION_SCALE.map((o) => {
      const word = escapeMarkdown(o.phrase.toLowerCase());
      return o === opening ? `**${word}**` : word;
    });
    lines.push(`Exhortation, weakest to strongest: ${scale.join(' · ')}`);
  }
  return lines.join('\n\n');
}

const COMMITMENT_AT_LINE_START = new RegExp(String.raw`^(${openingLeadSource()})(${GCM_COMMITMENT_SOURCE})`, 'u');

/** The line of `text` holding `offset`: its start and its text (without a trailing CR). */
function lineAt(text: string, offset: number): { start: number; line: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const line = text.slice(start, newline < 0 ? text.length : newline);
  return { start, line: line.endsWith('\r') ? line.slice(0, -1) : line };
}

/**
 * The hover on the opening of a paragraph ("*Urges*", "12. *Also requests*", "urges" at the start of
 * a line, the Compact's "We commit to"): what the words weigh. Only at a paragraph's start, where
 * they open it; the same verb inside a sentence is just a verb.
 */
export function verbHoverAt(input: DraftAnalysis | string, offset: number): VerbHover | undefined {
  const text = typeof input === 'string' ? input : input.model.text;
  if (offset < 0 || offset > text.length) return undefined;
  const { start: lineStart, line } = lineAt(text, offset);
  const within = (range: OffsetRange) => lineStart + range.start <= offset && offset < lineStart + range.end;
  const found = openingInLine(line);
  if (found) {
    if (!within(found.range)) return undefined;
    return { markdown: describeOpening(found.opening), range: { start: lineStart + found.range.start, end: lineStart + found.range.end } };
  }
  const commitment = COMMITMENT_AT_LINE_START.exec(line);
  if (commitment) {
    const range = { start: commitment[1].length, end: commitment[1].length + commitment[2].length };
    if (!within(range)) return undefined;
    return {
      markdown: [`**${escapeMarkdown(commitment[2])}** · commitment of the Global Compact for Migration`, escapeMarkdown(GCM_COMMITMENT_NOTE)].join('\n\n'),
      range: { start: lineStart + range.start, end: lineStart + range.end },
    };
  }
  return undefined;
}
