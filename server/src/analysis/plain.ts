// Drafts too large to parse as Markdown in the time a request may take (remark reads ~1 MB/s and is
// superlinear on some shapes) are read as plain lines: citations, their resolution and brackets, but
// no sections or numbered paragraphs. Each line's references are kept between versions, keyed by the
// line's text, so an edit re-reads only the lines it touched.

import type { Corpus } from '../corpus';
import type { DraftModel, TextSpan } from '../parse/model';
import { findReferences, type GrammarOptions } from '../references';
import type { Reference } from '../references/model';
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

/** References of one line at offset 0, without internal references (there are no paragraphs to point at). */
type LineReferences = readonly Reference[];

export class PlainLineCache {
  private lines = new Map<string, LineReferences>();
  private corpus: Corpus | undefined;
  private options: GrammarOptions | undefined;
  /** Lines read by the grammar so far (the others came from the previous version). */
  linesRead = 0;

  /** Reads a line, reusing the previous version's answer for an unchanged line. */
  referencesOf(line: string, corpus: Corpus, next: Map<string, LineReferences>): LineReferences {
    if (corpus !== this.corpus) {
      // Aliases come from the corpus: another corpus reads lines differently.
      this.corpus = corpus;
      this.options = { aliases: corpus.aliases() };
      this.lines = new Map();
    }
    let found = next.get(line) ?? this.lines.get(line);
    if (!found) {
      found = findReferences(line, this.options!).filter((ref) => ref.kind !== 'internal');
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

export function analyzePlainDraft(text: string, corpus: Corpus, cache: PlainLineCache = new PlainLineCache()): DraftAnalysis {
  const next = new Map<string, LineReferences>();
  const references: Reference[] = [];
  // Only lines with something to say get a span: a 10 MB draft of identity offsets would not fit.
  const spans: TextSpan[] = [];
  const model: DraftModel = { text, ...EMPTY_MODEL_PARTS, spans };
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end);
    const found = line.trim() ? cache.referencesOf(line, corpus, next) : [];
    if (found.length || line.includes('[') || line.includes(']')) {
      const span = lineSpan(line, start);
      spans.push(span);
      for (const ref of found) references.push(toSourceReference(span, ref));
    }
    start = end + 1;
  }
  cache.replace(next);
  const resolved: ResolvedReference[] = references.map((ref) => ({ ...ref, resolution: resolveReference(ref, corpus, model) }));
  return { model, references: resolved, brackets: analyzeBrackets(spans), corpusGeneration: corpus.generation };
}
