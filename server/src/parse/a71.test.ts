// A/71/285, an excerpt (server/data/corpus/A-71-285-excerpt.txt): the whole page is one line;
// paragraphs 107-111 are numbered inline and interleaved with items 9 and 10 quoted from another
// list; a running header "A/71/285", a footer "16-13509 21/24" and a tool's label after the text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDraft } from './index';
import { assertModelInvariants, seed } from './testSupport';

const text = seed('A-71-285-excerpt.txt');
const model = parseDraft(text);
const paragraph = (label: string) => model.paragraphs.find((p) => p.label === label)!;

describe('A/71/285 excerpt', () => {
  test('paragraphs 107 to 111 of the main sequence, and not the quoted items 9 and 10', () => {
    assert.deepEqual(
      model.paragraphs.map((p) => p.label),
      ['107', '108', '109', '110', '111'],
    );
  });

  test('paragraph texts end where the next number, a quoted item or the page footer begins', () => {
    assert.equal(
      paragraph('107').text,
      'The Special Rapporteur supports such initiatives and notes that a broader framework based on human rights for all migrants is required to encompass these initiatives so as to guarantee a more holistic approach.',
    );
    assert.ok(paragraph('108').text.startsWith('The recent unprecedented numbers of irregular migrants seeking safety and security'));
    assert.ok(paragraph('108').text.endsWith('(see A/68/283), the United Nations must be involved to a greater extent in the debate on global migration governance, ensuring that proper attention is given to the human rights of migrants.'));
    assert.ok(paragraph('109').text.startsWith('Owing to the lack of a comprehensive framework, global migration governance is fragmented'));
    assert.ok(paragraph('109').text.endsWith('refugees and asylum seekers and labour migration.'));
    assert.ok(paragraph('110').text.startsWith('The Special Rapporteur observes that the reluctance of States'));
    assert.ok(paragraph('110').text.includes('States have the power to determine who enters and stays in their territory.'));
    assert.ok(paragraph('110').text.endsWith('allegations of human rights abuses against migrants.'));
    assert.ok(paragraph('111').text.startsWith('As the scope and complexities of migration continue to grow'));
    assert.ok(paragraph('111').text.endsWith('such as exploitative migrant smugglers and'));
    for (const p of model.paragraphs) {
      assert.ok(!/Giving favourable|Forging a closer|16-13509|Select target/.test(p.text), `paragraph ${p.label}`);
      assert.equal(text.slice(p.numberRange.start, p.numberRange.end), `${p.label}.`);
      assert.ok(text.slice(p.range.start, p.range.end).startsWith(`${p.label}. `));
    }
    assert.ok(text.slice(paragraph('111').range.start, paragraph('111').range.end).endsWith('smugglers and'));
  });

  test('the quoted items and the tail of the previous page are prose spans; header, footer and tool label are not', () => {
    const texts = model.spans.map((s) => s.text);
    assert.ok(texts[0].startsWith('address human rights protection gaps for migrants.'));
    assert.ok(texts.some((t) => t.startsWith('9. Giving favourable consideration') && t.endsWith('continuing to develop such initiatives')));
    assert.ok(texts.some((t) => t.startsWith('10. Forging a closer relationship') && t.endsWith('through a strengthened legal relationship')));
    assert.ok(texts.every((t) => !t.includes('A/71/285') && !t.includes('16-13509') && !t.includes('21/24') && !t.includes('Select target')));
    assert.deepEqual(model.sections, []);
    assert.deepEqual(model.footnotes, []);
    assertModelInvariants(model);
  });
});
