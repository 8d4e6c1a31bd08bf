import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { bundledDataDir } from '../corpus';
import { testCorpus } from '../corpus/testCorpus';
import { analyzeDraft } from './analysis';
import { analyzePlainDraft, PlainLineCache } from './plain';

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
