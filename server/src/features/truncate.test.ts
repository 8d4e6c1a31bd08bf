// Titles shortened for the completion list and hovers end at a word, never inside one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bundledRegistry } from '../corpus';
import { truncate } from './markdown';

describe('truncate', () => {
  test('every registry title cut at 30 and 80 characters ends with a whole word of the title', () => {
    const titles = [...bundledRegistry().all()].map((entry) => entry.title).filter((title): title is string => !!title);
    assert.ok(titles.length > 20);
    for (const max of [30, 80]) {
      for (const title of titles) {
        const short = truncate(title, max);
        if (short === title.replace(/\s+/g, ' ').trim()) continue;
        const kept = short.replace(/ …$/, '');
        const words = title.replace(/\s+/g, ' ').split(' ');
        const keptWords = kept.split(' ');
        const last = keptWords.at(-1)!;
        assert.ok(words[keptWords.length - 1]!.startsWith(last) && /[\p{L}\p{N})”’.]$/u.test(last), `${max}: “${short}” from “${title}”`);
        assert.equal(words[keptWords.length - 1]!.replace(/[,;:]$/, ''), last.replace(/[,;:]$/, ''), `${max}: “${short}” breaks a word of “${title}”`);
      }
    }
  });
  test('a first word longer than the limit is kept whole', () => {
    assert.equal(truncate('Intergovernmental negotiations', 10), 'Intergovernmental …');
  });
});
