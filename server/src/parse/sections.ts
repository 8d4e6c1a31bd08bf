// The section tree. Headings arrive in document order; each closes the open sections at its level
// or below. Levels: Markdown headings by their #-level (1-6); UN plain headings below any Markdown
// heading, roman > capital > arabic > letter; a bold line taken as a heading takes the level of the
// last heading labelled like it ("d." after "#### c."), else one below the last Markdown heading.

import { labelStyle, LOWER_DOT_LABEL, type PlainHeading } from './headings';
import type { OffsetRange, Section, SectionLevelKind } from './model';

interface OpenSection {
  readonly label: string;
  readonly title: string;
  readonly kind: SectionLevelKind;
  readonly depth: number;
  readonly headingRange: OffsetRange;
  range: OffsetRange;
  readonly children: OpenSection[];
}

const PLAIN_RANK: Record<PlainHeading['kind'], number> = { roman: 11, capital: 12, arabic: 13, letter: 14 };
/** A bold-line heading in a document without Markdown headings nests inside the current UN section. */
const LOOSE_RANK = 15;

/** The letter a capital "I", "V" or "X" would follow if it were a capital rather than a roman numeral. */
const CAPITAL_BEFORE: Record<string, string> = { I: 'H', V: 'U', X: 'W' };

export class SectionTreeBuilder {
  private readonly roots: OpenSection[] = [];
  private readonly stack: { section: OpenSection; rank: number }[] = [];
  private markdownDepth = 0;
  /** The label of the last capital heading since the last roman one. */
  private lastCapital: string | undefined;
  /** The last Markdown-level heading of each label style ("a."), with its level. */
  private readonly byStyle = new Map<string, { depth: number; letter: string }>();

  constructor(private readonly textLength: number) {}

  addMarkdown(depth: number, title: string, headingRange: OffsetRange): void {
    this.markdownDepth = depth;
    this.lastCapital = undefined;
    this.remember(title, depth);
    this.open({ label: '', title, kind: 'markdown', depth }, depth, headingRange);
  }

  addPlain(heading: PlainHeading, headingRange: OffsetRange): void {
    let kind = heading.kind;
    if (kind === 'capital' && CAPITAL_BEFORE[heading.label] && this.lastCapital !== CAPITAL_BEFORE[heading.label]) kind = 'roman';
    if (kind === 'roman') this.lastCapital = undefined;
    if (kind === 'capital') this.lastCapital = heading.label;
    const rank = PLAIN_RANK[kind];
    this.open({ label: heading.label, title: heading.title, kind, depth: this.depthBelow(rank) }, rank, headingRange);
  }

  /** Whether a plain "b. Title" line continues the lettered headings of a Markdown level ("#### a. …"). */
  continuesLetteredHeadings(title: string): boolean {
    const match = LOWER_DOT_LABEL.exec(title);
    const last = this.byStyle.get('a.');
    return match !== null && last !== undefined && last.letter.charCodeAt(0) + 1 === match[1].charCodeAt(0);
  }

  /** A line taken as a heading for its emphasis or its label, with no level of its own. */
  addInferred(title: string, headingRange: OffsetRange): void {
    const style = labelStyle(title);
    const sibling = style ? this.byStyle.get(style) : undefined;
    if (sibling || this.markdownDepth > 0) {
      const depth = sibling?.depth ?? Math.min(6, this.markdownDepth + 1);
      this.remember(title, depth);
      this.open({ label: '', title, kind: 'markdown', depth }, depth, headingRange);
      return;
    }
    this.open({ label: '', title, kind: 'markdown', depth: this.depthBelow(LOOSE_RANK) }, LOOSE_RANK, headingRange);
  }

  build(): Section[] {
    for (const { section } of this.stack) section.range = { start: section.range.start, end: this.textLength };
    this.stack.length = 0;
    return this.roots;
  }

  private remember(title: string, depth: number): void {
    const style = labelStyle(title);
    if (style) this.byStyle.set(style, { depth, letter: title[0] });
  }

  /** Tree depth of a section of this rank: one below the innermost open section of a higher level. */
  private depthBelow(rank: number): number {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i].rank < rank) return this.stack[i].section.depth + 1;
    return 1;
  }

  private open(heading: Pick<OpenSection, 'label' | 'title' | 'kind' | 'depth'>, rank: number, headingRange: OffsetRange): void {
    while (this.stack.length && this.stack[this.stack.length - 1].rank >= rank) {
      const { section } = this.stack.pop()!;
      section.range = { start: section.range.start, end: Math.max(section.range.start, headingRange.start) };
    }
    const section: OpenSection = { ...heading, headingRange, range: { start: headingRange.start, end: this.textLength }, children: [] };
    const parent = this.stack[this.stack.length - 1];
    (parent ? parent.section.children : this.roots).push(section);
    this.stack.push({ section, rank });
  }
}
