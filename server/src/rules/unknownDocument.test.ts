import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bundledRegistry, mergeRegistries, Registry } from '../corpus';
import { testCorpus, workspaceText } from '../corpus/testCorpus';
import { entriesFromMarcXml } from '../corpus/undl/importExport';
import { collection, fixtureRecord } from '../corpus/undl/testFixture';
import { analyzeDraft } from '../analysis';
import { DEFAULT_DIAGNOSTICS_CONFIG } from './config';
import { DEFAULT_HOUSE_STYLE } from './rule';
import { runRules } from './runner';
import { check, flagged, runRuleTable, seed, type ExpectedFinding, type RuleRow } from './testing';
import { unknownDocumentRule } from './unknownDocument';

interface Expected extends ExpectedFinding {
  /** The symbol offered for a lookup. */
  readonly symbol: string;
  /** The other citations of the same document, pointed to from the one finding. */
  readonly related?: readonly string[];
}

const UNKNOWN = (symbol: string, times?: number) =>
  new RegExp(
    `^Compact Drafter does not know ${symbol.replace(/[./]/g, '\\$&')}${times ? ` \\(cited ${times} times in this draft\\)` : ''}, so its title, date and paragraphs cannot be checked\\. Its UN Digital Library record, imported or looked up, makes it known\\.$`,
  );

const withWorkspaceText = testCorpus([workspaceText('A/70/59', 'Report of the Secretary-General.\n\n1. Text.\n')]);

/** The bundled registry with one Digital Library record imported (record 3 of the real export, A/C.3/78/L.47). */
const withLibraryRecord = testCorpus([], new Registry(mergeRegistries([...bundledRegistry().all()], entriesFromMarcXml(collection(fixtureRecord(3)), 'test.xml').entries)));

const withRevision = testCorpus([workspaceText('A/C.3/74/L.35/Rev.1')]);

const rows: readonly RuleRow<Expected>[] = [
  { name: 'a symbol nobody knows', draft: 'See A/59/2005/Add.3 (26 May 2005).', expect: [{ flagged: 'A/59/2005/Add.3', symbol: 'A/59/2005/Add.3', message: UNKNOWN('A/59/2005/Add.3') }] },
  { name: 'a short form: the finding names the full symbol', draft: 'Recalling resolution 99/999,', expect: [{ flagged: '99/999', symbol: 'A/RES/99/999', message: UNKNOWN('A/RES/99/999') }] },
  {
    name: 'once per document: on the first citation, pointing to the others',
    draft: 'See A/70/59 and, again, A/70/59; also A/RES/99/999 and resolution 99/999, and A/70/59.',
    expect: [
      { flagged: 'A/70/59', symbol: 'A/70/59', message: UNKNOWN('A/70/59', 3), related: ['A/70/59', 'A/70/59'] },
      { flagged: 'A/RES/99/999', symbol: 'A/RES/99/999', message: UNKNOWN('A/RES/99/999', 2), related: ['99/999'] },
    ],
  },
  { name: 'a text in the workspace corpus is known', draft: 'See A/70/59 and, again, A/70/59.', corpus: withWorkspaceText, expect: [] },
  { name: 'without its Digital Library record', draft: 'draft resolution A/C.3/78/L.47', expect: [{ flagged: 'A/C.3/78/L.47', symbol: 'A/C.3/78/L.47', message: UNKNOWN('A/C.3/78/L.47') }] },
  { name: 'its Digital Library record imported: known', draft: 'draft resolution A/C.3/78/L.47', corpus: withLibraryRecord, expect: [] },
  { name: 'in the registry, with a text', draft: 'the report (A/68/283)', expect: [] },
  { name: 'in the registry, without a text', draft: 'resolution 72/244 and A/RES/70/1', expect: [] },
  { name: 'a draft the registry knows as a resolution’s origin (superseded speaks about it)', draft: 'draft resolution A/72/L.9', expect: [] },
  { name: 'the same, even where superseded keeps quiet because the resolution is cited too', draft: 'resolution 71/280 (draft resolution A/71/L.58)', expect: [] },
  { name: 'a draft whose revision the corpus holds (superseded speaks about it)', draft: 'draft resolution A/C.3/74/L.35', corpus: withRevision, expect: [] },
  { name: 'a draft the corpus knows nothing of', draft: 'draft resolution A/C.3/74/L.35', expect: [{ flagged: 'A/C.3/74/L.35', symbol: 'A/C.3/74/L.35', message: UNKNOWN('A/C.3/74/L.35') }] },
  { name: 'malformed: left to malformed-symbol', draft: 'See A/Res/99/999 and A /RES/99/998.', expect: [] },
  { name: 'a name, not a symbol', draft: 'as the Sutherland Report shows', expect: [] },
  { name: 'an internal reference', draft: '1. Text.\n\n2. As in paragraph 1 above and paragraph 9 below.', expect: [] },
  { name: 'a GA decision has no symbol', draft: 'decision 71/547', expect: [] },
  { name: 'a symbol inside a web address', draft: 'https://undocs.org/A/RES/99/999', expect: [] },
];

