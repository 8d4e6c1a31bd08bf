// Which copy of a text is served when one symbol is held more than once (corpus/servedCopy.ts): the
// user's own corpus folders over the team corpus over the bundled seed texts, the first file of a
// layer over a later one. Then every reader of a text (hover, go to definition, the rules,
// completion, workspace symbols) reads that same copy: here the user's short copy of the bundled
// A/68/283, which has paragraphs 1 to 3 only and its own wording.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDraft } from '../../server/src/analysis';
import { Corpus, CorpusDocument } from '../../server/src/corpus';
import { bundledDocuments, testCorpus } from '../../server/src/corpus/testCorpus';
import { completionsAt } from '../../server/src/features/completion';
import { definitionAt } from '../../server/src/features/definition';
import { hoverAt } from '../../server/src/features/hover';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { noSuchParagraphRule } from '../../server/src/rules/noSuchParagraph';
import { check } from '../../server/src/rules/testing';
import { TeamTexts, withTeamRegistry, type TeamCorpusSource } from '../../server/src/store/postgres/teamCorpus';

const SYMBOL = 'A/68/283';
const OWN_URI = 'file:///ws/corpus/A-68-283.md';
const OWN_TEXT = '1. Our own first paragraph.\n\n2. Our own wording of the second paragraph.\n\n3. Our own third.\n';
const own = (uri = OWN_URI, text = OWN_TEXT) => new CorpusDocument(SYMBOL, SYMBOL, uri, 'workspace', text);
const bundledCopy = () => bundledDocuments().find((d) => d.symbol === SYMBOL)!;

/** A team corpus holding its own copy of the given symbols (what TeamTexts reads of PostgreSQL). */
function teamSource(symbols: readonly string[]): TeamCorpusSource {
  return {
    allRegistryEntries: async () => [],
    documentsWithText: async (wanted) =>
      symbols.filter((s) => wanted.includes(s)).map((symbol) => ({ id: symbol, symbol, uri: `compact-drafter-team:/${symbol.replace(/\//g, '-')}.md`, text: '1. The team copy.\n' })),
  };
}

