// Issue 14, point 8: VS Code's Problems panel cuts a row at about 100 characters, so each message puts
// its fact first: the first clause (up to the first ",", ":", ";" or full stop) fits a row, and so
// does the first document the message names. Measured on the flagged example and on real UN texts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeDraft } from '../analysis';
import { ALL_RULES, DEFAULT_DIAGNOSTICS_CONFIG, DEFAULT_HOUSE_STYLE, runRules, type Diagnostic } from '../rules';
import { testCorpus } from '../rules/testing';
import { sharedPath } from '../../../test/sharedData';

const PROBLEMS_ROW = 100;
const corpus = testCorpus();

function diagnose(text: string): Diagnostic[] {
  return runRules(ALL_RULES, { text, analysis: analyzeDraft(text, corpus), corpus, houseStyle: DEFAULT_HOUSE_STYLE }, DEFAULT_DIAGNOSTICS_CONFIG);
}

/** The message up to the end of its first clause: what a drafter must read in the row. */
function lead(message: string): string {
  const end = message.search(/[,:;](?=\s)|\.(?=\s|$)/);
  return end < 0 ? message : message.slice(0, end + 1);
}

function checkRows(name: string, diagnostics: readonly Diagnostic[]): string[] {
  const failures: string[] = [];
  for (const d of diagnostics) {
    const first = lead(d.message);
    if (first.length > PROBLEMS_ROW) failures.push(`${name} ${d.code}: “${first}” (${first.length} characters)`);
    // A symbol ("A/80/292") or a resolution number ("80/218"): the document the finding is about.
    const named = /\b(?:[A-Z]{1,5}\/[A-Z0-9.\/()-]+|\d{1,3}\/\d{1,4})/.exec(d.message);
    if (named && named.index + named[0].length > PROBLEMS_ROW) failures.push(`${name} ${d.code}: “${d.message}” names ${named[0]} beyond a row`);
  }
  return failures;
}

describe('messages that survive the Problems panel', () => {
  test('every finding on the flagged example says its fact within a row', () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'flagged-draft.md'), 'utf8');
    const diagnostics = diagnose(text);
    assert.ok(new Set(diagnostics.map((d) => d.code)).size >= 9, diagnostics.map((d) => d.code).join(', '));
    assert.deepEqual(checkRows('flagged-draft.md', diagnostics), []);
    const superseded = diagnostics.find((d) => d.code === 'superseded')!;
    assert.match(superseded.message.slice(0, PROBLEMS_ROW), /^80\/218 of 18 December 2025 is the latest resolution on “Protection of migrants”/);
  });

  test('every finding on 150 real UN documents says its fact within a row', () => {
    const lines = readFileSync(sharedPath('un-documents', 'texts.jsonl'), 'utf8').split('\n').filter(Boolean);
    // Every eighth document: drafts (L. documents), adopted resolutions and reports of all sessions.
    const sample = lines.filter((_, i) => i % 8 === 0).map((line) => JSON.parse(line) as { symbol: string; text: string });
    assert.ok(sample.length >= 140, String(sample.length));
    const failures: string[] = [];
    let findings = 0;
    for (const { symbol, text } of sample) {
      const diagnostics = diagnose(text);
      findings += diagnostics.length;
      failures.push(...checkRows(symbol, diagnostics));
    }
    assert.ok(findings > 50, `${findings} findings: too few to say anything`);
    assert.deepEqual(failures, []);
  });
});
