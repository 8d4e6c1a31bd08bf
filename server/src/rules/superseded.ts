import { symbolKey, type Corpus, type RegistryEntry } from '../corpus';
import { displayDate } from '../features/documentFacts';
import { capitalise, documentName, resolutionNumber } from './dateMismatch';
import type { ResolvedReference } from '../analysis';
import type { Finding, Fix, Rule, TextEdit } from './rule';

/**
 * A citation of a document that something later replaces: an earlier resolution of a recurring
 * series, a draft after its adoption, a text after its revision (Rev.N). The rule cannot know when
 * the draft was written, so a historical citation ("pursuant to resolution 67/172" in a 2013
 * report) is flagged too; the message states facts only, so it stays true there.
 *
 * A draft that also cites the successor is left alone: "Recalling its resolutions 67/172 … and
 * 72/179" lists the series on purpose. A corrigendum (Corr.N) corrects a document without replacing
 * it and is cited beside it ("A/71/728 and Corr.1"), so it supersedes nothing.
 */
export const supersededRule: Rule = {
  code: 'superseded',
  defaultSeverity: 'warning',
  description: 'A citation of a resolution superseded by a later one of its series, of a draft since adopted, or of a text since revised.',
  check({ text, analysis, corpus }) {
    const cited = new Set(analysis.references.flatMap((ref) => (ref.symbol ? [symbolKey(ref.symbol)] : [])));
    const findings: Finding[] = [];
    for (const ref of analysis.references) {
      if (!ref.symbol || ref.kind === 'internal') continue;
      const successor = successorOf(ref.symbol, corpus);
      if (!successor || cited.has(symbolKey(successor.symbol))) continue;
      const citedEntry = ref.resolution.entry?.registry ?? corpus.lookup(ref.symbol)?.registry;
      // Another text has other paragraph numbers: only an adopted draft keeps them.
      const pinpointed = ref.paragraphs.length > 0 || ref.annex !== undefined || (ref.pages?.pages.length ?? 0) > 0;
      const newText = pinpointed && successor.reason !== 'adopted' ? undefined : inCitedForm(text.slice(ref.targetRange.start, ref.targetRange.end), ref.symbol, successor.symbol);
      let range = ref.targetRange;
      let edits: TextEdit[] | undefined = newText ? [{ range: ref.targetRange, newText }] : undefined;
      if (edits && successor.reason === 'adopted') {
        const draft = draftWord(text, ref);
        if (draft === 'unsure') edits = undefined;
        else if (draft) {
          edits = [draft, ...edits];
          range = { start: draft.range.start, end: ref.targetRange.end };
        }
      }
      const fixes: Fix[] = edits && newText ? [{ title: `Cite ${newText}`, edits }] : [];
      findings.push({ range, message: message(ref.symbol, citedEntry, successor), fixes });
    }
    return findings;
  },
};

export interface Successor {
  readonly reason: 'series' | 'adopted' | 'revised';
  readonly symbol: string;
  /** Registry facts about the successor, when the registry has it (a revision may be known from a corpus text only). */
  readonly entry?: RegistryEntry;
}

/** What replaces the document, if anything the registry vouches for or the corpus holds. */
export function successorOf(symbol: string, corpus: Corpus): Successor | undefined {
  const succession = corpus.registry.successorOf(symbol);
  if (succession) {
    const { reason, successor } = succession;
    // The facts do not vouch that this draft became that resolution.
    if (reason === 'adopted' && successor.unverified?.includes('draft')) return undefined;
    return { reason, symbol: successor.symbol, entry: successor };
  }
  const { base, revision } = splitRevision(symbolKey(symbol));
  const latest = latestRevisions(corpus).get(base);
  if (!latest || latest.revision <= revision) return undefined;
  return { reason: 'revised', symbol: latest.symbol, entry: corpus.lookup(latest.symbol)?.registry };
}

const REVISION = /^(.+)\/REV\.(\d+)$/;

function splitRevision(key: string): { base: string; revision: number } {
  const m = REVISION.exec(key);
  return m ? { base: m[1], revision: Number(m[2]) } : { base: key, revision: 0 };
}

const revisionsByCorpus = new WeakMap<Corpus, Map<string, { revision: number; symbol: string }>>();

