// The drafting language as data: how paragraphs open and what the words weigh, the Global Compact's
// structure, the drafting snippets and citations in the house style. Features (completion, verb
// hover, snippets, the colours of a draft) read it; scripts/build-snippets.ts writes the editor's
// snippets file from it.
export {
  EXHORTATION_SCALE,
  LEADING_MODIFIERS,
  OPENINGS,
  OPERATIVE_OPENINGS,
  PREAMBULAR_OPENINGS,
  TRAILING_MODIFIERS,
  findOpening,
  type Opening,
  type OpeningPart,
} from './openings';
export {
  GCM_COMMITMENT_NOTE,
  GCM_OBJECTIVES,
  GCM_OBJECTIVE_STRUCTURE,
  GCM_SYMBOL,
  ISSUE_BRIEF_COMMITMENTS_LEAD,
  ISSUE_BRIEF_COMMITMENTS_NOTE,
  type GcmObjective,
} from './gcm';
export { INSERTION_WORDS, openingInLine, type OpeningInLine } from './patterns';
export { DRAFTING_SNIPPETS, SNIPPET_KIND_LABELS, escapeSnippetText, type DraftingSnippet, type SnippetKind } from './snippets';
export {
  CITATION_FORMS,
  citableDocument,
  citationChoices,
  formatCitation,
  shortFormOf,
  type CitableDocument,
  type CitationChoice,
  type CitationChoicesParams,
  type CitationForm,
} from './citations';
