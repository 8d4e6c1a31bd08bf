import type { ResolvedReference } from '../analysis';
import { documentName, paragraphWords } from '../naming';
import { attributedQuotationsInSteps, citedText, closestWording, paragraphsHolding, quotationIn, wordsOf } from '../quotations';
import { singleCitedNumber } from '../references/pinpoints';
import { runToEnd, type Finding, type Fix, type Rule, type RuleContext } from './rule';

/** Quotations checked between two pauses of the server's rule pass: some milliseconds of work (0.4 ms each when misquoted). */
const STEP_QUOTATIONS = 32;

/**
 * Words in quotation marks, attributed to a pinpoint, that the cited paragraph does not hold. Only
 * when every citation the quotation leans on can be read (text held, paragraphs found): words cited
 * to a document the corpus lacks may well be right.
 */
export const quoteMismatchRule: Rule = {
  code: 'quote-mismatch',
  defaultSeverity: 'warning',
  description: 'A quotation attributed to a paragraph of a document (whose text the corpus holds) that is not in that paragraph.',
  check: (context) => runToEnd(quoteMismatches(context)),
  checkInSteps: quoteMismatches,
};

function* quoteMismatches({ text, analysis, houseStyle }: RuleContext): Generator<void, Finding[]> {
  const dash = houseStyle.rangeDash === 'hyphen' ? '-' : '–';
  const findings: Finding[] = [];
  let checked = 0;
  // Finding the attributed quotations of a large draft takes a while too: it yields as it goes.
  for (const { quotation, citations } of yield* attributedQuotationsInSteps(analysis)) {
    if (++checked % STEP_QUOTATIONS === 0) yield;
    const sources = citations.map(citedText);
    if (sources.some((source) => source === undefined)) continue;
    if (sources.some((source) => quotationIn(quotation.text, source!))) continue;
    const where = citations.map((ref) => `${paragraphWords(ref.paragraphs, dash)} of ${documentName(ref.resolution.entry!.symbol)}`).join(' or ');
    let message = `The quoted words are not in ${where}.`;
    const fixes: Fix[] = [];
    if (citations.length === 1) {
      const [ref] = citations;
      const elsewhere = otherParagraphsHolding(ref, quotation.text);
      const at = singleCitedNumber(text, ref);
      if (elsewhere.length > 0) {
        message += ` They are in ${paragraphWords(elsewhere, dash)}.`;
        if (elsewhere.length === 1 && at) fixes.push({ title: `Cite paragraph ${elsewhere[0]}`, edits: [{ range: at, newText: elsewhere[0] }] });
      } else {
        const wording = sourceWording(quotation.text, sources[0]!);
        if (wording) {
          const reads = ref.paragraphs.length > 1 ? 'The paragraphs read' : 'The paragraph reads';
          message += ` ${reads} “${wording.trim()}”${/[.!?]$/.test(wording.trim()) ? '' : '.'}`;
          if (quotation.replaceable) fixes.push({ title: 'Use the source’s wording', edits: [{ range: quotation.range, newText: wording }] });
        }
      }
    }
    findings.push({ range: quotation.range, message, fixes });
  }
  return findings;
}

function otherParagraphsHolding(ref: ResolvedReference, quotation: string): string[] {
  const document = ref.resolution.entry!.document!;
  return paragraphsHolding(quotation, document)
    .map((paragraph) => paragraph.label)
    .filter((label) => !ref.paragraphs.includes(label));
}

/**
 * The source's exact words for a close variant, written the way the drafter wrote the edges: the
 * first letter's case (which the rule forgives) and a closing full stop the source also has.
 */
function sourceWording(quotation: string, source: string): string | undefined {
  const closest = closestWording(quotation, source);
  if (!closest) return undefined;
  let wording = closest.text;
  const first = quotation.trim()[0] ?? '';
  // Only the case of the same first word is the drafter's to choose ("Despite" for "despite"; not "states" for "States'").
  if (first && first.toLowerCase() !== first.toUpperCase() && wordsOf(quotation)[0] === wordsOf(wording)[0]) {
    wording = (first === first.toUpperCase() ? wording[0].toUpperCase() : wording[0].toLowerCase()) + wording.slice(1);
  }
  const closing = /[.,;:]$/.exec(quotation.trimEnd())?.[0];
  if (closing && source[closest.range.end] === closing) wording += closing;
  // Spaces the drafter left inside the marks stay: the fix changes the words only.
  wording = /^\s*/.exec(quotation)![0] + wording + /\s*$/.exec(quotation)![0];
  return wording === quotation ? undefined : wording;
}
