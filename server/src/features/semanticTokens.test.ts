// The colours of a draft: table rows of real lines (the example drafts, the Global Compact, adopted
// resolutions), each with the words painted and their token; and the encoding editors read.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDraft } from '../analysis';
import { testCorpus } from '../corpus/testCorpus';
import { SEMANTIC_TOKENS_LEGEND, TOKEN_SCOPES, draftTokens, encodeTokens } from './semanticTokens';

const corpus = testCorpus();
const ROOT = join(__dirname, '..', '..', '..');

/** "Recalling=unOpening.preambular" for each token, in order. */
function painted(text: string): string[] {
  return draftTokens(analyzeDraft(text, corpus)).map((t) => `${text.slice(t.start, t.end)}=${t.type}${t.modifier ? `.${t.modifier}` : ''}`);
}

const rows: readonly { name: string; line: string; expect: readonly string[] }[] = [
  {
    name: 'a preambular paragraph with a short form and its date (flagged-draft.md)',
    line: '*Recalling also* its resolution 71/280 of 6 April 2016 on the modalities for the intergovernmental negotiations,',
    expect: ['Recalling also=unOpening.preambular', 'resolution=unCitation', '71/280=unResolutionNumber'],
  },
  {
    name: 'another organ, and a symbol with a pinpoint',
    line: '*Recalling further* Security Council resolution 2240 (2015) and A/RES/71/1, paragraph 8,',
    expect: ['Recalling further=unOpening.preambular', 'Security=unCitation', 'Council=unCitation', 'resolution=unCitation', '2240 (2015)=unResolutionNumber', 'A/RES/71/1=unSymbol', 'paragraph=unCitation', '8=unPinpointNumber'],
  },
  {
    name: 'an operative paragraph: number, opening, an annex pinpoint and an internal reference',
    line: '1. *Urges* States to implement A/68/283, annex II, paras. 3-5, as set out in paragraph 7 bis above;',
    expect: ['1.=unParagraphNumber', 'Urges=unOpening.operative', 'A/68/283=unSymbol', 'annex=unCitation', 'II=unPinpointNumber', 'paras.=unCitation', '3=unPinpointNumber', '5=unPinpointNumber', 'paragraph=unCitation', '7 bis=unPinpointNumber', 'above=unCitation'],
  },
  {
    name: 'negotiation brackets, their proponent left plain; a footnote marker and a link are Markdown’s',
    line: '2. *Encourages* States to [implement][take into account] the Compact [G77: in full][^1] and [the report](https://undocs.org/A/71/728);',
    expect: ['2.=unParagraphNumber', 'Encourages=unOpening.operative', '[=unBracket', ']=unBracket', '[=unBracket', ']=unBracket', '[=unBracket', ']=unBracket'],
  },
  {
    name: 'the Compact’s own structure (A/RES/73/195, objective 5)',
    line: '## Objective 5: Enhance availability and flexibility of pathways for regular migration\n\n21. We commit to adapt options and pathways for regular migration. To realize this commitment, we will draw from the following actions:',
    expect: ['Objective=unStructure', '5=unPinpointNumber', '21.=unParagraphNumber', 'We commit to=unStructure', 'To realize this commitment, we will draw from the following actions:=unStructure'],
  },
  {
    name: 'texts known by body and number (A/RES/79/172, A/RES/80/229): words and numbers, no symbol',
    line: '*Taking note* of general comment No. 24 (2019) and of Commission on Narcotic Drugs resolution 65/2,',
    expect: ['Taking note=unOpening.preambular', 'general=unCitation', 'comment=unCitation', 'No.=unCitation', '24=unPinpointNumber', '2019=unPinpointNumber', 'Commission=unCitation', 'on=unCitation', 'Narcotic=unCitation', 'Drugs=unCitation', 'resolution=unCitation', '65/2=unResolutionNumber'],
  },
  {
    name: 'prose without citations, openings or negotiation text: nothing painted (a Markdown link text is not a bracket)',
    line: 'The upload is retried three times, and the 2 files in [the folder](./folder) are kept.',
    expect: [],
  },
];

describe('semantic tokens: what a draft’s lines are painted', () => {
  for (const row of rows) {
    test(row.name, () => assert.deepEqual(painted(row.line), row.expect));
  }

  test('the example drafts: every token lies on one citation, opening, number or bracket, none overlapping', () => {
    for (const name of ['flagged-draft.md', 'draft-resolution.md', 'reuse-draft.md']) {
      const text = readFileSync(join(ROOT, 'examples', name), 'utf8');
      const tokens = draftTokens(analyzeDraft(text, corpus));
      assert.ok(tokens.length > 5, `${name}: ${tokens.length} tokens`);
      for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i].start >= tokens[i - 1].end, `${name}: tokens ${i - 1} and ${i} overlap`);
    }
  });
});

describe('semantic tokens: encoding', () => {
  test('relative lines and characters, one token per line when a token runs over a line end', () => {
    const text = '*Recalling* its resolution\n71/280,\n\n1. *Decides* to [act\nnow];\n';
    const document = TextDocument.create('file:///d.md', 'markdown', 1, text);
    const { data } = encodeTokens(draftTokens(analyzeDraft(text, corpus)), document);
    const rows = [];
    for (let i = 0; i < data.length; i += 5) rows.push(data.slice(i, i + 5));
    const type = (name: string) => SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf(name);
    assert.deepEqual(rows, [
      [0, 1, 9, type('unOpening'), 1], // Recalling (preambular)
      [0, 15, 10, type('unCitation'), 0], // resolution
      [1, 0, 6, type('unResolutionNumber'), 0], // 71/280
      [2, 0, 2, type('unParagraphNumber'), 0], // 1.
      [0, 4, 7, type('unOpening'), 2], // Decides (operative)
      [0, 12, 1, type('unBracket'), 0], // [ (16, relative to Decides at 4)
      [1, 3, 1, type('unBracket'), 0], // ]
    ]);
  });

  test('every token type and modifier has its scope in package.json, and package.json no other', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const declared = manifest.contributes.semanticTokenTypes.map((t: { id: string }) => t.id);
    assert.deepEqual(declared, SEMANTIC_TOKENS_LEGEND.tokenTypes);
    assert.deepEqual(manifest.contributes.semanticTokenModifiers.map((m: { id: string }) => m.id), SEMANTIC_TOKENS_LEGEND.tokenModifiers);
    const scopes = Object.fromEntries(
      Object.entries(manifest.contributes.semanticTokenScopes[0].scopes as Record<string, string[]>).map(([selector, [scope]]) => [selector, scope]),
    );
    assert.deepEqual(scopes, TOKEN_SCOPES);
    // Calm emphasis: no scope themes paint as errors or keywords.
    for (const scope of Object.values(TOKEN_SCOPES)) assert.doesNotMatch(scope, /^(?:keyword|invalid)/);
  });
});
