// Property-based fuzzing of the whole pipeline: the parser, the reference grammar, the resolver and
// every diagnostic rule, over seed texts with random damage (insertions, deletions, unbalanced
// brackets, control characters, RTL and CJK text, lone surrogates, 10,000-character lines, CRLF and
// mixed line endings, Markdown fragments, pieces of citations). Nothing may throw; every range must
// lie inside the text; every fix's edits must lie inside it and not overlap.
//
// `npm test` runs a short, seeded run. The long run is scripts/fuzz.mjs, which sets:
//   FUZZ_RUNS        cases of the pipeline property (default 200); the grammar gets as many, corpus files 1 in 4, whole seeds 1 in 50
//   FUZZ_SEED        fast-check seed (default fixed, so `npm test` is reproducible)
//   FUZZ_TIME_LIMIT  seconds after which the run stops early without failing (the properties share them)
//   FUZZ_PROGRESS    print a progress line every this many cases
//   FUZZ_REPORT      write the summary (JSON) to this file
//   FUZZ_PATH        fast-check's path of a failure to replay (with its FUZZ_SEED)
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeDraft, type DraftAnalysis } from '../../server/src/analysis';
import { CorpusDocument, documentFromBytes, type Corpus } from '../../server/src/corpus';
import { hoverAt } from '../../server/src/features/hover';
import { assembleDraft } from '../../server/src/parse/assemble';
import { collectBlocks } from '../../server/src/parse/blocks';
import { parseMarkdown } from '../../server/src/parse/markdown';
import { assertModelInvariants } from '../../server/src/parse/testSupport';
import { scanReferences } from '../../server/src/references/find';
import { ALL_RULES, DEFAULT_DIAGNOSTICS_CONFIG, runRules, type Diagnostic, type HouseStyle, type Rule } from '../../server/src/rules';
import {
  applyEdits,
  assertAnalysisRanges,
  assertFindings,
  assertRange,
  assertReferenceRanges,
  corpusWith,
  mutatedDraft,
  mutatedWholeSeed,
  proseLike,
  shown,
} from './support';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_517);
/**
 * One deadline for the whole file, shared: each property gets an equal part of what the ones before
 * it left (it had all of it, and a 12-minute run spent it on the grammar, leaving the pipeline
 * "interrupted after 0 tests", which fast-check reports as a failure).
 */
const DEADLINE = process.env.FUZZ_TIME_LIMIT ? Date.now() + Number(process.env.FUZZ_TIME_LIMIT) * 1000 : undefined;
const PROGRESS_EVERY = Number(process.env.FUZZ_PROGRESS ?? 0);
const LONG = process.env.FUZZ_RUNS !== undefined;

/** What the run exercised, for the summary: a fuzz run that checks nothing must not pass silently. */
const stats = {
  seed: SEED,
  cases: { grammar: 0, corpusFile: 0, pipeline: 0, wholeSeed: 0 },
  characters: 0,
  references: 0,
  findings: {} as Record<string, number>,
  fixesChecked: 0,
  fixesApplied: 0,
  hovers: 0,
  startedAt: Date.now(),
};

function progress(kind: keyof typeof stats.cases, total: number): void {
  const n = ++stats.cases[kind];
  if (PROGRESS_EVERY > 0 && n % PROGRESS_EVERY === 0) {
    const seconds = ((Date.now() - stats.startedAt) / 1000).toFixed(0);
    process.stderr.write(`[fuzz seed ${SEED}] ${kind} ${n}/${total} · ${seconds} s · ${stats.references} references · ${Object.values(stats.findings).reduce((a, b) => a + b, 0)} findings\n`);
  }
}

/** `left`: this property and those after it in the file, sharing what remains of the deadline. */
function settings(runs: number, left: number): fc.Parameters<unknown> {
  return {
    numRuns: runs,
    seed: SEED,
    endOnFailure: !LONG,
    ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
    ...(DEADLINE ? { interruptAfterTimeLimit: Math.max(1000, (DEADLINE - Date.now()) / left), markInterruptAsFailure: false } : {}),
  };
}

const HOUSE_STYLES: readonly HouseStyle[] = [{ rangeDash: 'en-dash' }, { rangeDash: 'hyphen' }];

/**
 * parseDraft catches, which would hide a parser crash behind an empty model: where the model it gave
 * has no spans (all a crash leaves), its stages are called again directly, so the exception shows.
 */
