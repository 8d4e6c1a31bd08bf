// One negotiation round against another: paragraphs aligned (align.ts), the resolution and each annex
// apart and sub-paragraphs inside their paragraphs (structure.ts), each aligned group with its word
// diff and changes of force, the citations that changed, and the brackets resolved, remaining and
// new. The result is what `compact-drafter compare` prints and the editor's report shows.
import { bracketReport, passageKey, type LocatedPassage } from '../brackets/report';
import type { OffsetRange } from '../parse/model';
import { findReferences } from '../references';
import type { AlignedGroup } from './align';
import { forceChanges, overallForce, type Force, type ForceChange } from './force';
import { alignByPart, alignSubparagraphs } from './structure';
import { readUnits, type Unit } from './units';
import { changed, tokenized, wordDiff, type TokenizedText, type WordDiffPart } from './wordDiff';

export type RowStatus = 'unchanged' | 'edited' | 'moved' | 'split' | 'merged' | 'new' | 'deleted';

export interface CompareRow {
  readonly status: RowStatus;
  /**
   * A paragraph, or a sub-paragraph ("5 (b)", listed right after its paragraph's row). When a
   * paragraph's sub-paragraphs have rows of their own, the paragraph's row compares its text before
   * them (the chapeau).
   */
  readonly level: 'paragraph' | 'subparagraph';
  /** Paragraph ids of the old round ("12", "pp3", "annex 21 (b)"); empty for a new paragraph. */
  readonly old: readonly string[];
  readonly new: readonly string[];
  readonly force: Force | null;
  readonly forceChanges: readonly ForceChange[];
  readonly diff: readonly WordDiffPart[];
  /** Out of the order of the rest (also for split and merged groups, whose status says more). */
  readonly moved: boolean;
  /** Wording changed (an edited paragraph, or a moved, split or merged one whose words changed too). */
  readonly edited: boolean;
  /** Where the paragraphs are, for editors: offsets into each round's text. */
  readonly oldRanges: readonly OffsetRange[];
  readonly newRanges: readonly OffsetRange[];
  /** What drafters also call them, where the text names it: "objective 5 (b)" (the new round's, else the old's). */
  readonly labels?: readonly string[];
}

export interface CitationChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** A resolution replaced by a later one in the same paragraph: "A/RES/78/230" → "A/RES/79/235". */
  readonly updated: readonly { readonly from: string; readonly to: string }[];
}

export interface BracketChanges {
  readonly resolved: readonly LocatedPassage[];
  readonly remaining: readonly LocatedPassage[];
  readonly new: readonly LocatedPassage[];
}

export type RowCounts = Record<RowStatus, number> & { readonly strengthened: number; readonly weakened: number };

export interface CompareResult {
  readonly paragraphs: readonly CompareRow[];
  /** Paragraph rows per status, strengthened and weakened, and how many paragraphs each round has; the same for sub-paragraph rows. */
  readonly summary: RowCounts & {
    readonly oldParagraphs: number;
    readonly newParagraphs: number;
    readonly subparagraphs: RowCounts & { readonly oldSubparagraphs: number; readonly newSubparagraphs: number };
  };
  readonly citations: CitationChanges;
  readonly brackets: BracketChanges;
}

