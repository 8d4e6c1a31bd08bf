// The structure of a held text beyond its numbered paragraphs, read from the text itself:
//   annexes   a resolution numbers its operative paragraphs, then its annex numbers its own from 1
//             again ("Annex" on a line of its own, or "Annex II"): "resolution 73/195, annex,
//             para. 21" is the annex's paragraph 21, not the resolution's;
//   objectives the Global Compact's "Objective 5: Enhance availability …" headings, each followed by
//             its commitment paragraph ("21. We commit to …") and lettered actions ("(b) …") after
//             "To realize this commitment, we will draw from the following actions:". The mapping
//             (objective 5 is paragraph 21) is the text's, not assumed.
import type { DraftModel, NumberedParagraph, OffsetRange } from '../parse/model';

export interface AnnexRun {
  /** "" for the only or first annex ("Annex"), "II" for "Annex II"; undefined for the body before any annex. */
  readonly annex?: string;
  readonly paragraphs: readonly NumberedParagraph[];
}

export interface ObjectiveAction {
  readonly letter: string;
  readonly range: OffsetRange;
  readonly text: string;
}

export interface Objective {
  readonly number: number;
  readonly title: string;
  readonly paragraph: NumberedParagraph;
  readonly actions: ReadonlyMap<string, ObjectiveAction>;
}

export interface TextStructure {
  readonly runs: readonly AnnexRun[];
  readonly objectives: ReadonlyMap<number, Objective>;
}

const ANNEX_LINE = /^[ \t]*(?:#{1,6}[ \t]+)?\**Annex(?:[ \t]+([IVXL]+))?\**[ \t]*$/gm;
const OBJECTIVE_LINE = /^[ \t]*(?:#{1,6}[ \t]+)?\**Objective[ \t]+(\d{1,2}):[ \t]*(.+?)\**[ \t]*$/gm;
const ACTION_LINE = /^[ \t]*\(([a-z]{1,2})\)[ \t]+(.+)$/gm;

export function readStructure(model: DraftModel): TextStructure {
  return { runs: annexRuns(model), objectives: objectives(model) };
}

function annexRuns(model: DraftModel): AnnexRun[] {
  const annexLines: { at: number; annex: string }[] = [];
  ANNEX_LINE.lastIndex = 0;
  for (let m = ANNEX_LINE.exec(model.text); m; m = ANNEX_LINE.exec(model.text)) annexLines.push({ at: m.index, annex: m[1] ?? '' });
  const runs: { annex?: string; paragraphs: NumberedParagraph[] }[] = [{ paragraphs: [] }];
  let previous = 0;
  for (const paragraph of model.paragraphs) {
    // The numbering starts again: an annex (named by the "Annex" line before it, where there is one).
    if (paragraph.number <= 1 && paragraph.number < previous) {
      const line = annexLines.filter((l) => l.at < paragraph.range.start).at(-1);
      const named = line && !runs.some((r) => r.annex === line.annex) ? line.annex : undefined;
      runs.push({ annex: named ?? String(runs.length), paragraphs: [] });
    }
    runs[runs.length - 1].paragraphs.push(paragraph);
    previous = paragraph.number;
  }
  return runs;
}

function objectives(model: DraftModel): Map<number, Objective> {
  const found = new Map<number, Objective>();
  const headings: { number: number; title: string; at: number }[] = [];
  OBJECTIVE_LINE.lastIndex = 0;
  for (let m = OBJECTIVE_LINE.exec(model.text); m; m = OBJECTIVE_LINE.exec(model.text)) headings.push({ number: Number(m[1]), title: m[2].trim(), at: m.index });
  headings.forEach((heading, i) => {
    const paragraph = model.paragraphs.find((p) => p.range.start > heading.at);
    if (!paragraph || found.has(heading.number)) return;
    const next = model.paragraphs.find((p) => p.range.start > paragraph.range.start);
    const end = Math.min(headings[i + 1]?.at ?? model.text.length, next?.range.start ?? model.text.length);
    const actions = new Map<string, ObjectiveAction>();
    ACTION_LINE.lastIndex = paragraph.numberRange.end;
    for (let m = ACTION_LINE.exec(model.text); m && m.index < end; m = ACTION_LINE.exec(model.text)) {
      if (!actions.has(m[1])) actions.set(m[1], { letter: m[1], range: { start: m.index, end: m.index + m[0].length }, text: m[2].trim() });
    }
    found.set(heading.number, { number: heading.number, title: heading.title, paragraph, actions });
  });
  return found;
}