function parseStrictlyIfEmpty(analysis: DraftAnalysis): void {
  if (analysis.model.spans.length > 0) return;
  const text = analysis.model.text;
  assertModelInvariants(assembleDraft(text, collectBlocks(parseMarkdown(text), text)));
}

/** Analysis, then every rule (a rule that throws fails the case: runRules would only log it). */
function analyseAndCheck(text: string, corpus: Corpus, houseStyle: HouseStyle): { analysis: DraftAnalysis; diagnostics: Diagnostic[] } {
  const analysis = analyzeDraft(text, corpus);
  assert.equal(analysis.model.text, text, 'the model keeps the text');
  assertModelInvariants(analysis.model);
  parseStrictlyIfEmpty(analysis);
  assertAnalysisRanges(analysis, text.length);
  const failures: string[] = [];
  const diagnostics = runRules(ALL_RULES, { text, analysis, corpus, houseStyle }, DEFAULT_DIAGNOSTICS_CONFIG, (rule: Rule, error: unknown) => {
    failures.push(`${rule.code} threw: ${(error as Error)?.stack ?? String(error)}`);
  });
  assert.deepEqual(failures, [], failures.join('\n'));
  assertFindings(diagnostics, text.length, 'diagnostic');
  return { analysis, diagnostics };
}

/** The hover at an offset: its range inside the text, and links only to the two sites the hover builds them for. */
function checkHover(analysis: DraftAnalysis, offset: number, corpus: Corpus): void {
  const hover = hoverAt(analysis, offset, { corpus, counts: () => ({ draft: 1, workspace: { citations: 2, files: 1 } }) });
  if (!hover) return;
  stats.hovers++;
  assertRange(hover.range, analysis.model.text.length, 'hover');
  for (const m of hover.markdown.matchAll(/(?<!\\)\]\(([^)]*)\)/g)) {
    assert.match(m[1], /^https:\/\/(?:undocs\.org|digitallibrary\.un\.org)\//, `hover links to ${m[1]}`);
  }
}

function recordDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    stats.findings[d.code] = (stats.findings[d.code] ?? 0) + 1;
    stats.fixesChecked += d.fixes.length;
  }
}

/** A text of the corpus that the case controls: its paragraphs are the fuzzed text's, under a symbol the registry knows without text. */
const FUZZED_SYMBOL = 'A/71/728';

const pipelineCase = fc.record({
  text: mutatedDraft,
  houseStyle: fc.constantFrom(...HOUSE_STYLES),
  corpusText: fc.option(mutatedDraft, { freq: 6, nil: undefined }),
  cited: fc.record({ paragraph: fc.integer({ min: 0, max: 30 }), from: fc.nat(), words: fc.integer({ min: 2, max: 12 }) }),
  hoverAt: fc.array(fc.nat(), { maxLength: 3 }),
  fix: fc.nat(),
});