describe('unknown-document', () => {
  // No edit of the draft (only the user can find the document): a look-up or an import, and the other citations of it.
  runRuleTable(unknownDocumentRule, rows, {
    eachFinding: (finding, expected, row) => {
      assert.doesNotMatch(finding.message, /registry|corpus/, 'a drafter’s words');
      assert.equal(finding.fixes.length, 0);
      assert.deepEqual(finding.actions, [{ kind: 'look-up-online', symbol: expected.symbol }, { kind: 'import-library-export' }]);
      assert.deepEqual((finding.related ?? []).map((place) => row.draft.slice(place.range.start, place.range.end)), expected.related ?? []);
    },
  });

  test('seed A/68/283: every document it cites is in the registry', () => {
    assert.deepEqual(flagged(seed('A-68-283.md'), check(unknownDocumentRule, seed('A-68-283.md'))), []);
  });

  test('seed GCM issue brief 3: only A/59/2005/Add.3 (the 2005 report in footnote 26) is unknown', () => {
    const text = seed('GCM-issue-brief-3-2017.md');
    const findings = check(unknownDocumentRule, text);
    assert.deepEqual(flagged(text, findings), ['A/59/2005/Add.3']);
    assert.match(findings[0].message, UNKNOWN('A/59/2005/Add.3'));
  });

  describe('a suppression covers the citations it says, not the document', () => {
    const cases: { name: string; draft: string; reported: number[]; message?: RegExp }[] = [
      {
        name: 'the next line: the finding moves to the citation left',
        draft: '<!-- compact-drafter-disable-next-line unknown-document -->\nSee A/70/59.\n\nAgain A/70/59 and A/70/59.\n',
        reported: [1, 2],
        message: UNKNOWN('A/70/59', 2),
      },
      {
        name: 'a region: the citations inside it only',
        draft: '<!-- compact-drafter-disable unknown-document -->\nSee A/70/59 and A/70/59.\n<!-- compact-drafter-enable unknown-document -->\n\nAgain A/70/59.\n',
        reported: [2],
        message: UNKNOWN('A/70/59'),
      },
      { name: 'the whole draft: none', draft: '<!-- compact-drafter-disable unknown-document -->\nSee A/70/59.\n\nAgain A/70/59.\n', reported: [] },
      { name: 'another rule suppressed: all reported', draft: '<!-- compact-drafter-disable-next-line superseded -->\nSee A/70/59.\n\nAgain A/70/59.\n', reported: [0, 1], message: UNKNOWN('A/70/59', 2) },
    ];
    /** Which citations of A/70/59 (0 for the first) a diagnostic sits on or points to. */
    const citationIndex = (draft: string, start: number) => [...draft.matchAll(/A\/70\/59/g)].findIndex((m) => m.index === start);
    for (const c of cases) {
      test(c.name, () => {
        const corpus = testCorpus();
        const diagnostics = runRules([unknownDocumentRule], { text: c.draft, analysis: analyzeDraft(c.draft, corpus), corpus, houseStyle: DEFAULT_HOUSE_STYLE }, DEFAULT_DIAGNOSTICS_CONFIG);
        const places = diagnostics.flatMap((d) => [d.range.start, ...(d.related ?? []).map((r) => r.range.start)]).map((start) => citationIndex(c.draft, start));
        assert.deepEqual(places, c.reported);
        if (c.message) assert.match(diagnostics[0].message, c.message);
      });
    }
  });
});
