// Drafts too large to parse as Markdown in the time a request may take (remark reads ~1 MB/s and is
// superlinear on some shapes) are read as plain lines: citations, their resolution and brackets, but
// no sections or numbered paragraphs. Each line's references are kept between versions, keyed by the
// line's text, so an edit re-reads only the lines it touched.

import type { Corpus } from '../corpus';
import type { DraftModel, TextSpan } from '../parse/model';
import { findReferences, type GrammarOptions } from '../references';
import type { DraftAnalysis, ResolvedReference } from './analysis';
import { analyzeBrackets } from './brackets';
import { resolveReference } from './resolve';
import { toSourceReference } from './sourceMap';

/**
 * Beyond this many characters a draft is not analysed at all, and the server says so: even as plain
 * lines, every edit re-resolves every citation and re-runs the rules (a 5 MB draft dense with
 * citations took 4–5 s per edit, 20 MB 17–23 s, blocking every request meanwhile).
 */
export const MAX_ANALYSED_CHARACTERS = 5_000_000;

/** Rules that need the draft's structure (numbered paragraphs, sections): meaningless on plain lines. */
export const STRUCTURAL_RULES: ReadonlySet<string> = new Set(['paragraph-numbering', 'broken-internal-reference']);

const EMPTY_MODEL_PARTS = { sections: [], paragraphs: [], footnotes: [], footnoteMarkers: [] } as const;

/** A line's references at offset 0, resolved (internal references left out: there are no paragraphs to point at). */
type LineReferences = readonly ResolvedReference[];

/**
 * Each line's resolved references, by the line's text, kept from one version to the next: an edit
 * reads and resolves again only the lines it touched. A reference to another document resolves the
 * same wherever its line stands (only internal references depend on the draft, and plain lines have
 * none), so the resolution is kept with it.
 */
export class PlainLineCache {
  private lines = new Map<string, LineReferences>();
  private corpus: Corpus | undefined;
  private options: GrammarOptions | undefined;
  /** Lines read by the grammar so far (the others came from the previous version). */
  linesRead = 0;

  /** Reads a line, reusing the previous version's answer for an unchanged line. */
  referencesOf(line: string, corpus: Corpus, model: DraftModel, next: Map<string, LineReferences>): LineReferences {
    if (corpus !== this.corpus) {
      // Aliases and entries come from the corpus: another corpus reads and resolves lines differently.
      this.corpus = corpus;
      this.options = { aliases: corpus.aliases() };
      this.lines = new Map();
    }
    let found = next.get(line) ?? this.lines.get(line);
    if (!found) {
      found = findReferences(line, this.options!)
        .filter((ref) => ref.kind !== 'internal')
        .map((ref) => ({ ...ref, resolution: resolveReference(ref, corpus, model) }));
      this.linesRead++;
    }
    next.set(line, found);
    return found;
  }

  /** Keeps only the lines of the latest version: memory follows the draft, not its history. */
  replace(next: Map<string, LineReferences>): void {
    this.lines = next;
  }
}

/** Identity offsets: on a plain line, character i of the span is character start + i of the draft. */
function lineSpan(text: string, start: number): TextSpan {
  const sourceOffsets = new Array<number>(text.length + 1);
  for (let i = 0; i <= text.length; i++) sourceOffsets[i] = start + i;
  return { text, sourceOffsets, range: { start, end: start + text.length } };
}

/** Characters read between two pauses of analyzePlainDraftInSteps: some milliseconds of work. */
const STEP_CHARACTERS = 64 * 1024;

/**
 * The plain-line analysis, a step at a time: it yields after each STEP_CHARACTERS of the draft, so
 * the server can answer other requests (and see a cancellation) between steps instead of being
 * deaf for the seconds a multi-megabyte draft takes.
 */
function* plainSteps(text: string, corpus: Corpus, cache: PlainLineCache): Generator<void, DraftAnalysis> {
  const next = new Map<string, LineReferences>();
  const references: ResolvedReference[] = [];
  // Only lines with something to say get a span: a 10 MB draft of identity offsets would not fit.
  const spans: TextSpan[] = [];
  const model: DraftModel = { text, ...EMPTY_MODEL_PARTS, spans };
  let start = 0;
  let stepEnd = STEP_CHARACTERS;
  while (start <= text.length) {
    if (start >= stepEnd) {
      yield;
      stepEnd = start + STEP_CHARACTERS;
    }
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end);
    const found = line.trim() ? cache.referencesOf(line, corpus, model, next) : [];
    if (found.length || line.includes('[') || line.includes(']')) {
      const span = lineSpan(line, start);
      spans.push(span);
      for (const ref of found) references.push(toSourceReference(span, ref) as ResolvedReference);
    }
    start = end + 1;
  }
  cache.replace(next);
  return { model, references, brackets: analyzeBrackets(spans), corpusGeneration: corpus.generation };
}

export function analyzePlainDraft(text: string, corpus: Corpus, cache: PlainLineCache = new PlainLineCache()): DraftAnalysis {
  const steps = plainSteps(text, corpus, cache);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** analyzePlainDraft, awaiting `pause` between steps (the server: a turn of the event loop, and a check for cancellation). */
export async function analyzePlainDraftInSteps(text: string, corpus: Corpus, cache: PlainLineCache, pause: () => Promise<void>): Promise<DraftAnalysis> {
  const steps = plainSteps(text, corpus, cache);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}
