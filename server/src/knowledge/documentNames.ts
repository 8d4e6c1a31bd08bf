// Whether a name learned from a footnote (footnoteNames.ts) names a document. A footnote that
// gives a symbol follows whatever phrase the drafter wrote: a document ("the New Urban Agenda,ⁿ"),
// but also the conference that adopted it ("the United Nations Conference on Housing and
// Sustainable Urban Development (Habitat III),ⁿ"), the zone a declaration proclaims ("the zone of
// peace and cooperation of the South Atlantic,ⁿ"), the day or decade a resolution proclaims. Made
// aliases, such names would turn every mention of a place or an event into a citation.
//
// A name names a document when its head (the last word before the first "of", "for", "on" …, as
// in "Programme of Action for …", "Framework for Disaster Risk Reduction") is a word for a kind of
// text. These are English common nouns of UN usage, a closed class of the language like the
// openings (language/openings.ts), not facts about documents.

/** Kinds of text that UN bodies adopt, publish or proclaim, singular and plural. */
const DOCUMENT_HEADS = new Set([
  'accord', 'agenda', 'agreement', 'charter', 'code', 'commitment', 'compact', 'consensus', 'convention',
  'covenant', 'declaration', 'document', 'framework', 'guidelines', 'outcome', 'pact', 'pathway', 'plan',
  'platform', 'principles', 'programme', 'protocol', 'report', 'roadmap', 'rules', 'standards', 'statute',
  'strategy', 'treaty', 'vision',
]);
/** Words that end the head of a name: what follows says what the text is of or for. */
const HEAD_END = new Set(['of', 'for', 'on', 'to', 'in', 'against', 'with', 'at', 'by', 'from', 'under', 'and']);

export function namesADocument(name: string): boolean {
  const words = name.split(/\s+/);
  const end = words.findIndex((word, i) => i > 0 && HEAD_END.has(word));
  const head = words.slice(0, end < 0 ? words.length : end);
  return head.some((word) => DOCUMENT_HEADS.has(singular(word.replace(/[,’'”"]+$/, '').toLowerCase())));
}

function singular(word: string): string {
  if (DOCUMENT_HEADS.has(word)) return word;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}
