import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import { referenceAt, type DraftAnalysis } from '../analysis';
import type { CorpusDocument } from '../corpus';
import { lspRange } from '../text/lspRange';

/**
 * Where a reference points: the cited paragraph of a corpus text (a workspace file, or a
 * bundled text under the read-only compact-drafter-corpus: scheme), the document's start
 * when no paragraph is cited, or the paragraph or footnote of the draft for internal references.
 */
export function definitionAt(analysis: DraftAnalysis, draft: TextDocument, offset: number): Location[] {
  const ref = referenceAt(analysis, offset);
  if (!ref) return [];
  const { resolution } = ref;
  if (ref.kind === 'internal') {
    const targets = resolution.footnote ? [resolution.footnote.range] : resolution.paragraphs.flatMap((p) => (p.paragraph ? [p.paragraph.range] : []));
    return targets.map((range) => ({ uri: draft.uri, range: lspRange(draft, range) }));
  }
  const document = resolution.entry?.document;
  if (!document) return [];
  const found = resolution.paragraphs.flatMap((p) => (p.paragraph ? [p.paragraph.numberRange] : []));
  const targets = found.length ? found : [{ start: 0, end: 0 }];
  const target = textDocumentOf(document);
  return targets.map((range) => ({ uri: document.uri, range: lspRange(target, range) }));
}

const textDocuments = new WeakMap<CorpusDocument, TextDocument>();

export function textDocumentOf(document: CorpusDocument): TextDocument {
  let text = textDocuments.get(document);
  if (!text) {
    text = TextDocument.create(document.uri, 'markdown', 0, document.text);
    textDocuments.set(document, text);
  }
  return text;
}
