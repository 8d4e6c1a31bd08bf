// A corpus text read again (loader.ts) blanks its front matter without parsing the YAML: the same
// text as the first read, which parsed it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blankFrontMatter, readFrontMatter } from './metadata';

test('blankFrontMatter gives the body readFrontMatter gives, offsets kept', () => {
  const texts = [
    '---\nsymbol: A/RES/73/195\ntitle: "Global Compact"\n---\n\n1. Text.\n',
    '---\r\nsymbol: A/79/1\r\n---\r\n1. CRLF text.\r\n',
    '---  \nsymbol: A/79/2\n---',
    'No front matter.\n---\nsymbol: not one\n---\n',
    '',
  ];
  for (const text of texts) {
    const blanked = blankFrontMatter(text);
    assert.equal(blanked, readFrontMatter(text).body, JSON.stringify(text));
    assert.equal(blanked.length, text.length);
  }
});
