// The TextMate grammars injected into Markdown, run as VS Code runs them: vscode-textmate with the
// Oniguruma WebAssembly build, Markdown's own grammar (test/grammar/fixtures) as the host. Each case is
// a real line of the seeds and example drafts, tokenized in its file (so that lists and paragraphs are
// in the state the editor has them), and the exact text each scope covers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { GRAMMAR_SCOPE_NAME, PARAGRAPH_NUMBER_GRAMMAR_SCOPE_NAME, SCOPES, grammarFiles } from '../../server/src/language/grammar';
import { OPENINGS } from '../../server/src/language/openings';

const ROOT = join(__dirname, '..', '..');
const read = (...path: string[]) => readFileSync(join(ROOT, ...path), 'utf8');

const GRAMMAR_FILES: Record<string, string> = {
  'text.html.markdown': join(ROOT, 'test', 'grammar', 'fixtures', 'markdown.tmLanguage.json'),
  [GRAMMAR_SCOPE_NAME]: join(ROOT, 'syntaxes', 'compact-drafter.injection.tmLanguage.json'),
  [PARAGRAPH_NUMBER_GRAMMAR_SCOPE_NAME]: join(ROOT, 'syntaxes', 'compact-drafter.paragraph-numbers.injection.tmLanguage.json'),
};

interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

let markdown: vsctm.IGrammar;
/** Markdown alone, to check that the injections leave its own scopes as they were. */
let markdownAlone: vsctm.IGrammar;

before(async () => {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = GRAMMAR_FILES[scopeName];
      return file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    // As package.json's "injectTo": ["text.html.markdown"] has VS Code do.
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [GRAMMAR_SCOPE_NAME, PARAGRAPH_NUMBER_GRAMMAR_SCOPE_NAME] : undefined),
  });
  markdown = (await registry.loadGrammar('text.html.markdown'))!;
  const alone = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => (scopeName === 'text.html.markdown' ? vsctm.parseRawGrammar(read('test', 'grammar', 'fixtures', 'markdown.tmLanguage.json'), 'markdown.json') : null),
  });
  markdownAlone = (await alone.loadGrammar('text.html.markdown'))!;
});