export function compareRounds(oldText: string, newText: string): CompareResult {
  const oldUnits = readUnits(oldText);
  const newUnits = readUnits(newText);
  // Most paragraphs of a round are the previous round's word for word: each distinct text is read once.
  const tokenize = cached(tokenized);
  const idsOf = (u: Unit) => tokenize(u.text).ids;
  const paragraphs = ordered(alignByPart(oldUnits, newUnits, oldUnits.map(idsOf), newUnits.map(idsOf)));
  const subs = alignSubparagraphs(paragraphs, oldUnits, newUnits, idsOf);
  const subsUnder = new Map<AlignedGroup, AlignedGroup[]>();
  for (const { group, under } of subs.groups) subsUnder.set(under, [...(subsUnder.get(under) ?? []), group]);
  const rows: CompareRow[] = [];
  const paragraphRows: CompareRow[] = [];
  const counts = (): RowCounts => ({ unchanged: 0, edited: 0, moved: 0, split: 0, merged: 0, new: 0, deleted: 0, strengthened: 0, weakened: 0 });
  const summary = { ...counts(), oldParagraphs: oldUnits.length, newParagraphs: newUnits.length, subparagraphs: { ...counts(), oldSubparagraphs: subs.oldSubs.length, newSubparagraphs: subs.newSubs.length } };
  const count = (into: { -readonly [K in keyof RowCounts]: number }, r: CompareRow) => {
    into[r.status]++;
    if (r.force) into[r.force]++;
  };
  for (const g of paragraphs) {
    const own = subs.withSubparagraphs.has(g) ? (u: Unit) => u.lead : (u: Unit) => u.text;
    const paragraphRow = row(g, 'paragraph', oldUnits, newUnits, (u) => tokenize(own(u)));
    rows.push(paragraphRow);
    paragraphRows.push(paragraphRow);
    count(summary, paragraphRow);
    for (const sg of ordered(subsUnder.get(g) ?? [])) {
      const subRow = row(sg, 'subparagraph', subs.oldSubs, subs.newSubs, (u) => tokenize(u.text));
      rows.push(subRow);
      count(summary.subparagraphs, subRow);
    }
  }
  return {
    paragraphs: rows,
    summary,
    citations: citationChanges(oldUnits, newUnits, paragraphs),
    brackets: bracketChanges(oldText, newText, oldUnits, newUnits),
  };
}

function cached<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) cache.set(text, (value = compute(text)));
    return value;
  };
}

/** Rows in the new round's order; a deleted paragraph comes after the row of the old paragraph before it. */
function ordered(groups: readonly AlignedGroup[]): AlignedGroup[] {
  const withNew = groups.filter((g) => g.new.length).sort((a, b) => a.new[0] - b.new[0]);
  const deleted = groups.filter((g) => !g.new.length).sort((a, b) => a.old[0] - b.old[0]);
  const result: AlignedGroup[] = [];
  const deletedAfter = new Map<AlignedGroup | undefined, AlignedGroup[]>();
  for (const d of deleted) {
    let anchor: AlignedGroup | undefined;
    for (const g of withNew) if (g.old.length && g.old[0] < d.old[0] && (!anchor || g.old[0] > anchor.old[0])) anchor = g;
    const list = deletedAfter.get(anchor) ?? [];
    list.push(d);
    deletedAfter.set(anchor, list);
  }
  result.push(...(deletedAfter.get(undefined) ?? []));
  for (const g of withNew) result.push(g, ...(deletedAfter.get(g) ?? []));
  return result;
}

function joined(parts: readonly TokenizedText[]): TokenizedText {
  if (parts.length === 1) return parts[0];
  return tokenized(parts.map((p) => p.text).join(' '));
}

function row(g: AlignedGroup, level: CompareRow['level'], oldUnits: readonly Unit[], newUnits: readonly Unit[], tokensOf: (unit: Unit) => TokenizedText): CompareRow {
  const before = joined(g.old.map((i) => tokensOf(oldUnits[i])));
  const after = joined(g.new.map((i) => tokensOf(newUnits[i])));
  const diff = g.old.length && g.new.length ? wordDiff(before, after) : g.old.length ? [{ op: 'delete' as const, old: before.text }] : [{ op: 'insert' as const, new: after.text }];
  const edited = g.old.length > 0 && g.new.length > 0 && changed(diff);
  const changes = edited ? forceChanges(before.text, after.text, diff) : [];
  const status: RowStatus = !g.new.length
    ? 'deleted'
    : !g.old.length
      ? 'new'
      : g.new.length > 1 && g.new.length >= g.old.length
        ? 'split'
        : g.old.length > 1
          ? 'merged'
          : g.moved
            ? 'moved'
            : edited
              ? 'edited'
              : 'unchanged';
  const labelled = (g.new.length ? g.new.map((i) => newUnits[i]) : g.old.map((i) => oldUnits[i])).flatMap((u) => (u.label ? [u.label] : []));
  return {
    status,
    level,
    old: g.old.map((i) => oldUnits[i].id),
    new: g.new.map((i) => newUnits[i].id),
    force: overallForce(changes),
    forceChanges: changes,
    diff,
    moved: g.moved,
    edited,
    oldRanges: g.old.map((i) => oldUnits[i].range),
    newRanges: g.new.map((i) => newUnits[i].range),
    ...(labelled.length ? { labels: labelled } : {}),
  };
}

