import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentLink } from 'vscode-languageserver-types';
import type { DraftAnalysis } from '../analysis';
import { officialDocumentUrl } from '../naming';
import { lspRange } from '../text/lspRange';

/** Every cited symbol links to its document on the Official Document System (opened in the user's browser). */
export function documentLinks(analysis: DraftAnalysis, document: TextDocument): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const ref of analysis.references) {
    if (!ref.symbol || ref.kind === 'alias' || ref.kind === 'internal') continue;
    // Markdown links already have a target of their own; a second link on top would fight it.
    if (document.getText().charAt(ref.targetRange.start - 1) === '[') continue;
    links.push({
      range: lspRange(document, ref.targetRange),
      target: officialDocumentUrl(ref.symbol),
      tooltip: `Open ${ref.symbol} on the Official Document System`,
    });
  }
  return links;
}
