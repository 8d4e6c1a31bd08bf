import type { DraftAnalysis } from '../analysis';
import type { NumberedParagraph, OffsetRange, SubParagraph } from '../parse/model';
import { insertionPlace, insertionWord } from '../vocabulary';
import { paragraphWords } from '../naming';
import { insideQuotation } from '../quotations';
import { printedLabels } from '../references/pinpoints';
import type { Finding, Fix, Rule, RuleContext, TextEdit } from './rule';

/**
 * Duplicated or skipped paragraph numbers, and sub-paragraph letters (a), (b), … or numerals (i), (ii), ….
 * Negotiation practice is not an error: "5 bis", "5 ter" inserted after 5, and a new run of numbers
 * from 1 (operative paragraphs after preambular ones, a new annex). Where the rule cannot tell which
 * list a label belongs to, it says nothing about the rest of that list.
 */
export const paragraphNumberingRule: Rule = {
  code: 'paragraph-numbering',
  defaultSeverity: 'warning',
  description: 'Duplicated or skipped paragraph numbers or sub-paragraph letters (inserted "bis"/"ter" paragraphs and restarts at 1 are fine).',
  check(context) {
    return [...paragraphFindings(context), ...subparagraphFindings(context)].sort((a, b) => a.range.start - b.range.start);
  },
};

/** 0 for "5", 1 for "5 bis", 2 for "5 ter", … ("novies" and "nonies" alike). */
function insertionOrder(insertion: string | undefined): number {
  return insertion ? (insertionPlace(insertion) ?? 1) - 1 : 0;
}

function dashOf(context: RuleContext): string {
  return context.houseStyle.rangeDash === 'hyphen' ? '-' : '–';
}

/**
 * An annex heading alone on its line ("Annex", "Annex II"): the annex numbers its own paragraphs, and
 * an annex of amendments starts where the amended text does ("Amend paragraph 8 to read: … 8. The
 * Secretary-General …", A/RES/79/144).
 */
