// The TextMate grammar injected into Markdown (syntaxes/compact-drafter.injection.tmLanguage.json),
// generated from the language data and the reference grammar's own tables (organs, organ names,
// months) by scripts/build-grammar.ts, so that the editor's colours follow the same words the server
// reads. A highlighter sees one line at a time and nothing of the corpus: it marks what looks like a
// citation; whether it resolves is the diagnostics' business.
import { ORGANS } from '../references/symbols';
import { MONTHS, ORGAN_NAMES } from '../vocabulary';
import { ISSUE_BRIEF_COMMITMENTS_LEAD } from './gcm';
import {
  GCM_ACTIONS_SOURCE,
  GCM_COMMITMENT_SOURCE,
  INSERTION_WORDS,
  PARAGRAPH_NUMBER_SOURCE,
  escapeRegExp,
  openingLeadSource,
  openingPhraseSource,
} from './patterns';

// Two grammars, because they work at two levels of Markdown's structure. The inline grammar marks
// citations, openings and brackets inside paragraphs, headings and table cells: injected there, it never
// competes with Markdown for the start of a paragraph (which would leave the rest of the line without
// Markdown's own scopes). The paragraph-number grammar works at the block level, where Markdown starts
// an ordered list: it takes over Markdown's own list rule to give "1." and "5 bis." a scope of their own.
export const GRAMMAR_SCOPE_NAME = 'text.compact-drafter.injection';
export const PARAGRAPH_NUMBER_GRAMMAR_SCOPE_NAME = 'text.compact-drafter.paragraph-numbers.injection';

/** Inline: Markdown's code, links and comments are left alone. */
const INLINE_EXCLUDED = '-markup.inline.raw -meta.link -markup.underline.link -comment -meta.embedded';
export const INJECTION_SELECTOR = ['meta.paragraph.markdown', 'entity.name.section.markdown', 'markup.table.markdown']
  .map((scope) => `L:${scope} ${INLINE_EXCLUDED}`)
  .join(', ');
/** Block level: anywhere Markdown may start a list, not in code, HTML, front matter, tables or headings. */
export const PARAGRAPH_NUMBER_INJECTION_SELECTOR =
  'L:text.html.markdown -meta.paragraph.markdown -markup.heading -markup.fenced_code -markup.raw -markup.table -meta.embedded -comment';

/**
 * The scopes the grammar gives, for themes and for the tests. None is a `keyword` or `invalid` scope:
 * VS Code's default Light 2026 and Dark 2026 themes paint `keyword` the red of errors (#cf222e,
 * #ff7b72), which made half a preamble look wrong. Openings take `entity.name.function` (purple in
 * the 2026 themes, brown/yellow in Light+/Dark+), the citation words `entity.name.type` (teal),
 * symbols and numbers `constant` (blue/green): calm emphasis in every default theme, high contrast too.
 */
export const SCOPES = {
  /** "A/RES/71/280", "A/C.3/71/L.35/Rev.1", "S/RES/2240 (2015)". */
  documentSymbol: 'constant.other.document-symbol.compact-drafter',
  /** The whole short form: "General Assembly resolution 67/172", "resolutions 70/1 and 71/1". */
  shortForm: 'meta.citation.short-form.compact-drafter',
  /** "General Assembly resolution", "resolutions". */
  shortFormKeyword: 'entity.name.type.citation.compact-drafter',
  /** "67/172", "2240 (2015)". */
  resolutionNumber: 'constant.other.resolution-number.compact-drafter',
  /** The whole pinpoint: "paragraph 17", "paras. 89–91", "annex II", "p. 5", "footnote 1". */
  pinpoint: 'meta.pinpoint.compact-drafter',
  pinpointKeyword: 'entity.name.type.pinpoint.compact-drafter',
  pinpointNumber: 'constant.numeric.pinpoint.compact-drafter',
  preambularOpening: 'entity.name.function.opening.preambular.compact-drafter',
  operativeOpening: 'entity.name.function.opening.operative.compact-drafter',
  /** "1.", "5 bis." opening a paragraph. */
  paragraphNumber: 'constant.numeric.paragraph-number.compact-drafter',
  /** "[consider][take steps towards]": a bracketed passage on one line. */
  negotiationBrackets: 'meta.brackets.negotiation.compact-drafter',
  negotiationBracketOpen: 'punctuation.definition.brackets.negotiation.begin.compact-drafter',
  negotiationBracketClose: 'punctuation.definition.brackets.negotiation.end.compact-drafter',
  gcmObjective: 'entity.name.function.gcm.objective.compact-drafter',
  gcmObjectiveNumber: 'constant.numeric.gcm.objective.compact-drafter',
  gcmCommitment: 'entity.name.function.gcm.commitment.compact-drafter',
  gcmActions: 'entity.name.function.gcm.actions.compact-drafter',
  issueBriefCommitments: 'entity.name.function.issue-brief.commitments.compact-drafter',
} as const;