describe('which copy of a text is served', () => {
  test('the bundled copy when it is the only one', () => {
    assert.equal(testCorpus().lookup(SYMBOL)?.document, bundledCopy());
  });

  test('the user’s copy over the bundled one, whatever the order they were loaded in', () => {
    const after = new Corpus(testCorpus().registry, [...bundledDocuments(), own()]);
    const before = new Corpus(testCorpus().registry, [own(), ...bundledDocuments()]);
    assert.equal(after.lookup(SYMBOL)?.document?.uri, OWN_URI);
    assert.equal(before.lookup(SYMBOL)?.document?.uri, OWN_URI);
    // Shadowing a bundled text is what a user's copy is for: no problem is reported.
    assert.deepEqual(after.problems, []);
  });

  test('of two files of the user’s folders, the first, and the second is reported', () => {
    const corpus = testCorpus([own(), own('file:///ws/corpus/later/A-68-283.md')]);
    assert.equal(corpus.lookup(SYMBOL)?.document?.uri, OWN_URI);
    assert.deepEqual(
      corpus.problems.map((p) => p.uri),
      ['file:///ws/corpus/later/A-68-283.md'],
    );
  });

  test('a copy passed over is reported once, also when the team corpus layers its registry and texts over the corpus', async () => {
    const later = 'file:///ws/corpus/later/A-68-283.md';
    const local = testCorpus([own(), own(later)]);
    const teamEntry = local.registry.get('A/RES/73/195')!;
    const layered = (await new TeamTexts(teamSource(['A/RES/73/195'])).corpusFor(withTeamRegistry(local, [teamEntry]), ['A/RES/73/195'])).corpus;
    assert.equal(layered.lookup('A/RES/73/195')?.document?.uri, 'compact-drafter-team:/A-RES-73-195.md');
    assert.deepEqual(
      layered.problems.map((p) => p.uri),
      [later],
    );
  });

  test('the team’s copy over the bundled one, the user’s over the team’s', async () => {
    const team = new TeamTexts(teamSource([SYMBOL]));
    const overBundled = (await team.corpusFor(testCorpus(), [SYMBOL])).corpus;
    assert.equal(overBundled.lookup(SYMBOL)?.document?.uri, 'compact-drafter-team:/A-68-283.md');
    const withOwn = (await new TeamTexts(teamSource([SYMBOL])).corpusFor(testCorpus([own()]), [SYMBOL])).corpus;
    assert.equal(withOwn.lookup(SYMBOL)?.document?.uri, OWN_URI);
    // Fetched before the user added a copy: the user's copy is served once it is there.
    const reloaded = (await team.corpusFor(testCorpus([own()]), [SYMBOL])).corpus;
    assert.equal(reloaded.lookup(SYMBOL)?.document?.uri, OWN_URI);
  });

  test('the team’s copy is a layer of its own, named in the hover, and replaced when the team corpus changed', async () => {
    const team = new TeamTexts(teamSource([SYMBOL]), 'the team corpus at db.example.org:5432/team_corpus');
    const first = (await team.corpusFor(testCorpus(), [SYMBOL])).corpus;
    const served = first.lookup(SYMBOL)!.document!;
    assert.equal(served.layer, 'team');
    const draft = `Recalling ${SYMBOL}, para. 1, on governance,`;
    const hover = hoverAt(analyzeDraft(draft, first), draft.indexOf(SYMBOL), { corpus: first, counts: () => ({ draft: 1 }) })!;
    assert.match(hover.markdown, /Paragraph 1: “The team copy/);
    assert.match(hover.markdown, /Text from the team corpus at db\.example\.org:5432\/team\\?_corpus/);
    // Asked again over the corpus it made: that corpus, without a second copy.
    const again = await team.corpusFor(first, [SYMBOL]);
    assert.equal(again.changed, false);
    assert.equal(again.corpus, first);
    // A push: what was fetched is forgotten, fetched again, and the new copy replaces the old (no duplicate reported).
    team.forget();
    const after = await team.corpusFor(first, [SYMBOL]);
    assert.equal(after.changed, true);
    assert.equal(after.corpus.documents.filter((d) => d.layer === 'team').length, 1);
    assert.notEqual(after.corpus.lookup(SYMBOL)!.document, served);
    assert.deepEqual(after.corpus.problems, []);
  });
});

describe('every reader serves the same copy', () => {
  const corpus = testCorpus([own()]);

  test('hover quotes the user’s wording of the paragraph', () => {
    const draft = `Recalling ${SYMBOL}, para. 2, on governance,`;
    const hover = hoverAt(analyzeDraft(draft, corpus), draft.indexOf(SYMBOL), { corpus, counts: () => ({ draft: 1 }) });
    assert.ok(hover);
    assert.match(hover.markdown, /Our own wording of the second paragraph/);
  });

  test('go to definition opens the user’s file at the paragraph', () => {
    const draft = `Recalling ${SYMBOL}, para. 2, on governance,`;
    const locations = definitionAt(analyzeDraft(draft, corpus), TextDocument.create('file:///draft.md', 'markdown', 1, draft), draft.indexOf(SYMBOL));
    assert.deepEqual(
      locations.map((l) => [l.uri, l.range.start.line]),
      [[OWN_URI, 2]],
    );
  });

  test('the rules check pinpoints against the user’s copy: paragraph 91 is in the bundled text only', () => {
    const draft = `Recalling ${SYMBOL}, para. 91, on governance,`;
    assert.equal(check(noSuchParagraphRule, draft, { corpus: testCorpus() }).length, 0);
    assert.equal(check(noSuchParagraphRule, draft, { corpus }).length, 1);
  });

  test('completion offers the user’s paragraph numbers', () => {
    const draft = `Recalling ${SYMBOL}, para. `;
    assert.deepEqual(
      completionsAt(draft, draft.length, corpus).map((i) => [i.label, i.detail]),
      [
        ['1', 'Our own first paragraph.'],
        ['2', 'Our own wording of the second paragraph.'],
        ['3', 'Our own third.'],
      ],
    );
  });

  test('workspace symbols list the user’s copy once', () => {
    assert.deepEqual(
      workspaceSymbols(SYMBOL, corpus).map((s) => s.location.uri),
      [OWN_URI],
    );
  });
});
