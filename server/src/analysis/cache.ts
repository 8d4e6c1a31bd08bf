import type { Corpus } from '../corpus';
import { analyzeDraft, type DraftAnalysis } from './analysis';

interface Entry {
  readonly version: number;
  readonly generation: number;
  readonly analysis: DraftAnalysis;
}

/** One analysis per document version (and corpus generation); every feature reads it. */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  get(uri: string, version: number, text: () => string, corpus: Corpus): DraftAnalysis {
    const cached = this.entries.get(uri);
    if (cached && cached.version === version && cached.generation === corpus.generation) return cached.analysis;
    const analysis = analyzeDraft(text(), corpus);
    this.entries.set(uri, { version, generation: corpus.generation, analysis });
    return analysis;
  }

  /** The latest analysis of a document, whatever its version (for counts across the workspace). */
  peek(uri: string): DraftAnalysis | undefined {
    return this.entries.get(uri)?.analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
