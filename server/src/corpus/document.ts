import { createHash } from 'node:crypto';
import { parseDraft, type DraftModel, type NumberedParagraph } from '../parse';
import { MODEL_BUDGET_CHARS, SizedLru, TEXT_BUDGET_CHARS } from './documentMemory';
import type { ModelDiskCache } from './modelCache';
import { readStructure, type TextStructure } from './structure';

/**
 * Where a text comes from: the user's own corpus folders ('workspace'), the team corpus on
 * PostgreSQL ('team', compactDrafter.corpus.server), the texts bundled with the extension
 * ('bundled'). servedCopy.ts ranks them in that order.
 */
export type CorpusLayer = 'bundled' | 'team' | 'workspace';

/** A document's parsed text and what is derived from it, kept together and let go together. */
interface ParsedState {
  readonly model: DraftModel;
  byLabel?: Map<string, NumberedParagraph>;
  structure?: TextStructure;
}

/** Keyed by the document object: a reloaded corpus has new ones, and the old ones age out. */
const keptModels = new SizedLru<CorpusDocument, ParsedState>(MODEL_BUDGET_CHARS);
const keptTexts = new SizedLru<CorpusDocument, string>(TEXT_BUDGET_CHARS);

/**
 * A text read again from its file when it is needed (documentMemory.ts keeps the recent ones):
 * a corpus of a million paragraphs is not held in the server's memory.
 */
export interface TextOnDemand {
  readonly read: () => string;
  /** The text's length (UTF-16 code units) when it was loaded. */
  readonly length: number;
  /** Hex SHA-256 of the text when it was loaded (what the reuse index compares). */
  readonly contentHash: string;
  /** The text as loaded: kept while recent, not held by the document. */
  readonly loaded?: string;
}

/** A document whose text the corpus holds (or reads on demand), parsed on first use. */
export class CorpusDocument {
  private diskCache: ModelDiskCache | undefined;
  private readonly heldText: string | undefined;
  private readonly onDemand: TextOnDemand | undefined;
  private hash: string | undefined;

  constructor(
    /** The symbol, or for a document without one a name derived from its file. */
    readonly id: string,
    readonly symbol: string | undefined,
    readonly uri: string,
    readonly layer: CorpusLayer,
    /** The file's text (any front matter blanked out, so offsets still match the file), or how to read it. */
    text: string | TextOnDemand,
    readonly title?: string,
    readonly date?: string,
    /** Where a text that is no file of the drafter's comes from, in words: "the team corpus at 127.0.0.1:5432/corpus". */
    readonly origin?: string,
  ) {
    if (typeof text === 'string') this.heldText = text;
    else {
      this.onDemand = { read: text.read, length: text.length, contentHash: text.contentHash };
      this.hash = text.contentHash;
      const loaded = text.loaded;
      if (loaded !== undefined) keptTexts.get(this, loaded.length, () => loaded);
    }
  }

  /** The text: held, or read again from the file (the recent ones are kept). */
  get text(): string {
    if (this.heldText !== undefined) return this.heldText;
    return keptTexts.get(this, this.onDemand!.length, this.onDemand!.read);
  }

  get textLength(): number {
    return this.heldText?.length ?? this.onDemand!.length;
  }

  /** Hex SHA-256 of the text: what the reuse index and the store compare to skip unchanged texts. */
  get contentHash(): string {
    this.hash ??= createHash('sha256').update(this.text).digest('hex');
    return this.hash;
  }

  /** The parsed text with what is derived from it; the recent ones are kept (documentMemory.ts). */
  private get parsedState(): ParsedState {
    return keptModels.get(this, this.textLength, () => {
      const text = this.text;
      const cached = this.diskCache?.read(text);
      const model = cached ?? parseDraft(text);
      if (!cached) this.diskCache?.write(text, model);
      return { model };
    });
  }

  get model(): DraftModel {
    return this.parsedState.model;
  }

  /** Parsed models are read from and written to this cache from now on. */
  useDiskCache(cache: ModelDiskCache | undefined): this {
    this.diskCache = cache;
    return this;
  }

  get isParsed(): boolean {
    return keptModels.has(this);
  }

  paragraph(label: string): NumberedParagraph | undefined {
    const state = this.parsedState;
    if (!state.byLabel) {
      state.byLabel = new Map();
      for (const paragraph of state.model.paragraphs) {
        if (!state.byLabel.has(paragraph.label)) state.byLabel.set(paragraph.label, paragraph);
      }
    }
    return state.byLabel.get(normaliseParagraphLabel(label));
  }

  /** Annexes and, for the Global Compact, its objectives (structure.ts), read on first use. */
  get structure(): TextStructure {
    const state = this.parsedState;
    state.structure ??= readStructure(state.model);
    return state.structure;
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
