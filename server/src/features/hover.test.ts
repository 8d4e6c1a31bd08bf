import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeDraft } from '../analysis';
import type { Corpus } from '../corpus';
import { testCorpus, workspaceText } from '../corpus/testCorpus';
import { supersededRule } from '../rules/superseded';
import { check } from '../rules/testing';
import { hoverAt } from './hover';
import { escapeMarkdown } from './markdown';

const withRevisions = testCorpus(['A/C.3/74/L.35/Rev.1', 'A/C.3/74/L.35/Rev.2'].map((symbol) => workspaceText(symbol)));

function hover(draft: string, cited: string, corpus: Corpus): string {
  const analysis = analyzeDraft(draft, corpus);
  const result = hoverAt(analysis, draft.indexOf(cited), { corpus, counts: () => ({ draft: 1 }) });
  assert.ok(result, `no hover on ${cited}`);
  return result.markdown;
}

// What replaces a document is one fact: the superseded rule and the hover say the same successor.
const rows: readonly { name: string; draft: string; cited: string; corpus: Corpus; status: string; successor: string }[] = [
  { name: 'a resolution of a series', draft: 'See A/RES/67/172.', cited: 'A/RES/67/172', corpus: testCorpus(), status: 'the latest of its series is', successor: 'A/RES/80/218' },
  { name: 'an adopted draft', draft: 'See A/71/L.58.', cited: 'A/71/L.58', corpus: testCorpus(), status: 'adopted as', successor: 'A/RES/71/280' },
  { name: 'an earlier revision held as a text', draft: 'See A/C.3/74/L.35/Rev.1.', cited: 'A/C.3/74/L.35/Rev.1', corpus: withRevisions, status: 'revised as', successor: 'A/C.3/74/L.35/Rev.2' },
  // The unrevised draft is neither in the registry nor held as a text: only its revisions are.
  { name: 'a draft known only by its revisions', draft: 'See A/C.3/74/L.35.', cited: 'A/C.3/74/L.35', corpus: withRevisions, status: 'revised as', successor: 'A/C.3/74/L.35/Rev.2' },
];

describe('hover: what replaces a document', () => {
  for (const row of rows) {
    test(row.name, () => {
      const findings = check(supersededRule, row.draft, { corpus: row.corpus });
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, new RegExp(row.successor.replace(/^A\/RES\//, '').replace(/[./]/g, '\\$&')));
      const markdown = hover(row.draft, row.cited, row.corpus);
      assert.ok(markdown.includes(`⚠ Status: ${row.status} **${escapeMarkdown(row.successor)}**`), markdown);
    });
  }
});
