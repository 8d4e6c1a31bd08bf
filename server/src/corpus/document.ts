import { parseDraft, type DraftModel, type NumberedParagraph } from '../parse';
import type { ModelDiskCache } from './modelCache';
import { readStructure, type TextStructure } from './structure';

export type CorpusLayer = 'bundled' | 'workspace';

/** A document whose text the corpus holds, parsed on first use. */
export class CorpusDocument {
  private parsed: DraftModel | undefined;
  private byLabel: Map<string, NumberedParagraph> | undefined;
  private diskCache: ModelDiskCache | undefined;
  private structureRead: TextStructure | undefined;

  constructor(
    /** The symbol, or for a document without one a name derived from its file. */
    readonly id: string,
    readonly symbol: string | undefined,
    readonly uri: string,
    readonly layer: CorpusLayer,
    /** The file's text; any front matter is blanked out, so offsets still match the file. */
    readonly text: string,
    readonly title?: string,
    readonly date?: string,
  ) {}

  get model(): DraftModel {
    if (!this.parsed) {
      const cached = this.diskCache?.read(this.text);
      this.parsed = cached ?? parseDraft(this.text);
      if (!cached) this.diskCache?.write(this.text, this.parsed);
    }
    return this.parsed;
  }

  /** Parsed models are read from and written to this cache from now on. */
  useDiskCache(cache: ModelDiskCache | undefined): this {
    this.diskCache = cache;
    return this;
  }

  get isParsed(): boolean {
    return this.parsed !== undefined;
  }

  paragraph(label: string): NumberedParagraph | undefined {
    if (!this.byLabel) {
      this.byLabel = new Map();
      for (const paragraph of this.model.paragraphs) {
        if (!this.byLabel.has(paragraph.label)) this.byLabel.set(paragraph.label, paragraph);
      }
    }
    return this.byLabel.get(normaliseParagraphLabel(label));
  }

  /** Annexes and, for the Global Compact, its objectives (structure.ts), read on first use. */
  get structure(): TextStructure {
    this.structureRead ??= readStructure(this.model);
    return this.structureRead;
  }

  /** A paragraph of an annex: "" the first (or only) annex, "II" the second. */
  annexParagraph(annex: string, label: string): NumberedParagraph | undefined {
    const runs = this.structure.runs.slice(1);
    const run = runs.find((r) => r.annex === annex) ?? (annex === '' || annex === 'I' ? runs[0] : undefined);
    const wanted = normaliseParagraphLabel(label);
    return run?.paragraphs.find((p) => p.label === wanted);
  }

  /** Whether the text has that annex ("" any first annex). */
  hasAnnex(annex: string): boolean {
    const runs = this.structure.runs.slice(1);
    return runs.some((r) => r.annex === annex) || ((annex === '' || annex === 'I') && runs.length > 0);
  }

  /**
   * The first and last paragraph numbers of the text's own run, for messages such as "A/68/283 has
   * paragraphs 1–143". An annex that numbers its paragraphs again from 1 (the Pact for the Future's
   * annexes) is not part of it (structure.ts); `paragraph(label)` finds the first paragraph of a number too.
   */
  paragraphSpan(): { first: number; last: number } | undefined {
    const paragraphs = this.structure.runs[0]?.paragraphs ?? this.model.paragraphs;
    if (paragraphs.length === 0) return undefined;
    return { first: paragraphs[0].number, last: paragraphs[paragraphs.length - 1].number };
  }
}

export function normaliseParagraphLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ');
}
