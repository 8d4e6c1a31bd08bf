import type { Corpus } from '../corpus';
import { parseDraft } from '../parse';
import { IncrementalParser, type IncrementalOptions } from '../parse/incremental';
import type { DraftModel } from '../parse/model';
import { findReferences, type GrammarOptions } from '../references';
import { ibidReferences } from '../references/ibid';
import { pairCommentsWithFootnotes } from '../references/footnotePairs';
import type { Reference } from '../references/model';
import { analyzeBrackets, type BracketAnalysis } from './brackets';
import type { Resolution } from './resolution';
import { resolveReference } from './resolve';
import { toSourceReference } from './sourceMap';

export interface ResolvedReference extends Reference {
  readonly resolution: Resolution;
}

/** Everything the features need about one version of a draft, computed once. */
export interface DraftAnalysis {
  readonly model: DraftModel;
  /** In document order. */
  readonly references: readonly ResolvedReference[];
  readonly brackets: BracketAnalysis;
  readonly corpusGeneration: number;
}

function grammarOptions(corpus: Corpus): GrammarOptions {
  return { aliases: corpus.aliases() };
}

/** The references of a parsed draft, in source ranges, unresolved. `inSpan` reads one span's text (a cache may answer). */
export function findDraftReferences(
  model: DraftModel,
  corpus: Corpus,
  inSpan: (text: string) => readonly Reference[] = (text) => findReferences(text, grammarOptions(corpus)),
): Reference[] {
  const references: Reference[] = [];
  for (const span of model.spans) {
    for (const ref of inSpan(span.text)) references.push(toSourceReference(span, ref));
  }
  references.sort((a, b) => a.range.start - b.range.start);
  // General comments whose footnote gives their symbol ("…,32" / "32 CRC/C/GC/25.") take it.
  const paired = pairCommentsWithFootnotes(model.text, references);
  references.splice(0, references.length, ...paired);
  const ibid = ibidReferences(model.text, references);
  if (ibid.length === 0) return references;
  // An "Ibid." already read as part of another reference is not read twice.
  const fresh = ibid.filter((i) => !references.some((r) => r.range.start < i.range.end && i.range.start < r.range.end));
  return [...references, ...fresh].sort((a, b) => a.range.start - b.range.start);
}

function analyzeModel(model: DraftModel, corpus: Corpus, references: readonly Reference[]): DraftAnalysis {
  const resolved = references.map((ref) => ({ ...ref, resolution: resolveReference(ref, corpus, model) }));
  return { model, references: resolved, brackets: analyzeBrackets(model.spans), corpusGeneration: corpus.generation };
}

export function analyzeDraft(text: string, corpus: Corpus): DraftAnalysis {
  const model = parseDraft(text);
  return analyzeModel(model, corpus, findDraftReferences(model, corpus));
}

/**
 * Analyses successive versions of one document, each equal to analyzeDraft's: remark reads only the
 * pieces of the draft an edit touched (parse/incremental.ts), and the grammar only spans whose text
 * is new (a span's references depend on nothing but its text and the corpus's names).
 */
export class IncrementalAnalyzer {
  private readonly parser: IncrementalParser;
  private corpus: Corpus | undefined;
  private spanReferences = new Map<string, readonly Reference[]>();
  /** Spans the grammar read in the last analysis (the others were read before), for tests and the bench. */
  spansRead = 0;

  constructor(options: IncrementalOptions = {}) {
    this.parser = new IncrementalParser(options);
  }

  analyze(text: string, corpus: Corpus): DraftAnalysis {
    const model = this.parser.parse(text);
    if (corpus !== this.corpus) {
      // Names (aliases) come from the corpus: another corpus reads spans differently.
      this.corpus = corpus;
      this.spanReferences = new Map();
    }
    const previous = this.spanReferences;
    const current = new Map<string, readonly Reference[]>();
    const options = grammarOptions(corpus);
    this.spansRead = 0;
    const references = findDraftReferences(model, corpus, (spanText) => {
      let found = current.get(spanText) ?? previous.get(spanText);
      if (!found) {
        found = findReferences(spanText, options);
        this.spansRead++;
      }
      current.set(spanText, found);
      return found;
    });
    // Only the spans of the latest version are kept: memory follows the draft, not its history.
    this.spanReferences = current;
    return analyzeModel(model, corpus, references);
  }

  /** What the parser did for the last version. */
  get parseStats() {
    return this.parser.lastStats;
  }
}

/** The reference under an offset, the innermost when citations nest. */
export function referenceAt(analysis: DraftAnalysis, offset: number): ResolvedReference | undefined {
  let best: ResolvedReference | undefined;
  for (const ref of analysis.references) {
    if (ref.range.start > offset) break;
    if (offset <= ref.range.end && (!best || ref.range.end - ref.range.start < best.range.end - best.range.start)) best = ref;
  }
  return best;
}
