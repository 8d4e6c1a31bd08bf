// The hover on a paragraph's opening verb: on real lines of the example drafts, and where it must stay silent.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeDraft } from '../analysis';
import { testCorpus } from '../corpus/testCorpus';
import { verbHoverAt } from './verbHover';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const draft = readFileSync(join(EXAMPLES, 'draft-resolution.md'), 'utf8');
const flagged = readFileSync(join(EXAMPLES, 'flagged-draft.md'), 'utf8');

/** The hover at the first occurrence of `word` in `text` (at its `at`-th character), with the text it covers. */
function hoverOn(text: string, word: string, at = 1, from = 0) {
  const offset = text.indexOf(word, from);
  assert.ok(offset >= 0, word);
  const hover = verbHoverAt(text, offset + at);
  return hover && { ...hover, covers: text.slice(hover.range.start, hover.range.end) };
}

describe('verb hover', () => {
  test('"*Urges*", "Urges" and "urges" at the start of a paragraph or after its number', () => {
    for (const line of ['*Urges* States to act;', 'Urges States to act;', 'urges States to act;', '3. *Urges* States to act;', '5 bis. urges States;', '[4. *Urges*] States;']) {
      const hover = hoverOn(line, 'rges', 0);
      assert.ok(hover, line);
      assert.equal(hover.covers.toLowerCase(), 'urges', line);
      assert.match(hover.markdown, /^\*\*Urges\*\* · operative opening · addresses States and other actors/);
      assert.match(hover.markdown, /stronger than “calls upon” and “encourages”/);
      assert.match(hover.markdown, /Exhortation, weakest to strongest: invites · encourages · calls upon · \*\*urges\*\* · demands/);
    }
  });

  test('the notes say what each verb weighs', () => {
    assert.match(hoverOn('2. *Calls upon* States to ratify', 'Calls')!.markdown, /addresses States/);
    assert.match(hoverOn('6. *Decides* to include', 'Decides')!.markdown, /binding on the body itself/);
    assert.match(hoverOn('3. *Encourages* States', 'Encourages')!.markdown, /weaker than “calls upon” and “urges”/);
    assert.match(hoverOn('*Noting with concern* that', 'concern')!.markdown, /^\*\*Noting with concern\*\* · preambular opening/);
  });

  test('real lines of the example draft: the opening with its modifier', () => {
    const also = hoverOn(draft, '*Recalling also*', 3)!;
    assert.equal(also.covers, 'Recalling also');
    assert.match(also.markdown, /^\*\*Recalling\*\* · preambular opening/);
    assert.equal(hoverOn(draft, '*Recalling further*', 12)!.covers, 'Recalling further');
    assert.equal(hoverOn(draft, '1. *Welcomes*', 5)!.covers, 'Welcomes');
    assert.equal(hoverOn(draft, '*Taking note*', 9)!.covers, 'Taking note');
    assert.equal(hoverOn(flagged, '2. *Invites*', 5)!.covers, 'Invites');
  });

  test('"Also requests" and "Once again urges" are the verb with its modifier', () => {
    assert.equal(hoverOn('7. *Also requests* the Secretary-General', 'requests')!.covers, 'Also requests');
    assert.match(hoverOn('7. *Also requests* the Secretary-General', 'Also')!.markdown, /^\*\*Requests\*\*/);
    assert.equal(hoverOn('*Once again urges* all States', 'urges')!.covers, 'Once again urges');
  });

  test('the Compact’s “We commit to”', () => {
    const hover = hoverOn('17. We commit to strengthen the global evidence base', 'commit')!;
    assert.equal(hover.covers, 'We commit to');
    assert.match(hover.markdown, /non-legally binding, cooperative framework/);
  });

  test('silent inside a sentence, off the verb, and on words that open nothing', () => {
    assert.equal(verbHoverAt('1. *Welcomes* the report and urges States to act', 30), undefined);
    assert.equal(hoverOn('3. *Encourages* States to consider', 'States'), undefined);
    assert.equal(hoverOn('*The General Assembly*,', 'General'), undefined);
    assert.equal(hoverOn('Urgesmore', 'Urges'), undefined);
    assert.equal(verbHoverAt('', 0), undefined);
    assert.equal(verbHoverAt('Urges', 99), undefined);
  });

  test('reads the analysis’ text as well as a string, on any line', () => {
    const corpus = testCorpus();
    const offset = draft.indexOf('*Encourages*') + 2;
    assert.deepEqual(verbHoverAt(analyzeDraft(draft, corpus), offset), verbHoverAt(draft, offset));
    const crlf = 'Title\r\n\r\n1. *Urges* States\r\n';
    assert.equal(hoverOn(crlf, 'Urges')!.covers, 'Urges');
  });

  test('the hover Markdown escapes what it shows', () => {
    const hover = hoverOn('*Takes note with appreciation* of the report', 'Takes')!;
    assert.equal(hover.covers, 'Takes note with appreciation');
    assert.doesNotMatch(hover.markdown, /(?<!\\)[[<`]/);
  });
});
