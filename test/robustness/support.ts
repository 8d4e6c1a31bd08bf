// Shared by the robustness tests: the seed texts, hostile fragments, mutated drafts as fast-check
// arbitraries, and the invariants every stage's output must keep (ranges inside the text, fixes
// whose edits are inside it and do not overlap).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { DraftAnalysis } from '../../server/src/analysis';
import type { OffsetRange } from '../../server/src/parse/model';
import type { Reference } from '../../server/src/references/model';
import type { Finding, Fix } from '../../server/src/rules';

export const REPO = join(__dirname, '..', '..');

/** Every seed: the bundled corpus texts and the example drafts, by file name. */
export const SEEDS: ReadonlyMap<string, string> = new Map([
  ...readdirSync(join(REPO, 'server', 'data', 'corpus'))
    .filter((name) => /\.(md|txt)$/.test(name))
    .map((name) => [name, readFileSync(join(REPO, 'server', 'data', 'corpus', name), 'utf8')] as const),
  ...readdirSync(join(REPO, 'examples'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => [name, readFileSync(join(REPO, 'examples', name), 'utf8')] as const),
]);
const SEED_NAMES = [...SEEDS.keys()].sort();

// The one test-corpus builder: the bundled texts loaded once, the registry and any extra texts.
export { bundledDocuments, testCorpus as corpusWith } from '../../server/src/corpus/testCorpus';

// ---------------------------------------------------------------------------------------------
// Hostile text.

/** Markdown syntax the parser has to survive. */
const MARKDOWN = [
  '```', '```\n', '~~~', '[^1]', '[^1]: ', '[^2]:', '[^', '<sup>', '</sup>', '<sup>3</sup>', '¹', '²³', '| a | b |\n| --- | --- |\n| c | d |\n', '|', '| x',
  '> ', '>> ', '- ', '  - ', '    - ', '* ', '1) ', '# ', '## ', '###### ', '**', '*', '_', '__', '~~', '`', '\\', '---\n', '***', '<!--', '-->',
  '<!-- compact-drafter-disable -->', '<!-- compact-drafter-disable-next-line superseded -->', '<!-- compact-drafter-enable -->', '<div>', '</div>',
  '<b>', '[x](#)', '[67/172](#)', '<https://undocs.org/A/71/1>', 'https://undocs.org/A/RES/71/1 ', '![i](x.png)', '&amp;', '&#x1F600;', '&eacute;',
  '\n\n', '\n', '\t', '    ', '\u00a0',
];

/** Citations and pieces of citations for the grammar, the resolver and the rules. */
const CITATION = [
  'A/RES/', 'A/RES/71/280', 'A/RES/71/1', 'A/Res/72/244', 'a/res/71/280', 'A /RES/71/280', 'A/71/RES/280', 'A/RES/71/280/', 'A/71/L.58', 'A/71/L.1*',
  'A/68/283', 'A/71/285', 'A/71/728', 'A/HRC/20/24', 'A/C.3/71/L.35/Rev.1', 'S/RES/2240 (2015)', 'A/RES/99/999', 'E/CN.4/1998/53/Add.2', '/Rev.', '/Add.1',
  'resolution 71/', 'resolution 67/172', 'resolutions 70/1 and 71/1', 'Human Rights Council resolution 35/17', 'Security Council resolution 2240 (2015)',
  'resolution 31/16 A', 'decision 71/547', ', paragraph 8', 'paragraph 17 of resolution A/RES/71/280', 'paras. 1-', 'paras. 89-91', 'paras. 89–91', 'para. ',
  'paragraphs 8, 10 and 12', 'paras. 4–6 bis', ', p. 5', 'pp. 3-', 'annex II, paragraph', 'annex II, paragraph 8, of its resolution A/RES/71/1', 'annex, para. 2',
  'paragraph 8 of annex II to resolution 71/1', 'paragraph 3 above', 'para. 45 below', 'paragraphs 2 and 3 below', 'footnote 3', 'footnote 99',
  'paragraph 7 of the present report', '5 bis. ', '5 ter. ', '3. ', '1. ', '2. ', '(a) ', '(b) ', '(d) ', '(i) ', '(iii) ', 'I. ', 'A. ', 'Alt 5. ', 'Option 2',
  ' of 6 April 2016', ' of 19 September 2016', ', entitled “New York Declaration for Migrants and Refugees”', ' entitled “', '“', '”', '"', '‘', '’', '…',
  '“States have the power to determine who enters and stays in their territory” (A/68/283, para. 91)', '(see A/68/283, para. 150)',
  'the Sutherland Report', 'the New York Declaration', 'the 2030 Agenda', 'the Global Compact', 'draft resolution A/71/L.58', 'Draft resolution (A/71/L.58',
  '16-13509 21/24', '[', ']', '[[', ']]', '(', ')', '((', '))', '[shall][should]', 'it [decides', 'it] requests',
];

/** Scripts, controls, surrogates and other characters that break naive code. */
const CHARACTERS = [
  'مرحبا بالعالم', 'العربية', 'עברית', 'שלום', '中文的文本', '第二段。', '日本語', '한국어', '😀', '👩‍👩‍👧', 'e\u0301', '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c',
  '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ud800', '\udc00', '\udfff', '\ud83d', '\u202e', '\u202d', '\u200f', '\u200b', '\u00ad', '\ufeff', '\ufffd',
  '\r', '\r\n', '\n\r', 'ǅ', 'İ', 'ß', 'ﬁ', '１２３', '٣٤', '①',
];

export const FRAGMENTS: readonly string[] = [...MARKDOWN, ...CITATION, ...CHARACTERS];

/** One UTF-16 code unit, any value: lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Something to insert: a fragment, a short random string (any code units, or any code points). */
const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 8 }).map((parts) => parts.join('')) },
);

