// The vocabulary of word ids is the corpus's: a draft's new words (each word typed, each partial
// word and typo of a long session) get ids for one scan only. They were added for good, and the
// vocabulary grew with every edit (issue 17: memory follows the draft, not its history).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDraft } from '../parse';
import { testCorpus } from '../rules/testing';
import { ReuseIndex } from './index';
import { draftWordList, hashesOf, settleNewWords, vocabularySize, wordList } from './normalise';
import { hashWord } from './fingerprints';
import { scanDraft } from './scan';
import { BoundedScanCache } from './scanCache';

const a68 = testCorpus().documents.find((d) => d.symbol === 'A/68/283')!;

describe('the word vocabulary', () => {
  test('2,000 scans of a paragraph, each with a word never seen, add nothing to it, and still find the source', () => {
    const index = ReuseIndex.build({ documents: [a68] });
    const paragraph = a68.paragraph('11')!.text;
    const cache = new BoundedScanCache();
    const at = paragraph.indexOf(' ', 40);
    scanDraft(parseDraft(`1. ${paragraph}\n`), index, {}, cache);
    const before = vocabularySize();
    for (let i = 0; i < 2_000; i++) {
      const edited = `1. ${paragraph.slice(0, at)} qz${i.toString(36)}x${paragraph.slice(at)}\n`;
      const matches = scanDraft(parseDraft(edited), index, { pruneCache: false }, cache);
      if (i % 500 === 0) assert.ok(matches.some((m) => m.source.symbol === 'A/68/283' && m.source.paragraphs[0] === '11' && m.altered), `edit ${i}: paragraph 11 found, altered`);
    }
    assert.equal(vocabularySize() - before, 0, 'words added to the vocabulary');
  });

  test("a draft's new word hashes as its normalised form, and equals the id a source gives it later", () => {
    const draft = draftWordList(['Recalling the qzzunseenword and qzzunseenword again']);
    assert.ok(draft.newWords.includes('qzzunseenword'), draft.newWords.join(' '));
    const ids = [...draft.words.ids];
    assert.equal(ids[2], ids[4], 'one id for both occurrences');
    assert.ok(ids[2]! < 0, 'not in the vocabulary');
    assert.equal(hashesOf(draft.words.ids, draft.words.length, new Uint32Array(draft.words.length))[2], hashWord('qzzunseenword'));
    // A source read afterwards (an index from the disk cache reads its units' words when first compared).
    const source = wordList(['the qzzunseenword']);
    settleNewWords(draft);
    assert.equal(draft.words.ids[2], source.ids[1]);
    assert.equal(draft.words.ids[4], source.ids[1]);
  });
});