/** For each document known in revised form, its highest revision (a corpus is rebuilt, never changed, on reload). */
function latestRevisions(corpus: Corpus): Map<string, { revision: number; symbol: string }> {
  let latest = revisionsByCorpus.get(corpus);
  if (!latest) {
    latest = new Map();
    for (const symbol of corpus.symbols()) {
      const { base, revision } = splitRevision(symbolKey(symbol));
      if (revision > (latest.get(base)?.revision ?? 0)) latest.set(base, { revision, symbol });
    }
    revisionsByCorpus.set(corpus, latest);
  }
  return latest;
}

/**
 * The successor written the way the citation was: in full ("A/RES/67/172" → "A/RES/72/179") or
 * by number ("67/172" → "72/179"). Undefined when the written text is neither (a name, markup
 * inside the symbol, lettered parts): then no fix is offered rather than a guess.
 */
function inCitedForm(written: string, cited: string, successor: string): string | undefined {
  // The reissue asterisk and a stray final slash belong to the old citation, not the new one.
  const writtenKey = symbolKey(written.replace(/[*/]+$/, ''));
  const citedKey = symbolKey(cited);
  if (writtenKey === citedKey) return successor;
  const prefix = citedKey.slice(0, citedKey.length - writtenKey.length);
  if (!writtenKey || !citedKey.endsWith(writtenKey) || !prefix.endsWith('/')) return undefined;
  return successor.toUpperCase().startsWith(prefix) ? successor.slice(prefix.length) : undefined;
}

// "draft resolution A/71/L.58", "Draft resolution (A/71/L.58", "the draft A/71/L.58", before the symbol.
const DRAFT_BEFORE = /(?<![\p{L}\p{N}])([Dd])raft(\s+)(?:([Rr])esolution(s?)\s+)?(\(?)\s*$/u;
// A later item of a list of drafts: "draft resolutions A/71/L.58 and A/72/L.9".
const DRAFT_LIST_BEFORE = /(?<![\p{L}\p{N}])[Dd]raft\s+resolutions\s+(?:[^\s,;]+(?:\s*,\s*(?:and\s+)?|\s+and\s+))+$/u;

/**
 * Once adopted, "draft resolution A/71/L.58" becomes "resolution A/RES/71/280": the word "draft"
 * goes too, when the grammar read it as part of the citation (Reference.range). Where that cannot
 * be done cleanly (it stands outside the citation, before a parenthesis, before a list of drafts of
 * which only some were adopted, or without "resolution"), the fix is withheld: "the draft resolution
 * (A/RES/71/280)" would be wrong. Undefined when there is no such word.
 */
function draftWord(text: string, ref: ResolvedReference): TextEdit | 'unsure' | undefined {
  const from = Math.max(0, ref.targetRange.start - 40);
  const m = DRAFT_BEFORE.exec(text.slice(from, ref.targetRange.start));
  if (!m) return DRAFT_LIST_BEFORE.test(text.slice(Math.max(0, ref.targetRange.start - 160), ref.targetRange.start)) ? 'unsure' : undefined;
  const start = from + m.index;
  if (!m[3] || m[4] || m[5] || start < ref.range.start) return 'unsure';
  // "draft resolution" → "resolution"; "Draft resolution" → "Resolution".
  return m[1] === 'D'
    ? { range: { start, end: start + 'Draft'.length + m[2].length + 1 }, newText: 'R' }
    : { range: { start, end: start + 'draft'.length + m[2].length }, newText: '' };
}

function message(cited: string, citedEntry: RegistryEntry | undefined, successor: Successor): string {
  const next = successor.entry;
  const dated = next ? ` of ${displayDate(next)}` : '';
  if (successor.reason === 'adopted') {
    const kind = next?.kind || 'resolution';
    return `Draft ${kind} ${cited} was adopted as ${documentName(successor.symbol)}${dated}; cite the ${kind}, not the draft.`;
  }
  if (successor.reason === 'revised') return `${cited} has been revised: ${successor.symbol}${dated} replaces it.`;
  // A Security Council symbol carries its year already.
  const year = citedEntry && !/\(\d{4}\)$/.test(cited) ? ` (${citedEntry.date.slice(0, 4)})` : '';
  const kind = next?.kind || 'document';
  const topic = next && !next.unverified?.includes('title') && !next.titleIsDescription ? ` on “${next.title}”` : ' of its series';
  return `${capitalise(documentName(cited))}${year} has been superseded: the latest ${kind}${topic} is ${resolutionNumber(successor.symbol) ?? successor.symbol}${dated}.`;
}
