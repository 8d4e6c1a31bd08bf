import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Marked, type Token } from 'marked';
import { analyzeDraft } from '../analysis';
import { CorpusDocument } from '../corpus';
import { ReuseService } from '../reuse/service';
import { seed, testCorpus } from '../rules/testing';
import { reuseHoverAt } from './reuseHover';

const corpus = testCorpus();

describe('hover over reused agreed language', () => {
  test('A/71/285 paragraph 109: the source paragraph of A/68/283, the score and the words altered', () => {
    const text = seed('A-71-285-excerpt.txt');
    const analysis = analyzeDraft(text, corpus);
    // The excerpt is itself in the corpus: opened from there, it is not its own source.
    const matches = new ReuseService().matches(analysis, corpus, undefined, corpus.lookup('A/71/285')!.document!.uri);
    const p109 = analysis.model.paragraphs.find((p) => p.label === '109')!;
    const hover = reuseHoverAt(matches, p109.range.start + 40)!;
    assert.ok(hover, 'a hover inside paragraph 109');
    assert.match(hover.markdown, /^\*\*Agreed language\*\* from A\/68\/283, paragraph 11 · 97 % the same/);
    assert.match(hover.markdown, /~~trafficking~~/);
    assert.match(hover.markdown, /\*\*the\*\*/);
    assert.match(hover.markdown, /Restore agreed wording/);
    assert.ok(hover.range.start >= p109.range.start && hover.range.end <= p109.range.end);
  });

  test('outside any reused passage there is no hover', () => {
    const text = seed('A-71-285-excerpt.txt');
    const analysis = analyzeDraft(text, corpus);
    assert.equal(reuseHoverAt(new ReuseService().matches(analysis, corpus), 0), undefined);
  });

  test('source words are escaped: a corpus paragraph with links, HTML and URLs renders none', () => {
    const words = 'States shall cooperate on the safe and dignified return of migrants and on their sustainable reintegration in countries of origin with full respect for human rights';
    const hostile = `${words} [x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> https://evil.example and more words at the end of it.`;
    const source = new CorpusDocument('A/72/999', 'A/72/999', 'file:///corpus/A-72-999.md', 'workspace', `1. ${hostile}\n`);
    const hostileCorpus = testCorpus([source]);
    // The draft drops the hostile words: they appear in the hover only as the source's deleted words.
    const draft = `1. ${words} and more words at the end of it.\n`;
    const analysis = analyzeDraft(draft, hostileCorpus);
    const hover = reuseHoverAt(new ReuseService().matches(analysis, hostileCorpus), 10);
    assert.ok(hover, 'the passage is found');
    assert.match(hover.markdown, /A\/72\/999, paragraph 1/);
    const found: string[] = [];
    const walk = (tokens: readonly Token[]) => {
      for (const token of tokens) {
        if (token.type === 'link' || token.type === 'image' || token.type === 'html') found.push(token.raw);
        if ('tokens' in token && token.tokens) walk(token.tokens);
      }
    };
    walk(new Marked({ gfm: true }).lexer(hover.markdown));
    assert.deepEqual(found, [], hover.markdown);
  });
});