/** Every line of a file, tokenized in order. */
function tokenize(text: string, grammar = markdown): Token[][] {
  let stack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

const tokenized = new Map<string, Token[][]>();

/** The tokens of the first line of `file` (a seed or example) that contains `needle`. */
function lineOf(file: string, needle: string): Token[] {
  let lines = tokenized.get(file);
  if (!lines) {
    lines = tokenize(read(file));
    tokenized.set(file, lines);
  }
  const line = lines.find((tokens) => tokens.map((t) => t.text).join('').includes(needle));
  assert.ok(line, `${file} has no line with “${needle}”`);
  return line;
}

/** The runs of text a scope covers on a line: consecutive tokens that carry it, joined. */
function covered(tokens: readonly Token[], scope: string): string[] {
  const runs: string[] = [];
  let run: string | undefined;
  for (const token of tokens) {
    if (token.scopes.includes(scope)) run = (run ?? '') + token.text;
    else if (run !== undefined) {
      runs.push(run);
      run = undefined;
    }
  }
  if (run !== undefined) runs.push(run);
  return runs;
}

/** The scopes of the token holding `fragment`. */
function scopesAt(tokens: readonly Token[], fragment: string): readonly string[] {
  const token = tokens.find((t) => t.text.includes(fragment));
  assert.ok(token, fragment);
  return token.scopes;
}

const DRAFT = 'examples/draft-resolution.md';
const FLAGGED = 'examples/flagged-draft.md';
const A68 = 'server/data/corpus/A-68-283.md';
const BRIEF = 'server/data/corpus/GCM-issue-brief-3-2017.md';

describe('the grammar files', () => {
  test('are what scripts/build-grammar.ts generates from the language data', () => {
    for (const [name, text] of Object.entries(grammarFiles())) {
      assert.equal(read('syntaxes', name), text, `syntaxes/${name} is stale: run node --import tsx scripts/build-grammar.ts`);
    }
  });
});

describe('Markdown’s own scopes', () => {
  /** Per character of a line, the scopes that are not ours. */
  const hostScopes = (tokens: readonly Token[]) =>
    tokens.flatMap((t) => Array.from(t.text, () => t.scopes.filter((scope) => !scope.endsWith('.compact-drafter')).join(' ')));

  for (const file of [DRAFT, FLAGGED, A68, BRIEF]) {
    test(`are unchanged on ${file}, except inside negotiation brackets`, () => {
      const injected = tokenize(read(file));
      const alone = tokenize(read(file), markdownAlone);
      injected.forEach((tokens, i) => {
        const bracketed = tokens.flatMap((t) => Array.from(t.text, () => t.scopes.some((scope) => scope.startsWith('meta.brackets.negotiation') || scope.startsWith('punctuation.definition.brackets.negotiation'))));
        const ours = hostScopes(tokens);
        const theirs = hostScopes(alone[i]);
        for (let c = 0; c < ours.length; c++) {
          if (!bracketed[c]) assert.equal(ours[c], theirs[c], `${file}:${i + 1}:${c + 1}`);
        }
      });
    });
  }
});

describe('citations', () => {
  test('"in accordance with paragraph 17 of resolution A/RES/71/280": the symbol, the pinpoint, the short form', () => {
    const line = lineOf(DRAFT, 'in accordance with paragraph 17 of resolution A/RES/71/280');
    assert.deepEqual(covered(line, SCOPES.documentSymbol), ['A/RES/71/280']);
    assert.deepEqual(covered(line, SCOPES.pinpoint), ['paragraph 8', 'paragraph 17']);
    assert.deepEqual(covered(line, SCOPES.pinpointNumber), ['8', '17']);
    assert.deepEqual(covered(line, SCOPES.shortForm), ['resolution 71/280']);
    assert.deepEqual(covered(line, SCOPES.resolutionNumber), ['71/280']);
  });

  test('short forms with their organ, a Security Council year', () => {
    const further = lineOf(DRAFT, '*Recalling further* General Assembly resolution 67/172');
    assert.deepEqual(covered(further, SCOPES.shortForm), ['General Assembly resolution 67/172', 'Human Rights Council resolution 35/17']);
    assert.deepEqual(covered(further, SCOPES.shortFormKeyword), ['General Assembly resolution', 'Human Rights Council resolution']);
    const mindful = lineOf(DRAFT, 'Security Council resolution 2240 (2015)');
    assert.deepEqual(covered(mindful, SCOPES.resolutionNumber), ['2240 (2015)']);
  });

  test('"its resolution 71/1 …, and in particular annex II, paragraph 8, of its resolution A/RES/71/1"', () => {
    const line = lineOf(DRAFT, 'annex II, paragraph 8, of its resolution A/RES/71/1');
    assert.deepEqual(covered(line, SCOPES.shortForm), ['resolution 71/1']);
    assert.deepEqual(covered(line, SCOPES.pinpoint), ['annex II', 'paragraph 8']);
    assert.deepEqual(covered(line, SCOPES.documentSymbol), ['A/RES/71/1']);
    // The title in quotes is no citation.
    assert.ok(!covered(line, SCOPES.documentSymbol).some((run) => run.includes('New York')));
  });

  test('ranges and lists of paragraphs: "paras. 89-91", "paras. 135 and 136"', () => {
    assert.deepEqual(covered(lineOf(DRAFT, 'paras. 89-91'), SCOPES.pinpoint), ['paras. 89-91']);
    assert.deepEqual(covered(lineOf(DRAFT, 'paras. 89-91'), SCOPES.pinpointNumber), ['89', '91']);
    assert.deepEqual(covered(lineOf(DRAFT, 'paras. 135 and 136'), SCOPES.pinpoint), ['para. 115', 'paras. 135 and 136']);
  });

  test('references inside the draft: "paragraph 2 above", "footnote 1"; the footnote marker is no bracket', () => {
    const line = lineOf(DRAFT, 'paragraph 2 above');
    assert.deepEqual(covered(line, SCOPES.pinpoint), ['paragraph 2 above', 'footnote 1']);
    assert.deepEqual(covered(line, SCOPES.negotiationBracketOpen), []);
  });

  test('symbols of every kind the seeds cite', () => {
    assert.deepEqual(covered(lineOf(DRAFT, '(A/HRC/20/24)'), SCOPES.documentSymbol), ['A/HRC/20/24', 'A/HRC/23/46']);
    assert.deepEqual(covered(lineOf(DRAFT, '[^1]: See also'), SCOPES.documentSymbol), ['A/71/285', 'A/68/283']);
    assert.deepEqual(covered(lineOf(A68, '15. In 2002'), SCOPES.documentSymbol), ['A/57/387']);
    const footnote = lineOf(BRIEF, '<sup>23</sup> Sutherland Report, A/71/728, paragraph 72');
    assert.deepEqual(covered(footnote, SCOPES.documentSymbol), ['A/71/728']);
    assert.deepEqual(covered(footnote, SCOPES.pinpoint), ['paragraph 72']);
    // Malformed, but still a symbol (the diagnostics say what is wrong with it).
    assert.deepEqual(covered(lineOf(FLAGGED, 'A/Res/72/244'), SCOPES.documentSymbol), ['A/68/283', 'A/Res/72/244']);
  });

  test('nothing inside links, web addresses and code', () => {
    // "in accordance with Assembly resolution [67/172](#)": the number is a link's text.
    const note = lineOf(A68, 'in accordance with Assembly resolution');
    assert.deepEqual(covered(note, SCOPES.resolutionNumber), []);
    const tokens = tokenize('See [the text](https://undocs.org/A/RES/71/1), `A/RES/71/280` and https://undocs.org/A/RES/72/244.\n\n```\nA/RES/70/1\n```')
      .flat();
    assert.deepEqual(covered(tokens, SCOPES.documentSymbol), []);
  });
});

describe('calm colours', () => {
  // VS Code 1.139's default Light 2026 / Dark 2026 paint keyword red (#cf222e / #ff7b72), Light+ paints
  // string and string.other.link red (#a31515), and every theme paints invalid red: none of ours may be one.
  test('no scope of ours is one the default themes paint as an error', () => {
    for (const scope of Object.values(SCOPES)) assert.doesNotMatch(scope, /^(?:keyword|invalid|string|markup\.deleted|storage)\b/, scope);
  });
});

describe('openings, paragraph numbers and the Compact’s structure', () => {
  test('preambular openings, with their modifiers, keep Markdown’s italics', () => {
    assert.deepEqual(covered(lineOf(DRAFT, '*Recalling* its resolution 71/1'), SCOPES.preambularOpening), ['Recalling']);
    assert.deepEqual(covered(lineOf(DRAFT, '*Recalling also*'), SCOPES.preambularOpening), ['Recalling also']);
    const concern = lineOf(DRAFT, '*Noting with concern*');
    assert.deepEqual(covered(concern, SCOPES.preambularOpening), ['Noting with concern']);
    assert.ok(scopesAt(concern, 'Noting with concern').includes('markup.italic.markdown'));
    assert.deepEqual(covered(lineOf(DRAFT, '*The General Assembly*'), SCOPES.preambularOpening), []);
  });

  test('"1. *Welcomes*": the paragraph number and the operative opening; the rest of the line is still a Markdown paragraph', () => {
    const line = lineOf(DRAFT, '1. *Welcomes*');
    assert.deepEqual(covered(line, SCOPES.paragraphNumber), ['1.']);
    assert.ok(scopesAt(line, '1.').includes('punctuation.definition.list.begin.markdown'));
    assert.deepEqual(covered(line, SCOPES.operativeOpening), ['Welcomes']);
    assert.ok(scopesAt(line, 'the consultations').includes('meta.paragraph.markdown'));
    assert.deepEqual(covered(line, SCOPES.preambularOpening), []);
  });

  test('the same verb inside a sentence is not an opening', () => {
    const line = lineOf(FLAGGED, '2. *Encourages* States to [consider]');
    assert.deepEqual(covered(line, SCOPES.operativeOpening), ['Encourages']);
    assert.ok(!covered(line, SCOPES.operativeOpening).includes('encouraged'));
  });

  test('paragraph numbers of a report: "8." in A/68/283, a numbered sub-heading too', () => {
    assert.deepEqual(covered(lineOf(A68, '8. Migration is a complex phenomenon'), SCOPES.paragraphNumber), ['8.']);
    assert.deepEqual(covered(lineOf(A68, '143. '), SCOPES.paragraphNumber), ['143.']);
  });

  test('every opening of the data is scoped where it opens a paragraph', () => {
    const text = OPENINGS.map((o, i) => (o.part === 'operative' ? `${i + 1}. *${o.phrase}* the text;` : `*${o.phrase}* the text,`)).join('\n\n');
    const lines = tokenize(text).filter((tokens) => tokens.length > 1);
    OPENINGS.forEach((opening, i) => {
      const scope = opening.part === 'operative' ? SCOPES.operativeOpening : SCOPES.preambularOpening;
      assert.deepEqual(covered(lines[i], scope), [opening.phrase], opening.phrase);
    });
  });

  test('an inserted paragraph "5 bis."; a plain (not italicised) verb at the start of a line is no opening', () => {
    const [bis, , plain, , readme] = tokenize('5 bis. *Also requests* the Secretary-General to report;\n\nRecalls that resolution 71/1 is *recent*\n\nRequests to the API are retried; see paragraph 3 below.');
    assert.deepEqual(covered(bis, SCOPES.paragraphNumber), ['5 bis.']);
    assert.deepEqual(covered(bis, SCOPES.operativeOpening), ['Also requests']);
    // A highlighter cannot tell a draft from a README: only the UN's italicised openings are painted.
    assert.deepEqual(covered(plain, SCOPES.operativeOpening), []);
    assert.deepEqual(covered(readme, SCOPES.operativeOpening), []);
    // Markdown still reads the rest of the line: the paragraph and its emphasis.
    assert.ok(scopesAt(plain, 'recent').includes('markup.italic.markdown'));
    assert.deepEqual(covered(plain, SCOPES.shortForm), ['resolution 71/1']);
  });

  test('a GCM objective: the heading, "We commit to", the actions lead', () => {
    const [heading, , commitment, actions] = tokenize(
      '### Objective 1: Collect and utilize accurate and disaggregated data as a basis for evidence-based policies\n\n17. We commit to strengthen the global evidence base.\nTo realize this commitment, we will draw from the following actions:',
    );
    assert.deepEqual(covered(heading, SCOPES.gcmObjective), ['Objective']);
    assert.deepEqual(covered(heading, SCOPES.gcmObjectiveNumber), ['1']);
    assert.ok(scopesAt(heading, 'Objective').includes('markup.heading.markdown'));
    assert.deepEqual(covered(commitment, SCOPES.gcmCommitment), ['We commit to']);
    assert.deepEqual(covered(commitment, SCOPES.paragraphNumber), ['17.']);
    assert.deepEqual(covered(actions, SCOPES.gcmActions), ['To realize this commitment, we will draw from the following actions:']);
  });

  test('the issue brief’s list of commitments', () => {
    const line = lineOf(BRIEF, 'More concretely, Member States could consider');
    assert.deepEqual(covered(line, SCOPES.issueBriefCommitments), [
      'Member States could consider incorporating the following commitments into the GCM with the inclusion of specific benchmarks, timelines and review mechanisms for implementation',
    ]);
  });
});

describe('negotiation brackets', () => {
  test('"[consider][take steps towards]": two passages, each closed', () => {
    const line = lineOf(FLAGGED, '[consider][take steps towards]');
    assert.deepEqual(covered(line, SCOPES.negotiationBrackets), ['[consider][take steps towards]']);
    assert.deepEqual(covered(line, SCOPES.negotiationBracketOpen), ['[', '[']);
    assert.deepEqual(covered(line, SCOPES.negotiationBracketClose), [']', ']']);
    // After the passages, the line is out of the brackets again, its citation still scoped.
    assert.ok(!scopesAt(line, ' ratifying').includes(SCOPES.negotiationBrackets));
    assert.deepEqual(covered(line, SCOPES.documentSymbol), ['A/RES/71/280']);
  });

  test('a passage open at the end of its line: only the bracket is marked', () => {
    const line = lineOf(FLAGGED, '[at its seventy-fourth session;');
    assert.deepEqual(covered(line, SCOPES.negotiationBracketOpen), ['[']);
    assert.deepEqual(covered(line, SCOPES.negotiationBrackets), []);
  });

  test('nested passages, a passage closed on a later line, links and task boxes', () => {
    const [nested, , closing, , links] = tokenize(
      '7. *Requests* the Secretary-General [to report [annually]] on it;\n\nto the Assembly at its next session;]\n\n- [ ] a [link](https://undocs.org/) and [^2]',
    );
    assert.deepEqual(covered(nested, SCOPES.negotiationBrackets), ['[to report [annually]]']);
    assert.deepEqual(covered(nested, SCOPES.negotiationBracketClose), [']]']);
    assert.deepEqual(covered(closing, SCOPES.negotiationBracketClose), [']']);
    assert.deepEqual(covered(links, SCOPES.negotiationBracketOpen), []);
    assert.deepEqual(covered(links, SCOPES.negotiationBracketClose), []);
  });

  test('alternatives inside a bracketed passage: "[[consider][take]] steps"', () => {
    const [line] = tokenize('2. *Encourages* States to [[consider][take]] steps [towards] ratification;');
    assert.deepEqual(covered(line, SCOPES.negotiationBrackets), ['[[consider][take]]', '[towards]']);
    assert.deepEqual(covered(line, SCOPES.negotiationBracketClose), [']', ']]', ']']);
    assert.ok(!scopesAt(line, ' steps ').includes(SCOPES.negotiationBrackets));
  });
});
