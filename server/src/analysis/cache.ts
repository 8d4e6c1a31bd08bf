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
    // The text is compared too: a client may send new text under a version number it used before.
    if (cached && cached.version === version && cached.generation === corpus.generation && cached.analysis.model.text === text()) return cached.analysis;
    const analyzer = cached?.analyzer ?? new IncrementalAnalyzer();
    const analysis = analyzer.analyze(text(), corpus);
    this.entries.set(uri, { version, generation: corpus.generation, analysis, analyzer });
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
