import type { DraftAnalysis, ResolvedReference } from '../analysis';
import type { CorpusDocument } from '../corpus';
import type { NumberedParagraph } from '../parse/model';
import { capitalise, documentName, paragraphWords } from '../naming';
import { attributedQuotations, paragraphEchoing, paragraphsHolding, sentenceAround, type Attribution } from '../quotations';
import { singleCitedNumber } from '../references/pinpoints';
import type { Finding, Fix, Rule } from './rule';

/**
 * A pinpoint past the end of a document whose text the corpus holds ("A/68/283, para. 150" when it
 * has 1–143), or into an annex it does not have. The fix is offered only when the draft itself says
 * which paragraph was meant: its quotation, or failing that its own sentence, is in exactly one other
 * paragraph of the document.
 */
export const noSuchParagraphRule: Rule = {
  code: 'no-such-paragraph',
  defaultSeverity: 'error',
  description: 'A pinpoint to a paragraph or annex that the cited document (whose text the corpus holds) does not have.',
  check({ text, analysis, houseStyle }) {
    const dash = houseStyle.rangeDash === 'hyphen' ? '-' : '–';
    const findings: Finding[] = [];
    let attributions: Attribution[] | undefined;
    for (const ref of analysis.references) {
      const { status, entry, paragraphs } = ref.resolution;
      if (ref.kind === 'internal' || (status !== 'no-such-paragraph' && status !== 'no-such-annex')) continue;
      const document = entry?.document;
      if (!document || !isWhole(document)) continue;
      const name = capitalise(documentName(entry.symbol));
      const range = ref.pinpointRange ?? ref.range;
      if (status === 'no-such-annex') {
        findings.push({ range, message: `${name} has no annex${ref.annex ? ` ${ref.annex}` : ''}.`, fixes: [] });
        continue;
      }
      const missing = paragraphs.filter((p) => !p.paragraph).map((p) => p.label);
      if (missing.length === 0) continue;
      const span = document.paragraphSpan()!;
      let message = `${name} has no ${paragraphWords(missing, dash)}: its paragraphs run from ${span.first} to ${span.last}.`;
      const fixes: Fix[] = [];
      attributions ??= attributedQuotations(analysis);
      const meant = meantParagraph(ref, document, analysis, attributions);
      const at = singleCitedNumber(text, ref);
      if (meant) {
        message += ` The ${meant.by === 'quotation' ? 'quoted words are' : 'sentence is'} from paragraph ${meant.paragraph.label}.`;
        if (at) fixes.push({ title: `Cite paragraph ${meant.paragraph.label}`, edits: [{ range: at, newText: meant.paragraph.label }] });
      }
      findings.push({ range, message, fixes });
    }
    return findings;
  },
};

/**
 * A text that does not start at paragraph 1 is an excerpt (the bundled A/71/285 holds 107–111): it
 * cannot say which paragraphs the whole document lacks.
 */
function isWhole(document: CorpusDocument): boolean {
  return document.paragraphSpan()?.first === 1;
}

function meantParagraph(
  ref: ResolvedReference,
  document: CorpusDocument,
  analysis: DraftAnalysis,
  attributions: readonly Attribution[],
): { paragraph: NumberedParagraph; by: 'quotation' | 'sentence' } | undefined {
  const quotations = attributions.filter((a) => a.citations.includes(ref)).map((a) => a.quotation.text);
  if (quotations.length > 0) {
    const holders = new Set(quotations.map((q) => paragraphsHolding(q, document)).map((found) => (found.length === 1 ? found[0] : undefined)));
    const [only] = holders;
    if (holders.size === 1 && only) return { paragraph: only, by: 'quotation' };
  }
  const sentence = sentenceAround(analysis, ref);
  const echoed = sentence === undefined ? undefined : paragraphEchoing(sentence, document);
  return echoed && { paragraph: echoed, by: 'sentence' };
}
