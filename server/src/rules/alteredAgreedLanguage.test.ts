import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ReuseIndex } from '../reuse/index';
import { createAlteredAgreedLanguageRule } from './alteredAgreedLanguage';
import { applyFix, assertFixTouchesOnlyFlaggedText, check, seed, testCorpus } from './testing';

const corpus = testCorpus();
const a68 = corpus.documents.find((d) => d.symbol === 'A/68/283')!;
const index = ReuseIndex.build({ documents: [a68] });
const rule = createAlteredAgreedLanguageRule(() => index);

describe('altered-agreed-language', () => {
  test('A/71/285 paragraphs 109 and 110', () => {
    const text = seed('A-71-285-excerpt.txt');
    const findings = check(rule, text);
    assert.equal(findings.length, 2);
    assert.equal(findings[0].message, 'Adapted from A/68/283, paragraph 11 (97 % the same): 1 word added, 1 removed.');
    assert.match(findings[1].message, /^Adapted from A\/68\/283, paragraph 90 \(93 % the same\): 3 words changed, 2 added, 2 removed\.$/);
  });
  test('the fix restores the agreed wording exactly', () => {
    const p90 = a68.paragraph('90')!.text;
    const text = `# Draft\n\n1. ${p90.replace('was more', 'were more').replace('giving up', 'surrendering')}\n`;
    const [finding] = check(rule, text);
    assert.equal(finding.message, 'Adapted from A/68/283, paragraph 90 (97 % the same): 2 words changed, 1 removed.');
    const fix = finding.fixes[0];
    assert.equal(fix.title, 'Restore agreed wording');
    assertFixTouchesOnlyFlaggedText(text, finding, fix);
    const fixed = applyFix(text, fix);
    assert.equal(fixed, `# Draft\n\n1. ${p90}\n`);
    assert.deepEqual(check(rule, fixed), []);
  });
  test('issue 14: restoring "*Notes* that, owing to …" keeps the draft’s lower-case "owing" and its closing semicolon', () => {
    const p11 = a68.paragraph('11')!.text;
    assert.match(p11, /^Owing to/);
    const altered = p11.replace(/^Owing/, 'owing').replace('smuggling of migrants, trafficking', 'smuggling of migrants and trafficking').replace(/\.$/, '');
    const text = `# Draft\n\n1. *Notes* that, ${altered};\n`;
    const [finding] = check(rule, text);
    assert.ok(finding, 'the altered copy is flagged');
    const fixed = applyFix(text, finding.fixes[0]);
    assertFixTouchesOnlyFlaggedText(text, finding, finding.fixes[0]);
    assert.match(fixed, /^# Draft\n\n1\. \*Notes\* that, owing to the lack of a comprehensive framework/);
    assert.match(fixed, /;\n$/);
    assert.doesNotMatch(fixed, /\.;|Owing/);
    assert.deepEqual(check(rule, fixed), []);
  });
  test('no index, no findings; verbatim reuse is not flagged', () => {
    assert.deepEqual(check(createAlteredAgreedLanguageRule(() => undefined), seed('A-71-285-excerpt.txt')), []);
    assert.deepEqual(check(rule, `1. ${a68.paragraph('11')!.text}\n`), []);
  });
});
