// Properties of the fixes of the pinpoint and structure rules, over generated drafts: a fix edits
// only the cited text (a number, "above"/"below", a sub-paragraph label, the quoted words) and
// leaves every other character as it was; it removes the fault it is for; and renumbering keeps
// every reference of the draft pointing at the paragraph it pointed at.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeDraft } from '../analysis';
import { brokenInternalReferenceRule } from './brokenInternalReference';
import { noSuchParagraphRule } from './noSuchParagraph';
import { paragraphNumberingRule } from './paragraphNumbering';
import { quoteMismatchRule } from './quoteMismatch';
import type { Finding, Fix, Rule } from './rule';
import {  assertOnlyEditsChange, check, testCorpus } from './testing';
import { unbalancedBracketsRule } from './unbalancedBrackets';

const RULES: readonly Rule[] = [noSuchParagraphRule, quoteMismatchRule, brokenInternalReferenceRule, paragraphNumberingRule, unbalancedBracketsRule];

const report = testCorpus().lookup('A/68/283')!.document!;
const reportParagraphs = report.model.paragraphs;

/** Some words of a paragraph of A/68/283, maybe with one word changed, quoted and cited to a paragraph near it (or past the end). */
const quotation = fc
  .record({
    paragraph: fc.integer({ min: 0, max: reportParagraphs.length - 1 }),
    from: fc.nat(30),
    length: fc.integer({ min: 4, max: 14 }),
    change: fc.option(fc.nat(13), { nil: undefined }),
    cite: fc.constantFrom(0, 0, 1, -1, 200),
    form: fc.constantFrom('before', 'after', 'straight'),
  })
  .map(({ paragraph, from, length, change, cite, form }) => {
    const source = reportParagraphs[paragraph];
    const words = source.text.replace(/[“”]/g, '').split(' ');
    const start = Math.min(from, Math.max(0, words.length - length));
    const quoted = words.slice(start, start + length);
    if (change !== undefined && change < quoted.length) quoted[change] = 'banana';
    const label = String(cite === 200 ? 200 : Math.max(1, source.number + cite));
    const said = quoted.join(' ');
    if (form === 'after') return `paragraph ${label} of A/68/283 states that “${said}”`;
    if (form === 'straight') return `it said "${said}" (A/68/283, para. ${label})`;
    return `it said “${said}” (see A/68/283, para. ${label})`;
  });

const internalReference = fc
  .record({ n: fc.integer({ min: 1, max: 9 }), two: fc.boolean(), where: fc.constantFrom('above', 'below'), footnote: fc.boolean() })
  .map(({ n, two, where, footnote }) => (footnote ? `as in footnote ${n}` : two ? `see paras. ${n} and ${n + 1} ${where}` : `see paragraph ${n} ${where}`));

const clause = fc.oneof(
  { weight: 3, arbitrary: internalReference },
  { weight: 3, arbitrary: quotation },
  { weight: 1, arbitrary: fc.constantFrom('Member States [shall] [should] act', 'it [decides', 'it] requests', 'the Assembly acts') },
);

/** Sub-paragraph labels: a run of letters with a slip, maybe with roman numerals inside. */
const subparagraphs = fc.option(
  fc.record({ letters: fc.integer({ min: 2, max: 5 }), slip: fc.nat(6), romans: fc.nat(4), romanSlip: fc.nat(5) }).map(({ letters, slip, romans, romanSlip }) => {
    const labels: string[] = [];
    for (let k = 0; k < letters; k++) labels.push(String.fromCharCode(97 + k + (k >= slip ? 1 : 0)));
    const romanLabels = ['i', 'ii', 'iii', 'iv', 'v', 'vi'].slice(0, romans);
    if (romanSlip < romanLabels.length) romanLabels.splice(romanSlip, 1);
    return [labels[0], ...romanLabels, ...labels.slice(1)];
  }),
  { nil: undefined },
);

