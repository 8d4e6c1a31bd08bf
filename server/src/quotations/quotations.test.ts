import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeDraft } from '../analysis';
import { listLabels } from '../naming';
import { testCorpus } from '../rules/testing';
import { attributedQuotations, closestWording, quotationIn } from '.';

// A/68/283, paragraph 8 (the part the tables quote).
const SOURCE =
  'States have created international frameworks for such other global issues, recognizing the advantages of regulation at the international level, but despite the existence of legal frameworks on migration issues, a comprehensive framework for migration governance is still lacking. Certain aspects of migration are more frequently discussed at the bilateral and multilateral levels.';

const matching: readonly { readonly name: string; readonly quotation: string; readonly found: boolean }[] = [
  { name: 'exact', quotation: 'despite the existence of legal frameworks on migration issues', found: true },
  { name: 'line break and doubled spaces', quotation: 'despite the existence of legal\nframeworks  on migration issues', found: true },
  { name: 'first letter capitalised', quotation: 'Despite the existence of legal frameworks', found: true },
  { name: 'first letter lower-cased', quotation: 'states have created international frameworks', found: true },
  { name: 'another letter’s case is not forgiven', quotation: 'despite the Existence of legal frameworks', found: false },
  { name: 'a closing full stop', quotation: 'a comprehensive framework for migration governance is still lacking.', found: true },
  { name: 'a closing full stop the source has not', quotation: 'the advantages of regulation.', found: true },
  { name: 'elision “…”', quotation: 'despite the existence … still lacking', found: true },
  { name: 'elision "..."', quotation: 'despite the existence ... still lacking', found: true },
  { name: 'elision ". . ."', quotation: 'despite the existence . . . still lacking', found: true },
  { name: 'elision "[…]" with the drafter’s comma before it', quotation: 'States have created international frameworks, […] still lacking', found: true },
  { name: 'elision "[...]" at the start', quotation: '[...] a comprehensive framework for migration governance', found: true },
  { name: 'elided parts out of order', quotation: 'still lacking … despite the existence', found: false },
  { name: 'an editorial letter in brackets', quotation: '[c]ertain aspects of migration are more frequently discussed', found: true },
  { name: 'a changed word', quotation: 'despite the presence of legal frameworks on migration issues', found: false },
  { name: 'a word left out without an elision mark', quotation: 'despite the existence of frameworks on migration issues', found: false },
  { name: 'a quotation running past the sentence', quotation: 'still lacking. Certain aspects of migration', found: true },
];

const wording: readonly { readonly name: string; readonly quotation: string; readonly expected: string | undefined }[] = [
  { name: 'one word changed', quotation: 'despite the presence of legal frameworks on migration issues', expected: 'despite the existence of legal frameworks on migration issues' },
  { name: 'first word changed: kept inside the window', quotation: 'although the existence of legal frameworks on migration issues', expected: 'despite the existence of legal frameworks on migration issues' },
  { name: 'last word changed: kept inside the window', quotation: 'a comprehensive framework for migration governance is still missing', expected: 'a comprehensive framework for migration governance is still lacking' },
  { name: 'a word added', quotation: 'despite the very existence of legal frameworks on migration issues', expected: 'despite the existence of legal frameworks on migration issues' },
  { name: 'a word left out', quotation: 'despite the existence of frameworks on migration issues', expected: 'despite the existence of legal frameworks on migration issues' },
  { name: 'too different (under 0.6 of the words)', quotation: 'despite all the laws about moving people across borders', expected: undefined },
  { name: 'a quotation with an elision is the drafter’s cut, not a variant', quotation: 'despite the presence … still lacking', expected: undefined },
];

const attribution: readonly { readonly name: string; readonly draft: string; readonly expected: readonly (readonly [string, readonly string[]])[] }[] = [
  { name: 'quotation, then "(see …)"', draft: 'It noted that “despite the existence of legal frameworks” (see A/68/283, para. 8).', expected: [['despite the existence of legal frameworks', ['A/68/283 8']]] },
  { name: 'citation "states that" quotation', draft: 'Paragraph 90 of A/68/283 states that “States have the power”.', expected: [['States have the power', ['A/68/283 90']]] },
  { name: 'citation, "which reads:" quotation', draft: 'See A/68/283, para. 90, which reads: “States have the power”.', expected: [['States have the power', ['A/68/283 90']]] },
  { name: '"stated (citation) that" quotation', draft: 'He stated (A/68/283, para. 90) that “States have the power”.', expected: [['States have the power', ['A/68/283 90']]] },
  { name: '"according to" citation, quotation', draft: 'According to A/68/283, para. 90, “States have the power”.', expected: [['States have the power', ['A/68/283 90']]] },
  { name: 'citations given together', draft: '“States have the power” (A/68/283, para. 90; see also A/71/285, para. 110).', expected: [['States have the power', ['A/68/283 90', 'A/71/285 110']]] },
  { name: 'Markdown emphasis inside: the words as read', draft: '“States have *the* power” (A/68/283, para. 90)', expected: [['States have the power', ['A/68/283 90']]] },
  { name: 'a title', draft: 'the session entitled “International cooperation and governance” (A/68/283, para. 90)', expected: [] },
  { name: 'a term of two words', draft: 'the “migration governance” (A/68/283, para. 90)', expected: [] },
  { name: 'another sentence', draft: '“States have the power.” He agreed (A/68/283, para. 90).', expected: [] },
  { name: 'single curly quotes', draft: 'He wrote ‘States have the power’ (A/68/283, para. 90).', expected: [['States have the power', ['A/68/283 90']]] },
  { name: 'an apostrophe before a letter is not a closing quote', draft: 'He wrote ‘the Special Rapporteur’s report on migration’ (A/68/283, para. 90).', expected: [['the Special Rapporteur’s report on migration', ['A/68/283 90']]] },
  { name: 'a plural possessive (“States’ power”) could close single quotes: nothing is attributed rather than a guess', draft: 'the ‘States’ power to decide who enters’ (A/68/283, para. 90)', expected: [] },
  { name: 'a citation with no verb before the quotation', draft: 'See A/68/283, para. 90 “States have the power”.', expected: [] },
];

describe('quotations', () => {
  describe('a quotation in a source', () => {
    for (const row of matching) {
      test(row.name, () => assert.equal(quotationIn(row.quotation, SOURCE), row.found));
    }
  });

  describe('the source’s wording for a close variant', () => {
    for (const row of wording) {
      test(row.name, () => assert.equal(closestWording(row.quotation, SOURCE)?.text, row.expected));
    }
  });

  describe('which citation a quotation is attributed to', () => {
    for (const row of attribution) {
      test(row.name, () => {
        const found = attributedQuotations(analyzeDraft(row.draft, testCorpus())).map(
          (a) => [a.quotation.text, a.citations.map((c) => `${c.symbol} ${c.paragraphs.join(',')}`)] as const,
        );
        assert.deepEqual(found, row.expected);
      });
    }
  });

  test('paragraph lists as an editor writes them', () => {
    assert.equal(listLabels(['8']), '8');
    assert.equal(listLabels(['8', '9']), '8 and 9');
    assert.equal(listLabels(['8', '10', '12']), '8, 10 and 12');
    assert.equal(listLabels(['89', '90', '91']), '89–91');
    assert.equal(listLabels(['89', '90', '91'], '-'), '89-91');
  });
});
