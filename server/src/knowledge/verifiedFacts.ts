// The project's verified facts (shared/facts/documents.tsv) as claims. Its confidence column is
// prose ("number and topic verified; date from memory"): a field it does not vouch for is kept
// apart, used only where no other source states the field, and then shown as uncertain.
import type { SourcedField, UncertainField } from '../corpus/registry';
import type { Claim } from './claims';

export interface VerifiedFacts {
  readonly claims: Claim[];
  /** Fields the facts state without vouching for them: used as a last resort, shown as uncertain. */
  readonly unvouched: Claim[];
  /** Per symbol: Security Council descriptions, confidence and source notes, kept as they are. */
  readonly notes: Map<string, { confidence: string; source?: string; titleIsDescription?: boolean }>;
}

const FROM = 'shared/facts';

export function readVerifiedFacts(tsv: string): VerifiedFacts {
  const [header, ...rows] = tsv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = header.split('\t');
  const claims: Claim[] = [];
  const unvouched: Claim[] = [];
  const notes: VerifiedFacts['notes'] = new Map();
  for (const line of rows) {
    const cells = line.split('\t');
    const row = Object.fromEntries(columns.map((name, i) => [name, (cells[i] ?? '').trim()])) as Record<string, string>;
    const doubtful = new Set<string>(unverifiedFields(row.confidence));
    const symbol = row.symbol;
    const description = row.title.startsWith('(Security Council resolutions bear no title)');
    notes.set(symbol, { confidence: row.confidence, ...(row.source ? { source: row.source } : {}), ...(description ? { titleIsDescription: true } : {}) });
    const add = (field: SourcedField, value: string) => {
      if (!value) return;
      const claim: Claim = { symbol, field, value, source: { kind: 'verified', from: FROM } };
      (doubtful.has(field) ? unvouched : claims).push(claim);
    };
    add('title', row.title.replace(/^\(Security Council resolutions bear no title\) /, ''));
    add('date', row.date);
    add('body', row.body.replace(/ \(.*\)$/, ''));
    add('kind', row.kind);
    add('draft', row.draft);
    add('series', row.series);
    const committee = /\((\w+ Committee)\)/.exec(row.body)?.[1];
    if (committee) add('committee', committee);
    for (const alias of row.aliases ? row.aliases.split(';') : []) add('aliases', alias.trim());
  }
  return { claims, unvouched, notes };
}

/** The fields a confidence note does not vouch for. */
export function unverifiedFields(confidence: string): UncertainField[] {
  const text = confidence.toLowerCase();
  if (text === 'verified') return [];
  const fields = new Set<UncertainField>();
  for (const clause of text.split(/[;,]/)) {
    if (!/not verified|from memory|as usually issued/.test(clause)) continue;
    if (/date|day/.test(clause)) fields.add('date');
    if (/title|topic/.test(clause)) fields.add('title');
    if (/draft/.test(clause)) fields.add('draft');
  }
  // "partly verified" does not say which part: doubt the date, the field most often wrong.
  if (/partly verified/.test(text)) fields.add('date');
  return [...fields];
}
