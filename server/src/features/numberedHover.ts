// The hover of a text known by its body and number, not by a UN document symbol (references kind
// 'numbered'): what the citing text says of it and, plainly, that the registry does not hold it.
// Nothing here is looked up: there is no symbol to look up, and none is made up.
import type { ResolvedReference } from '../analysis';
import type { NumberedText } from '../references';
import { formatDate } from '../naming';
import { escapeMarkdown } from './markdown';

/** "Commission on Narcotic Drugs resolution 65/2", "decision 1/CMA.5", "general comment No. 6 (2005)". */
export function numberedName(numbered: NumberedText): string {
  if (numbered.type === 'publication') return `United Nations publication, Sales No. ${numbered.number}`;
  if (numbered.type === 'general comment' || numbered.type === 'general recommendation') {
    return `${numbered.type} No. ${numbered.number}${numbered.year ? ` (${numbered.year})` : ''}`;
  }
  const series = numbered.body && numbered.number.endsWith(`/${numbered.body}`);
  return series || !numbered.body ? `${numbered.type} ${numbered.number}` : `${numbered.body} ${numbered.type} ${numbered.number}`;
}

function about(numbered: NumberedText): string {
  switch (numbered.type) {
    case 'publication':
      return 'A United Nations sales publication, known here by its sales number.';
    case 'general comment':
    case 'general recommendation':
      return numbered.body
        ? `A ${numbered.type} of the ${escapeMarkdown(numbered.body.replace(/^the\s+/i, ''))}.`
        : `A ${numbered.type} of a treaty body that this sentence does not name.`;
    default:
      // "1/CMA.5": the number names the session of the conference that took the decision.
      return numbered.body && numbered.number.endsWith(`/${numbered.body}`)
        ? `A ${numbered.type} of a conference of parties, numbered in the series of its session ${escapeMarkdown(numbered.body)}.`
        : `A ${numbered.type} of the ${escapeMarkdown(numbered.body ?? 'body named in the text')}, numbered by that body.`;
  }
}

export function numberedHover(ref: ResolvedReference & { numbered: NumberedText }): string {
  const { numbered } = ref;
  const lines = [`**${escapeMarkdown(numberedName(numbered))}**`];
  const title = numbered.title ?? ref.statedTitle?.text;
  if (title) lines.push(`*${escapeMarkdown(title.replace(/\s+/g, ' '))}* (as this text names it)`);
  const facts: string[] = [about(numbered)];
  if (ref.statedDate) facts.push(`Dated ${escapeMarkdown(formatDate(ref.statedDate.iso))} in this text.`);
  lines.push(facts.join(' '));
  if (ref.paragraphs.length) lines.push(`${ref.paragraphs.length > 1 ? 'Paragraphs' : 'Paragraph'} ${escapeMarkdown(ref.paragraphs.join(', '))}: not checked.`);
  lines.push('Not in the registry: it is published without a UN document symbol, so what the draft says of it is not checked.');
  return lines.join('\n\n');
}

/** A general comment the text pairs with its symbol (in brackets, or in the footnote that follows it). */
export function pairedLine(numbered: NumberedText, symbol: string): string {
  const body = numbered.body ? ` of the ${escapeMarkdown(numbered.body)}` : '';
  return `**${escapeMarkdown(numberedName(numbered))}**${body}: its symbol ${escapeMarkdown(symbol)}, as this text gives it.`;
}