/** A draft built from scratch: numbered paragraphs, headings and notes with citations and noise. */
const builtDraft = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.constantFrom('1. ', '2. ', '3. ', '3. ', '4. ', '5 bis. ', '7. ', '(a) ', '(b) ', '(c) ', '(i) ', '- ', ''), fc.array(piece, { maxLength: 6 })).map(([label, parts]) => `${label}${parts.join(' ')}`) },
      { weight: 1, arbitrary: fc.constantFrom('## Preamble', '## Operative paragraphs', 'I. Introduction', 'A. Background', '# Annex II', '*The General Assembly*,') },
      { weight: 1, arbitrary: fc.array(piece, { maxLength: 4 }).map((parts) => `[^${parts.length + 1}]: ${parts.join(' ')}`) },
    ),
    { maxLength: 14 },
  )
  .map((blocks) => blocks.join('\n\n'));

/** A window of a seed text: most of the grammar's and the parser's real material, at a bounded cost. */
const seedWindow = fc
  .record({ name: fc.constantFrom(...SEED_NAMES), start: fc.nat(), length: fc.integer({ min: 0, max: 4_000 }) })
  .map(({ name, start, length }) => {
    const text = SEEDS.get(name)!;
    const from = start % (text.length + 1);
    return text.slice(from, from + length);
  });

/** What a mutation does to a text; positions are taken modulo the length at the time. */
export type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number; readonly to: number }
  | { readonly kind: 'lineEndings'; readonly style: 'crlf' | 'cr' | 'mixed' }
  | { readonly kind: 'longLine'; readonly at: number; readonly unit: string; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: piece }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lineEndings' as const), style: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('longLine' as const),
      at: fc.nat(),
      unit: fc.constantFrom('x', 'word ', ' ', '\t', '1, ', '[', '(a) ', 'A/RES/71/1 ', '¹', 'ع', '中', '*', '> ', '1. ', 'paragraph 3 above, ', '“a '),
      length: fc.constantFrom(10_000, 12_000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
);

export function applyMutation(text: string, m: Mutation): string {
  const at = (n: number) => n % (text.length + 1);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'duplicate': {
      const copy = text.slice(at(m.at), at(m.at) + m.length);
      return text.slice(0, at(m.to)) + copy + text.slice(at(m.to));
    }
    case 'lineEndings': {
      const lf = text.replace(/\r\n?/g, '\n');
      if (m.style === 'crlf') return lf.replace(/\n/g, '\r\n');
      if (m.style === 'cr') return lf.replace(/\n/g, '\r');
      let k = 0;
      return lf.replace(/\n/g, () => ['\n', '\r\n', '\r'][k++ % 3]);
    }
    case 'longLine': {
      const line = m.unit.repeat(Math.ceil(m.length / m.unit.length)).slice(0, m.length);
      return text.slice(0, at(m.at)) + line + text.slice(at(m.at));
    }
    case 'truncate':
      return text.slice(0, at(m.at));
  }
}

/** A draft: a seed window, a whole small seed or a built draft, then up to ten mutations. */
export const mutatedDraft: fc.Arbitrary<string> = fc
  .record({
    base: fc.oneof(
      { weight: 6, arbitrary: seedWindow },
      { weight: 2, arbitrary: fc.constantFrom(...SEED_NAMES.filter((name) => SEEDS.get(name)!.length < 10_000)).map((name) => SEEDS.get(name)!) },
      { weight: 4, arbitrary: builtDraft },
      { weight: 1, arbitrary: fc.constant('') },
    ),
    mutations: fc.array(mutation, { maxLength: 10 }),
  })
  .map(({ base, mutations }) => mutations.reduce(applyMutation, base));

