// The status bar's words (issue 14, points 1 and 6): passages and alternatives counted apart, singulars
// right, nothing about brackets on a file that is not a draft, and the scope item saying which it is.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bracketStatusText, scopeStatusText, type DraftStatus } from './statusText';

const status = (fields: Partial<DraftStatus>): DraftStatus => ({ uri: 'file:///d.md', version: 1, bracketedPassages: 0, unbalancedBrackets: 0, references: 0, ...fields });

describe('status bar text', () => {
  test('"[implement][take into account]" is one passage with two alternatives; one citation is "1 citation"', () => {
    const shown = bracketStatusText(status({ isDraft: true, bracketedPassages: 1, alternatives: 2, references: 1 }))!;
    assert.equal(shown.text, '[ ] 1 bracketed passage, 2 alternatives');
    assert.equal(shown.tooltip, '1 bracketed passage, 2 alternatives of negotiation text in this draft. 1 citation. Click to list the passages.');
    assert.equal(shown.warning, false);
  });

  test('the zero draft of examples/rounds, as the real editor showed it', () => {
    assert.equal(bracketStatusText(status({ isDraft: true, bracketedPassages: 3, alternatives: 6, references: 3 }))!.text, '[ ] 3 bracketed passages, 6 alternatives');
  });

  test('an unclosed bracket warns, and says how many brackets lack a partner', () => {
    const shown = bracketStatusText(status({ isDraft: true, bracketedPassages: 1, alternatives: 2, unbalancedBrackets: 1, references: 9 }))!;
    assert.equal(shown.text, '$(warning) [ ] 1 bracketed passage, 2 alternatives, 1 unbalanced');
    assert.match(shown.tooltip, /; 1 bracket without a partner\. 9 citations\./);
    assert.equal(shown.warning, true);
  });

  test('a README is no draft: no bracket count at all, and the scope item says so with the reason', () => {
    assert.equal(bracketStatusText(status({ isDraft: false, unbalancedBrackets: 1 })), undefined);
    const scope = scopeStatusText({ isDraft: false, draftReason: 'no draft heading, cover page or front matter, and not in compactDrafter.drafts.include' })!;
    assert.equal(scope.text, '$(circle-slash) Not a draft');
    assert.match(scope.tooltip, /^Compact Drafter does not check this file \(no draft heading, cover page or front matter, .*\); citations are still explained on hover\.\nClick to check it as a draft\.$/);
  });

  test('a draft says why it is one; before the server has answered, nothing is shown', () => {
    const scope = scopeStatusText({ isDraft: true, draftReason: 'heading “The General Assembly,”' })!;
    assert.equal(scope.text, '$(law) UN draft');
    assert.equal(scope.tooltip, 'Compact Drafter checks this file as a UN draft: heading “The General Assembly,”.\nClick to stop checking it.');
    assert.equal(scopeStatusText({}), undefined);
  });
});
