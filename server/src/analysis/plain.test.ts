import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { bundledDataDir } from '../corpus';
import { testCorpus } from '../corpus/testCorpus';
import { analyzeDraft } from './analysis';
import { analyzePlainDraft, analyzePlainDraftInSteps, PlainLineCache } from './plain';

const corpus = testCorpus();
const brief = readFileSync(join(bundledDataDir(), 'corpus', 'GCM-issue-brief-3-2017.md'), 'utf8');

const summary = (refs: readonly { symbol?: string; range: { start: number; end: number }; pinpoint?: unknown }[]) =>
  refs.map((r) => `${r.symbol}@${r.range.start}-${r.range.end}`);

describe('plain-line analysis of drafts too large to parse', () => {
  test('on one-line paragraphs it finds the same external citations at the same ranges as the full analysis', () => {
    const text = [
      'Recalling its resolution 71/280 of 6 April 2017 and General Assembly resolution 67/172,',
      '',
      'See A/68/283, paras. 89-91, and the New York Declaration (A/RES/71/1, annex II, paragraph 8).',
      '',
      'Security Council resolution 2240 (2015) and A/C.3/71/L.35/Rev.1.',
      '',
    ].join('\n');
    const full = analyzeDraft(text, corpus).references.filter((r) => r.kind !== 'internal');
    const plain = analyzePlainDraft(text, corpus).references;
    assert.deepEqual(summary(plain), summary(full));
    assert.deepEqual(
      plain.map((r) => r.resolution.status),
      full.map((r) => r.resolution.status),
    );
  });

  test('internal references and paragraph structure are left out: there is none to read', () => {
    const analysis = analyzePlainDraft('1. As in paragraph 9 above.\n\n1. Again.\n', corpus);
    assert.deepEqual(analysis.references, []);
    assert.deepEqual(analysis.model.paragraphs, []);
  });

  test('brackets are read across lines', () => {
    const analysis = analyzePlainDraft('To [consider\n\nratifying] and [unclosed\n', corpus);
    assert.equal(analysis.brackets.passages.length, 1);
    assert.deepEqual(analysis.brackets.unmatched.map((u) => u.bracket), ['[']);
  });

  test('an edit re-reads only the lines it changed', () => {
    const lines = new PlainLineCache();
    const text = `${brief}\n`.repeat(20);
    const first = analyzePlainDraft(text, corpus, lines);
    const distinct = lines.linesRead;
    assert.ok(first.references.length > 100);
    const at = text.indexOf('resolution 71/280');
    const edited = `${text.slice(0, at)}resolution 71/1${text.slice(at + 'resolution 71/280'.length)}`;
    const second = analyzePlainDraft(edited, corpus, lines);
    assert.equal(lines.linesRead - distinct, 1, 'one changed line read again');
    assert.deepEqual(summary(second.references), summary(analyzePlainDraft(edited, corpus).references));
  });

  test('an unchanged line keeps its references resolved: the edit resolves only the line it changed', () => {
    const lines = new PlainLineCache();
    const text = `${brief}\n`.repeat(3);
    const first = analyzePlainDraft(text, corpus, lines);
    const at = text.indexOf('resolution 71/280');
    const edited = `${text.slice(0, at)}resolution 71/1${text.slice(at + 'resolution 71/280'.length)}`;
    const second = analyzePlainDraft(edited, corpus, lines);
    const fresh = analyzePlainDraft(edited, corpus);
    assert.deepEqual(second.references.map((r) => [r.range, r.resolution.status]), fresh.references.map((r) => [r.range, r.resolution.status]));
    // The same resolution objects for the lines the edit did not touch (they were resolved anew at every edit).
    const kept = second.references.filter((r) => first.references.some((p) => p.resolution === r.resolution)).length;
    assert.equal(kept, second.references.length - 1, `${kept} of ${second.references.length} resolutions kept`);
  });

  test('in steps: the same analysis, with pauses between steps for the server to answer other requests', async () => {
    const text = `${brief}\n`.repeat(40);
    let pauses = 0;
    const stepped = await analyzePlainDraftInSteps(text, corpus, new PlainLineCache(), async () => {
      pauses++;
    });
    const whole = analyzePlainDraft(text, corpus);
    // A step ends at the first line end after 64 K characters.
    assert.ok(pauses >= text.length / (2 * 64 * 1024), `${pauses} pauses over ${text.length} characters`);
    assert.deepEqual(summary(stepped.references), summary(whole.references));
    assert.deepEqual(stepped.brackets.passages, whole.brackets.passages);
  });

  test('in steps: a pause that throws (a newer version arrived) abandons the analysis and keeps the cache as it was', async () => {
    const lines = new PlainLineCache();
    const text = `${brief}\n`.repeat(40);
    await assert.rejects(
      analyzePlainDraftInSteps(text, corpus, lines, async () => {
        throw new Error('stale');
      }),
      /stale/,
    );
    const read = lines.linesRead;
    analyzePlainDraft(brief, corpus, lines);
    assert.ok(lines.linesRead > read, 'nothing of the abandoned analysis was kept as the previous version');
  });

  test('a 10 MB draft of distinct lines is read without hanging, CRLF line ends included', { timeout: 120_000 }, () => {
    const unit = brief.replace(/\n/g, '\r\n');
    const copies = Math.ceil(10_000_000 / unit.length);
    // Every line differs from copy to copy, so nothing is served from the line cache.
    const text = Array.from({ length: copies }, (_, i) => unit.replace(/^(?=\S)/gm, `§${i} `)).join('\r\n');
    const lines = new PlainLineCache();
    const analysis = analyzePlainDraft(text, corpus, lines);
    assert.ok(text.length >= 10_000_000);
    assert.ok(lines.linesRead > copies * 100, `${lines.linesRead} lines read`);
    assert.equal(analysis.references.length, analyzePlainDraft(unit, corpus).references.length * copies);
    for (const ref of analysis.references) assert.ok(ref.range.start < ref.range.end && ref.range.end <= text.length);
  });
});
