// Random edits of drafts, seeded, for the tests that compare incremental parsing with a whole parse.
// The edits are what a drafter types and what breaks Markdown's block structure: characters,
// deleted runs, lines and blank lines, list markers, fences, footnote and link definitions, block
// quotes, headings, brackets, pasted paragraphs of the seed texts, undo.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, seeded, good enough to pick edits. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROOT = join(__dirname, '..', '..', '..');

/** The seed drafts: the bundled corpus texts and the example drafts. */
export function seedDrafts(): { name: string; text: string }[] {
  const corpus = join(ROOT, 'server', 'data', 'corpus');
  const examples = join(ROOT, 'examples');
  const read = (dir: string, names: string[]) => names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  return [
    ...read(corpus, readdirSync(corpus).filter((n) => /\.(md|txt)$/.test(n)).sort()),
    ...read(examples, readdirSync(examples).filter((n) => n.endsWith('.md')).sort()),
  ];
}

const CHARACTERS = 'abcdefghij ABC 0123456789 .,;:()[]^*_`~#>-+|!<>\\/&\n\n\t  “”’…';
const LINE_MARKERS = [
  '1. ', '27. ', '3) ', '- ', '* ', '+ ', '  - ', '   ', '    ', '\t', '> ', '>> ', '# ', '## ', '### ', '```\n', '```', '~~~\n', '````md\n',
  '[^1]: ', '[^2]: ', '[^note]: ', '    [^1]: ', '[x]: /url\n', '[Foo Bar]: <#a> "t"\n', '---\n', '***\n', '===\n', '<!--\n', '-->\n', '<div>\n',
  '</div>\n', '<pre>\n', '</pre>\n', '<?php\n', '?>\n', '<![CDATA[\n', ']]>\n', '<!DOCTYPE\n', '[foo\nbar]: /u\n', '[x]:\n/url\n"title"\n',
  '[^1]: a\n\n    continued\n', '\uFEFF', '| a | b |\n|---|---|\n', '5 bis. ', '(a) ', '(iv) ', 'I. ', 'A. ', '¹ ', '<sup>2</sup> ',
  'A/71/285 ', '16-13509 21/24\n', '**Title**\n', '***d. Summary panel***\n', '\n', '\n\n', '\r\n',
];
const INLINE = [
  '[', ']', '[^1]', '[^2]', '[^note]', '[x]', '[foo bar]', '[x][]', '[text][x]', '![^1]', '[^1]:', '<sup>3</sup>', '¹', '\\', '`', '**', '_',
  'resolution 71/280', 'A/RES/71/1', 'paragraph 2 above', 'paras. 89–91', 'see A/68/283, para. 90', 'footnote 1', '[shall][should]', ' 12. The ',
  '<!--', '-->', '```', '&amp;', 'https://undocs.org/A/71/1', '\r', '\uFEFF', '[Foo\nBar]', '[^a b]',
];

export interface Edit {
  readonly kind: string;
  readonly text: string;
}

export class DraftEditor {
  private readonly paragraphs: string[];
  private readonly history: string[] = [];

  constructor(
    private readonly next: () => number,
    seeds: readonly { text: string }[],
  ) {
    this.paragraphs = seeds.flatMap((s) => s.text.split(/\n[ \t]*\n/)).filter((p) => p.trim().length > 0);
  }

  private int(n: number): number {
    return Math.floor(this.next() * n);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** A line-aligned excerpt of a seed, `min` to `max` characters. */
  excerpt(text: string, min: number, max: number): string {
    if (text.length <= max) return text;
    const length = min + this.int(max - min);
    let start = this.int(text.length - length);
    start = start === 0 ? 0 : text.indexOf('\n', start) + 1;
    return text.slice(start, start + length);
  }

  private lineStart(text: string): number {
    const at = this.int(text.length + 1);
    const before = text.lastIndexOf('\n', at - 1);
    return before + 1;
  }

  /** One random edit of `text`. */
  edit(text: string): Edit {
    const roll = this.next();
    const at = this.int(text.length + 1);
    const splice = (kind: string, start: number, end: number, inserted: string): Edit => {
      this.history.push(text);
      return { kind, text: text.slice(0, start) + inserted + text.slice(end) };
    };
    if (roll < 0.2) {
      let typed = '';
      for (let n = 1 + this.int(4); n > 0; n--) typed += CHARACTERS[this.int(CHARACTERS.length)];
      return splice('type', at, at, typed);
    }
    if (roll < 0.32) return splice('delete', at, Math.min(text.length, at + 1 + this.int(8)), '');
    if (roll < 0.38) return splice('delete run', at, Math.min(text.length, at + 1 + this.int(300)), '');
    if (roll < 0.55) {
      const start = this.lineStart(text);
      return splice('line marker', start, start, this.pick(LINE_MARKERS));
    }
    if (roll < 0.65) return splice('inline', at, at, this.pick(INLINE));
    if (roll < 0.73) {
      const start = this.lineStart(text);
      return splice('blank line', start, start, this.pick(['\n', '\n\n', '   \n', '\n\n\n']));
    }
    if (roll < 0.81) {
      const start = this.lineStart(text);
      return splice('paste paragraph', start, start, `${this.pick(this.paragraphs)}\n\n`);
    }
    if (roll < 0.87) {
      const start = this.lineStart(text);
      const end = text.indexOf('\n', start);
      return splice('delete line', start, end < 0 ? text.length : end + 1, '');
    }
    if (roll < 0.91) {
      const from = this.int(text.length + 1);
      const copied = text.slice(from, from + this.int(400));
      return splice('duplicate', at, at, copied);
    }
    if (roll < 0.94) {
      const start = this.lineStart(text);
      const end = text.indexOf('\n', start);
      return splice('replace line', start, end < 0 ? text.length : end, this.pick(LINE_MARKERS).trimEnd() + ' ' + this.pick(INLINE));
    }
    if (roll < 0.96) {
      return text.startsWith('---\n')
        ? splice('remove front matter', 0, text.indexOf('\n---\n') < 0 ? 4 : text.indexOf('\n---\n') + 5, '')
        : splice('add front matter', 0, 0, '---\nsymbol: A/71/728\ntitle: Report\n\nnotes: x\n---\n');
    }
    if (roll < 0.97 && this.history.length > 0) return { kind: 'undo', text: this.history.pop()! };
    const start = this.lineStart(text);
    return splice('line marker', start, start, this.pick(LINE_MARKERS));
  }
}
