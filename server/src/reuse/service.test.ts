import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeDraft } from '../analysis';
import { bundledRegistry, Corpus, CorpusDocument, loadBundledDocuments } from '../corpus';
import { seed } from '../rules/testing';
import { ReuseDiskCache } from './diskCache';
import { ReuseService } from './service';

const bundled = () => loadBundledDocuments().documents;
const corpusOf = (documents: readonly CorpusDocument[]) => new Corpus(bundledRegistry(), documents);
const excerpt = seed('A-71-285-excerpt.txt');
const excerptUri = () => bundled().find((d) => d.symbol === 'A/71/285')!.uri;

/** What a user compares: where, from what, how much the same, altered or not. */
const summary = (service: ReuseService, corpus: Corpus, text = excerpt) =>
  service
    .matches(analyzeDraft(text, corpus), corpus, undefined, excerptUri())
    .map((m) => `${m.range.start}-${m.range.end} ${m.source.symbol} ${m.source.paragraphs.join(',')} ${m.similarity.toFixed(3)} ${m.altered}`);

function service(dir?: string) {
  const logs: string[] = [];
  const log = (message: string) => logs.push(message);
  return { logs, service: new ReuseService(dir ? new ReuseDiskCache(dir, log) : undefined, log) };
}

const workspaceText = (name: string, text: string) => new CorpusDocument(name, undefined, `file:///corpus/${name}`, 'workspace', text);

describe('reuse service', () => {
  test('the A/71/285 excerpt opened from the corpus: its reuse of A/68/283 paragraphs 11 and 90, not itself', () => {
    const corpus = corpusOf(bundled());
    const found = summary(service().service, corpus);
    assert.deepEqual(
      found.map((line) => line.split(' ').slice(1, 3).join(' ')),
      ['A/68/283 11', 'A/68/283 90', 'A/68/283 90'],
    );
  });

  test('a corpus that changes by one text is indexed by update, and finds what a fresh build finds', () => {
    const { service: incremental, logs } = service();
    const p90 = bundled().find((d) => d.symbol === 'A/68/283')!.paragraph('90')!.text;
    const before = corpusOf([...bundled(), workspaceText('notes.md', '1. Unrelated notes on something else entirely, long enough to be indexed as a unit.\n')]);
    summary(incremental, before);
    // The notes now quote paragraph 90 with one word changed; another text is added.
    const after = corpusOf([
      ...bundled(),
      workspaceText('notes.md', `1. ${p90.replace('giving up', 'surrendering')}\n`),
      workspaceText('more.md', '1. A new text that repeats nothing from any other document in the corpus at all.\n'),
    ]);
    const draft = `1. ${p90}\n`;
    assert.deepEqual(summary(incremental, after, draft), summary(service().service, after, draft));
    assert.match(logs.at(-1)!, /updated \(2 texts added or changed, 0 removed\)/);
    assert.ok(summary(incremental, after, draft).some((line) => line.includes(' undefined 1 ')), 'the changed notes are a source now');
  });

  test('a second session reads the index from disk and finds the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-reuse-'));
    const first = service(dir);
    const expected = summary(first.service, corpusOf(bundled()));
    assert.match(first.logs.join('\n'), /indexed in/);
    const second = service(dir);
    assert.deepEqual(summary(second.service, corpusOf(bundled())), expected);
    assert.match(second.logs.join('\n'), /read from the cache/);
    assert.doesNotMatch(second.logs.join('\n'), /indexed in/);
  });

  /** Where the postings start in a cache file: after the header line, the documents and the text lengths. */
  const postingsAt = (file: Buffer) => {
    const newline = file.indexOf(0x0a);
    const header = JSON.parse(file.subarray(0, newline).toString('utf8'));
    return newline + 1 + header.documentsLength + header.units * 4;
  };
  const corruptions: { name: string; corrupt: (bytes: Buffer) => Buffer; reason: RegExp }[] = [
    { name: 'truncated', corrupt: (b) => b.subarray(0, Math.floor(b.length * 0.7)), reason: /truncated/ },
    { name: 'empty', corrupt: () => Buffer.alloc(0), reason: /no header/ },
    { name: 'one byte of the texts flipped', corrupt: (b) => { const c = Buffer.from(b); c[c.length - 5] ^= 0xff; return c; }, reason: /checksum/ },
    { name: 'one byte of the postings flipped', corrupt: (b) => { const c = Buffer.from(b); c[postingsAt(c) + 3] ^= 0xff; return c; }, reason: /checksum/ },
    { name: 'cut inside the header', corrupt: (b) => b.subarray(0, 20), reason: /no header/ },
    { name: 'random bytes', corrupt: () => Buffer.from('\u0000\u0001 not an index\n{]'), reason: /JSON|not a reuse index|Unexpected/ },
    { name: 'another format', corrupt: (b) => Buffer.from(b.toString('latin1').replace(/"format":\d+/, '"format":7'), 'latin1'), reason: /format 7/ },
  ];
  for (const row of corruptions) {
    test(`a cache file ${row.name} is reported, deleted and the index rebuilt with the same results`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'cd-reuse-'));
      const expected = summary(service(dir).service, corpusOf(bundled()));
      const [file] = readdirSync(dir);
      writeFileSync(join(dir, file!), row.corrupt(readFileSync(join(dir, file!))));
      const next = service(dir);
      assert.deepEqual(summary(next.service, corpusOf(bundled())), expected);
      const log = next.logs.join('\n');
      assert.match(log, row.reason);
      assert.match(log, /indexed in/);
      // Rewritten whole: the session after reads it without complaint.
      const third = service(dir);
      summary(third.service, corpusOf(bundled()));
      assert.match(third.logs.join('\n'), /read from the cache/);
    });
  }

  test('a well-formed cache whose postings point past the paragraphs it lists is refused and rebuilt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-reuse-'));
    const corpus = corpusOf(bundled());
    const expected = summary(service(dir).service, corpus);
    const cache = new ReuseDiskCache(dir);
    const [file] = readdirSync(dir);
    const header = JSON.parse(readFileSync(join(dir, file!), 'utf8').split('\n', 1)[0]!);
    const snapshot = cache.read(header.corpusHash)!;
    snapshot.units[0] = 10_000_000;
    cache.write(header.corpusHash, snapshot);
    const next = service(dir);
    assert.deepEqual(summary(next.service, corpus), expected);
    assert.match(next.logs.join('\n'), /a posting for a unit that does not exist/);
  });
});
