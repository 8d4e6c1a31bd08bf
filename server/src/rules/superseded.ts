import { successorOf, symbolKey, type Corpus, type RegistryEntry, type Successor } from '../corpus';
import { readDraftIdentity, type DraftIdentity } from '../analysis/draftIdentity';
import { displayDate, documentName, formatDate, resolutionNumber } from '../naming';
import type { ResolvedReference } from '../analysis';
import { runToEnd, type Finding, type Fix, type Rule, type RuleContext, type TextEdit } from './rule';

/** Citations judged between two pauses of the server's rule pass (9,000 took 0.6 s). */
const STEP_REFERENCES = 256;

/**
 * A citation of a document that something later takes the place of: an earlier resolution of a
 * recurring series (not repealed, but no longer the latest), a draft after its adoption, a text after
 * its revision (Rev.N). Judged as of the draft's
 * own date (corpus/succession.ts, analysis/draftIdentity.ts): a text of 22 December 2023 that
 * cites 76/172 as the latest was right then, and is left alone; the same citation in a draft of
 * 2026 is outdated by 78/217 and 80/218.
 *
 * A draft that also cites the successor is left alone: "Recalling its resolutions 67/172 … and
 * 80/218" lists the series on purpose; so is a successor older than a member the draft already
 * cites. A corrigendum (Corr.N) corrects a document without replacing it and is cited beside it
 * ("A/71/728 and Corr.1"), so it supersedes nothing.
 *
 * The fix rewrites the whole citation: the symbol in the form written, and the "of <date>" and
 * "entitled “…”" that follow it, so no date-mismatch or title-mismatch is left behind; where the
 * successor's date or title is not vouched for, no fix is offered rather than half of one.
 */
export const supersededRule: Rule = {
  code: 'superseded',
  defaultSeverity: 'warning',
  description: 'A citation of a resolution that is no longer the latest of its series, of a draft since adopted, or of a text since revised, as of the draft\'s date.',
  check: (context) => runToEnd(supersededCitations(context)),
  checkInSteps: supersededCitations,
};

function* supersededCitations({ text, analysis, corpus }: RuleContext): Generator<void, Finding[]> {
  const identity = readDraftIdentity(text);
  const query = { asOf: identity.date, self: identity.symbol };
  const cited = new Set(analysis.references.flatMap((ref) => (ref.symbol ? [symbolKey(ref.symbol)] : [])));
  const citedDates = new Map<string, string>();
  for (const ref of analysis.references) {
    const entry = ref.resolution.entry?.registry;
    if (entry?.series && entry.date) citedDates.set(entry.series, [citedDates.get(entry.series) ?? '', entry.date].sort()[1]);
  }
  const findings: Finding[] = [];
  let judged = 0;
  for (const ref of analysis.references) {
    if (++judged % STEP_REFERENCES === 0) yield;
    // "Ibid." and "that resolution" repeat a citation: the finding is on the citation itself.
    if (!ref.symbol || ref.kind === 'internal' || ref.antecedent) continue;
    const successor = successorOf(corpus, ref.symbol, query);
    if (!successor || cited.has(symbolKey(successor.symbol))) continue;
    // Never propose a successor older than a member of the series the draft already cites.
    const series = successor.reason === 'series' ? successor.entry?.series : undefined;
    if (series && (citedDates.get(series) ?? '') > (successor.entry?.date ?? '')) continue;
    if (series && isDerived(successor.entry!) && !ownSeries(series, identity, corpus)) continue;
    const citedEntry = ref.resolution.entry?.registry ?? corpus.lookup(ref.symbol)?.registry;
    const fix = successorFix(text, ref, successor);
    // The finding covers what its fix rewrites: "draft resolution A/71/L.58", "76/172 of 16 December 2021".
    const edited = fix?.edits.map((edit) => edit.range) ?? [];
    const range = { start: Math.min(ref.targetRange.start, ...edited.map((r) => r.start)), end: Math.max(ref.targetRange.end, ...edited.map((r) => r.end)) };
    findings.push({ range, message: message(ref.symbol, citedEntry, successor, identity.date), fixes: fix ? [fix] : [] });
  }
  return findings;
}

