// Reused passages on real annual resolutions of ../shared/un-documents/texts.jsonl: "Question of
// Saint Helena" of the 80th session (A/RES/80/100) repeats most of the 79th's (A/RES/79/109),
// which repeated the 78th's (A/RES/78/96).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseDraft } from '../parse';
import { ReuseIndex } from './index';
import { reusePassages } from './passages';
import { scanDraft, type ReuseMatch } from './scan';

const SHARED = process.env.COMPACT_DRAFTER_SHARED ?? join(__dirname, '..', '..', '..', '..', 'shared');
const TEXTS = join(SHARED, 'un-documents', 'texts.jsonl');
const missing = !existsSync(TEXTS) && 'the real texts (../shared/un-documents) are not beside the repository';

function realTexts(symbols: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of readFileSync(TEXTS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { symbol: string; text: string };
    if (symbols.includes(record.symbol)) found.set(record.symbol, record.text);
  }
  return found;
}

/** The adoption date its heading prints: "Resolution adopted by the General Assembly on 7 December 2023". */
function adoptedOn(text: string): string {
  const m = /adopted by the General Assembly on (\d{1,2}) (\w+) (\d{4})/.exec(text.replace(/\s+/g, ' '))!;
  return new Date(`${m[1]} ${m[2]} ${m[3]} UTC`).toISOString().slice(0, 10);
}

function scan(draft: string, sources: ReadonlyMap<string, string>): ReuseMatch[] {
  const index = ReuseIndex.build({ documents: [...sources].map(([symbol, text]) => ({ id: symbol, symbol, uri: `un:${symbol}`, model: parseDraft(text) })) });
  return scanDraft(parseDraft(draft), index);
}

const describePassage = (p: ReturnType<typeof reusePassages>[number]) =>
  `${p.source.symbol} ${p.source.paragraphs.join(',')}${p.earliest ? ` earliest ${p.earliest.source.symbol} ${p.earliest.source.paragraphs.join(',')} (${p.earliest.date})` : ''}`;

describe('reused passages', { skip: missing }, () => {
  test('A/RES/80/100 against A/RES/79/109: consecutive paragraphs reused together are one passage', () => {
    const texts = realTexts(['A/RES/80/100', 'A/RES/79/109']);
    const draft = texts.get('A/RES/80/100')!;
    const matches = scan(draft, new Map([['A/RES/79/109', texts.get('A/RES/79/109')!]]));
    const passages = reusePassages(draft, matches);
    const joined = passages.filter((p) => p.parts.length > 1).map(describePassage);
    assert.deepEqual(joined, ['A/RES/79/109 1,2,3', 'A/RES/79/109 5,6,7,8,9,10,11,12']);
    // Every match is in exactly one passage, and a joined passage spans its parts.
    assert.equal(passages.reduce((n, p) => n + p.parts.length, 0), matches.length);
    for (const p of passages) assert.deepEqual([p.range.start, p.range.end], [p.parts[0].start, p.parts[p.parts.length - 1].end]);
    const first = passages.find((p) => p.source.paragraphs.join() === '1,2,3')!;
    assert.match(draft.slice(first.range.start, first.range.end), /^Reaffirms the inalienable right of the people of Saint Helena[\s\S]*\n3\.\s/);
  });

  test('A/RES/80/100 against sessions 78 and 79: the earliest adopted source is named beside the closest', () => {
    const texts = realTexts(['A/RES/80/100', 'A/RES/79/109', 'A/RES/78/96']);
    const draft = texts.get('A/RES/80/100')!;
    const sources = new Map([...texts].filter(([symbol]) => symbol !== 'A/RES/80/100'));
    const dates = new Map([...sources].map(([symbol, text]) => [symbol, adoptedOn(text)]));
    assert.deepEqual(Object.fromEntries(dates), { 'A/RES/79/109': '2024-12-04', 'A/RES/78/96': '2023-12-07' });
    const passages = reusePassages(draft, scan(draft, sources), (symbol) => dates.get(symbol));
    const named = passages.filter((p) => p.earliest).map(describePassage);
    assert.ok(named.includes('A/RES/79/109 5,6,7,8,9,10,11,12 earliest A/RES/78/96 5,6,7,8,9,10,11 (2023-12-07)'), named.join('\n'));
    // The 78th session's own passages are the earliest: they name none.
    assert.ok(passages.filter((p) => p.source.symbol === 'A/RES/78/96').every((p) => !p.earliest));
    // Paragraph 3 changed in the 79th session: its passage (1–3) has no earlier source covering it.
    assert.ok(passages.some((p) => describePassage(p) === 'A/RES/79/109 1,2,3'));
  });
});

describe('reused passages: what is not joined', () => {
  const match = (start: number, end: number, id: string, paragraph: string): ReuseMatch => ({
    range: { start, end },
    source: { id, symbol: id, uri: `un:${id}`, paragraphs: [paragraph] },
    similarity: 1,
    altered: false,
    diff: [],
    sourceText: 'words '.repeat(30),
  });
  const text = 'AAAA\n\n2. BBBB\n\nDecides also\n\n3. CCCC';
  test('the next source paragraph in the next draft paragraph is joined', () => {
    assert.equal(reusePassages(text, [match(0, 4, 'A/RES/79/1', '7'), match(9, 13, 'A/RES/79/1', '8')]).length, 1);
  });
  test('not across words of the draft’s own, nor a paragraph skipped, nor another source', () => {
    assert.equal(reusePassages(text, [match(9, 13, 'A/RES/79/1', '8'), match(35, 39, 'A/RES/79/1', '9')]).length, 2);
    assert.equal(reusePassages(text, [match(0, 4, 'A/RES/79/1', '7'), match(9, 13, 'A/RES/79/1', '9')]).length, 2);
    assert.equal(reusePassages(text, [match(0, 4, 'A/RES/79/1', '7'), match(9, 13, 'A/RES/78/1', '8')]).length, 2);
  });
});
