// The diagnostic rules: one small module each (its code, default severity, and a function from the
// analysis to findings with fixes), its table test beside it through testing.ts's runRuleTable.
// Rules read the analysis, the corpus, ../quotations and ../naming; none imports another rule.
import { alteredAgreedLanguageRule } from './alteredAgreedLanguage';
import { brokenInternalReferenceRule } from './brokenInternalReference';
import { dateMismatchRule } from './dateMismatch';
import { malformedSymbolRule } from './malformedSymbol';
import { noSuchParagraphRule } from './noSuchParagraph';
import { paragraphNumberingRule } from './paragraphNumbering';
import { quoteMismatchRule } from './quoteMismatch';
import type { Rule } from './rule';
import { supersededRule } from './superseded';
import { titleMismatchRule } from './titleMismatch';
import { unbalancedBracketsRule } from './unbalancedBrackets';
import { unknownDocumentRule } from './unknownDocument';

/** Every diagnostic rule, in the order their findings are documented. */
export const ALL_RULES: readonly Rule[] = [
  unknownDocumentRule,
  malformedSymbolRule,
  supersededRule,
  noSuchParagraphRule,
  quoteMismatchRule,
  dateMismatchRule,
  titleMismatchRule,
  brokenInternalReferenceRule,
  paragraphNumberingRule,
  unbalancedBracketsRule,
  alteredAgreedLanguageRule,
];

export type { Fix, Finding, HouseStyle, Rule, RuleContext, Severity, TextEdit } from './rule';
export { DEFAULT_HOUSE_STYLE } from './rule';
export { readDiagnosticsConfig, DEFAULT_DIAGNOSTICS_CONFIG, type DiagnosticsConfig, type RuleLevel } from './config';
export { runRules, type Diagnostic } from './runner';
