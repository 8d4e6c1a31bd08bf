// The benchmark's drafts: realistic negotiated texts built from the seeds (the bundled corpus texts
// and the example drafts). Prose paragraphs of the seeds are renumbered into one operative part under
// section headings, each paragraph opens with an operative verb and about half carry a citation that
// the registry or the corpus knows; the example draft's preamble heads it. Deterministic: the same
// size gives the same text, so runs compare.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');

export interface BenchDraft {
  readonly name: string;
  readonly text: string;
  /** Where hover is asked: inside "A/RES/71/280" near the middle of the draft. */
  readonly hoverOffset: number;
  /** Where completion is asked: just after "resolution 71/" near the middle. */
  readonly completionOffset: number;
  /** Where the edits type: in the prose of a paragraph near the middle. */
  readonly editOffset: number;
}

const SEEDS = ['server/data/corpus/A-68-283.md', 'server/data/corpus/GCM-issue-brief-3-2017.md', 'server/data/corpus/A-71-285-excerpt.txt'];

const VERBS = [
  'Reaffirms',
  'Recognizes',
  'Encourages',
  'Calls upon',
  'Requests',
  'Invites',
  'Welcomes',
  'Stresses',
  'Urges',
  'Decides',
  'Notes with concern',
  'Emphasizes',
];

/** Citations the bundled registry and texts resolve; `n` is the paragraph being written. */
const CITATIONS: ((n: number) => string)[] = [
  (n) => ` (see A/68/283, para. ${(n % 140) + 1})`,
  () => `, in accordance with its resolution 71/280, paragraph 8`,
  () => `, as set out in annex II, paragraph 8, of its resolution A/RES/71/1`,
  () => `, recalling General Assembly resolution A/RES/71/280 of 6 April 2017`,
  () => `, consistent with the 2030 Agenda for Sustainable Development`,
  () => `, recalling its resolution 71/1 of 19 September 2016`,
  (n) => ` (A/68/283, paras. ${(n % 100) + 1}–${(n % 100) + 3})`,
  (n) => (n > 5 ? `, as recalled in paragraph ${n - 3} above` : ''),
  () => `, taking note of the Sutherland Report (A/71/728, paragraph 72)`,
  () => `, mindful of Security Council resolution 2240 (2015)`,
  () => `, recalling its resolution 72/179 on the protection of migrants`,
  () => ` (see A/71/285, para. 109)`,
];

function seedParagraphs(): { headings: string[]; paragraphs: string[] } {
  const headings: string[] = [];
  const paragraphs: string[] = [];
  for (const file of SEEDS) {
    const text = readFileSync(join(ROOT, file), 'utf8').replace(/\r\n?/g, '\n');
    for (let block of text.split(/\n\s*\n/)) {
      block = block.trim();
      if (!block) continue;
      if (/^#{1,6} /.test(block)) {
        const heading = block.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
        if (heading.length > 3 && heading.length < 90) headings.push(heading);
        continue;
      }
      if (block.includes('|') || block.length < 120) continue;
      const prose = block
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // "[67/172](#)" → "67/172"
        .replace(/^(?:\d+\.|[-*]) +/gm, '')
        .replace(/\s*\n\s*/g, ' ')
        .replace(/[[\]]/g, '')
        .trim();
      if (prose.length >= 120) paragraphs.push(prose.replace(/[.;:,]*$/, ''));
    }
  }
  return { headings, paragraphs };
}

const PREAMBLE = () => {
  const example = readFileSync(join(ROOT, 'examples/draft-resolution.md'), 'utf8');
  return example.slice(0, example.indexOf('## Operative paragraphs')).trimEnd();
};

/** A draft of about `targetChars` characters. */
export function buildDraft(name: string, targetChars: number): BenchDraft {
  const { headings, paragraphs } = seedParagraphs();
  const parts: string[] = [PREAMBLE(), '', '## Operative paragraphs', ''];
  let length = parts.join('\n').length;
  let n = 0;
  let section = 0;
  const romans = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
  while (length < targetChars) {
    if (n % 25 === 0) {
      const heading = `### ${romans[section % romans.length]}${section >= romans.length ? `.${Math.floor(section / romans.length)}` : ''}. ${headings[section % headings.length]}`;
      section++;
      parts.push(heading, '');
      length += heading.length + 2;
    }
    n++;
    const prose = paragraphs[(n - 1) % paragraphs.length];
    const verb = VERBS[n % VERBS.length];
    const citation = n % 2 === 0 ? CITATIONS[(n / 2) % CITATIONS.length](n) : '';
    // A bracketed (negotiated) passage now and then, balanced.
    const body = n % 17 === 0 ? prose.replace(/ (\w+) (\w+) /, ' [$1][$2] ') : prose;
    // "Encourages states ..." reads on after the verb; a symbol ("A/71/285 ...") keeps its capitals.
    const opening = /^[A-Z][a-z]/.test(body) ? body.charAt(0).toLowerCase() + body.slice(1) : body;
    const paragraph = `${n}. *${verb}* ${opening}${citation};`;
    parts.push(paragraph, '');
    length += paragraph.length + 2;
  }
  const text = `${parts.join('\n').trimEnd()}\n`;
  const middle = Math.floor(text.length / 2);
  const after = (needle: string, delta: number) => {
    const at = text.indexOf(needle, middle);
    if (at < 0) throw new Error(`bench draft has no "${needle}" after its middle`);
    return at + delta;
  };
  // Typing goes just after the operative verb of the first paragraph past the middle.
  const paragraphStart = text.indexOf('\n\n', middle) + 2;
  const verbEnd = text.indexOf('* ', text.indexOf('*', paragraphStart) + 1) + 2;
  return {
    name,
    text,
    hoverOffset: after('A/RES/71/280', 4),
    completionOffset: after('resolution 71/', 'resolution 71/'.length),
    editOffset: verbEnd,
  };
}