describe('fuzz (property-based, seeded)', () => {
  test('the grammar, on its own, over prose-like text: no exception, every range inside the text', () => {
    const corpus = corpusWith();
    const options = { aliases: corpus.aliases() };
    fc.assert(
      fc.property(proseLike, (text) => {
        progress('grammar', RUNS);
        const refs = scanReferences(text, options);
        stats.references += refs.length;
        refs.forEach((ref, i) => assertReferenceRanges(ref, text.length, `reference ${i} in ${shown(text)}`));
      }),
      settings(RUNS, 4),
    );
  });

  test('the corpus loader over damaged files: a document or a reason, never an exception; a document parses', () => {
    const frontMatter = fc.constantFrom(
      '',
      '---\nsymbol: A/72/999\ntitle: T\ndate: 2017-01-01\n---\n',
      '---\r\nsymbol: A/72/999\r\n---\r\n',
      '---\nsymbol: [1, 2]\n---\n',
      '---\nsymbol: not a symbol\n---\n',
      '---\nsymbol: "A/72/999\n',
      '---\n: : :\n---\n',
      '---\ntitle: &a [*a]\n---\n',
      '---\nsymbol: 2017-01-01\ndate: 2017-13-45\n---\n',
      '\ufeff---\nsymbol: A/RES/71/1\n---\n',
      'A/72/999\n\nDistr.: General\n7 August 2013\n\n',
    );
    const bytePatch = fc.record({ at: fc.nat(), bytes: fc.uint8Array({ maxLength: 6 }) });
    const file = fc.record({ head: frontMatter, body: mutatedDraft, patches: fc.array(bytePatch, { maxLength: 3 }), name: fc.constantFrom('A-72-999.md', 'notes.txt', 'x.markdown') });
    const runs = Math.max(20, Math.round(RUNS / 4));
    fc.assert(
      fc.property(file, ({ head, body, patches, name }) => {
        progress('corpusFile', runs);
        let bytes = new TextEncoder().encode(head + body);
        for (const { at, bytes: patch } of patches) {
          const i = at % (bytes.length + 1);
          bytes = Uint8Array.from([...bytes.subarray(0, i), ...patch, ...bytes.subarray(i)]);
        }
        const result = documentFromBytes(bytes, `file:///corpus/${name}`, 'workspace');
        if (!(result instanceof CorpusDocument)) {
          assert.match(result.message, /^skipped: ./, 'a reason');
          assert.equal(result.uri, `file:///corpus/${name}`);
          return;
        }
        assertModelInvariants(result.model);
        if (result.symbol) assert.ok(corpusWith([result]).lookup(result.symbol)?.document, 'its symbol resolves');
      }),
      settings(runs, 3),
    );
  });

  test('whole seed texts, mutated: no exception, ranges and fixes inside the text', () => {
    const runs = Math.max(5, Math.round(RUNS / 50));
    fc.assert(
      fc.property(mutatedWholeSeed, fc.constantFrom(...HOUSE_STYLES), (text, houseStyle) => {
        progress('wholeSeed', runs);
        stats.characters += text.length;
        const { analysis, diagnostics } = analyseAndCheck(text, corpusWith(), houseStyle);
        stats.references += analysis.references.length;
        recordDiagnostics(diagnostics);
      }),
      settings(runs, 2),
    );
  });

  test('parser, grammar, resolver, every rule and the hover over mutated drafts: no exception, ranges and fixes inside the text', () => {
    fc.assert(
      fc.property(pipelineCase, ({ text: base, houseStyle, corpusText, cited, hoverAt: offsets, fix }) => {
        progress('pipeline', RUNS);
        let text = base;
        let corpus = corpusWith();
        if (corpusText !== undefined) {
          // A corpus text as broken as the draft, and a quotation of it cited to one of its paragraphs.
          const document = new CorpusDocument(FUZZED_SYMBOL, FUZZED_SYMBOL, 'file:///fuzz/A-71-728.md', 'workspace', corpusText);
          corpus = corpusWith([document]);
          const paragraphs = document.model.paragraphs;
          const source = paragraphs.length ? paragraphs[cited.paragraph % paragraphs.length] : undefined;
          const words = (source?.text ?? corpusText).split(/\s+/);
          const from = cited.from % Math.max(1, words.length);
          const label = source ? source.label : String(cited.paragraph);
          text += `\n\n3. As it states, “${words.slice(from, from + cited.words).join(' ')}” (see ${FUZZED_SYMBOL}, para. ${label}).\n`;
        }
        stats.characters += text.length;
        const { analysis, diagnostics } = analyseAndCheck(text, corpus, houseStyle);
        stats.references += analysis.references.length;
        recordDiagnostics(diagnostics);
        for (const offset of offsets) checkHover(analysis, offset % (text.length + 1), corpus);
        for (const ref of analysis.references.slice(0, 3)) checkHover(analysis, ref.range.start, corpus);
        // One fix applied: the fixed draft must go through the pipeline as well.
        const fixable = diagnostics.filter((d) => d.fixes.length > 0);
        if (fixable.length > 0) {
          const chosen = fixable[fix % fixable.length];
          const fixed = applyEdits(text, chosen.fixes[fix % chosen.fixes.length]);
          stats.fixesApplied++;
          analyseAndCheck(fixed, corpus, houseStyle);
        }
      }),
      settings(RUNS, 1),
    );
    // The cases that ran: a time-limited run stops before RUNS.
    assert.ok(stats.references > stats.cases.pipeline, `only ${stats.references} references in ${stats.cases.pipeline} drafts: the generator no longer produces citations`);
    assert.ok(Object.keys(stats.findings).length >= 6, `only ${Object.keys(stats.findings).join(', ')} reported: the generator no longer reaches the rules`);
  });

});

after(() => {
  const summary = { ...stats, seconds: Math.round((Date.now() - stats.startedAt) / 100) / 10 };
  if (PROGRESS_EVERY > 0 || LONG) process.stderr.write(`[fuzz seed ${SEED}] summary ${JSON.stringify(summary)}\n`);
  if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(summary, null, 2));
});