// Symbols: the organ, then components; at least one component carries a digit ("S/he" is no symbol).
const NOT_GLUED = String.raw`(?<![\p{L}\p{N}_/.\-:@#&=?%~\\])`;
const ORGAN = `(?:${[...ORGANS].sort((a, b) => b.length - a.length).join('|')})`;
const COMPONENT = String.raw`[A-Za-z0-9]{1,10}(?:[.\-][A-Za-z0-9]{1,10})*`;
const DIGIT_COMPONENT = String.raw`[A-Za-z]{0,6}[.\-]?\d{1,5}(?:[.\-][A-Za-z0-9]{1,10})*`;
const SYMBOL = String.raw`${NOT_GLUED}${ORGAN}(?:/${COMPONENT})*?/${DIGIT_COMPONENT}(?:/${COMPONENT})*(?:\*|[ ]?\((?:(?:19|20)\d{2}|[IVXL]{1,7}|Part [IVX]{1,4})\))?`;

// Short forms: the organs whose resolutions have a symbol the reference grammar can tell.
const KNOWN_ORGANS = ORGAN_NAMES.filter(([, organ]) => organ !== 'other').map(([name]) => escapeRegExp(name));
const OTHER_ORGANS = ORGAN_NAMES.filter(([, organ]) => organ === 'other').map(([name]) => escapeRegExp(name));
const HRC_NAMES = ORGAN_NAMES.filter(([, organ]) => organ === 'HRC').map(([name]) => escapeRegExp(name));
const NUMBER_END = String.raw`(?![\p{L}\p{N}_/]|\.\d)`;
const PARTS = String.raw`(?:[ ][A-Z](?:(?:,[ ]?|[ ](?:and|to)[ ]|[ ]?[-–][ ]?)[A-Z])*(?![\p{L}\p{N}])(?=$|[ \t]*[,;:.)\]”’"]|[ \t]+(?:of|and|entitled|on|adopted)\b))?`;
const RESOLUTION_NUMBER = String.raw`(?:E?S-\d{1,2}/\d{1,3}|\d{1,4}[ ]?\((?:19|20)\d{2}\)|\d{1,4}(?:[ ][A-Z])?[ ]?\([IVXL]{1,7}\)|\d{1,4}/\d{1,4}${PARTS})${NUMBER_END}`;
const LIST_SEPARATOR = String.raw`(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)`;

// Pinpoints, as the reference grammar reads them (pinpoints.ts).
const MONTH = MONTHS.join('|');
const NUMBER = String.raw`\d{1,4}(?![\d/]|\.\d|[ \t]+(?:${MONTH})\b)`;
const LABEL = String.raw`${NUMBER}(?:[ \t]?(?:${INSERTION_WORDS.join('|')})\b)?(?:[ \t]?\([a-z]{1,5}\)){0,2}`;
const SEPARATOR = String.raw`(?:[ \t]?,[ \t]?(?:and[ \t]+)?|[ \t]+(?:and|to)[ \t]+|[ \t]?[-–][ \t]?)`;

// A bracketed passage closed on its own line: "[" … "]" with balanced brackets inside, not a link
// ("](…)"), a link definition ("]:"), a footnote reference ("[^1]") or a task box ("[ ]", "[x]").
const BALANCED_TO_CLOSE = String.raw`(?:[^\[\]]|\[(?<inner>(?:[^\[\]]|\[\g<inner>\])*)\])*\]`;

