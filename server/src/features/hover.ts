import type { Corpus, RegistryEntry } from '../corpus';
import { describeProvenance } from '../corpus/provenance';
import { referenceAt, type DraftAnalysis, type ResolvedReference } from '../analysis';
import type { OffsetRange } from '../parse/model';
import { entryDisplayDate, entryTitle } from '../language/citations';
import { capitalise, digitalLibrarySearchUrl, formatDate, officialDocumentUrl } from '../naming';
import { successorStatus } from './documentStatus';
import { escapeMarkdown, link, truncate } from './markdown';
import { numberedHover, pairedLine } from './numberedHover';

export interface CitationCounts {
  /** Citations of the symbol in this draft. */
  readonly draft: number;
  /** Citations across the workspace's drafts (this one included), when known. */
  readonly workspace?: { readonly citations: number; readonly files: number };
}

export interface HoverContext {
  readonly corpus: Corpus;
  readonly counts: (symbol: string) => CitationCounts;
}

export interface HoverResult {
  /** Markdown with every piece of corpus or draft text escaped: never to be marked trusted. */
  readonly markdown: string;
  readonly range: OffsetRange;
}

const PARAGRAPH_CHARS = 700;

export function hoverAt(analysis: DraftAnalysis, offset: number, context: HoverContext): HoverResult | undefined {
  const ref = referenceAt(analysis, offset);
  if (!ref) return undefined;
  const markdown =
    ref.kind === 'internal'
      ? internalHover(ref)
      : ref.numbered && !ref.symbol
        ? numberedHover({ ...ref, numbered: ref.numbered })
        : `${ref.numbered ? `${pairedLine(ref.numbered, ref.symbol!)}\n\n` : ''}${documentHover(ref, context)}`;
  return { markdown, range: ref.range };
}

function documentHover(ref: ResolvedReference, context: HoverContext): string {
  const { resolution } = ref;
  const lines: string[] = [];
  const symbol = ref.symbol;
  if (!symbol) {
    lines.push(`**${escapeMarkdown(ref.alias ?? '')}**: not found. ${escapeMarkdown(resolution.reason ?? '')}`);
    return lines.join('\n\n');
  }
  const entry = resolution.entry;
  if (!entry) {
    // A draft known only as what a resolution was adopted from, or by its later revisions: what replaces it is known.
    const status = successorStatus(symbol, context.corpus);
    if (status) lines.push(`**${escapeMarkdown(symbol)}**: no record or text of its own`, status);
    else lines.push(`**${escapeMarkdown(symbol)}**: not found. ${escapeMarkdown(capitalise(resolution.reason ?? 'unknown symbol'))}.`);
    lines.push(`${link('Search the UN Digital Library', digitalLibrarySearchUrl(symbol))} · ${link('Official Document System', officialDocumentUrl(symbol))}`);
    return lines.join('\n\n');
  }
  const facts = entry.registry;
  // The registry's facts, else what the served copy of the text declares: as completion and workspace symbols show it.
  const title = entryTitle(entry);
  lines.push(`**${escapeMarkdown(entry.symbol)}**${ref.alias ? ` (“${escapeMarkdown(ref.alias)}”)` : ''}`);
  if (title) {
    const doubt = facts?.unverified?.includes('title') ? ' (title not verified)' : facts?.titleIsDescription ? ' (description; the document bears no title)' : '';
    lines.push(`*${escapeMarkdown(title)}*${doubt}`);
  } else if (facts?.subject) {
    // The citing texts' words for what it is about, where no title is known: not a title.
    lines.push(`Subject, as other texts state it (its title is not known): ${escapeMarkdown(facts.subject)}`);
  }
  const about: string[] = [];
  if (facts) about.push(`${escapeMarkdown(facts.body)} ${escapeMarkdown(facts.kind)}`);
  const date = entryDisplayDate(entry);
  if (date) about.push(escapeMarkdown(date));
  if (facts?.draft) about.push(`adopted from ${escapeMarkdown(facts.draft)}${facts.unverified?.includes('draft') ? ' (not verified)' : ''}`);
  if (facts?.committee && facts.committee !== 'plenary') about.push(`on the report of the ${escapeMarkdown(facts.committee)}`);
  if (about.length) lines.push(about.join(' · '));
  const names = facts?.aliases?.filter((name) => name !== title);
  if (names?.length) lines.push(`Known as ${names.map((name) => `“${escapeMarkdown(name)}”`).join(', ')}`);
  const status = statusLine(entry.symbol, facts, context.corpus);
  if (status) lines.push(status);
  // Every fact the hover shows, with where it came from: the body and kind on the line above too.
  const shown = ['title', 'subject', 'date', 'body', 'kind', 'draft', ...(facts?.committee !== 'plenary' ? ['committee' as const] : []), 'series', 'aliases'] as const;
  const provenance = facts && describeProvenance(facts, shown);
  if (provenance) lines.push(`*Sources: ${escapeMarkdown(provenance)}*`);
  lines.push(...pinpointLines(ref));
  const counts = context.counts(entry.symbol);
  const workspace = counts.workspace ? ` · ${times(counts.workspace.citations)} in ${counts.workspace.files} workspace ${counts.workspace.files === 1 ? 'draft' : 'drafts'}` : '';
  lines.push(`Cited ${times(counts.draft)} in this draft${workspace}`);
  lines.push(`${link('Official Document System', officialDocumentUrl(entry.symbol))} · ${link('UN Digital Library', digitalLibrarySearchUrl(entry.symbol))}`);
  return lines.join('\n\n');
}

