// Quotations in a draft and the texts they quote:
//   marks.ts          quotation marks paired in a run of prose; whether an offset is inside a quotation
//   attribution.ts    the quotation each citation vouches for (“…” (see A/68/283, para. 8))
//   matching.ts       whether the quoted words are in a source, forgiving what typing changes
//   closestWording.ts the source's own words for a misquotation (word alignment)
//   sentence.ts       the draft's sentence around a citation that quotes nothing
//   echo.ts           the one paragraph of a document such a sentence repeats (an index of word runs)
// Read by the pinpoint rules (quote-mismatch, no-such-paragraph, broken-internal-reference,
// paragraph-numbering); nothing here decides what is a finding.
export { attributedQuotations, attributedQuotationsInSteps, type Attribution, type Quotation } from './attribution';
export { closestWording } from './closestWording';
export { paragraphEchoing } from './echo';
export { insideQuotation } from './marks';
export { citedText, paragraphsHolding, quotationIn } from './matching';
export { sentenceAround } from './sentence';
export { wordsOf } from './words';
