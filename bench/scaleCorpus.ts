// The corpus of the scale bench: N paragraphs generated from the real texts of
// ../shared/un-documents/texts.jsonl (1,190 General Assembly documents) by mutation, as the reuse
// bench does from the seed texts: a paragraph of a real text, sentences shuffled now and then,
// ~15 % of its words replaced, inserted or deleted. Each generated document is a pure function of
// its number (its own seeded PRNG), so its content hash is the hash of its recipe (number, size,
// generator version) and a build generates the text only of the documents it puts: a resumed
// build needs no list of what it did.
import { createHash } from 'node:crypto';

const GENERATOR_VERSION = 1;
const recipeHash = (d: number, paragraphs: number) => createHash('sha256').update(`scale corpus ${GENERATOR_VERSION} ${d} ${Math.min(PER_DOCUMENT, paragraphs - d * PER_DOCUMENT)}`).digest('hex');
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreDocumentInput } from '../server/src/store/corpusStore';
import type { SyncSource } from '../server/src/store/sync';

export const PER_DOCUMENT = 100;

export interface Seeds {
  readonly paragraphs: readonly string[];
  readonly vocabulary: readonly string[];
}

/** Paragraphs of at least 20 words of the real texts (their text layers' blank-line blocks, lines joined). */
export function readSeeds(sharedDir: string): Seeds {
  const paragraphs: string[] = [];
  for (const line of readFileSync(join(sharedDir, 'un-documents', 'texts.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { text } = JSON.parse(line) as { text: string };
    for (const block of text.split(/\n\s*\n/)) {
      const joined = block.replace(/\s+/g, ' ').trim();
      if (joined.split(' ').length >= 20) paragraphs.push(joined);
    }
  }
  const vocabulary = [...new Set(paragraphs.slice(0, 20_000).join(' ').split(' '))];
  return { paragraphs, vocabulary };
}

export function prng(seed: number): () => number {
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

export function mutate(text: string, seeds: Seeds, rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  let words = text.split(' ');
  if (rand() < 0.3) words = text.split(/(?<=\.) /).sort(() => rand() - 0.5).join(' ').split(' ');
  const out: string[] = [];
  for (const w of words) {
    const r = rand();
    if (r < 0.05) continue;
    if (r < 0.1) out.push(pick(seeds.vocabulary));
    else if (r < 0.15) out.push(w, pick(seeds.vocabulary));
    else out.push(w);
  }
  return out.join(' ');
}

export const symbolOf = (d: number) => `A/SYN/${d}`;

/** Document d of a corpus of `paragraphs` paragraphs. */
export function generatedDocument(d: number, paragraphs: number, seeds: Seeds): StoreDocumentInput {
  const rand = prng(d + 1);
  const count = Math.min(PER_DOCUMENT, paragraphs - d * PER_DOCUMENT);
  const units: { label: string; text: string }[] = [];
  for (let p = 0; p < count; p++) units.push({ label: String(p + 1), text: mutate(seeds.paragraphs[Math.floor(rand() * seeds.paragraphs.length)]!, seeds, rand) });
  const text = units.map((u) => `${u.label}. ${u.text}\n\n`).join('');
  const symbol = symbolOf(d);
  return { id: `file:///syn/${d}.md`, symbol, uri: `file:///syn/${d}.md`, title: `Generated document ${d}`, date: '2026-01-01', text, units, contentHash: recipeHash(d, paragraphs) };
}

export function documentCount(paragraphs: number): number {
  return Math.ceil(paragraphs / PER_DOCUMENT);
}

/** The corpus as sync sources: a document is generated only when put. */
export function* generatedSources(paragraphs: number, seeds: Seeds): Iterable<SyncSource> {
  for (let d = 0; d < documentCount(paragraphs); d++) {
    yield { id: `file:///syn/${d}.md`, contentHash: recipeHash(d, paragraphs), input: () => generatedDocument(d, paragraphs, seeds) };
  }
}
