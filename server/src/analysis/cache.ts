import type { Corpus } from '../corpus';
import { IncrementalAnalyzer, type DraftAnalysis } from './analysis';

interface Entry {
  readonly version: number;
  readonly generation: number;
  readonly analysis: DraftAnalysis;
  /** Keeps the pieces and span references of this version, so the next version re-reads only what an edit changed. */
  readonly analyzer: IncrementalAnalyzer;
}

/** One analysis per document version (and corpus generation); every feature reads it. */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  get(uri: string, version: number, text: () => string, corpus: Corpus): DraftAnalysis {
    const cached = this.entries.get(uri);
    if (cached && cached.version === version && cached.generation === corpus.generation) return cached.analysis;
    const analyzer = cached?.analyzer ?? new IncrementalAnalyzer();
    const analysis = analyzer.analyze(text(), corpus);
    this.entries.set(uri, { version, generation: corpus.generation, analysis, analyzer });
    return analysis;
  }

  /** The latest analysis of a document, whatever its version (for counts across the workspace). */
  peek(uri: string): DraftAnalysis | undefined {
    return this.entries.get(uri)?.analysis;
  }

  /**
   * New text arrived: the analysis kept is not for it, whatever its version number says (a client may
   * reuse a number, or reopen without closing). The analyzer stays, so the next analysis is incremental.
   */
  invalidate(uri: string): void {
    const cached = this.entries.get(uri);
    if (cached) this.entries.set(uri, { ...cached, version: Number.NaN });
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
