// Incremental analysis equals a fresh one: thousands of random edits of the seed drafts, each
// version analysed by the same IncrementalAnalyzer (re-reading only what the edit touched) and by
// analyzeDraft from scratch, compared deep-equal (model, references with their resolutions, brackets).
// INCREMENTAL_EDITS sets how many edits (default 2,000); INCREMENTAL_SEED the seed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chunkStarts } from '../parse/chunks';
import { blankFrontMatter } from '../parse/markdown';
import { DraftEditor, random, seedDrafts } from '../parse/randomEdits';
import { testCorpus } from '../rules/testing';
import { analyzeDraft, IncrementalAnalyzer } from './analysis';
import { AnalysisCache } from './cache';

const EDITS = Number(process.env.INCREMENTAL_EDITS ?? 2000);
const SEED = Number(process.env.INCREMENTAL_SEED ?? 20240607);
/** Edits per session: one analyzer follows one document through this many versions. */
const SESSION = 50;

function failure(seed: number, session: number, step: number, kind: string, text: string): string {
  return `incremental analysis differs from analyzeDraft (seed ${seed}, session ${session}, edit ${step}: ${kind}); INCREMENTAL_SEED=${seed} reproduces it. Text: ${JSON.stringify(text.length > 4000 ? `${text.slice(0, 4000)}…` : text)}`;
}

describe('incremental analysis', () => {
  const corpus = testCorpus();
  const seeds = seedDrafts();

  test(`equals analyzeDraft after each of ${EDITS} random edits of the seed drafts`, { timeout: 600_000 }, () => {
    const next = random(SEED);
    const editor = new DraftEditor(next, seeds);
    let done = 0;
    for (let session = 0; done < EDITS; session++) {
      // Mostly excerpts of a few pieces, so each version's analyzeDraft stays cheap; now and then two joined.
      const seedText = seeds[Math.floor(next() * seeds.length)].text;
      let text = editor.excerpt(seedText, 300, 5000);
      if (next() < 0.2) text += `\n\n${editor.excerpt(seeds[Math.floor(next() * seeds.length)].text, 300, 2000)}`;
      // Every other session parses each piece alone, as an edit does, to prove every cut.
      const analyzer = new IncrementalAnalyzer(session % 2 ? { runPieces: 1 } : {});
      assert.deepStrictEqual(analyzer.analyze(text, corpus), analyzeDraft(text, corpus), failure(SEED, session, 0, 'start', text));
      for (let step = 1; step <= SESSION && done < EDITS; step++, done++) {
        const edit = editor.edit(text);
        text = edit.text;
        assert.deepStrictEqual(analyzer.analyze(text, corpus), analyzeDraft(text, corpus), failure(SEED, session, step, edit.kind, text));
        // The cuts proposed from the previous version's (resumed scan) are those of a scan of the whole text.
        if (!analyzer.parseStats.whole) assert.equal(analyzer.parseStats.proposed, chunkStarts(blankFrontMatter(text)).length, failure(SEED, session, step, edit.kind, text));
      }
    }
  });

  test('equals analyzeDraft on whole seed drafts under edits', { timeout: 300_000 }, () => {
    const next = random(SEED + 1);
    const editor = new DraftEditor(next, seeds);
    for (const seed of seeds) {
      const analyzer = new IncrementalAnalyzer({ runPieces: 1 });
      let text = seed.text;
      assert.deepStrictEqual(analyzer.analyze(text, corpus), analyzeDraft(text, corpus));
      for (let step = 1; step <= 8; step++) {
        const edit = editor.edit(text);
        text = edit.text;
        assert.deepStrictEqual(analyzer.analyze(text, corpus), analyzeDraft(text, corpus), failure(SEED + 1, 0, step, `${seed.name}: ${edit.kind}`, text));
      }
    }
  });

  test('an edit in the middle of a draft parses one piece and reads one span again', { timeout: 60_000 }, () => {
    const text = seeds.map((s) => s.text).join('\n\n');
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze(text, corpus);
    const at = text.indexOf('States have the power');
    assert.ok(at > 0);
    const edited = `${text.slice(0, at)}All ${text.slice(at)}`;
    const analysis = analyzer.analyze(edited, corpus);
    assert.equal(analyzer.parseStats.whole, false);
    assert.equal(analyzer.parseStats.runs, 1);
    assert.ok(analyzer.parseStats.parsedChars < 2000, `${analyzer.parseStats.parsedChars} characters parsed again`);
    assert.equal(analyzer.spansRead, 1);
    assert.deepStrictEqual(analysis, analyzeDraft(edited, corpus));
  });

  test('AnalysisCache answers each version with the incremental analysis', () => {
    const cache = new AnalysisCache();
    const text = seeds[0].text;
    const first = cache.get('file:///a.md', 1, () => text, corpus);
    assert.equal(cache.get('file:///a.md', 1, () => assert.fail('not read again'), corpus), first);
    const edited = `${text}\n\nRecalling its resolution 71/280.\n`;
    assert.deepStrictEqual(cache.get('file:///a.md', 2, () => edited, corpus), analyzeDraft(edited, corpus));
  });
});
