// The paragraphs of one negotiation round, as a compare aligns them: preambular paragraphs ("pp1",
// "pp2", … in order) and operative paragraphs under their printed numbers ("12", "5 bis"), each with
// its sub-paragraphs, continuation lines and page breaks joined.
//
// Read from blocks of lines rather than through the Markdown parser (server/src/parse) because the
// rounds negotiators exchange are as often the PDF text layer of an L. document as a Markdown draft,
// and on those the parser finds no numbered paragraph at all: the PDF layer prints "1. " on a line of
// its own, which Markdown reads as an empty list item (all 195 draft/resolution pairs of
// ../shared/un-documents gave 0 paragraphs through parseDraft). One reader for both keeps the two
// kinds of round comparable with each other.
//
// Grammar, one block = lines up to a blank line:
//   cover page          everything before "The General Assembly," (or the Council's) is skipped
//   page furniture      job numbers "25-16735 (E) 221025", barcodes "*2516735*", page counters "2/2",
//                       a running header (the symbol with up to three title lines, before or after it), and in a PDF layer
//                       every block after a footnote rule "_____" up to the next running header
//   operative           a block starting "12." / "12 bis." (after an optional "[" or Markdown emphasis);
//                       a sole operative paragraph, printed without a number, is "op"
//   preambular          a block after "The General Assembly," that starts a new sentence part
//   continuation        a block starting in lower case, or after a paragraph that has not ended
//                       (no closing , ; : .): page breaks, "(a)" sub-paragraphs, quoted lists
//   headings            Markdown "#", "I. Title", "Annex", short unpunctuated lines: not paragraphs
//   end                 "64th plenary meeting"; annex paragraphs are named "annex 1", "annex 2", …
//   sub-paragraph       a block starting "(a)", "(b)", … (or "(i)", "(ii)", … as a first list) inside a
//                       paragraph: "5 (b)", "annex 21 (b)"; a roman "(i)" inside "(a)" stays part of
//                       it; a list numbered from 1 after a paragraph that ends with ":" (the
//                       Compact's 23 objectives in its paragraph 16) is that paragraph's "(1)", "(2)", …
//   objective           "Objective 5: …" headings (the Compact) name the paragraph after them
//                       ("objective 5") and its actions ("objective 5 (b)")
//
// A PDF layer often runs paragraphs on without a blank line ("… developing countries. \n2. \nWe
// welcome …", the whole annex of A/RES/80/3), so a block is also cut before a line that starts a
// numbered paragraph, a sub-paragraph or a roman heading when the line before ended a clause.
//
// The blocks themselves (lines, page furniture, cuts in a PDF layer) come from roundBlocks.ts.
import type { OffsetRange } from '../parse/model';
import { BODY_NAMES } from '../vocabulary';
import { operativeOpening } from './force';
import { blockText, ENDED, leadingSpace, OPERATIVE, range, roundBlocks, stripEmphasis, SUB_MARKER, type Block } from './roundBlocks';

export type UnitKind = 'preambular' | 'operative';

export interface Unit {
  /** "pp3" for the third preambular paragraph, the printed number ("12", "5 bis") for an operative one, "annex 4" in an annex, "5 (b)" for a sub-paragraph. */
  readonly id: string;
  readonly kind: UnitKind;
  /** The part of the text it is in: "" for the resolution itself, "annex", "annex II", … */
  readonly part: string;
  /** What a drafter also calls it: "objective 5" (the Compact's paragraph 21), "objective 5 (b)". */
  readonly label?: string;
  /** The paragraph's text without its number, lines joined by single spaces, emphasis markers dropped; with its sub-paragraphs. */
  readonly text: string;
  /** The text before the first sub-paragraph (the chapeau); the whole text when there is none. */
  readonly lead: string;
  /** Its sub-paragraphs, in order ("(a)", "(b)", …); none for a sub-paragraph. */
  readonly subparagraphs: readonly Unit[];
  /** From the number (or first word) to the end of the last block that belongs to it. */
  readonly range: OffsetRange;
  /** The blocks it was read from (a page break splits a paragraph into two). */
  readonly blocks: readonly OffsetRange[];
  /** Index in reading order. */
  readonly index: number;
}

