// "Restore agreed wording" keeps the draft's sentence frame: a table of real passages (A/68/283, para. 11 and 90).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fitToDraftFrame } from './frame';

describe('fitToDraftFrame', () => {
  const cases: { name: string; draft: string; source: string; restored: string }[] = [
    {
      name: 'issue 14: "Notes that, owing to …" keeps its lower-case "owing"',
      draft: 'owing to the lack of a comprehensive framework, global migration governance is fragmented',
      source: 'Owing to the lack of a comprehensive framework, global migration governance is fragmented',
      restored: 'owing to the lack of a comprehensive framework, global migration governance is fragmented',
    },
    {
      name: 'a passage that starts the draft sentence keeps its capital',
      draft: 'The lack of a comprehensive framework',
      source: 'the lack of a comprehensive framework',
      restored: 'The lack of a comprehensive framework',
    },
    {
      name: 'an acronym is the source’s',
      draft: 'unhcr and IOM have the power',
      source: 'UNHCR and IOM have the power',
      restored: 'UNHCR and IOM have the power',
    },
    {
      name: 'the draft’s closing semicolon, not the report’s full stop',
      draft: 'States have the power to determine who enters and stays in their territory;',
      source: 'States have the power to determine who enters and stays in their territory.',
      restored: 'States have the power to determine who enters and stays in their territory;',
    },
    {
      name: 'the source’s own words in between are kept (the restore)',
      draft: 'More governance does not mean giving up this sovereignty',
      source: 'More governance does not mean surrendering this sovereignty',
      restored: 'More governance does not mean surrendering this sovereignty',
    },
    {
      name: 'a leading quotation mark or emphasis does not hide the first letter',
      draft: '“owing to the lack',
      source: '“Owing to the lack',
      restored: '“owing to the lack',
    },
  ];
  for (const c of cases) test(c.name, () => assert.equal(fitToDraftFrame(c.draft, c.source), c.restored));
});
