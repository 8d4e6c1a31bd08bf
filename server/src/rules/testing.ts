// Shared by the rules' table tests: analyse a draft against the bundled corpus, run one rule,
// apply a fix, and check that a fix changes nothing but its edits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDraft } from '../analysis';
import { Corpus, bundledDataDir, bundledRegistry, loadBundledDocuments, type CorpusDocument } from '../corpus';
import { DEFAULT_HOUSE_STYLE, type Finding, type Fix, type HouseStyle, type Rule } from './rule';

let bundled: Corpus | undefined;

/** The registry and the bundled seed texts, plus any extra documents a test adds. */
export function testCorpus(extra: readonly CorpusDocument[] = []): Corpus {
  if (extra.length === 0) {
    bundled ??= new Corpus(bundledRegistry(), loadBundledDocuments().documents);
    return bundled;
  }
  return new Corpus(bundledRegistry(), [...loadBundledDocuments().documents, ...extra]);
}

export function check(rule: Rule, text: string, options: { corpus?: Corpus; houseStyle?: HouseStyle } = {}): Finding[] {
  const corpus = options.corpus ?? testCorpus();
  return rule.check({ text, analysis: analyzeDraft(text, corpus), corpus, houseStyle: options.houseStyle ?? DEFAULT_HOUSE_STYLE });
}

/** Applies a fix's edits (non-overlapping) to the text. */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start - a.range.start);
  for (let i = 1; i < edits.length; i++) {
    if (edits[i].range.end > edits[i - 1].range.start) throw new Error('overlapping edits');
  }
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  return result;
}

/** The text each finding covers, for readable assertions. */
export function flagged(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => text.slice(f.range.start, f.range.end));
}

/** A bundled seed text. */
export function seed(name: string): string {
  return readFileSync(join(bundledDataDir(), 'corpus', name), 'utf8');
}

/** Everything outside the edits is as it was, and the edits do not overlap; returns the fixed text. */
export function assertOnlyEditsChange(text: string, fix: Fix): string {
  const result = applyFix(text, fix);
  const edits = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
  let at = 0;
  let resultAt = 0;
  for (const edit of edits) {
    assert.ok(edit.range.start >= at, 'overlapping edits');
    const kept = text.slice(at, edit.range.start);
    assert.equal(result.slice(resultAt, resultAt + kept.length), kept, `“${fix.title}” changed text between its edits`);
    resultAt += kept.length + edit.newText.length;
    at = edit.range.end;
  }
  assert.equal(result.slice(resultAt), text.slice(at), `“${fix.title}” changed text after its edits`);
  return result;
}

/** The fix changes only the text its finding flags. */
export function assertFixTouchesOnlyFlaggedText(text: string, finding: Finding, fix: Fix): void {
  assertOnlyEditsChange(text, fix);
  for (const edit of fix.edits) assert.ok(edit.range.start >= finding.range.start && edit.range.end <= finding.range.end, 'an edit outside the flagged text');
}

/** As check, with the time the rule alone took (the analysis is not counted), for the rules' complexity regressions. */
export function timedCheck(rule: Rule, text: string): { findings: Finding[]; ms: number } {
  const corpus = testCorpus();
  const context = { text, analysis: analyzeDraft(text, corpus), corpus, houseStyle: DEFAULT_HOUSE_STYLE };
  const started = performance.now();
  const findings = rule.check(context);
  return { findings, ms: performance.now() - started };
}
