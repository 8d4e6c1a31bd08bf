// The hover of a text known by body and number (real strings of adopted resolutions): what the text
// says of it, and plainly that the registry does not hold it; never a made-up symbol or link.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeDraft } from '../analysis';
import { testCorpus } from '../corpus/testCorpus';
import { hoverAt } from './hover';

const corpus = testCorpus();

function hover(draft: string, at: string): string {
  const result = hoverAt(analyzeDraft(draft, corpus), draft.indexOf(at), { corpus, counts: () => ({ draft: 1 }) });
  assert.ok(result, `no hover on ${at}`);
  return result.markdown;
}

describe('hover: texts known by body and number', () => {
  test('a functional commission’s resolution (A/RES/80/229)', () => {
    const markdown = hover('Taking note of Commission on Crime Prevention and Criminal Justice resolution \n25/2 of 27 May 2016 on promoting legal aid,', '25/2');
    assert.match(markdown, /^\*\*Commission on Crime Prevention and Criminal Justice resolution 25\/2\*\*/);
    assert.match(markdown, /Dated 27 May 2016 in this text/);
    assert.match(markdown, /Not in the registry/);
    assert.doesNotMatch(markdown, /A\/RES\/|https?:/);
  });

  test('a conference decision numbered in its session’s series (A/RES/79/202)', () => {
    const markdown = hover('Encourages efforts in this regard, in accordance with decision 1/CMA.5,', '1/CMA.5');
    assert.match(markdown, /^\*\*decision 1\/CMA\.5\*\*/);
    assert.match(markdown, /conference of parties, numbered in the series of its session CMA\.5/);
  });

  test('a sales publication with the title the footnote gives (A/RES/79/155)', () => {
    const markdown = hover(
      '4 Report of the Fourth World Conference on Women, Beijing, 4–15 September 1995 (United \nNations publication, Sales No. E.96.IV.13), chap. I, resolution 1, annexes I and II.',
      'Sales No.',
    );
    assert.match(markdown, /^\*\*United Nations publication, Sales No\. E\.96\.IV\.13\*\*/);
    assert.match(markdown, /\*Report of the Fourth World Conference on Women, Beijing, 4–15 September 1995\* \(as this text names it\)/);
  });

  test('a general comment paired with its symbol by the footnote after it (A/RES/78/187)', () => {
    const draft = 'Taking note of general comment No. 25 (2021) of the Committee on the Rights of the Child regarding the digital environment,32\n\n__________________\n\n32 CRC/C/GC/25.\n';
    const analysis = analyzeDraft(draft, corpus);
    const comment = analysis.references.find((r) => r.kind === 'numbered');
    assert.equal(comment?.symbol, 'CRC/C/GC/25');
    assert.equal(draft.slice(comment.antecedent!.start, comment.antecedent!.end), 'CRC/C/GC/25');
    const markdown = hover(draft, 'No. 25');
    assert.match(markdown, /^\*\*general comment No\. 25 \(2021\)\*\* of the Committee on the Rights of the Child: its symbol CRC\/C\/GC\/25, as this text gives it\./);
  });

  test('no pairing when the footnote gives another number or several documents (A/RES/79/172, footnote 21)', () => {
    const draft = 'and general comments No. 1 (2014) on equal recognition before the law, 21\n\n__________________\n\n21 CRPD/C/GC/1 and CRPD/C/GC/1/Corr.1.\n';
    const comment = analyzeDraft(draft, corpus).references.find((r) => r.kind === 'numbered');
    assert.ok(comment);
    assert.equal(comment.symbol, undefined);
  });

  test('a general recommendation with its committee (A/RES/80/9)', () => {
    const markdown = hover('Committee on the Elimination of \nDiscrimination against Women general recommendation No. 38 (2020) on trafficking', 'No. 38');
    assert.match(markdown, /^\*\*general recommendation No\. 38 \(2020\)\*\*/);
    assert.match(markdown, /A general recommendation of the Committee on the Elimination of Discrimination against Women\./);
  });
});