// Only an italicised opening is painted, as UN drafts set them ("*Recalling*", "1. *Decides*"): a
// highlighter cannot tell a draft from a README, and "Requests to the API are retried" is no opening.
// (The server still reads plain openings, in drafts: the verb hover.)
const AT_LINE_START_LEAD = `(?<=^${openingLeadSource(false, 'required')})`;
const AT_PARAGRAPH_START = String.raw`(?<=^[ ]{0,3}(?:\[[ ]?)?(?:${PARAGRAPH_NUMBER_SOURCE}\.[ \t]+)?(?:\[[ ]?)?)`;

type Rule = Record<string, unknown>;

const numbers = (name: string): Rule => ({ patterns: [{ match: String.raw`\d{1,4}(?:[ \t]?(?:${INSERTION_WORDS.join('|')})\b)?(?:[ \t]?\([a-z]{1,5}\)){0,2}`, name }] });

const GENERATED = (file: string) =>
  `Generated by scripts/build-grammar.ts from server/src/language (openings, GCM structure, paragraph numbers) and server/src/references (organs, months): ${file}. Do not edit; run \`node --import tsx scripts/build-grammar.ts\`.`;

/** The block-level grammar: Markdown's ordered-list rule, with the number scoped as a paragraph number ("5 bis." too). */
export function paragraphNumberGrammar(): Rule {
  return {
    $comment: GENERATED('the paragraph-number grammar'),
    scopeName: PARAGRAPH_NUMBER_GRAMMAR_SCOPE_NAME,
    injectionSelector: PARAGRAPH_NUMBER_INJECTION_SELECTOR,
    patterns: [{ include: '#paragraph-number' }],
    repository: {
      'paragraph-number': {
        name: 'markup.list.numbered.markdown',
        begin: String.raw`(^|\G)([ ]{0,3})(${PARAGRAPH_NUMBER_SOURCE}\.)([ \t])`,
        beginCaptures: { '3': { name: `punctuation.definition.list.begin.markdown ${SCOPES.paragraphNumber}` } },
        patterns: [{ include: 'text.html.markdown#block' }, { include: 'text.html.markdown#list_paragraph' }],
        while: String.raw`((^|\G)([ ]{2,4}|\t))|(^[ \t]*$)`,
      },
    },
  };
}

