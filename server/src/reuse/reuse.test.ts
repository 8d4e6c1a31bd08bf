import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CorpusDocument } from '../corpus';
import { parseDraft } from '../parse';
import { seed, testCorpus } from '../rules/testing';
import { reuseRecords } from '../cli/reuseCommand';
import { ReuseIndex } from './index';
import { foldSpelling, tokenize } from './normalise';
import { fingerprints } from './fingerprints';
import { lcsPairs } from './align';
import { scanDraft, type ReuseMatch, type ScanCache } from './scan';

const corpus = testCorpus();
const a68 = corpus.documents.find((d) => d.symbol === 'A/68/283')!;
const gcm = corpus.documents.find((d) => d.symbol === undefined)!;
const a68Index = () => ReuseIndex.build({ documents: [a68] });
const para = (label: string) => a68.paragraph(label)!.text;
const scanText = (text: string, index = a68Index()) => scanDraft(parseDraft(text), index);
const from = (matches: readonly ReuseMatch[], label: string) => matches.filter((m) => m.source.symbol === 'A/68/283' && m.source.paragraphs[0] === label);

describe('normalisation', () => {
  test('British and American spellings fold together', () => {
    for (const [gb, us] of [['organisation', 'organization'], ['recognising', 'recognizing'], ['labour', 'labor'], ['favourable', 'favorable'], ['programme', 'program'], ['centres', 'centers'], ['behaviour', 'behavior']]) {
      assert.equal(foldSpelling(gb), foldSpelling(us), gb);
    }
    for (const word of ['exercise', 'otherwise', 'promise', 'hour', 'four', 'our', 'flour', 'advise']) assert.equal(foldSpelling(word), word);
  });
  test('tokens: lower case, no punctuation or quotes, source offsets kept', () => {
    const text = '“The Rapporteur’s report,” (A/68/283).';
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => t.norm), ['the', 'rapporteurs', 'report', 'a', '68', '283']);
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.word);
  });
  test('winnowing: a shared run of 8 words shares a fingerprint', () => {
    const shared = 'one two three four five six seven eight'.split(' ');
    const a = fingerprints(['x', 'y', ...shared, 'z']);
    const b = fingerprints(['p', ...shared, 'q', 'r', 's']);
    assert.ok(a.some((f) => b.includes(f)));
  });
});