/** The symbols a text cites. */
function symbolsIn(text: string): string[] {
  return findReferences(text)
    .map((r) => r.symbol)
    .filter((s): s is string => !!s);
}

/**
 * What every way of citing a symbol writes: "71/1" of A/RES/71/1 ("resolution 71/1"), "35/17" of
 * A/HRC/RES/35/17, "71/728" of A/71/728; else the first number of its last part: "2240" of
 * S/RES/2240 (2015).
 */
function citedNumber(symbol: string): string | undefined {
  const parts = symbol.split('/');
  const [a, b] = parts.slice(-2);
  if (parts.length >= 3 && /^\d+$/.test(a) && /^\d+$/.test(b)) return `${a}/${b}`;
  return /\d+/.exec(parts[parts.length - 1])?.[0];
}

const RESOLUTION = /^([A-Z]+(?:\/[A-Z]+)*)\/RES\/(\d+)\/\d+$/;

/** Citations in the paragraphs only: the cover page names the round itself, not what it cites. */
//
// A paragraph both rounds hold word for word (most of them) cites the same in both, so only the
// paragraphs of one round are read in full; a symbol they add or drop is then looked for in the
// shared paragraphs that hold its number. Reading every paragraph was a third of a compare.
function citationChanges(oldUnits: readonly Unit[], newUnits: readonly Unit[], groups: readonly AlignedGroup[]): CitationChanges {
  const symbolsOf = cached(symbolsIn);
  const oldTexts = new Set(oldUnits.map((u) => u.text));
  const newTexts = new Set(newUnits.map((u) => u.text));
  const shared = [...newTexts].filter((t) => oldTexts.has(t));
  const before = new Set(oldUnits.filter((u) => !newTexts.has(u.text)).flatMap((u) => symbolsOf(u.text)));
  const after = new Set(newUnits.filter((u) => !oldTexts.has(u.text)).flatMap((u) => symbolsOf(u.text)));
  const inShared = (symbol: string) => {
    const number = citedNumber(symbol);
    return shared.some((t) => (!number || t.includes(number)) && symbolsOf(t).includes(symbol));
  };
  const added = [...after].filter((s) => !before.has(s) && !inShared(s));
  const removed = [...before].filter((s) => !after.has(s) && !inShared(s));
  // Updated: in one aligned paragraph a resolution gave way to a later one of the same organ.
  const updated: { from: string; to: string }[] = [];
  for (const g of groups) {
    if (!g.old.length || !g.new.length) continue;
    const gone = g.old.flatMap((o) => symbolsOf(oldUnits[o].text)).filter((s) => removed.includes(s));
    const come = g.new.flatMap((n) => symbolsOf(newUnits[n].text)).filter((s) => added.includes(s));
    for (const from of gone) {
      const f = RESOLUTION.exec(from);
      const to = f && come.find((s) => {
        const t = RESOLUTION.exec(s);
        return t && t[1] === f[1] && Number(t[2]) > Number(f[2]) && !updated.some((u) => u.to === s);
      });
      if (to) updated.push({ from, to });
    }
  }
  return {
    added: added.filter((s) => !updated.some((u) => u.to === s)),
    removed: removed.filter((s) => !updated.some((u) => u.from === s)),
    updated,
  };
}

function bracketChanges(oldText: string, newText: string, oldUnits: readonly Unit[], newUnits: readonly Unit[]): BracketChanges {
  const before = bracketReport(oldText, oldUnits).passages;
  const after = bracketReport(newText, newUnits).passages;
  const keysBefore = new Map<string, number>();
  for (const p of before) keysBefore.set(passageKey(p), (keysBefore.get(passageKey(p)) ?? 0) + 1);
  const remaining: LocatedPassage[] = [];
  const fresh: LocatedPassage[] = [];
  for (const p of after) {
    const key = passageKey(p);
    const left = keysBefore.get(key) ?? 0;
    if (left > 0) {
      keysBefore.set(key, left - 1);
      remaining.push(p);
    } else fresh.push(p);
  }
  const resolved = before.filter((p) => {
    const key = passageKey(p);
    const left = keysBefore.get(key) ?? 0;
    if (left > 0) {
      keysBefore.set(key, left - 1);
      return true;
    }
    return false;
  });
  return { resolved, remaining, new: fresh };
}
