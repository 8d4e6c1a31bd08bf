import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { DraftModel, NumberedParagraph, OffsetRange, Section } from '../parse/model';
import { lspRange } from '../text/lspRange';

const FIRST_WORDS = 8;

/** The outline: sections as a tree, numbered paragraphs inside the section that holds them. */
export function documentSymbols(model: DraftModel, document: TextDocument): DocumentSymbol[] {
  const toRange = (range: OffsetRange) => lspRange(document, range);
  const paragraphs = [...model.paragraphs];
  let next = 0;
  const paragraphSymbol = (p: NumberedParagraph): DocumentSymbol => ({
    name: `${p.label}. ${firstWords(p.text)}`,
    kind: SymbolKind.Number,
    range: toRange(p.range),
    selectionRange: toRange(p.numberRange),
  });
  // Paragraphs are in document order and sections nest, so one walk hands each paragraph to the innermost section.
  const take = (until: number): DocumentSymbol[] => {
    const taken: DocumentSymbol[] = [];
    while (next < paragraphs.length && paragraphs[next].range.start < until) taken.push(paragraphSymbol(paragraphs[next++]));
    return taken;
  };
  const sectionSymbol = (section: Section): DocumentSymbol => {
    const children: DocumentSymbol[] = [];
    const ownEnd = section.children[0]?.range.start ?? section.range.end;
    children.push(...take(ownEnd));
    for (const child of section.children) children.push(sectionSymbol(child));
    children.push(...take(section.range.end));
    return {
      name: [section.label ? `${section.label}.` : '', section.title].filter(Boolean).join(' ') || '(untitled)',
      kind: SymbolKind.Namespace,
      range: toRange(section.range),
      selectionRange: toRange(section.headingRange),
      children,
    };
  };
  const result: DocumentSymbol[] = [];
  for (const section of model.sections) {
    result.push(...take(section.range.start));
    result.push(sectionSymbol(section));
  }
  result.push(...take(Number.POSITIVE_INFINITY));
  return result;
}

function firstWords(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length <= FIRST_WORDS ? words.join(' ') : `${words.slice(0, FIRST_WORDS).join(' ')} …`;
}