/** One paragraph: how its number follows the last one, its clauses, its sub-paragraphs. */
const paragraph = fc.record({
  step: fc.constantFrom('next', 'next', 'next', 'next', 'skip', 'same', 'bis', 'restart'),
  clauses: fc.array(clause, { minLength: 0, maxLength: 3 }),
  subs: subparagraphs,
  note: fc.boolean(),
});

const draftArbitrary = fc.array(paragraph, { minLength: 2, maxLength: 9 }).map((paragraphs) => {
  const blocks: string[] = [];
  const notes: string[] = [];
  let number = 0;
  let insertion = 0;
  paragraphs.forEach((p, id) => {
    let label: string;
    if (p.step === 'bis' && number > 0) label = `${number} ${['bis', 'ter', 'quater'][Math.min(insertion++, 2)]}`;
    else {
      insertion = 0;
      number = p.step === 'skip' ? number + 2 : p.step === 'same' ? Math.max(1, number) : p.step === 'restart' ? 1 : number + 1;
      label = String(number);
    }
    // "(p3)" makes every paragraph's text its own, so a reference's target can be told by its text.
    const marker = p.note ? `[^${id + 1}]` : '';
    const body = [`Text (p${id})`, ...p.clauses].join('; ');
    blocks.push(`${label}. ${body}${p.subs ? ':' : '.'}${marker}`);
    if (p.subs) blocks.push(...p.subs.map((s, k) => `(${s}) Item ${k}${k === p.subs!.length - 1 ? '.' : ';'}`));
    if (p.note) notes.push(`[^${id + 1}]: A note (n${id}).`);
  });
  return [...blocks, ...notes].join('\n\n') + '\n';
});

/** What each edit may touch: the cited text only. */
function assertEditsCitedText(text: string, rule: Rule, finding: Finding, fix: Fix): void {
  for (const edit of fix.edits) {
    const old = text.slice(edit.range.start, edit.range.end);
    const quoted = rule === quoteMismatchRule && edit.range.start === finding.range.start && edit.range.end === finding.range.end;
    assert.ok(quoted || /^(?:\d+(?: bis| ter)?|above|below|[a-z]{1,2}|[ivxlc]+)$/i.test(old), `“${fix.title}” edits “${old}”`);
  }
}

/** For each internal reference whose targets all exist: the texts of its targets. */
function referenceTargets(text: string): (string | undefined)[] {
  return analyzeDraft(text, testCorpus())
    .references.filter((r) => r.kind === 'internal' && r.internalTarget === 'paragraph')
    .map((r) => (r.resolution.paragraphs.every((p) => p.paragraph) ? r.resolution.paragraphs.map((p) => /\(p\d+\)/.exec(p.paragraph!.text)?.[0]).join(' ') : undefined));
}

describe('fixes of the pinpoint and structure rules (generated drafts)', () => {
  test('a fix edits only the cited text, removes its fault, and renumbering keeps references on target', () => {
    let fixesSeen = 0;
    fc.assert(
      fc.property(draftArbitrary, (text) => {
        for (const rule of RULES) {
          const findings = check(rule, text);
          for (const finding of findings) {
            for (const fix of finding.fixes) {
              fixesSeen++;
              const result = assertOnlyEditsChange(text, fix);
              assertEditsCitedText(text, rule, finding, fix);
              assert.ok(check(rule, result).length < findings.length, `“${fix.title}” did not remove its ${rule.code} finding`);
              if (rule === paragraphNumberingRule && /^Renumber paragraph/.test(fix.title)) {
                const before = referenceTargets(text);
                const after = referenceTargets(result);
                before.forEach((targets, i) => {
                  if (targets !== undefined) assert.equal(after[i], targets, `“${fix.title}” moved reference ${i} off its paragraph`);
                });
              }
            }
          }
        }
      }),
      { numRuns: 100, seed: 20240611 },
    );
    assert.ok(fixesSeen > 50, `only ${fixesSeen} fixes were exercised`);
  });
});