/**
 * What replaces the document, or for a document that recurs (a series) or awaits adoption (a
 * draft), that nothing later is known: "latest known", with how far the registry's knowledge
 * reaches, never a bare "current".
 */
function statusLine(symbol: string, facts: RegistryEntry | undefined, corpus: Corpus): string | undefined {
  const succession = successorStatus(symbol, corpus);
  if (succession) return succession;
  if (!facts?.series && !/\/L\.\d/.test(symbol)) return undefined;
  const reach = corpus.registry.reach;
  const horizon = reach ? ` (the registry’s knowledge reaches session ${reach.newestSession}, ${escapeMarkdown(formatDate(reach.newestDate.slice(0, 7)))})` : '';
  return facts?.series ? `Status: latest known of its series${horizon}` : `Status: no adoption known${horizon}`;
}

function pinpointLines(ref: ResolvedReference): string[] {
  const { resolution } = ref;
  const lines: string[] = [];
  if (ref.pages?.pages.length) lines.push(`Page ${ref.pages.pages.join(', ')} (page numbers are not checked: cite paragraphs where the document has them)`);
  if (resolution.status === 'no-such-paragraph' || resolution.status === 'no-such-annex') {
    lines.push(`✖ ${escapeMarkdown(capitalise(resolution.reason ?? 'pinpoint not found'))}.`);
  }
  if (resolution.status === 'no-text' && ref.paragraphs.length) {
    const annex = ref.annex !== undefined ? `annex${ref.annex ? ` ${ref.annex}` : ''}, ` : '';
    const pinpoint = `${annex}${ref.paragraphs.length > 1 ? 'paragraphs' : 'paragraph'} ${ref.paragraphs.join(', ')}`;
    lines.push(`${escapeMarkdown(capitalise(pinpoint))}: the text of this document is not in the corpus, so the pinpoint is not checked. Add the text to a corpus folder to check it.`);
  }
  const objective = ref.objective && resolution.entry?.document?.structure.objectives.get(ref.objective.number);
  if (objective) lines.push(`Objective ${objective.number}: ${escapeMarkdown(objective.title)} (paragraph ${escapeMarkdown(objective.paragraph.label)} of the Compact)`);
  let quoted = false;
  for (const cited of resolution.paragraphs) {
    if (!cited.paragraph) continue;
    lines.push(`Paragraph ${escapeMarkdown(cited.label)}: “${escapeMarkdown(truncate(cited.paragraph.text, PARAGRAPH_CHARS))}”`);
    quoted = true;
  }
  // A text that is not the drafter's own file nor a bundled one says where its words come from.
  const origin = resolution.entry?.document?.origin;
  if (quoted && origin) lines.push(`*Text from ${escapeMarkdown(origin)}*`);
  return lines;
}

function internalHover(ref: ResolvedReference): string {
  const { resolution } = ref;
  if (resolution.status !== 'internal-found') return `✖ ${escapeMarkdown(capitalise(resolution.reason ?? 'not found'))}.`;
  if (resolution.footnote) return `Footnote ${escapeMarkdown(resolution.footnote.label)}: “${escapeMarkdown(truncate(resolution.footnote.text, PARAGRAPH_CHARS))}”`;
  return resolution.paragraphs
    .map((cited) => `Paragraph ${escapeMarkdown(cited.label)} of this draft: “${escapeMarkdown(truncate(cited.paragraph!.text, PARAGRAPH_CHARS))}”`)
    .join('\n\n');
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