/** The longest common subsequence by the whole table (suffix lengths), walked as lcsPairs walks it. */
function referenceLcs(a: readonly number[], b: readonly number[]): [number, number][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

test('the bit-parallel LCS takes the same pairs as the whole table, across word boundaries and on index lists', () => {
  let state = 12345;
  const random = (n: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % n;
  for (let round = 0; round < 300; round++) {
    const alphabet = 2 + random(30);
    const a = Array.from({ length: random(140) }, () => random(alphabet));
    // Half the time b is an edited copy of a, as a reused paragraph is.
    const b = random(2) ? a.filter(() => random(8) > 0).map((x) => (random(7) ? x : random(alphabet))) : Array.from({ length: random(140) }, () => random(alphabet));
    assert.deepEqual(lcsPairs(Int32Array.from(a), Int32Array.from(b)), referenceLcs(a, b), `round ${round}`);
    assert.deepEqual(lcsPairs(a.map(String), b.map(String)), referenceLcs(a, b), `round ${round}, strings`);
    const ai = Int32Array.from(a.keys()).filter(() => random(3) > 0);
    const bj = Int32Array.from(b.keys()).filter(() => random(3) > 0);
    const expected = referenceLcs([...ai].map((i) => a[i]!), [...bj].map((j) => b[j]!)).map(([i, j]) => [ai[i]!, bj[j]!]);
    assert.deepEqual(lcsPairs(Int32Array.from(a), Int32Array.from(b), ai, bj), expected, `round ${round}, index lists`);
  }
});

describe('A/71/285 against A/68/283', () => {
  const text = seed('A-71-285-excerpt.txt');
  const matches = scanText(text);
  test('paragraph 109 adapts A/68/283, paragraph 11', () => {
    const [m] = from(matches, '11');
    assert.ok(m);
    assert.ok(m.altered);
    assert.ok(m.similarity >= 0.9 && m.similarity < 1);
    assert.ok(text.slice(m.range.start, m.range.end).startsWith('Owing to the lack of a comprehensive framework'));
    assert.ok(m.diff.some((d) => d.op === 'delete' && d.source === 'trafficking'));
    assert.ok(m.diff.some((d) => d.op === 'insert' && d.draft === 'the'));
  });
  test('paragraph 110 adapts A/68/283, paragraph 90, without its own opening sentence', () => {
    const m = from(matches, '90').find((x) => x.altered)!;
    assert.ok(m);
    const flagged = text.slice(m.range.start, m.range.end);
    assert.ok(flagged.startsWith('States have the power to determine'), flagged);
    assert.ok(m.diff.some((d) => d.op === 'replace' && d.draft === 'were' && d.source === 'was'));
    assert.ok(m.diff.some((d) => d.op === 'delete' && d.source === 'dimension'));
  });
  test('the CLI records carry LSP positions, the source and the diff', () => {
    const model = parseDraft(text);
    const records = reuseRecords('a71.txt', text, scanDraft(model, a68Index()));
    const r = records.find((x) => x.source.paragraphs[0] === '11')!;
    assert.equal(r.source.symbol, 'A/68/283');
    assert.equal(r.altered, true);
    assert.ok(r.range.start.line >= 0 && r.range.end.character >= 0);
  });
  test('its own symbol is excluded when asked', () => {
    assert.equal(scanDraft(parseDraft(text), a68Index(), { excludeSymbol: 'a/68/283' }).length, 0);
  });
});

test('the GCM issue brief gets no false source from A/68/283', () => {
  assert.deepEqual(scanDraft(gcm.model, a68Index()), []);
});

describe('synthetic edits of A/68/283, paragraph 90', () => {
  const p90 = para('90');
  const index = a68Index();
  const found = (draft: string) => from(scanText(`1. ${draft}\n`, index), '90');
  test('verbatim: found, not altered', () => {
    const [m] = found(p90);
    assert.equal(m.similarity, 1);
    assert.equal(m.altered, false);
  });
  test('reflowed with line breaks: found, not altered', () => {
    const reflowed = p90.replace(/ /g, (s, i: number) => (i % 7 === 0 ? '\n   ' : s));
    const [m] = found(reflowed);
    assert.equal(m.altered, false);
  });
  test('a word inserted', () => {
    const [m] = found(p90.replace('More governance does', 'More governance certainly does'));
    assert.ok(m.altered);
    assert.deepEqual(m.diff.filter((d) => d.op !== 'equal'), [{ op: 'insert', draft: 'certainly', draftText: 'certainly' }]);
  });
  test('a word deleted', () => {
    const [m] = found(p90.replace('simply means', 'means'));
    assert.deepEqual(m.diff.filter((d) => d.op !== 'equal'), [{ op: 'delete', source: 'simply' }]);
  });
  test('a word replaced', () => {
    const [m] = found(p90.replace('giving up', 'surrendering'));
    assert.deepEqual(m.diff.filter((d) => d.op !== 'equal'), [{ op: 'replace', draft: 'surrendering', draftText: 'surrendering', source: 'giving up' }]);
  });
  test('the diff keeps the draft’s own case and punctuation for the hover', () => {
    const [m] = found(p90.replace('States have the power', 'states have the power'));
    const first = m.diff[0]!;
    assert.equal(first.op, 'equal');
    assert.match(first.draftText!, /^states have the power to determine who enters and stays in their territory\. More governance/);
  });
  test('American spelling: matched, reported as a spelling difference', () => {
    const p11 = para('11');
    const [m] = from(scanText(`1. ${p11.replace('labour', 'labor')}\n`, index), '11');
    assert.ok(m.similarity === 1 && m.altered);
    assert.ok(m.diff.some((d) => d.op === 'equal' && d.draft?.includes('labor') && d.source?.includes('labour')));
  });
  test('sentences reordered: still found', () => {
    const sentences = p90.split(/(?<=\.) /);
    const reordered = [...sentences.slice(4), ...sentences.slice(0, 4)].join(' ');
    const ms = found(reordered);
    assert.ok(ms.length >= 1);
    assert.ok(ms.every((m) => m.similarity >= 0.8));
  });
  test('heavy rewrite: not found', () => {
    const rewrite = 'Sovereign States decide who may enter or remain. Stronger governance would not erode that right; rather, cooperation and coordination between countries would give them more control, while respecting human rights and shielding them from accusations of abuse. Growing migration without robust governance leaves room for smugglers, traffickers and unscrupulous recruiters.';
    assert.deepEqual(found(rewrite), []);
  });
  test('a paragraph combining two source paragraphs yields two matches', () => {
    const ms = scanText(`1. ${para('11')} ${para('9')}\n`, index);
    assert.deepEqual(ms.map((m) => m.source.paragraphs[0]), ['11', '9']);
  });
});

describe('incremental index and cache', () => {
  const draft = parseDraft(seed('A-71-285-excerpt.txt'));
  const key = (ms: readonly ReuseMatch[]) => ms.map((m) => `${m.range.start}-${m.range.end}:${m.source.id}:${m.source.paragraphs}:${m.similarity}`);
  test('adding and removing documents equals a fresh build', () => {
    const extra = new CorpusDocument('X/1', 'X/1', 'file:///x.md', 'workspace', `1. ${para('11')}\n\n2. ${para('90')}\n`);
    const incremental = ReuseIndex.build({ documents: [gcm] });
    incremental.addDocument(a68);
    incremental.addDocument(extra);
    incremental.removeDocument('X/1');
    const fresh = ReuseIndex.build({ documents: [gcm, a68] });
    assert.deepEqual(key(scanDraft(draft, incremental)), key(scanDraft(draft, fresh)));
    incremental.compact();
    assert.deepEqual(key(scanDraft(draft, incremental)), key(scanDraft(draft, fresh)));
    const withExtra = ReuseIndex.build({ documents: [gcm, a68] });
    withExtra.addDocument(extra);
    assert.deepEqual(key(scanDraft(draft, withExtra)), key(scanDraft(draft, ReuseIndex.build({ documents: [gcm, a68, extra] }))));
  });
  test('a rescan with a cache gives the same matches, ranges shifted by an edit elsewhere', () => {
    const index = ReuseIndex.build(corpus);
    const cache: ScanCache = new Map();
    const text = seed('A-71-285-excerpt.txt');
    const first = scanDraft(parseDraft(text), index, { excludeSymbol: 'A/71/285' }, cache);
    const edited = 'Inserted words. ' + text;
    const second = scanDraft(parseDraft(edited), index, { excludeSymbol: 'A/71/285' }, cache);
    assert.deepEqual(second.map((m) => ({ ...m, range: { start: m.range.start - 16, end: m.range.end - 16 } })), first);
    assert.deepEqual(second, scanDraft(parseDraft(edited), index, { excludeSymbol: 'A/71/285' }));
  });
});
