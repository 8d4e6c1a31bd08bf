import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CorpusDocument, type Corpus } from '../corpus';
import { check, flagged, seed, testCorpus } from './testing';
import { unknownDocumentRule } from './unknownDocument';

interface Expected {
  readonly flagged: string;
  readonly message: RegExp;
}

interface Row {
  readonly name: string;
  readonly draft: string;
  readonly corpus?: Corpus;
  readonly expect: readonly Expected[];
}

const UNKNOWN = (symbol: string) =>
  new RegExp(`^${symbol.replace(/[./]/g, '\\$&')} is not in the registry or the corpus, so this citation cannot be checked; its hover offers a search of the UN Digital Library\\.$`);

const withWorkspaceText = testCorpus([new CorpusDocument('A/70/59', 'A/70/59', 'file:///corpus/A-70-59.md', 'workspace', 'Report of the Secretary-General.\n\n1. Text.\n')]);

const withRevision = testCorpus([new CorpusDocument('A/C.3/74/L.35/Rev.1', 'A/C.3/74/L.35/Rev.1', 'file:///corpus/L35-Rev1.md', 'workspace', '1. Text.\n')]);

const rows: readonly Row[] = [
  { name: 'a symbol nobody knows', draft: 'See A/59/2005/Add.3 (26 May 2005).', expect: [{ flagged: 'A/59/2005/Add.3', message: UNKNOWN('A/59/2005/Add.3') }] },
  { name: 'a short form: the finding names the full symbol', draft: 'Recalling resolution 99/999,', expect: [{ flagged: '99/999', message: UNKNOWN('A/RES/99/999') }] },
  { name: 'each citation of it', draft: 'See A/70/59 and, again, A/70/59.', expect: [{ flagged: 'A/70/59', message: UNKNOWN('A/70/59') }, { flagged: 'A/70/59', message: UNKNOWN('A/70/59') }] },
  { name: 'a text in the workspace corpus is known', draft: 'See A/70/59 and, again, A/70/59.', corpus: withWorkspaceText, expect: [] },
  { name: 'in the registry, with a text', draft: 'the report (A/68/283)', expect: [] },
  { name: 'in the registry, without a text', draft: 'resolution 72/244 and A/RES/70/1', expect: [] },
  { name: 'a draft the registry knows as a resolution’s origin (superseded speaks about it)', draft: 'draft resolution A/72/L.9', expect: [] },
  { name: 'the same, even where superseded keeps quiet because the resolution is cited too', draft: 'resolution 71/280 (draft resolution A/71/L.58)', expect: [] },
  { name: 'a draft whose revision the corpus holds (superseded speaks about it)', draft: 'draft resolution A/C.3/74/L.35', corpus: withRevision, expect: [] },
  { name: 'a draft the corpus knows nothing of', draft: 'draft resolution A/C.3/74/L.35', expect: [{ flagged: 'A/C.3/74/L.35', message: UNKNOWN('A/C.3/74/L.35') }] },
  { name: 'malformed: left to malformed-symbol', draft: 'See A/Res/99/999 and A /RES/99/998.', expect: [] },
  { name: 'a name, not a symbol', draft: 'as the Sutherland Report shows', expect: [] },
  { name: 'an internal reference', draft: '1. Text.\n\n2. As in paragraph 1 above and paragraph 9 below.', expect: [] },
  { name: 'a GA decision has no symbol', draft: 'decision 71/547', expect: [] },
  { name: 'a symbol inside a web address', draft: 'https://undocs.org/A/RES/99/999', expect: [] },
];

describe('unknown-document', () => {
  for (const row of rows) {
    test(row.name, () => {
      const findings = check(unknownDocumentRule, row.draft, { corpus: row.corpus });
      assert.deepEqual(flagged(row.draft, findings), row.expect.map((e) => e.flagged));
      findings.forEach((finding, i) => {
        assert.match(finding.message, row.expect[i].message);
        assert.equal(finding.fixes.length, 0, 'nothing to fix: only the user can find the document');
      });
    });
  }

  test('seed A/68/283: every document it cites is in the registry', () => {
    assert.deepEqual(flagged(seed('A-68-283.md'), check(unknownDocumentRule, seed('A-68-283.md'))), []);
  });

  test('seed GCM issue brief 3: only A/59/2005/Add.3 (the 2005 report in footnote 26) is unknown', () => {
    const text = seed('GCM-issue-brief-3-2017.md');
    const findings = check(unknownDocumentRule, text);
    assert.deepEqual(flagged(text, findings), ['A/59/2005/Add.3']);
    assert.match(findings[0].message, UNKNOWN('A/59/2005/Add.3'));
  });
});
