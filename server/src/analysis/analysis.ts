import type { Corpus } from '../corpus';
import { parseDraft } from '../parse';
import type { DraftModel } from '../parse/model';
import { findReferences, type GrammarOptions } from '../references';
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

const grammarOptionsByCorpus = new WeakMap<Corpus, GrammarOptions>();

function grammarOptions(corpus: Corpus): GrammarOptions {
  let options = grammarOptionsByCorpus.get(corpus);
  if (!options) {
    options = { aliases: corpus.aliases() };
    grammarOptionsByCorpus.set(corpus, options);
  }
  return options;
}

/** The references of a parsed draft, in source ranges, unresolved. */
export function findDraftReferences(model: DraftModel, corpus: Corpus): Reference[] {
  const options = grammarOptions(corpus);
  const references: Reference[] = [];
  for (const span of model.spans) {
    for (const ref of findReferences(span.text, options)) references.push(toSourceReference(span, ref));
  }
  return references.sort((a, b) => a.range.start - b.range.start);
}

export function analyzeDraft(text: string, corpus: Corpus): DraftAnalysis {
  const model = parseDraft(text);
  const references = findDraftReferences(model, corpus).map((ref) => ({ ...ref, resolution: resolveReference(ref, corpus, model) }));
  return { model, references, brackets: analyzeBrackets(model.spans), corpusGeneration: corpus.generation };
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
