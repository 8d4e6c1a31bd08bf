// The structure a compare aligns, around the paragraph alignment of align.ts:
//   parts          the resolution and each annex apart: an annexed declaration numbers its paragraphs
//                  anew, and its paragraph 3 is not the resolution's paragraph 3 however alike the
//                  words ("Reaffirms …" / "We reaffirm …"); annexes are paired in order (the first
//                  annex of one round with the first of the other, "Annex" with "Annex I");
//   sub-paragraphs inside each aligned group of paragraphs, when both sides have them, their
//                  sub-paragraphs are aligned the same way ("5 (b)" → "5 (c)" after an inserted
//                  "(b)"); a sub-paragraph left over there is looked for, at Dice 0.5 and up, among
//                  those left over under the other paragraphs (moved from "5 (b)" to "7 (a)").
// A new or deleted paragraph is one row with its sub-paragraphs inside.
import { alignUnits, strongMatches, type AlignedGroup } from './align';
import type { Unit } from './units';

/** Groups of paragraphs, the resolution and each annex aligned on their own. */
export function alignByPart(oldUnits: readonly Unit[], newUnits: readonly Unit[], oldIds: readonly Int32Array[], newIds: readonly Int32Array[]): AlignedGroup[] {
  const oldKeys = partKeys(oldUnits);
  const newKeys = partKeys(newUnits);
  const groups: AlignedGroup[] = [];
  for (const key of new Set([...oldKeys, ...newKeys])) {
    const o = indicesOf(oldKeys, key);
    const n = indicesOf(newKeys, key);
    const local = alignUnits(
      o.map((i) => oldUnits[i]),
      n.map((i) => newUnits[i]),
      o.map((i) => oldIds[i]),
      n.map((i) => newIds[i]),
    );
    for (const g of local) groups.push({ old: g.old.map((i) => o[i]), new: g.new.map((i) => n[i]), moved: g.moved });
  }
  return groups;
}

/** "resolution", "annex 0", "annex 1", …: annexes by their order in the round. */
function partKeys(units: readonly Unit[]): string[] {
  const annexes: string[] = [];
  return units.map((u) => {
    if (!u.part) return 'resolution';
    if (!annexes.includes(u.part)) annexes.push(u.part);
    return `annex ${annexes.indexOf(u.part)}`;
  });
}

function indicesOf(keys: readonly string[], key: string): number[] {
  const list: number[] = [];
  keys.forEach((k, i) => k === key && list.push(i));
  return list;
}

export interface SubparagraphAlignment {
  /** Every sub-paragraph of each round, in reading order. */
  readonly oldSubs: readonly Unit[];
  readonly newSubs: readonly Unit[];
  /** Groups of sub-paragraphs (indices into oldSubs and newSubs), each under the paragraph group it is shown with. */
  readonly groups: readonly { readonly group: AlignedGroup; readonly under: AlignedGroup }[];
  /** Paragraph groups whose sub-paragraphs are aligned: their own row compares the text before the sub-paragraphs. */
  readonly withSubparagraphs: ReadonlySet<AlignedGroup>;
}

export function alignSubparagraphs(
  paragraphs: readonly AlignedGroup[],
  oldUnits: readonly Unit[],
  newUnits: readonly Unit[],
  idsOf: (unit: Unit) => Int32Array,
): SubparagraphAlignment {
  const oldSubs: Unit[] = [];
  const newSubs: Unit[] = [];
  const oldFirst = firstIndices(oldUnits, oldSubs);
  const newFirst = firstIndices(newUnits, newSubs);
  const subsOf = (first: readonly number[], units: readonly Unit[], list: readonly number[]) => list.flatMap((u) => units[u].subparagraphs.map((_, k) => first[u] + k));
  const groups: { group: AlignedGroup; under: AlignedGroup }[] = [];
  const withSubparagraphs = new Set<AlignedGroup>();
  const leftOld: { sub: number; under: AlignedGroup }[] = [];
  const leftNew: { sub: number; under: AlignedGroup }[] = [];
  for (const paragraph of paragraphs) {
    const o = subsOf(oldFirst, oldUnits, paragraph.old);
    const n = subsOf(newFirst, newUnits, paragraph.new);
    if (!o.length || !n.length) continue;
    withSubparagraphs.add(paragraph);
    const local = alignUnits(
      o.map((i) => oldSubs[i]),
      n.map((i) => newSubs[i]),
      o.map((i) => idsOf(oldSubs[i])),
      n.map((i) => idsOf(newSubs[i])),
    );
    for (const g of local) {
      if (!g.new.length) leftOld.push({ sub: o[g.old[0]], under: paragraph });
      else if (!g.old.length) leftNew.push({ sub: n[g.new[0]], under: paragraph });
      else groups.push({ group: { old: g.old.map((i) => o[i]), new: g.new.map((i) => n[i]), moved: g.moved }, under: paragraph });
    }
  }
  const matches = strongMatches(
    leftOld.map((l) => idsOf(oldSubs[l.sub])),
    leftNew.map((l) => idsOf(newSubs[l.sub])),
  );
  const matchedOld = new Set<number>();
  const matchedNew = new Set<number>();
  for (const [o, n] of matches) {
    // Under another paragraph than before: moved, shown where it is now.
    if (leftOld[o].under === leftNew[n].under) continue;
    matchedOld.add(o);
    matchedNew.add(n);
    groups.push({ group: { old: [leftOld[o].sub], new: [leftNew[n].sub], moved: true }, under: leftNew[n].under });
  }
  leftOld.forEach((l, i) => matchedOld.has(i) || groups.push({ group: { old: [l.sub], new: [], moved: false }, under: l.under }));
  leftNew.forEach((l, i) => matchedNew.has(i) || groups.push({ group: { old: [], new: [l.sub], moved: false }, under: l.under }));
  return { oldSubs, newSubs, groups, withSubparagraphs };
}

/** Fills subs with every sub-paragraph in reading order; returns where each unit's first one is. */
function firstIndices(units: readonly Unit[], subs: Unit[]): number[] {
  return units.map((u) => {
    const first = subs.length;
    subs.push(...u.subparagraphs);
    return first;
  });
}
