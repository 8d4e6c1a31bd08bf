export { analyzeDraft, findDraftReferences, referenceAt, type DraftAnalysis, type ResolvedReference } from './analysis';
export { AnalysisCache } from './cache';
export type { CitedParagraph, Resolution, ResolutionStatus } from './resolution';
export { resolveReference } from './resolve';
export type { BracketAnalysis } from './brackets';