const OPENING_OF_BODY = new RegExp(String.raw`^\W{0,3}The (?:${[...BODY_NAMES, 'Conference'].join('|')})\W{0,3},?\W{0,3}$`);
const PLENARY_MEETING = /^\s*\d+(?:st|nd|rd|th) plenary meeting\b/;
const ANNEX_HEADING = /^\W{0,3}Annex(?: ([IVXL]+))?\W{0,3}$/;
const ROMAN_HEADING = /^[\s*_#]*[IVXL]+\.\s/;

interface Building {
  id: string;
  kind: UnitKind;
  part: string;
  label?: string;
  parts: string[];
  blocks: OffsetRange[];
  start: number;
  subs: Building[];
  /** The number of an operative paragraph, for telling a list inside it from the next paragraph. */
  number?: number;
  /** A numbered list inside it ("(1)", "(2)", … of its sub-paragraphs): the last item's number. */
  listAt?: number;
  /** The article of a convention or rule of procedure it is in ("art. 3", "rule 12"). */
  article?: string;
}

const OBJECTIVE_HEADING = /^\W{0,3}Objective (\d{1,2})\s*:/;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ARTICLE_HEADING = /^\W{0,3}(Article|Rule) (\d{1,3})\s*$/;

/** Where a letter marker falls in the list: "b" after "a", "aa" after "z". */
function letterOrder(marker: string): number {
  return (marker.length - 1) * 26 + LETTERS.indexOf(marker[0]);
}

/** The letter after a sub-paragraph's marker ("b" after "a", "aa" after "z"), or undefined for a roman one. */
function nextLetter(marker: string): string | undefined {
  if (marker.length === 1) return marker === 'z' ? 'aa' : LETTERS[LETTERS.indexOf(marker) + 1];
  if (marker.length === 2 && marker[0] === marker[1]) return marker[0] === 'z' ? undefined : LETTERS[LETTERS.indexOf(marker[0]) + 1].repeat(2);
  return undefined;
}

function markerOf(sub: Building | undefined): string | undefined {
  return sub?.id.replace(/^.* \(([^()]+)\)$/, '$1');
}

/** The paragraphs of a round, in reading order, each with its sub-paragraphs. */
export function readUnits(text: string): Unit[] {
  const blocks = roundBlocks(text);
  const startAt = blocks.findIndex((b) => b.lines.length === 1 && OPENING_OF_BODY.test(stripEmphasis(b.lines[0].text)));
  const units: Building[] = [];
  let annex = '';
  let article: string | undefined;
  let annexPreamble = 0;
  let part = '';
  let objective: string | undefined;
  let preambular = 0;
  let inPreamble = startAt >= 0;
  let ended = false;
  const ids = new Set<string>();
  const unique = (label: string) => {
    let id = label;
    for (let n = 2; ids.has(id); n++) id = `${label} (${n})`;
    ids.add(id);
    return id;
  };
  const append = (to: Building, body: string, block: Block) => {
    const target = to.subs.length ? to.subs[to.subs.length - 1] : to;
    target.parts.push(body);
    target.blocks.push(range(block));
    if (target !== to) to.blocks.push(range(block));
  };
  const addSub = (to: Building, marker: string, body: string, block: Block) => {
    const id = unique(`${to.id} (${marker})`);
    to.subs.push({ id, kind: to.kind, part: to.part, label: to.label && `${to.label} (${marker})`, parts: [body], blocks: [range(block)], start: block.start, subs: [] });
    to.blocks.push(range(block));
  };
  for (let b = startAt + 1; b < blocks.length; b++) {
    const block = blocks[b];
    const first = block.lines[0].text;
    // The resolution ends at its meeting line; only an annex follows it.
    if (PLENARY_MEETING.test(first)) {
      ended = true;
      continue;
    }
    const annexHeading = ANNEX_HEADING.exec(stripEmphasis(first));
    // "Annex" with the annex's title on up to four lines after it ("Political declaration of the … ").
    if (annexHeading && block.lines.length <= 5 && block.lines.slice(1).every((l) => !ENDED.test(l.text.trimEnd()))) {
      part = annexHeading[1] ? `annex ${annexHeading[1]}` : 'annex';
      annex = `${part} `;
      article = undefined;
      annexPreamble = 0;
      inPreamble = false;
      ended = false;
      objective = undefined;
      continue;
    }
    if (ended) continue;
    // A convention in an annex numbers its paragraphs per article ("annex art. 3 para. 2"), rules of
    // procedure per rule ("annex III rule 12 para. 1").
    const articleHeading = part && block.lines.length <= 4 ? ARTICLE_HEADING.exec(stripEmphasis(first)) : null;
    if (articleHeading) {
      article = `${articleHeading[1] === 'Rule' ? 'rule' : 'art.'} ${articleHeading[2]}`;
      continue;
    }
    // A paragraph never runs on from the resolution into its annex, nor into the next article.
    const previous = units[units.length - 1];
    const last = previous?.part === part && previous.article === article ? previous : undefined;
    if (/^\s*#/.test(first) || ROMAN_HEADING.test(first)) {
      objective = OBJECTIVE_HEADING.exec(first.replace(/^[\s#]+/, ''))?.[1];
      continue;
    }
    const body = blockText(block);
    const number = OPERATIVE.exec(first);
    if (number) {
      const n = Number(/^\d+/.exec(number[1])![0]);
      const rest = body.slice(number[0].length + leadingSpace(body)).trim();
      // A list numbered from 1 again after a paragraph that leads into it with ":", or of short
      // unpunctuated items (the Compact's 23 objectives after its paragraph 16, under a heading of
      // their own), goes on while the numbers follow; an item that is also the paragraph's successor
      // is one only when it does not end a sentence.
      const opensList =
        last?.kind === 'operative' && !last.subs.length && n === 1 && last.number !== undefined && last.number > 1 && (/:\s*$/.test(last.parts[last.parts.length - 1]) || (rest.length < 300 && !/[.;:]\s*$/.test(rest)));
      const continuesList = last?.listAt !== undefined && n === last.listAt + 1 && !(n === (last.number ?? 0) + 1 && /[.;]\s*$/.test(rest));
      if (last && (opensList || continuesList)) {
        last.listAt = n;
        addSub(last, String(n), rest, block);
        continue;
      }
      inPreamble = false;
      const id = unique(`${annex}${article ? `${article} para. ` : ''}${number[1]}`);
      units.push({ id, kind: 'operative', part, label: objective && `objective ${objective}`, parts: [rest], blocks: [range(block)], start: block.start, subs: [], number: n, article });
      continue;
    }
    const sub = SUB_MARKER.exec(first);
    if (sub && last) {
      const marker = sub[1];
      let previous = markerOf(last.subs[last.subs.length - 1]);
      // "(i)" after "(h)" was read as a letter; "(ii)" after it shows it was the first of a roman list inside "(h)".
      if (marker === 'ii' && previous === 'i' && markerOf(last.subs[last.subs.length - 2]) === 'h') {
        const roman = last.subs.pop()!;
        last.subs[last.subs.length - 1].parts.push(`(i) ${roman.parts[0]}`, ...roman.parts.slice(1));
        last.subs[last.subs.length - 1].blocks.push(...roman.blocks);
        ids.delete(roman.id);
        previous = 'h';
      }
      // "(i)" is the letter after "(h)"; otherwise a roman numeral inside a lettered sub-paragraph is
      // part of it. A later letter is the next sub-paragraph also when letters were skipped (an action
      // deleted in a round, the others not yet relettered). A list starts at "(a)" (or "(i)"): a "(d)"
      // that a line happens to start with inside a run-in list ("… by: (a) eradicating …; (b) …" in
      // one paragraph) is not one.
      const roman = /^[ivxl]+$/.test(marker);
      const isNext = previous
        ? nextLetter(previous) === marker || (/^[ivxl]+$/.test(previous) && roman) || (!roman && nextLetter(previous) !== undefined && letterOrder(marker) > letterOrder(previous))
        : marker === 'a' || marker === 'i';
      if (isNext && last.listAt === undefined) {
        addSub(last, marker, body.slice(sub[0].length + leadingSpace(body)).trim(), block);
        continue;
      }
    }
    const continues = last && (!ENDED.test(last.parts[last.parts.length - 1]) || /^[\s*_]*[a-z\d]/.test(body) || !!sub || (last.subs.length > 0 && last.listAt === undefined && !ENDED.test(last.subs[last.subs.length - 1].parts.slice(-1)[0])));
    if (continues) {
      append(last, body, block);
      continue;
    }
    // A sole operative paragraph is printed without a number: it opens with an operative verb and
    // ends the resolution with a full stop.
    if (inPreamble && operativeOpening(body) && /[.”]\s*$/.test(body) && !/^\W*(?:Also|Further)\b/.test(body)) {
      inPreamble = false;
      ids.add('op');
      units.push({ id: 'op', kind: 'operative', part, parts: [body], blocks: [range(block)], start: block.start, subs: [] });
      continue;
    }
    if (inPreamble) {
      preambular++;
      units.push({ id: `pp${preambular}`, kind: 'preambular', part, parts: [body], blocks: [range(block)], start: block.start, subs: [] });
      continue;
    }
    // A block that a page break cut ("… will encourage the", footnotes, "acceptance of …") goes on in
    // the next block, which starts in lower case: not a heading.
    const runsOn = /^[\s*_]*[a-z]/.test(blocks[b + 1]?.lines[0].text ?? '');
    // An article or rule without numbered paragraphs is one: "annex art. 2".
    if (article && !last && (ENDED.test(body) || runsOn)) {
      units.push({ id: unique(`${annex}${article}`), kind: 'operative', part, parts: [body], blocks: [range(block)], start: block.start, subs: [], article });
      continue;
    }
    // An annex's opening words before its first numbered paragraph or article ("We, the Heads of
    // State …", a convention's "The States Parties …, Reaffirming …,"): its own preamble, "annex pp1", …
    if (part && !article && (ENDED.test(body) || runsOn) && !units.some((u) => u.part === part && u.kind === 'operative')) {
      annexPreamble++;
      units.push({ id: unique(`${annex}pp${annexPreamble}`), kind: 'preambular', part, parts: [body], blocks: [range(block)], start: block.start, subs: [] });
      continue;
    }
    // After the preamble an unnumbered block is a heading ("Objective 1: …", "Follow-up and review") when
    // it is short and unpunctuated; otherwise it is part of the paragraph before it.
    const heading = body.length < 160 && !ENDED.test(body) && !runsOn;
    if (heading) objective = OBJECTIVE_HEADING.exec(body)?.[1];
    else if (last) append(last, body, block);
  }
  return units.map((u, index) => {
    const subparagraphs = u.subs.map((s, k) => finished(s, k, []));
    return finished(u, index, subparagraphs);
  });
}

function joinParts(parts: readonly string[]): string {
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function finished(u: Building, index: number, subparagraphs: Unit[]): Unit {
  const lead = joinParts(u.parts);
  const text = subparagraphs.length ? joinParts([lead, ...u.subs.map((s) => `(${markerOf(s)}) ${joinParts(s.parts)}`)]) : lead;
  return {
    id: u.id,
    kind: u.kind,
    part: u.part,
    ...(u.label ? { label: u.label } : {}),
    text,
    lead,
    subparagraphs,
    range: { start: u.start, end: Math.max(...u.blocks.map((b) => b.end)) },
    blocks: u.blocks,
    index,
  };
}
