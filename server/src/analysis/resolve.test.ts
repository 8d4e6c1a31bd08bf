import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testCorpus } from '../rules/testing';
import { analyzeDraft } from './analysis';

const statusOf = (text: string, needle: string) => {
  const analysis = analyzeDraft(text, testCorpus());
  const at = text.indexOf(needle);
  const ref = analysis.references.find((r) => r.range.start <= at && at < r.range.end);
  assert.ok(ref, `a reference at "${needle}"`);
  return ref.resolution;
};

const rows: { name: string; text: string; at: string; status: string; paragraphStart?: string; reason?: RegExp }[] = [
  { name: 'a held paragraph', text: 'See A/68/283, para. 90.', at: 'A/68/283', status: 'resolved', paragraphStart: 'States have the power' },
  { name: 'beyond the paragraphs of a full text', text: 'See A/68/283, para. 150.', at: 'A/68/283', status: 'no-such-paragraph', reason: /A\/68\/283 has paragraphs 1–143/ },
  { name: 'an excerpt does not claim the rest of the document', text: 'See A/71/285, para. 20.', at: 'A/71/285', status: 'no-text', reason: /only paragraphs 107–111 of A\/71\/285/ },
  { name: 'a paragraph the excerpt holds', text: 'See A/71/285, para. 109.', at: 'A/71/285', status: 'resolved', paragraphStart: 'Owing to the lack' },
  { name: 'registry only: pinpoint not checked', text: 'resolution 71/280, paragraph 8', at: '71/280', status: 'no-text' },
  { name: 'unknown symbol', text: 'See A/RES/99/999.', at: 'A/RES', status: 'unknown-document' },
  { name: 'no annex in a report', text: 'A/68/283, annex, para. 2', at: 'A/68/283', status: 'no-such-annex' },
  {
    name: 'separate runs: "above" is the nearest above',
    text: '1. Preambular one.\n\n2. Preambular two.\n\n## Operative\n\n1. Operative one.\n\n2. Operative two, as in paragraph 1 above.\n',
    at: 'paragraph 1 above',
    status: 'internal-found',
    paragraphStart: 'Operative one',
  },
  {
    name: 'a footnote is read where its marker stands',
    text: '1. First, see the note.[^1]\n\n2. Second paragraph.\n\n[^1]: See paragraph 2 below.\n',
    at: 'paragraph 2 below',
    status: 'internal-found',
  },
  {
    name: 'a footnote marker after the target: "below" is wrong',
    text: '1. First paragraph.\n\n2. Second, see the note.[^1]\n\n[^1]: See paragraph 1 below.\n',
    at: 'paragraph 1 below',
    status: 'internal-wrong-direction',
  },
];

for (const row of rows) {
  test(`resolve: ${row.name}`, () => {
    const resolution = statusOf(row.text, row.at);
    assert.equal(resolution.status, row.status, resolution.reason);
    if (row.paragraphStart) assert.ok(resolution.paragraphs[0].paragraph?.text.startsWith(row.paragraphStart), resolution.paragraphs[0].paragraph?.text);
    if (row.reason) assert.match(resolution.reason ?? '', row.reason);
  });
}
