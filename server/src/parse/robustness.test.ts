// parseDraft on hostile and random input: it never throws, and every range and offset it returns
// lies inside the text. The parser's own stages are called directly as well, so that a bug is not
// hidden by parseDraft's last-resort catch.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { assembleDraft } from './assemble';
import { collectBlocks } from './blocks';
import { parseDraft } from './index';
import { parseMarkdown } from './markdown';
import { assertModelInvariants, seed } from './testSupport';

/** Fragments that exercise the parser's rules, mixed with arbitrary strings. */
const FRAGMENTS = [
  '1. ', '27. ', '5 bis. ', '(a) ', '(iv) ', 'I. ', 'A. ', 'a. ', '\n', '\n\n', '\r\n', '\r', '# ', '### ', '**', '*', '_', '~~',
  '[', ']', '(', ')', '[^1]', '[^1]: ', '<sup>3</sup>', '<sup>', '</sup>', '¹', '²³', '\\', '&amp;', '&eacute;', '&#x1F600;', '`',
  '```', '> ', '- ', '  - ', '    ', '\t', '| a | b |\n| --- | --- |\n| c | d |', '---', 'A/71/285 ', '16-13509 21/24', 'Select target paragraph3',
  'Migration is a complex phenomenon', 'such other', 'resolution [67/172](#)', 'www.un.org', '<https://undocs.org/A/71/1>', '<b>', '</b>',
  '<!--', '-->', '<div>', 'עברית', 'العربية', '中文的文本', '😀', '\u0000', '\u0007', '\u001b', '\ud800', '\udc00', '\u202e', '\ufeff', ':', ';', '.',
];
const draftLike = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string(), fc.string({ unit: 'binary' })), { maxLength: 80 })
  .map((parts) => parts.join(''));

function parseStrictly(text: string) {
  const model = assembleDraft(text, collectBlocks(parseMarkdown(text), text));
  assertModelInvariants(model);
  return model;
}

describe('robustness', () => {
  test('random draft-like text: no exception, all ranges within the text', () => {
    fc.assert(
      fc.property(draftLike, (text) => {
        parseStrictly(text);
      }),
      { numRuns: 400 },
    );
  });

  test('hostile inputs', () => {
    const inputs = [
      'x'.repeat(10_000),
      `27. ${'word '.repeat(2_000)}`,
      '\u0000\u0001\u0002\u0003\u0008\u000b\u000c\u000e\u001f\u007f',
      '\ud800\udc00\ud800 lone \udfff surrogates \ud83d',
      '[[[[[[[[[[ ]]]] ((((( ]] [^ [^1 <sup><sup>1</sup>',
      '>'.repeat(500) + ' deep quote',
      '- '.repeat(200) + 'deep list',
      '*'.repeat(300) + 'a' + '_'.repeat(300),
      'مرحبا بالعالم. 1. פסקה ראשונה. 2. 第二段。',
      '1. a\n\n'.repeat(300),
      Array.from({ length: 1_500 }, (_, i) => `${i % 997}. The item`).join(' '),
      '¹²³⁴⁵⁶⁷⁸⁹⁰'.repeat(500),
      '<sup>1</sup> '.repeat(300),
      '(a) '.repeat(2_000),
      '\r'.repeat(1_000) + '\n'.repeat(1_000),
      '---\ntitle: x\n',
      '---\ntitle: x\n---',
    ];
    for (const text of inputs) {
      parseStrictly(text);
      assert.equal(parseDraft(text).text, text);
    }
  });

  test('seeds with damage: truncated at every 19997th character, and shuffled blocks', () => {
    const text = seed('A-68-283.md') + seed('GCM-issue-brief-3-2017.md');
    for (let end = 0; end < text.length; end += 19_997) parseStrictly(text.slice(0, end));
    const blocks = text.split('\n\n');
    const shuffled = blocks.map((_, i) => blocks[(i * 7919) % blocks.length]).join('\n\n');
    parseStrictly(shuffled);
  });

  test('parseDraft never throws, even when handed something that is not a string', () => {
    assert.doesNotThrow(() => parseDraft(undefined as unknown as string));
    assert.doesNotThrow(() => parseDraft(42 as unknown as string));
  });
});
