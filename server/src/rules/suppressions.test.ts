import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Suppressions } from './suppressions';

const cases: { name: string; text: string; at: string; code: string; suppressed: boolean }[] = [
  { name: 'next line, named rule', text: '<!-- compact-drafter-disable-next-line quote-mismatch -->\nA “quote” (A/68/283, para. 8).\nNext line.', at: '“quote”', code: 'quote-mismatch', suppressed: true },
  { name: 'next line, other rule', text: '<!-- compact-drafter-disable-next-line quote-mismatch -->\nA “quote” (A/68/283, para. 8).\n', at: 'A/68', code: 'superseded', suppressed: false },
  { name: 'next line only', text: '<!-- compact-drafter-disable-next-line superseded -->\nresolution 67/172\nresolution 67/172 again\n', at: '67/172 again', code: 'superseded', suppressed: false },
  { name: 'next non-blank line', text: '<!-- compact-drafter-disable-next-line superseded -->\n\nresolution 67/172\n', at: '67/172', code: 'superseded', suppressed: true },
  { name: 'next line, all rules', text: '<!-- compact-drafter-disable-next-line -->\nresolution 67/172\n', at: '67/172', code: 'unknown-document', suppressed: true },
  { name: 'region', text: 'a\n<!-- compact-drafter-disable superseded -->\nresolution 67/172\n\n67/172 in\n<!-- compact-drafter-enable superseded -->\nresolution 67/172 after\n', at: '67/172 in', code: 'superseded', suppressed: true },
  { name: 'after region', text: 'a\n<!-- compact-drafter-disable superseded -->\nx\n<!-- compact-drafter-enable superseded -->\nresolution 67/172 after\n', at: '67/172 after', code: 'superseded', suppressed: false },
  { name: 'region without end runs to the end', text: '<!-- compact-drafter-disable -->\n\nlots\n\nresolution 67/172\n', at: '67/172', code: 'superseded', suppressed: true },
  { name: 'before region', text: 'resolution 67/172\n<!-- compact-drafter-disable superseded -->\n', at: '67/172', code: 'superseded', suppressed: false },
  { name: 'plain comment is no directive', text: '<!-- a note -->\nresolution 67/172\n', at: '67/172', code: 'superseded', suppressed: false },
];

for (const c of cases) {
  test(`suppressions: ${c.name}`, () => {
    const offset = c.text.indexOf(c.at);
    assert.ok(offset >= 0);
    assert.equal(new Suppressions(c.text).isSuppressed(c.code, offset), c.suppressed);
  });
}
