// Real negotiation rounds from ../shared/un-documents/texts.jsonl: a draft (A/80/L.…, A/C.n/80/L.…)
// and the resolution adopted from it. Plenary drafts are named in the resolution's heading
// ("[without reference to a Main Committee (A/80/L.11)]"); a Main Committee's drafts are paired with
// the resolutions adopted on that committee's report ("[on the report of the Second Committee …]")
// by title, the latest draft of that title winning (a revised or facilitator's draft replaces the first).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface UnDocument {
  readonly symbol: string;
  readonly title: string;
  readonly text: string;
}

export interface RealRound {
  readonly draft: UnDocument;
  readonly adopted: UnDocument;
}

/** shared/ sits beside the repository (CI) or beside the folder of worktrees it is checked out in. */
export function sharedDir(): string {
  const repo = join(__dirname, '..', '..');
  const candidates = [join(repo, '..', 'shared'), join(repo, '..', '..', 'shared')];
  const found = candidates.find((dir) => existsSync(join(dir, 'un-documents', 'texts.jsonl')));
  if (!found) throw new Error(`shared/un-documents/texts.jsonl not found in ${candidates.join(' or ')}`);
  return found;
}

export function readUnDocuments(): Map<string, UnDocument> {
  const lines = readFileSync(join(sharedDir(), 'un-documents', 'texts.jsonl'), 'utf8').trim().split('\n');
  return new Map(lines.map((line) => {
    const d = JSON.parse(line) as UnDocument;
    return [d.symbol, d];
  }));
}

const ORDINAL_COMMITTEE: Record<string, string> = { First: '1', Second: '2', Third: '3', Fourth: '4', Fifth: '5', Sixth: '6' };

function normalTitle(title: string): string {
  return title.replace(/^\d+\/\d+\.\s*/, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function draftNumber(symbol: string): number {
  return Number(/L\.(\d+)/.exec(symbol)?.[1] ?? 0);
}

export function realRounds(documents: Map<string, UnDocument> = readUnDocuments()): RealRound[] {
  // Amendments ("Russian Federation: amendment to draft resolution A/C.6/80/L.14") are not rounds of the text.
  const drafts = [...documents.values()].filter((d) => /\/L\.\d+/.test(d.symbol) && !/amendments?\s+to\s+(?:the\s+)?draft\s+resolution/i.test(d.text.slice(0, 1500)));
  const rounds: RealRound[] = [];
  for (const adopted of documents.values()) {
    if (!adopted.symbol.startsWith('A/RES/80/')) continue;
    const heading = adopted.text.replace(/\s+/g, ' ');
    const plenary = /without reference to a Main Committee \((A\/80\/L\.[^)\s]+)\)/.exec(heading);
    if (plenary) {
      const draft = documents.get(plenary[1]);
      if (draft) rounds.push({ draft, adopted });
      continue;
    }
    const committee = /on the report of the [^(\]]*?\(?(First|Second|Third|Fourth|Fifth|Sixth) Committee/.exec(heading);
    if (!committee) continue;
    const prefix = `A/C.${ORDINAL_COMMITTEE[committee[1]]}/80/L.`;
    const title = normalTitle(adopted.title);
    const candidates = drafts.filter((d) => d.symbol.startsWith(prefix) && normalTitle(d.title) === title).sort((a, b) => draftNumber(b.symbol) - draftNumber(a.symbol));
    if (candidates.length) rounds.push({ draft: candidates[0], adopted });
  }
  return rounds.sort((a, b) => a.adopted.symbol.localeCompare(b.adopted.symbol, 'en', { numeric: true }));
}