/** A whole large seed, mutated: rare, since each costs a tenth of a second or more. */
export const mutatedWholeSeed: fc.Arbitrary<string> = fc
  .record({ name: fc.constantFrom(...SEED_NAMES), mutations: fc.array(mutation, { maxLength: 6 }) })
  .map(({ name, mutations }) => mutations.reduce(applyMutation, SEEDS.get(name)!));

/** A run of prose for the grammar alone: citation fragments, noise, and seed windows. */
export const proseLike: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.array(piece, { maxLength: 30 }), fc.constantFrom(' ', '')).map(([parts, glue]) => parts.join(glue)) },
  { weight: 2, arbitrary: fc.record({ base: seedWindow, mutations: fc.array(mutation, { maxLength: 6 }) }).map(({ base, mutations }) => mutations.reduce(applyMutation, base)) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 200 }) },
);

// ---------------------------------------------------------------------------------------------
// Invariants.

export function assertRange(range: OffsetRange | undefined, length: number, what: string): void {
  assert.ok(range, `${what}: no range`);
  assert.ok(
    Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end <= length,
    `${what} ${JSON.stringify(range)} outside [0, ${length}] or reversed`,
  );
}

/** Every range a reference carries. */
export function assertReferenceRanges(ref: Reference, length: number, what = 'reference'): void {
  const name = `${what} ${ref.kind} ${ref.symbol ?? ref.alias ?? ''}`;
  assertRange(ref.range, length, `${name} range`);
  assertRange(ref.targetRange, length, `${name} targetRange`);
  if (ref.pinpointRange) assertRange(ref.pinpointRange, length, `${name} pinpointRange`);
  if (ref.pages) assertRange(ref.pages.range, length, `${name} pages`);
  ref.problems.forEach((problem, i) => assertRange(problem.range, length, `${name} problem ${i} (${problem.kind})`));
  if (ref.statedDate) assertRange(ref.statedDate.range, length, `${name} statedDate`);
  if (ref.statedTitle) assertRange(ref.statedTitle.range, length, `${name} statedTitle`);
}

/** The analysis's own ranges: references, bracket passages and unmatched brackets. */
export function assertAnalysisRanges(analysis: DraftAnalysis, length: number): void {
  analysis.references.forEach((ref, i) => assertReferenceRanges(ref, length, `reference ${i}`));
  for (let i = 1; i < analysis.references.length; i++) {
    assert.ok(analysis.references[i].range.start >= analysis.references[i - 1].range.start, 'references in document order');
  }
  analysis.brackets.passages.forEach((passage, i) => assertRange(passage, length, `bracket passage ${i}`));
  analysis.brackets.unmatched.forEach(({ offset }, i) => assert.ok(Number.isInteger(offset) && offset >= 0 && offset < length, `unmatched bracket ${i} at ${offset}`));
}

/** Edits inside the text, none overlapping another (two insertions at one offset count as overlapping: their order is undefined). */
export function assertFix(fix: Fix, length: number, what: string): void {
  assert.equal(typeof fix.title, 'string', `${what}: a title`);
  assert.ok(fix.edits.length > 0, `${what} “${fix.title}”: no edits`);
  fix.edits.forEach((edit, i) => {
    assertRange(edit.range, length, `${what} “${fix.title}” edit ${i}`);
    assert.equal(typeof edit.newText, 'string', `${what} “${fix.title}” edit ${i}: newText`);
  });
  const sorted = [...fix.edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1].range, sorted[i].range];
    const overlapping = b.start < a.end || (b.start === a.start && a.start === a.end && b.start === b.end);
    assert.ok(!overlapping, `${what} “${fix.title}”: edits ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`);
  }
}

export function assertFindings(findings: readonly Finding[], length: number, what: string): void {
  findings.forEach((finding, i) => {
    assertRange(finding.range, length, `${what} finding ${i}`);
    assert.ok(typeof finding.message === 'string' && finding.message.length > 0, `${what} finding ${i}: a message`);
    finding.fixes.forEach((fix) => assertFix(fix, length, `${what} finding ${i}`));
  });
}

/** Applies a fix's edits (already checked not to overlap), last first. */
export function applyEdits(text: string, fix: Fix): string {
  let result = text;
  for (const edit of [...fix.edits].sort((a, b) => b.range.start - a.range.start)) {
    result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  }
  return result;
}

/** A string shown in a failure message without control characters or lone surrogates garbling it. */
export function shown(text: string, max = 300): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text);
}
