// Citations in the house style: a table of forms, and a round trip through the reference grammar for
// every document of the registry (each form must read back as the document it was made from).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CorpusDocument } from '../corpus';
import { testCorpus } from '../corpus/testCorpus';
import { findReferences } from '../references';
import { analyzeDraft } from '../analysis';
import { CITATION_FORMS, citableDocument, citationChoices, citationContext, formatCitation, shortFormOf, type CitableDocument, type CitationForm } from './citations';

const bundled = testCorpus();
const verified = (symbol: string, date: string): CitableDocument => ({ symbol, date, dateVerified: true });

describe('formatCitation', () => {
  const TABLE: readonly [CitableDocument, CitationForm, string][] = [
    [verified('A/RES/71/280', '2017-04-06'), 'long', 'General Assembly resolution 71/280 of 6 April 2017'],
    [verified('A/RES/71/280', '2017-04-06'), 'short', 'resolution 71/280'],
    [verified('A/RES/71/280', '2017-04-06'), 'full-symbol', 'A/RES/71/280'],
    // Only verified dates are written in full.
    [{ symbol: 'A/RES/67/172', date: '2012-12-20', dateVerified: false }, 'long', 'General Assembly resolution 67/172'],
    [verified('A/67/299', '2012-08'), 'long', 'A/67/299'],
    // Another organ's resolution keeps the organ where the number alone would read as the Assembly's.
    [verified('A/HRC/RES/35/17', '2017-06-22'), 'short', 'Human Rights Council resolution 35/17'],
    [verified('A/HRC/RES/35/17', '2017-06-22'), 'long', 'Human Rights Council resolution 35/17 of 22 June 2017'],
    [verified('A/HRC/DEC/31/115', '2016-03-24'), 'short', 'Human Rights Council decision 31/115'],
    [verified('S/RES/2240 (2015)', '2015-10-09'), 'short', 'resolution 2240 (2015)'],
    [verified('S/RES/2240 (2015)', '2015-10-09'), 'long', 'Security Council resolution 2240 (2015) of 9 October 2015'],
    [verified('E/RES/2005/1', '2005-07-20'), 'short', 'Economic and Social Council resolution 2005/1'],
    [verified('A/RES/217 (III)', '1948-12-10'), 'short', 'resolution 217 (III)'],
    [verified('A/RES/S-13/2', '1986-06-01'), 'short', 'resolution S-13/2'],
    // A report has no short form: its symbol.
    [verified('A/68/283', '2013-08-07'), 'short', 'A/68/283'],
    [verified('A/68/283', '2013-08-07'), 'long', 'A/68/283 of 7 August 2013'],
  ];
  for (const [document, form, expected] of TABLE) {
    test(`${document.symbol} ${form} → ${expected}`, () => assert.equal(formatCitation(document, form), expected));
  }

  test('shortFormOf knows nothing of reports and drafts', () => {
    assert.equal(shortFormOf('A/68/283'), undefined);
    assert.equal(shortFormOf('A/C.3/74/L.35/Rev.1'), undefined);
  });
});

describe('every registry document, in every form, reads back as itself', () => {
  const aliases = bundled.aliases();
  for (const symbol of bundled.symbols()) {
    const entry = bundled.lookup(symbol)!;
    for (const form of CITATION_FORMS) {
      const citation = formatCitation(citableDocument(entry), form);
      test(`${form}: ${citation}`, () => {
        const refs = findReferences(`*Recalling* ${citation},`, { aliases });
        assert.equal(refs.length, 1, JSON.stringify(refs));
        assert.equal(refs[0].symbol, entry.symbol);
        const facts = entry.registry;
        if (form === 'long' && facts && !facts.unverified?.includes('date') && /^\d{4}-\d\d-\d\d$/.test(facts.date)) {
          assert.equal(refs[0].statedDate?.iso, facts.date);
        } else {
          assert.equal(refs[0].statedDate, undefined, 'an unverified date is not written');
        }
      });
    }
  }
});

