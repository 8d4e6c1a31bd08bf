// The hover over a passage reused from a corpus paragraph: where it comes from, how much of it is
// the same, and the word-level differences. Source words are corpus text: escaped, never trusted.

import type { OffsetRange } from '../parse/model';
import type { DiffPart } from '../reuse/align';
import type { ReuseMatch } from '../reuse/scan';
import { escapeMarkdown } from './markdown';

export interface ReuseHover {
  readonly markdown: string;
  readonly range: OffsetRange;
}

/** Differences shown in the hover; a heavily rewritten passage would otherwise fill the screen. */
const MAX_DIFF_PARTS = 40;

/** The hover of the best match under the offset (and any other sources of the same passage). */
export function reuseHoverAt(matches: readonly ReuseMatch[], offset: number): ReuseHover | undefined {
  const here = matches.filter((m) => m.range.start <= offset && offset <= m.range.end);
  if (here.length === 0) return undefined;
  const closest = [...here].sort((a, b) => b.similarity - a.similarity)[0]!;
  // The passage of consecutive paragraphs it is part of, where there is one: its source paragraphs, differences and range.
  const best = closest.passage ?? closest;
  const lines = [`**Agreed language** from ${sourceName(best)} · ${Math.floor(best.similarity * 100)} % the same`];
  lines.push(best.altered ? `Altered: ${renderDiff(best.diff)}` : 'Repeated word for word (spelling and punctuation aside).');
  if (best.altered) lines.push('*Quick fix: Restore agreed wording.*');
  // A source that is no file of the drafter's (the team corpus) says where its words come from.
  if (best.source.origin) lines.push(`*Text from ${escapeMarkdown(best.source.origin)}*`);
  const others = here.filter((m) => m !== closest && m.source.id !== best.source.id);
  if (others.length) lines.push(`Also in ${others.map((m) => `${sourceName(m)} (${Math.floor(m.similarity * 100)} %)`).join(', ')}`);
  return { markdown: lines.join('\n\n'), range: best.range };
}

function sourceName(match: ReuseMatch): string {
  const name = escapeMarkdown(match.source.symbol ?? decodeURIComponent(match.source.uri.split('/').pop() ?? match.source.id));
  const paragraphs = match.source.paragraphs.map(escapeMarkdown);
  if (paragraphs.length === 1) return `${name}, paragraph ${paragraphs[0]}`;
  if (paragraphs.length > 1) return `${name}, paragraphs ${paragraphs.join(', ')}`;
  return name;
}

/**
 * The draft's words with the source's removed words struck through and its own additions in bold;
 * long unchanged stretches are shortened to their ends.
 */
export function renderDiff(diff: readonly DiffPart[]): string {
  const out: string[] = [];
  let shown = 0;
  for (const part of diff) {
    if (shown++ >= MAX_DIFF_PARTS) {
      out.push('…');
      break;
    }
    // The draft's words as the drafter wrote them (case and punctuation), the source's as removed.
    if (part.op === 'equal') out.push(escapeMarkdown(shorten(part.draftText ?? part.draft ?? part.source ?? '')));
    else if (part.op === 'insert') out.push(`**${escapeMarkdown(part.draftText ?? part.draft ?? '')}**`);
    else if (part.op === 'delete') out.push(`~~${escapeMarkdown(part.source ?? '')}~~`);
    else out.push(`~~${escapeMarkdown(part.source ?? '')}~~ **${escapeMarkdown(part.draftText ?? part.draft ?? '')}**`);
  }
  return out.join(' ');
}

function shorten(words: string): string {
  const list = words.split(' ');
  return list.length <= 8 ? words : `${list.slice(0, 3).join(' ')} … ${list.slice(-3).join(' ')}`;
}
