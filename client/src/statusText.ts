// What the two status bar items say, apart from VS Code (so a unit test can read it): the negotiation
// count of a draft, and whether the file is checked as a draft at all.

import type { DraftStatus } from '../../server/src/protocol';

export type { DraftStatus };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The bracket item's text and tooltip; undefined on a file that is not a draft (the item is hidden). */
export function bracketStatusText(status: DraftStatus): { text: string; tooltip: string; warning: boolean } | undefined {
  if (status.isDraft === false) return undefined;
  const passages = count(status.bracketedPassages, 'bracketed passage', 'bracketed passages');
  const alternatives = status.alternatives === undefined ? '' : `, ${count(status.alternatives, 'alternative', 'alternatives')}`;
  const unbalanced = status.unbalancedBrackets ? `, ${status.unbalancedBrackets} unbalanced` : '';
  return {
    text: `${status.unbalancedBrackets ? '$(warning) ' : ''}[ ] ${passages}${alternatives}${unbalanced}`,
    tooltip: `${passages}${alternatives} of negotiation text in this draft${status.unbalancedBrackets ? `; ${count(status.unbalancedBrackets, 'bracket', 'brackets')} without a partner` : ''}. ${count(status.references, 'citation', 'citations')}. Click to list the passages.`,
    warning: status.unbalancedBrackets > 0,
  };
}

/** The scope item: "UN draft" or "Not a draft", and why; undefined before the server has said. */
export function scopeStatusText(status: Pick<DraftStatus, 'isDraft' | 'draftReason'>): { text: string; tooltip: string } | undefined {
  if (typeof status.isDraft !== 'boolean') return undefined;
  return status.isDraft
    ? { text: '$(law) UN draft', tooltip: `Compact Drafter checks this file as a UN draft: ${status.draftReason ?? ''}.\nClick to stop checking it.` }
    : {
        text: '$(circle-slash) Not a draft',
        tooltip: `Compact Drafter does not check this file (${status.draftReason ?? 'not a draft'}); citations are still explained on hover.\nClick to check it as a draft.`,
      };
}