/**
 * A series derived from titles alone (knowledge/series.ts) shows that a resolution recurs, not that
 * every text citing an earlier one meant the latest: "77/250", which set up a group of experts, is
 * still cited for it after 78/238 of the same title. Such a series is held against the drafts of
 * that same recurring resolution only, where recalling last round's text instead of the latest is
 * the slip the rule is for. A series the verified facts name is held against every draft.
 */
function isDerived(entry: RegistryEntry): boolean {
  return entry.provenance?.series?.[0]?.kind === 'derived';
}

function ownSeries(series: string, identity: DraftIdentity, corpus: Corpus): boolean {
  if (identity.symbol && corpus.registry.get(identity.symbol)?.series === series) return true;
  const title = identity.title && titleKey(identity.title);
  return !!title && corpus.registry.seriesMembers(series).some((member) => titleKey(member.title) === title);
}

function titleKey(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The edits that make the citation cite the successor, or undefined where that cannot be done cleanly. */
function successorFix(text: string, ref: ResolvedReference, successor: Successor): Fix | undefined {
  // Another text has other paragraph numbers: only an adopted draft keeps them.
  const pinpointed = ref.paragraphs.length > 0 || ref.annex !== undefined || (ref.pages?.pages.length ?? 0) > 0;
  if (pinpointed && successor.reason !== 'adopted') return undefined;
  const newText = inCitedForm(text.slice(ref.targetRange.start, ref.targetRange.end), ref.symbol!, successor.symbol);
  if (!newText) return undefined;
  const edits: TextEdit[] = [{ range: ref.targetRange, newText }];
  const next = successor.entry;
  if (ref.statedDate) {
    if (!next?.date || next.unverified?.includes('date') || next.date.length !== 10) return undefined;
    edits.push({ range: ref.statedDate.range, newText: formatDate(next.date) });
  }
  if (ref.statedTitle) {
    if (!next?.title || next.unverified?.includes('title') || next.titleIsDescription) return undefined;
    if (ref.statedTitle.text !== next.title) edits.push({ range: ref.statedTitle.range, newText: next.title });
  }
  if (successor.reason === 'adopted') {
    const draft = draftWord(text, ref);
    if (draft === 'unsure') return undefined;
    if (draft) edits.unshift(draft);
  }
  const dated = ref.statedDate ? ` of ${formatDate(next!.date)}` : '';
  return { title: `Cite ${newText}${dated}`, edits };
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

function message(cited: string, citedEntry: RegistryEntry | undefined, successor: Successor, asOf: string | undefined): string {
  const next = successor.entry;
  const dated = next?.date ? ` of ${displayDate(next)}` : '';
  if (successor.reason === 'adopted') {
    const kind = next?.kind || 'resolution';
    return `Draft ${kind} ${cited} was adopted as ${documentName(successor.symbol)}${dated}; cite the ${kind}, not the draft.`;
  }
  if (successor.reason === 'revised') return `${cited} has been revised: ${successor.symbol}${dated} replaces it.`;
  // A Security Council symbol carries its year already.
  const year = citedEntry?.date && !/\(\d{4}\)$/.test(cited) ? ` (${citedEntry.date.slice(0, 4)})` : '';
  const kind = next?.kind || 'document';
  const topic = next && !next.unverified?.includes('title') && !next.titleIsDescription ? ` on “${next.title}”` : ' of its series';
  // A later resolution of a series does not repeal the earlier ones (texts keep recalling them);
  // what the sources show is that it is the latest, so that is all the message says.
  const latest = asOf ? `was the latest ${kind}${topic} at this draft’s date (${formatDate(asOf)})` : `is the latest ${kind}${topic}`;
  return `${resolutionNumber(successor.symbol) ?? successor.symbol}${dated} ${latest}, after ${documentName(cited)}${year}.`;
}
