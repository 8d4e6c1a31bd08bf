// "Objective 7" at the start of a line (or of a heading): the Compact's objective titles, written out
// as the Compact prints them.
import { CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';
import { GCM_OBJECTIVES, GCM_SYMBOL } from '../../language/gcm';
import { rangeTo, type Context } from './request';

const OBJECTIVE_TAIL = /^([ ]{0,3}(?:#{1,6}[ \t]+)?(?:\*{1,2}|_{1,2})?)(Objective[ \t]+\d{0,2}:?[ \t]*)$/;

export const objectiveTitleContext: Context = (request) => {
  if (request.beforeStart !== request.lineStart) return undefined;
  const m = OBJECTIVE_TAIL.exec(request.before);
  if (!m) return undefined;
  const typed = m[2];
  const number = /\d+/.exec(typed)?.[0] ?? '';
  const range = rangeTo(request, request.offset - typed.length);
  return GCM_OBJECTIVES.filter((o) => String(o.number).startsWith(number)).map((objective) => {
    const label = `Objective ${objective.number}: ${objective.title}`;
    return {
      label,
      kind: CompletionItemKind.EnumMember,
      detail: `Global Compact for Migration, paragraph ${objective.paragraph}`,
      documentation: {
        kind: MarkupKind.Markdown,
        value: `Objective ${objective.number} of the Global Compact for Safe, Orderly and Regular Migration (${GCM_SYMBOL}, annex, paragraph ${objective.paragraph}).`,
      },
      sortText: String(objective.number).padStart(2, '0'),
      filterText: `Objective ${objective.number}`,
      textEdit: { range, newText: label },
    };
  });
};