const ANNEX_HEADING = /(?:^|\n)[ \t]*(?:#{1,6}[ \t]*)?Annex(?:[ \t]+[IVX]{1,6})?[ \t]*(?:\n|$)/;

/** An amount as budget tables print it: "278 735 200", "3,450,426,300", "564 700". */
const AMOUNT_LINE = /^\(?\d{1,3}(?:[ ,\u00a0]\d{3})*(?:\.\d+)?\)?$/;

/**
 * A numbered row of a table, as a PDF text layer gives it: a short label with no sentence in it, then
 * its amount on the next line ("1. Income from staff assessment \n278 735 200", A/C.5/80/L.6). The
 * table's rows number themselves, inside the paragraph that holds the table.
 */
function isTableRow(paragraph: NumberedParagraph): boolean {
  const lines = paragraph.text.split('\n').map((line) => line.trim()).filter(Boolean);
  if (lines.length < 2 || lines[0].length > 80 || !AMOUNT_LINE.test(lines[1])) return false;
  return !lines.some((line) => /[.;:!?]$/.test(line));
}

/**
 * Runs of numbering: a paragraph numbered 1, or the first after an annex heading, starts a new one.
 * Table rows are in no run.
 */
function numberingRuns(paragraphs: readonly NumberedParagraph[], text: string): NumberedParagraph[][] {
  const runs: NumberedParagraph[][] = [];
  let previous: NumberedParagraph | undefined;
  for (const paragraph of paragraphs) {
    if (isTableRow(paragraph)) continue;
    const annex = previous !== undefined && ANNEX_HEADING.test(text.slice(previous.range.end, paragraph.range.start));
    if (runs.length === 0 || annex || (paragraph.number === 1 && !paragraph.insertion)) runs.push([paragraph]);
    else runs[runs.length - 1].push(paragraph);
    previous = paragraph;
  }
  return runs;
}

/**
 * How many paragraphs and references the renumbering fixes of one draft may visit. Each fix renumbers
 * the rest of its run and reads every reference, so a draft whose every paragraph is a slip ("2." three
 * thousand times) made the rule quadratic: seconds per 100 KB. Past the budget the slips are still
 * reported, without a fix; the first fix renumbers the rest of the run anyway.
 */
const RENUMBER_BUDGET = 200_000;

function paragraphFindings(context: RuleContext): Finding[] {
  const { text, analysis } = context;
  const dash = dashOf(context);
  const findings: Finding[] = [];
  let budget = RENUMBER_BUDGET;
  for (const run of numberingRuns(analysis.model.paragraphs, text)) {
    // The last paragraph that is not an insertion: "4" follows "3" even with "3 bis" (or a misplaced "5 bis") between them.
    let base = run[0];
    // After a fault, the next paragraph may go on from the printed number or from the right one ("1, 2, 3, 3, 5"
    // is one slip, not two): either is accepted, so one fault makes one finding.
    let resync: number | undefined;
    for (let i = 1; i < run.length; i++) {
      const previous = run[i - 1];
      const paragraph = run[i];
      const range = printedNumber(text, paragraph);
      if (!paragraph.insertion) {
        const expected = base.number + 1;
        const before = base;
        base = paragraph;
        const onTrack = paragraph.number === expected || paragraph.number === (resync ?? NaN) + 1;
        resync = undefined;
        if (onTrack || !range) continue;
        if (paragraph.number === before.number && isAlternative(analysis, before, paragraph)) continue;
        resync = expected;
        let message: string;
        if (paragraph.label === before.label) message = `Paragraph ${paragraph.label} is numbered twice: this one should be ${expected}.`;
        else if (paragraph.number < expected) message = `Paragraph ${paragraph.label} follows paragraph ${previous.label}: it should be ${expected}.`;
        else {
          const missing = Array.from({ length: paragraph.number - expected }, (_, k) => String(expected + k));
          message = `Paragraph ${paragraph.label} follows paragraph ${previous.label}: there ${missing.length > 1 ? 'are' : 'is'} no ${paragraphWords(missing, dash)}.`;
        }
        const cost = run.length - i + analysis.model.paragraphs.length + analysis.references.length;
        const fix = cost <= budget ? renumber(context, run, i, expected, dash) : undefined;
        budget -= cost;
        findings.push({ range, message, fixes: fix ? [fix] : [] });
        continue;
      }
      if (!range) continue;
      // An inserted paragraph: no renumbering fix, since which paragraph it was inserted after is the drafter's call.
      const order = insertionOrder(paragraph.insertion);
      const previousOrder = previous.number === paragraph.number ? insertionOrder(previous.insertion) : -1;
      if (order === previousOrder + 1) continue;
      let message: string;
      if (previousOrder < 0) message = `Paragraph ${paragraph.label} follows paragraph ${previous.label}; it should follow paragraph ${paragraph.number}.`;
      else if (order === previousOrder) {
        if (isAlternative(analysis, previous, paragraph)) continue;
        message = `Paragraph ${paragraph.label} is numbered twice.`;
      } else if (order > previousOrder + 1) {
        message = `Paragraph ${paragraph.label} follows paragraph ${previous.label}: there is no paragraph ${paragraph.number} ${insertionWord(order)}.`;
      } else message = `Paragraph ${paragraph.label} follows paragraph ${previous.label}.`;
      findings.push({ range, message, fixes: [] });
    }
  }
  return findings;
}

/** Two paragraphs with one number offered as alternatives in a negotiated text: "[5. …]", "Alt 5. …", "Option 2". */
function isAlternative(analysis: DraftAnalysis, ...paragraphs: NumberedParagraph[]): boolean {
  return paragraphs.some(
    (p) =>
      /^\s*(?:\[|(?:Alt(?:ernative)?|Option)\b)/i.test(p.text) ||
      analysis.brackets.passages.some((passage) => passage.start <= p.numberRange.start && p.range.end <= passage.end),
  );
}

/** The number as printed, without its full stop: "27", "5 bis". */
function printedNumber(text: string, paragraph: NumberedParagraph): OffsetRange | undefined {
  const { start, end } = paragraph.numberRange;
  const m = /\d+(?:[ \u00a0]?[a-z]+)?/.exec(text.slice(start, end));
  return m ? { start: start + m.index, end: start + m.index + m[0].length } : undefined;
}

/** The digits of a paragraph's number (an insertion word stays as it is). */
function printedDigits(text: string, paragraph: NumberedParagraph): OffsetRange | undefined {
  const { start, end } = paragraph.numberRange;
  const m = /\d+/.exec(text.slice(start, end));
  return m && Number(m[0]) === paragraph.number ? { start: start + m.index, end: start + m.index + m[0].length } : undefined;
}

/**
 * Numbers the run from the faulty paragraph on in sequence, and rewrites the draft's references to
 * the paragraphs that move ("paragraph 12 above"), so that they still point where they did.
 */
function renumber(context: RuleContext, run: readonly NumberedParagraph[], from: number, expected: number, dash: string): Fix | undefined {
  const { text, analysis } = context;
  const moved = new Map<NumberedParagraph, number>();
  const edits: TextEdit[] = [];
  let current = expected - 1;
  for (let k = from; k < run.length; k++) {
    const paragraph = run[k];
    if (!paragraph.insertion) current++;
    if (current === paragraph.number) continue;
    const digits = printedDigits(text, paragraph);
    if (!digits) return undefined;
    moved.set(paragraph, current);
    edits.push({ range: digits, newText: String(current) });
  }
  if (moved.size === 0) return undefined;
  const labelAfter = (p: NumberedParagraph) => {
    const number = moved.get(p);
    return number === undefined ? p.label : p.insertion ? `${number} ${p.insertion}` : String(number);
  };
  const holders = new Map<string, number>();
  const holdersBefore = new Map<string, number>();
  for (const p of analysis.model.paragraphs) {
    holders.set(labelAfter(p), (holders.get(labelAfter(p)) ?? 0) + 1);
    holdersBefore.set(p.label, (holdersBefore.get(p.label) ?? 0) + 1);
  }
  for (const ref of analysis.references) {
    if (ref.kind !== 'internal' || ref.internalTarget !== 'paragraph' || !ref.pinpointRange) continue;
    if (insideQuotation(analysis.model, ref.range.start)) continue;
    for (const printed of printedLabels(text, ref.pinpointRange)) {
      const target = ref.resolution.paragraphs.find((p) => p.label === printed.label)?.paragraph;
      const number = target && moved.get(target);
      if (number === undefined) {
        // A reference that stays as written, to a number the renumbering gives to a second paragraph, could change target.
        if (target && (holders.get(target.label) ?? 0) > (holdersBefore.get(target.label) ?? 0)) return undefined;
        continue;
      }
      // A reference rewritten to a number another run also has would point at that one: better no fix.
      if ((holders.get(labelAfter(target!)) ?? 0) > 1) return undefined;
      edits.push({ range: printed.digits, newText: String(number) });
    }
  }
  const changed = [...moved.keys()];
  const first = changed[0];
  const last = changed[changed.length - 1];
  const title = changed.length === 1 ? `Renumber paragraph ${first.label} as ${moved.get(first)}` : `Renumber paragraphs ${first.label}${dash}${last.label}`;
  return { title, edits: edits.sort((a, b) => a.range.start - b.range.start) };
}

// ---------------------------------------------------------------------------------------------
// Sub-paragraphs: (a), (b), … and within them (i), (ii), ….

type Level = 'letter' | 'roman';

interface Labelled {
  readonly sub: SubParagraph;
  readonly level: Level;
  readonly value: number;
}

function subparagraphFindings(context: RuleContext): Finding[] {
  const { text, analysis } = context;
  const findings: Finding[] = [];
  // As RENUMBER_BUDGET: each relabelling fix reads the rest of its list.
  let budget = RENUMBER_BUDGET;
  for (const paragraph of analysis.model.paragraphs) {
    const items: Labelled[] = [];
    const faults: { item: number; expected: number; previous?: Labelled }[] = [];
    let lastLetter: Labelled | undefined;
    let lastRoman: Labelled | undefined;
    for (const sub of paragraph.subparagraphs) {
      // Numbered items inside a paragraph are a Markdown list, which the renderer may number itself.
      if (/^\d+$/.test(sub.label)) continue;
      const letter = lastLetter?.value ?? -1;
      const roman = lastRoman?.value;
      const li = letterIndex(sub.label);
      const rv = romanValue(sub.label);
      let level: Level;
      let value: number;
      let expected: number | undefined;
      if (roman !== undefined && rv === roman + 1) [level, value] = ['roman', rv];
      else if (li !== undefined && (li === letter + 1 || li === 0)) [level, value] = ['letter', li];
      else if (rv === 1) [level, value] = ['roman', 1];
      else if (roman !== undefined && rv !== undefined && rv >= roman && rv <= roman + 3) [level, value, expected] = ['roman', rv, roman + 1];
      else if (li !== undefined && li >= letter && li <= letter + 3) [level, value, expected] = ['letter', li, letter + 1];
      else break; // which list this label belongs to is anyone's guess
      const item: Labelled = { sub, level, value };
      if (expected !== undefined) faults.push({ item: items.length, expected, previous: level === 'letter' ? lastLetter : lastRoman });
      items.push(item);
      if (level === 'letter') {
        lastLetter = item;
        lastRoman = undefined;
      } else lastRoman = item;
    }
    for (const fault of faults) {
      const item = items[fault.item];
      const range = subLabelRange(text, item.sub);
      if (!range) continue;
      const name = (value: number) => `(${item.level === 'letter' ? letterLabel(value) : romanLabel(value)})`;
      const label = `(${item.sub.label})`;
      // "… by (a) providing …; (b) investing …;\n(c) eradicating …": the list began inside the
      // paragraph's own lines (A/C.2/80/L.33, para. 7), and only (c) starts a line.
      if (!fault.previous && text.slice(paragraph.range.start, item.sub.range.start).includes(name(fault.expected))) continue;
      let message: string;
      if (!fault.previous) message = `In paragraph ${paragraph.label}, sub-paragraph ${label} is the first: there is no sub-paragraph ${name(fault.expected)}.`;
      else if (fault.previous.value === item.value) {
        message = `In paragraph ${paragraph.label}, sub-paragraph ${label} is ${item.level === 'letter' ? 'lettered' : 'numbered'} twice: this one should be ${name(fault.expected)}.`;
      } else {
        const missing = Array.from({ length: item.value - fault.expected }, (_, k) => name(fault.expected + k));
        message =
          missing.length > 1
            ? `In paragraph ${paragraph.label}, sub-paragraph ${label} follows ${name(fault.previous.value)}: there are no sub-paragraphs ${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}.`
            : `In paragraph ${paragraph.label}, sub-paragraph ${label} follows ${name(fault.previous.value)}: there is no sub-paragraph ${missing[0]}.`;
      }
      const cost = items.length - fault.item;
      const fix = cost <= budget ? relabel(text, items, fault.item, fault.expected, dashOf(context)) : undefined;
      budget -= cost;
      findings.push({ range, message, fixes: fix ? [fix] : [] });
    }
  }
  return findings;
}

/** Relabels the list from the faulty item to its end (a roman list ends at the next letter). */
function relabel(text: string, items: readonly Labelled[], from: number, expected: number, dash: string): Fix | undefined {
  const level = items[from].level;
  const format = level === 'letter' ? letterLabel : romanLabel;
  const edits: TextEdit[] = [];
  const changed: { old: string; now: string }[] = [];
  let value = expected;
  for (let k = from; k < items.length; k++) {
    const item = items[k];
    if (item.level !== level) {
      if (level === 'roman') break;
      continue;
    }
    if (k > from && item.value === 0 && level === 'letter') break; // a new list from (a)
    const now = format(value++);
    if (now === item.sub.label) continue;
    const range = subLabelRange(text, item.sub);
    if (!range) return undefined;
    edits.push({ range, newText: now });
    changed.push({ old: item.sub.label, now });
  }
  if (changed.length === 0) return undefined;
  const verb = level === 'letter' ? 'Reletter' : 'Renumber';
  const title =
    changed.length === 1
      ? `${verb} sub-paragraph (${changed[0].old}) as (${changed[0].now})`
      : `${verb} sub-paragraphs (${changed[0].old})${dash}(${changed[changed.length - 1].old})`;
  return { title, edits };
}

/** The label's letters as printed at the start of the sub-paragraph: "d" of "(d)", of "d." or "d)". */
function subLabelRange(text: string, sub: SubParagraph): OffsetRange | undefined {
  const head = text.slice(sub.range.start, sub.range.start + sub.label.length + 8);
  const m = labelPattern(sub.label).exec(head);
  if (!m) return undefined;
  const start = sub.range.start + m[0].length - 1 - sub.label.length;
  return { start, end: start + sub.label.length };
}

// Relabelling a list reads every later label, for every slip: each label's pattern is compiled once.
const labelPatterns = new Map<string, RegExp>();

function labelPattern(label: string): RegExp {
  let pattern = labelPatterns.get(label);
  if (!pattern) {
    pattern = new RegExp(String.raw`^[ \t]*(?:[-*+][ \t]+)?\(?(${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})[.)]`);
    if (labelPatterns.size < 1_000) labelPatterns.set(label, pattern);
  }
  return pattern;
}

/** (a) … (z), then (aa), (bb), … as UN texts continue. */
function letterIndex(label: string): number | undefined {
  if (/^[a-z]$/.test(label)) return label.charCodeAt(0) - 97;
  if (/^([a-z])\1$/.test(label)) return 26 + label.charCodeAt(0) - 97;
  return undefined;
}

function letterLabel(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : letter + letter;
}

const ROMAN: readonly [number, string][] = [
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function romanLabel(value: number): string {
  let rest = value;
  let out = '';
  for (const [n, numeral] of ROMAN) {
    while (rest >= n) {
      out += numeral;
      rest -= n;
    }
  }
  return out;
}

/** The value of a well-formed lower-case roman numeral up to 399, else undefined. */
function romanValue(label: string): number | undefined {
  if (!/^[ivxlc]+$/.test(label)) return undefined;
  for (let value = 1; value < 400; value++) if (romanLabel(value) === label) return value;
  return undefined;
}
