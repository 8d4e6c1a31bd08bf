// The reference grammar: citations of UN documents (and of the draft itself) in a run of plain prose.
//
//   symbols.ts     symbol components as data; reading and normalising "A/RES/71/280", its problems
//   shortForms.ts  "resolution 67/172", "Human Rights Council resolution 35/17", lists (organs: ../vocabulary)
//   dates.ts       "of 6 April 2017", "(18 December 1990)", "entitled “…”" after a citation
//   pinpoints.ts   "paragraph 8", "paras. 89–91", "annex II", "p. 5"; where each number of one is printed, for fixes
//   aliases.ts     registry names ("Sutherland Report") through a trie compiled once per alias list
//   internal.ts    "paragraph 12 above", "footnote 3", "paragraph 7 of the present report"
//   find.ts        the pipeline: candidates → pinpoints before their document → overlaps resolved
//
// Months and insertion words ("5 bis", "5 nonies") come from ../vocabulary, shared with the parser and rules.
//
//   bodies.ts      bodies named in full that publish without UN symbols ("Commission on Narcotic Drugs resolution 65/2")
//   numberedTexts.ts  sales publications ("Sales No. E.96.IV.13"), treaty bodies' general comments by number
// Texts known by body and number without a symbol are references of kind 'numbered' (model.ts).
//
// Deliberate silences (when unsure, say nothing): a bare "67/172" without "resolution"; a bare
// "paragraph 8"; a decision without its organ named ("its decision 71/547"); "resolution NN/NNN" whose organ cannot
// be told ("Council resolution 35/17", "WHO resolution …", GA sessions before the 31st); "resolution
// YYYY/NN" without "Economic and Social Council" or "Commission on Human Rights"; anything inside a URL.
export { findReferences, type GrammarOptions } from './find';
export { parseSymbol, type ParsedSymbol } from './symbols';
export { compileAliases, type AliasEntry, type AliasMatch, type AliasMatcher } from './aliases';
export type { NumberedText, PagePinpoint, Reference, ReferenceKind, SymbolProblem } from './model';
