// What an importer reads out of a PDF or Word file, before it is written as a Markdown corpus text.
// Both importers produce this; `markdown.ts` writes it; the parser (server/src/parse) then reads the
// Markdown like any other corpus text.

/** A piece of a block's text: words, or the marker of a footnote standing there. */
export type Inline = { readonly text: string; readonly revision?: Revision } | { readonly footnote: string };

/** A tracked change kept visible (Word import of a draft): inserted or deleted text. */
export type Revision = 'ins' | 'del';

export type BlockKind =
  /** Running text: a preambular paragraph, a numbered paragraph ("6. We …"), a sub-paragraph ("(a) …"). */
  | 'text'
  /** A heading line ("I. Introduction", "Action 1. …"): written as its own block. */
  | 'heading'
  /** "Annex", "Annex I": starts an annex, whose paragraphs are numbered on their own. */
  | 'annex'
  /** An item of a numbered list inside a paragraph (the Global Digital Compact's objectives "1. …" under its paragraph 7). */
  | 'item'
  /** The dateline after the operative part ("48th plenary meeting / 18 December 2023"). */
  | 'dateline';

export interface Block {
  readonly kind: BlockKind;
  readonly inlines: Inline[];
}

export interface Footnote {
  /** As printed: "1", "12", "*". */
  readonly label: string;
  readonly inlines: Inline[];
}

/** What the cover page and heading say about the document; every field only where it is printed. */
export interface ImportedMetadata {
  symbol?: string;
  title?: string;
  /** Adoption date for a resolution ("Resolution adopted by the General Assembly on …"), else the date of issue. */
  date?: string;
  /** The date of issue under "Distr.: …". */
  issued?: string;
  body?: string;
  session?: string;
  agendaItem?: string;
  agendaTitle?: string;
  /** The note on the agenda item ("* A/80/150.": the provisional agenda's symbol). */
  agendaNote?: string;
  committee?: string;
  distribution?: string;
}

export interface ImportedDocument {
  readonly meta: ImportedMetadata;
  readonly blocks: Block[];
  readonly footnotes: Footnote[];
  /** Things the importer noticed and could not settle (a footnote marker without its text, …). */
  readonly warnings: string[];
}

/** A file that cannot be imported, with a reason a drafter can act on. Nothing is written for it. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => ('text' in inline ? inline.text : '')).join('');
}
