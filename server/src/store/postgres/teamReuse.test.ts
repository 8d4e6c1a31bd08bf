// The team's reused passages in the editor (teamReuse.ts) over an in-process stand-in for the
// store (the real PostgreSQL is in test/postgres/teamReuse.test.ts): one request at a time, the
// newest version of a draft first, and what was asked kept until a push.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDraft } from '../../parse';
import { bundledDocuments, testCorpus } from '../../corpus/testCorpus';
import { ReuseService } from '../../reuse/service';
import type { ReuseIndexSource, TeamScan } from './teamReuse';
import { mergeMatches, TeamReuse, withOrigin } from './teamReuse';

/** The bundled corpus's index answering as a store would, each answer a few milliseconds later, counting requests. */
function standIn() {
  const index = new ReuseService().indexFor(testCorpus());
  const log = { requests: 0, inFlight: 0, maxInFlight: 0 };
  const answer = async <T>(work: () => T): Promise<T> => {
    log.requests++;
    log.maxInFlight = Math.max(log.maxInFlight, ++log.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.inFlight--;
    return work();
  };
  const store: ReuseIndexSource = {
    candidates: (queries, options) => answer(() => queries.map((fingerprints) => index.candidates({ fingerprints }, options))),
    units: (numbers) =>
      answer(() =>
        numbers.map((unit) => {
          const found = index.unit(unit);
          return { unit, documentId: found.document.id, symbol: found.document.symbol, uri: found.document.uri, label: found.label, text: found.text };
        }),
      ),
  };
  return { store, log };
}

const compact = bundledDocuments().find((d) => d.symbol === 'A/RES/73/195')!;
const paragraph = (label: string) => compact.model.paragraphs.find((p) => p.label === label)!.text.replace(/\s+/g, ' ').trim();
function scanOf(uri: string, version: number, text: string): TeamScan {
  return { uri, version, text, model: parseDraft(text), minWords: 25, minSimilarity: 0.8 };
}
const DRAFT = `The General Assembly,\n\n1. ${paragraph('15').replace(/ and /, ' as well as ')}\n\n2. ${paragraph('16')}\n`;
const until = async (done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('the team corpus’s reused passages of open drafts', () => {
  test('versions asked in a burst: only the newest is scanned, one request at a time', async () => {
    const { store, log } = standIn();
    const changed: string[] = [];
    const reuse = new TeamReuse(store, (uri) => changed.push(uri), 'the team corpus at db:5432/corpus');
    for (const version of [1, 2, 3]) reuse.request(scanOf('file:///a.md', version, DRAFT));
    reuse.request(scanOf('file:///b.md', 1, DRAFT));
    await until(() => !reuse.busy);
    assert.equal(log.maxInFlight, 1);
    assert.equal(reuse.matchesOf(scanOf('file:///a.md', 1, DRAFT)), undefined);
    const matches = reuse.matchesOf(scanOf('file:///a.md', 3, DRAFT))!;
    assert.deepEqual(matches.map((m) => [m.source.symbol, m.source.paragraphs.join(), m.altered, m.source.origin]), [
      ['A/RES/73/195', '15', true, 'the team corpus at db:5432/corpus'],
      ['A/RES/73/195', '16', false, 'the team corpus at db:5432/corpus'],
    ]);
    assert.deepEqual(reuse.matchesOf(scanOf('file:///b.md', 1, DRAFT))?.length, 2);
    assert.deepEqual(changed.sort(), ['file:///a.md', 'file:///b.md']);
  });

  test('an edit asks only for the paragraphs it changed; a push asks again', async () => {
    const { store, log } = standIn();
    const reuse = new TeamReuse(store, () => {}, 'the team corpus');
    reuse.request(scanOf('file:///a.md', 1, DRAFT));
    await until(() => !reuse.busy);
    const first = log.requests;
    assert.equal(first, 2);
    // The same paragraphs after a new preamble: answered from what was kept, no request.
    const edited = DRAFT.replace('The General Assembly,', 'The General Assembly,\n\nRecalling its work,');
    reuse.request(scanOf('file:///a.md', 2, edited));
    await until(() => !reuse.busy);
    assert.equal(log.requests, first);
    assert.equal(reuse.matchesOf(scanOf('file:///a.md', 2, edited))?.length, 2);
    reuse.invalidate();
    reuse.request(scanOf('file:///a.md', 2, edited));
    await until(() => !reuse.busy);
    assert.equal(log.requests, first + 2);
  });

  test('a team text the draft cites is in the local index too: its match says where it comes from, and is listed once', async () => {
    const { store } = standIn();
    const reuse = new TeamReuse(store, () => {}, 'the team corpus at db:5432/corpus');
    reuse.request(scanOf('file:///a.md', 1, DRAFT));
    await until(() => !reuse.busy);
    const team = reuse.matchesOf(scanOf('file:///a.md', 1, DRAFT))!;
    // The same matches as the local index finds them when the text was fetched as a team text: no origin of their own.
    const local = team.map((m) => ({ ...m, source: { id: m.source.id, symbol: m.source.symbol, uri: 'compact-drafter-team:/A-RES-73-195.md', paragraphs: m.source.paragraphs } }));
    const marked = withOrigin(local, 'the team corpus at db:5432/corpus');
    assert.deepEqual(marked.map((m) => m.source.origin), ['the team corpus at db:5432/corpus', 'the team corpus at db:5432/corpus']);
    assert.equal(mergeMatches(marked, team).length, 2);
    // Sources that are files of the drafter's are left as they are.
    assert.equal(withOrigin(team.map((m) => ({ ...m, source: { ...m.source, origin: undefined } })), 'x').every((m) => m.source.origin === undefined), true);
  });
});