/** The inline grammar: citations, openings, the Compact's structure and negotiation brackets. */
export function injectionGrammar(): Rule {
  return {
    $comment: GENERATED('the inline grammar'),
    scopeName: GRAMMAR_SCOPE_NAME,
    injectionSelector: INJECTION_SELECTOR,
    patterns: [{ include: '#negotiation-brackets' }, { include: '#gcm' }, { include: '#openings' }, { include: '#citations' }],
    repository: {
      'negotiation-brackets': {
        patterns: [
          {
            name: SCOPES.negotiationBrackets,
            begin: String.raw`(\[)(?!\^|[ xX]\][ \t])(?=${BALANCED_TO_CLOSE}(?![(:]))`,
            beginCaptures: { '1': { name: SCOPES.negotiationBracketOpen } },
            end: String.raw`\]`,
            endCaptures: { '0': { name: SCOPES.negotiationBracketClose } },
            // The injection applies inside too (citations, openings, nested brackets); Markdown's inline rules are named here.
            patterns: [{ include: '#negotiation-brackets' }, { include: 'text.html.markdown#inline' }],
          },
          // A passage that runs on to a later line (or is never closed: the diagnostics say which).
          { match: String.raw`\[(?!\^)(?!${BALANCED_TO_CLOSE})`, name: SCOPES.negotiationBracketOpen },
          // The end of such a passage: a "]" with no open "[" before it on the line. (The look-behind walks
          // back over the line: a line of thousands of "]" is slow, as Markdown's own link rules are on
          // thousands of "["; VS Code stops tokenizing a line after 500 ms.)
          { match: String.raw`(?<!\[(?:[^\[\]]|\[[^\[\]]*\])*)\]`, name: SCOPES.negotiationBracketClose },
        ],
      },
      gcm: {
        patterns: [
          {
            match: String.raw`(?<=^[ ]{0,3}(?:#{1,6}[ \t]+)?(?:\*{1,2}|_{1,2})?)(Objective)[ \t]+(\d{1,2})(?=[ \t]*:)`,
            captures: { '1': { name: SCOPES.gcmObjective }, '2': { name: SCOPES.gcmObjectiveNumber } },
          },
          { match: `\\G${AT_PARAGRAPH_START}${GCM_COMMITMENT_SOURCE}`, name: SCOPES.gcmCommitment },
          { match: GCM_ACTIONS_SOURCE, name: SCOPES.gcmActions },
          { match: escapeRegExp(ISSUE_BRIEF_COMMITMENTS_LEAD.replace(/:$/, '')).replace(/ /g, '[ \\t]+'), name: SCOPES.issueBriefCommitments },
        ],
      },
      // An opening starts where Markdown has just opened its paragraph, emphasis or bracket (\G), at the start
      // of the line; anchored so, the patterns cost nothing on the rest of a long line.
      openings: {
        patterns: [
          { match: `\\G(?i)${AT_LINE_START_LEAD}${openingPhraseSource('preambular')}`, name: SCOPES.preambularOpening },
          { match: `\\G(?i)${AT_LINE_START_LEAD}${openingPhraseSource('operative')}`, name: SCOPES.operativeOpening },
        ],
      },
      citations: {
        patterns: [{ include: '#short-form' }, { include: '#document-symbol' }, { include: '#pinpoint' }],
      },
      'document-symbol': { match: SYMBOL, name: SCOPES.documentSymbol },
      'short-form': {
        patterns: [
          {
            name: SCOPES.shortForm,
            match: String.raw`(?<![\p{L}\p{N}])(?:((?:${KNOWN_ORGANS.join('|')})[ \t]+[Rr]esolutions?|(?:${HRC_NAMES.join('|')})[ \t]+[Dd]ecisions?)|(?<!(?:${OTHER_ORGANS.join('|')}|[A-Z]{2,8}|[Dd]raft)[ \t])([Rr]esolutions?))[ \t]+(${RESOLUTION_NUMBER})((?:${LIST_SEPARATOR}${RESOLUTION_NUMBER})*)`,
            captures: {
              '1': { name: SCOPES.shortFormKeyword },
              '2': { name: SCOPES.shortFormKeyword },
              '3': { name: SCOPES.resolutionNumber },
              '4': { patterns: [{ match: RESOLUTION_NUMBER, name: SCOPES.resolutionNumber }] },
            },
          },
        ],
      },
      pinpoint: {
        patterns: [
          {
            name: SCOPES.pinpoint,
            match: String.raw`\b([Pp]ara(?:graphs?\b|s?\.|s?\b))[ \t\u00a0]*(${LABEL}(?:${SEPARATOR}${LABEL})*)(?:[ \t]+(above|below)\b)?`,
            captures: { '1': { name: SCOPES.pinpointKeyword }, '2': numbers(SCOPES.pinpointNumber), '3': { name: SCOPES.pinpointKeyword } },
          },
          {
            name: SCOPES.pinpoint,
            match: String.raw`\b([Ff]ootnotes?|pp?\.|pages?\b)[ \t\u00a0]*(${NUMBER}(?:${SEPARATOR}${NUMBER})*)`,
            captures: { '1': { name: SCOPES.pinpointKeyword }, '2': numbers(SCOPES.pinpointNumber) },
          },
          {
            // "annex II, paragraph 8, of …", "annex to resolution 66/288", "resolution 66/288, annex".
            name: SCOPES.pinpoint,
            match: String.raw`(?:(?<=,[ \t])|\b(?=[Aa]nnex(?:[ \t]+(?:[IVX]{1,6}|\d{1,2}))?(?:,[ \t]*[Pp]ara|[ \t]+(?:to|of)[ \t])))([Aa]nnex)\b(?:[ \t]+([IVX]{1,6}|\d{1,2})\b)?`,
            captures: { '1': { name: SCOPES.pinpointKeyword }, '2': { name: SCOPES.pinpointNumber } },
          },
        ],
      },
    },
  };
}

/** The files as written to syntaxes/ (two-space indentation, a final newline), by file name. */
export function grammarFiles(): Record<string, string> {
  const text = (grammar: Rule) => `${JSON.stringify(grammar, null, 2)}\n`;
  return {
    'compact-drafter.injection.tmLanguage.json': text(injectionGrammar()),
    'compact-drafter.paragraph-numbers.injection.tmLanguage.json': text(paragraphNumberGrammar()),
  };
}
