import { dateMismatchRule } from './dateMismatch';
import { malformedSymbolRule } from './malformedSymbol';
import type { Rule } from './rule';
import { supersededRule } from './superseded';
import { titleMismatchRule } from './titleMismatch';
import { unknownDocumentRule } from './unknownDocument';

/** Every diagnostic rule, in the order their findings are documented. */
export const ALL_RULES: readonly Rule[] = [unknownDocumentRule, malformedSymbolRule, supersededRule, dateMismatchRule, titleMismatchRule];

export type { Fix, Finding, HouseStyle, Rule, RuleContext, Severity, TextEdit } from './rule';
export { DEFAULT_HOUSE_STYLE } from './rule';
export { readDiagnosticsConfig, DEFAULT_DIAGNOSTICS_CONFIG, type DiagnosticsConfig, type RuleLevel } from './config';
export { runRules, type Diagnostic } from './runner';