describe('citationChoices (the "Insert citation…" quick pick)', () => {
  test('every document with a symbol, with its citations in the three forms', () => {
    const choices = citationChoices(bundled);
    assert.equal(choices.length, bundled.symbols().length);
    const modalities = choices.find((c) => c.symbol === 'A/RES/71/280')!;
    assert.deepEqual(modalities.citations, {
      long: 'General Assembly resolution 71/280 of 6 April 2017',
      short: 'resolution 71/280',
      'full-symbol': 'A/RES/71/280',
    });
    assert.deepEqual(modalities.aliases, ['modalities resolution']);
    assert.equal(modalities.date, '6 April 2017');
    assert.equal(modalities.detail, 'Modalities for the intergovernmental negotiations of the global compact for safe, orderly and regular migration · also: modalities resolution');
  });

  test('documents cited in the draft first, then the newest', () => {
    const choices = citationChoices(bundled, new Set(['A/RES/45/158', 'a/res/70/1']));
    assert.deepEqual(
      choices.slice(0, 2).map((c) => [c.symbol, c.cited]),
      [
        ['A/RES/70/1', true],
        ['A/RES/45/158', true],
      ],
    );
    // Then the rest, newest first: the registry's newest documents are of the eightieth session.
    const rest = choices.slice(2, 12);
    assert.ok(rest.every((c) => !c.cited && c.symbol.includes('/80/')), rest.map((c) => c.symbol).join(', '));
  });

  test('an unverified date is shown as a year', () => {
    const choice = citationChoices(bundled).find((c) => c.symbol === 'A/RES/67/172')!;
    assert.equal(choice.date, '2012 (exact date not verified)');
    assert.equal(choice.citations.long, 'General Assembly resolution 67/172');
  });

  test('corpus text cannot put icons into the quick pick', () => {
    const hostile = new CorpusDocument('A/99/1', 'A/99/1', 'file:///ws/corpus/A-99-1.md', 'workspace', '1. x\n', '$(alert) Pay here $(credit-card)', '2019-05-01');
    const corpus = testCorpus([hostile]);
    const choice = citationChoices(corpus).find((c) => c.symbol === 'A/99/1')!;
    assert.equal(choice.detail, '\\$(alert) Pay here \\$(credit-card)');
    assert.equal(choice.title, '$(alert) Pay here $(credit-card)');
    assert.equal(choice.citations.long, 'A/99/1 of 1 May 2019');
  });
});

describe('citations after "its" (issue 14: "Recalling its General Assembly resolution …")', () => {
  const draft = (before: string) => `*The General Assembly*,\n\n${before}`;
  const at = (before: string) => citationContext(draft(before), draft(before).length);
  const choice = (symbol: string, before: string) => citationChoices(bundled, new Set(), at(before)).find((c) => c.symbol === symbol)!;

  test('after "*Recalling* its" the Assembly’s own resolution is "resolution 71/280 of 6 April 2017"', () => {
    const modalities = choice('A/RES/71/280', '*Recalling* its ');
    assert.deepEqual(modalities.citations, { long: 'resolution 71/280 of 6 April 2017', short: 'resolution 71/280', 'full-symbol': 'resolution A/RES/71/280' });
    assert.equal(modalities.replaceBefore, undefined);
    // The result reads back as the same document.
    const written = `${draft('*Recalling* its ')}${modalities.citations.long},\n`;
    const refs = analyzeDraft(written, bundled).references.filter((r) => r.symbol === 'A/RES/71/280');
    assert.equal(refs.length, 1);
  });

  test('another organ’s resolution, or a report, replaces the "its"', () => {
    const report = choice('A/68/283', '*Recalling* its ');
    assert.equal(report.citations.long, 'A/68/283 of 7 August 2013');
    assert.equal(report.replaceBefore, 'its '.length);
  });

  test('a Human Rights Council draft owns Council resolutions, not the Assembly’s', () => {
    const text = '_The Human Rights Council_,\n\n*Recalling* their ';
    const context = citationContext(text, text.length);
    assert.equal(context.ownOrgan, 'Human Rights Council');
    assert.equal(context.possessive, 'their ');
    const ga = citationChoices(bundled, new Set(), context).find((c) => c.symbol === 'A/RES/71/280')!;
    assert.equal(ga.replaceBefore, 'their '.length);
  });

  test('without a possessive nothing changes', () => {
    assert.equal(choice('A/RES/71/280', '*Recalling* ').citations.long, 'General Assembly resolution 71/280 of 6 April 2017');
    assert.equal(choice('A/RES/71/280', 'Its ').citations.long, 'resolution 71/280 of 6 April 2017');
  });
});
