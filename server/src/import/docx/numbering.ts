// Word's automatic numbering (word/numbering.xml), replayed to give the numbers a reader sees.
//
// A paragraph says which list it is in (w:numPr: w:numId, w:ilvl), directly or through its style.
// A w:num points at a w:abstractNum, whose w:lvl elements give for each level the start value
// (w:start), the format (w:numFmt: decimal, lowerLetter, lowerRoman, upperRoman, bullet …), the text
// (w:lvlText "%1." or "(%2)", %n standing for level n's counter) and when the level restarts
// (w:lvlRestart; by default whenever a shallower level advances). Lists sharing an abstractNum share
// their counters, as in Word, unless a w:num overrides a level's start (w:lvlOverride/w:startOverride),
// which restarts that level the first time the num is used.
import { attr, child, children, type XmlNode } from './xml';

interface Level {
  start: number;
  format: string;
  text: string;
  /** The shallowest level (0-based) whose advance restarts this one; -1 never. */
  restartAfter: number;
}

interface NumInstance {
  abstractId: string;
  overrides: Map<number, number>;
}

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  for (const [value, digits] of ROMAN) while (n >= value) ((out += digits), (n -= value));
  return out;
}

function letters(n: number): string {
  // Word: a … z, aa … zz, aaa …
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, NumInstance>();
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();

  constructor(numberingXml: XmlNode | undefined) {
    const root = child(numberingXml, 'w:numbering');
    for (const abstract of children(root, 'w:abstractNum')) {
      const levels = new Map<number, Level>();
      for (const lvl of children(abstract, 'w:lvl')) {
        const ilvl = Number(attr(lvl, 'w:ilvl') ?? 0);
        const restart = attr(child(lvl, 'w:lvlRestart'), 'w:val');
        levels.set(ilvl, {
          start: Number(attr(child(lvl, 'w:start'), 'w:val') ?? 1),
          format: attr(child(lvl, 'w:numFmt'), 'w:val') ?? 'decimal',
          text: attr(child(lvl, 'w:lvlText'), 'w:val') ?? '',
          // w:lvlRestart="0" never restarts; n restarts after level n (1-based) advances.
          restartAfter: restart === undefined ? ilvl - 1 : Number(restart) === 0 ? -1 : Number(restart) - 1,
        });
      }
      this.abstracts.set(attr(abstract, 'w:abstractNumId') ?? '', levels);
    }
    for (const num of children(root, 'w:num')) {
      const overrides = new Map<number, number>();
      for (const override of children(num, 'w:lvlOverride')) {
        const start = attr(child(override, 'w:startOverride'), 'w:val');
        if (start !== undefined) overrides.set(Number(attr(override, 'w:ilvl') ?? 0), Number(start));
      }
      this.nums.set(attr(num, 'w:numId') ?? '', { abstractId: attr(child(num, 'w:abstractNumId'), 'w:val') ?? '', overrides });
    }
  }

  /** The abstract list a list instance counts in: two instances of one abstract list are one sequence, restarted or not. */
  abstractOf(numId: string): string | undefined {
    return this.nums.get(numId)?.abstractId;
  }

  /** Advances the list and returns the label the paragraph shows ("12.", "(a)"), or undefined (a bullet, no list). */
  next(numId: string, ilvl: number): string | undefined {
    // numId 0 means "no numbering" (a style's list switched off for this paragraph).
    if (numId === '0') return undefined;
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return undefined;
    const key = num.abstractId;
    const counters = this.counters.get(key) ?? [];
    this.counters.set(key, counters);
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [overridden, start] of num.overrides) counters[overridden] = start - 1;
    }
    counters[ilvl] = (counters[ilvl] ?? (level.start - 1)) + 1;
    // Deeper levels restart when this one advances (unless their w:lvlRestart says otherwise).
    for (const [deeper, deeperLevel] of levels) {
      if (deeper > ilvl && deeperLevel.restartAfter >= ilvl) counters[deeper] = undefined as unknown as number;
    }
    if (level.format === 'bullet' || level.format === 'none') return undefined;
    return level.text.replace(/%(\d)/g, (_, n: string) => {
      const at = Number(n) - 1;
      const atLevel = levels.get(at);
      const value = counters[at] ?? atLevel?.start ?? 1;
      // w:isLgl would force decimal; UN templates do not use it.
      return formatNumber(value, atLevel?.format ?? 'decimal');
    });
  }
}
