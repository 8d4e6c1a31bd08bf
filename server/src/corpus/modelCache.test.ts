import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseDraft } from '../parse';
import { bundledDataDir } from './bundledCorpus';
import { CorpusDocument } from './document';
import { ModelDiskCache } from './modelCache';

const A68 = readFileSync(join(bundledDataDir(), 'corpus', 'A-68-283.md'), 'utf8');
const BRIEF = readFileSync(join(bundledDataDir(), 'corpus', 'GCM-issue-brief-3-2017.md'), 'utf8');

function cacheIn(dir = mkdtempSync(join(tmpdir(), 'cd-models-'))) {
  const logs: string[] = [];
  return { dir, logs, cache: new ModelDiskCache(dir, (message) => logs.push(message)) };
}

const onlyFile = (dir: string) => {
  const files = readdirSync(dir).filter((name) => name.endsWith('.model.json'));
  assert.equal(files.length, 1, files.join(', '));
  return join(dir, files[0]!);
};

describe('parsed corpus texts cached on disk', () => {
  test('a model read back equals a fresh parse (A/68/283 and the issue brief)', () => {
    const { dir, cache } = cacheIn();
    for (const text of [A68, BRIEF]) {
      cache.write(text, parseDraft(text));
      const read = new ModelDiskCache(dir).read(text);
      assert.deepEqual(read, parseDraft(text));
    }
  });

  test('a text of quotation marks, accents, an emoji and a lone surrogate: read back as parsed, from an ASCII file', () => {
    const { dir, cache } = cacheIn();
    const text = '1. *Recalls* the Global Compact’s “objectives”, café, Ω 🌍 \ud800.\n\n2. Décide de rester saisie.\n';
    cache.write(text, parseDraft(text));
    assert.ok(readFileSync(onlyFile(dir)).every((byte) => byte < 0x80), 'an ASCII file');
    assert.deepEqual(new ModelDiskCache(dir).read(text), parseDraft(text));
  });

  test('the cache is keyed by content: another text is a miss, as is the same text parsed by another parser build', () => {
    const { dir, cache } = cacheIn();
    cache.write(A68, parseDraft(A68));
    assert.equal(cache.read(`${A68} `), undefined);
    assert.equal(new ModelDiskCache(dir, () => {}, 'another-build').read(A68), undefined);
    assert.ok(cache.read(A68));
  });

  test('a corpus document parses once, then later sessions read its model from the cache', () => {
    const { dir, cache } = cacheIn();
    const first = new CorpusDocument('A/68/283', 'A/68/283', 'file:///a.md', 'workspace', A68).useDiskCache(cache);
    const model = first.model;
    const path = onlyFile(dir);
    // Later sessions get what is on disk: a marker planted in a valid cache file comes back.
    const planted = rewriteBody(path, (body) => body.replace('"paragraphs":[{"label":"1"', '"paragraphs":[{"label":"1 (from the cache)"'));
    assert.ok(planted);
    const second = new CorpusDocument('A/68/283', 'A/68/283', 'file:///a.md', 'workspace', A68).useDiskCache(cache);
    assert.equal(second.model.paragraphs[0]!.label, '1 (from the cache)');
    assert.equal(model.paragraphs[0]!.label, '1');
  });

  const corruptions: { name: string; corrupt: (raw: string) => string; reason: RegExp }[] = [
    { name: 'truncated mid-body', corrupt: (raw) => raw.slice(0, Math.floor(raw.length * 0.6)), reason: /truncated/ },
    { name: 'truncated to nothing', corrupt: () => '', reason: /no header/ },
    { name: 'truncated inside the header', corrupt: (raw) => raw.slice(0, 20), reason: /no header|JSON/ },
    { name: 'one character of the body changed', corrupt: (raw) => raw.replace('"label":"2"', '"label":"3"'), reason: /checksum/ },
    { name: 'random bytes', corrupt: () => '\u0000\u00ff garbage \n{{{', reason: /JSON|Unexpected|format/ },
    { name: 'a future format', corrupt: (raw) => raw.replace(/"format":\d+/, '"format":99'), reason: /format 99/ },
    { name: 'of the first format (UTF-8)', corrupt: (raw) => raw.replace(/"format":\d+/, '"format":1'), reason: /format 1, expected/ },
    // "é" written as UTF-8: two bytes above 0x7F where "2" was, read as two Latin-1 characters.
    { name: 'with bytes above 0x7F in the body', corrupt: (raw) => raw.replace('"label":"2"', '"label":"\u00e9"'), reason: /truncated|checksum/ },
    { name: 'a header for another text', corrupt: (raw) => raw.replace(/"textLength":\d+/, '"textLength":5'), reason: /another text/ },
  ];
  for (const row of corruptions) {
    test(`a cache file ${row.name} is reported, deleted and rebuilt from the text`, () => {
      const { dir, cache, logs } = cacheIn();
      cache.write(A68, parseDraft(A68));
      const path = onlyFile(dir);
      writeFileSync(path, row.corrupt(readFileSync(path, 'utf8')));
      const document = new CorpusDocument('A/68/283', 'A/68/283', 'file:///a.md', 'workspace', A68).useDiskCache(cache);
      assert.deepEqual(document.model, parseDraft(A68));
      assert.equal(logs.length, 1, logs.join('\n'));
      assert.match(logs[0]!, row.reason);
      // Rewritten whole: the next session reads it without complaint.
      const again = cacheIn(dir);
      assert.deepEqual(again.cache.read(A68), parseDraft(A68));
      assert.deepEqual(again.logs, []);
    });
  }

  test('a well-formed cache file with ranges outside the text (checksum recomputed) is refused', () => {
    const { dir, cache, logs } = cacheIn();
    cache.write(A68, parseDraft(A68));
    const path = onlyFile(dir);
    assert.ok(rewriteBody(path, (body) => body.replace(/"range":\{"start":(\d+),"end":(\d+)\}/, '"range":{"start":$1,"end":99999999}')));
    assert.equal(cache.read(A68), undefined);
    assert.match(logs.join('\n'), /outside the text/);
  });

  test('an unwritable cache folder is logged and the model still served', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cd-models-')), 'not-a-folder');
    writeFileSync(file, 'x');
    const logs: string[] = [];
    const document = new CorpusDocument('x', undefined, 'file:///x.md', 'workspace', '1. Text.\n').useDiskCache(new ModelDiskCache(join(file, 'models'), (m) => logs.push(m)));
    assert.equal(document.model.paragraphs.length, 1);
    assert.match(logs.join('\n'), /could not write/);
  });
});

/** Edits the body of a cache file and fixes its header, as a well-formed but wrong file would be. */
function rewriteBody(path: string, edit: (body: string) => string): boolean {
  const raw = readFileSync(path, 'utf8');
  const newline = raw.indexOf('\n');
  const header = JSON.parse(raw.slice(0, newline));
  const body = edit(raw.slice(newline + 1));
  if (body === raw.slice(newline + 1)) return false;
  header.bodyLength = body.length;
  header.checksum = createHash('sha256').update(body).digest('hex');
  writeFileSync(path, `${JSON.stringify(header)}\n${body}`);
  return true;
}

describe('the model cache stays bounded without thrashing', () => {
  const texts = Array.from({ length: 12 }, (_, i) => `${BRIEF}\n\nParagraph added for text ${i}.\n`);
  const files = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.model.json'));

  test('a corpus just above the cap: a second session in the same order misses only a few texts, not all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-models-'));
    const session = () => {
      const cache = new ModelDiskCache(dir, () => {}, 'build', { files: 10, bytes: Number.MAX_SAFE_INTEGER, pruneEvery: 1 });
      let misses = 0;
      for (const text of texts) {
        if (cache.read(text)) continue;
        misses++;
        cache.write(text, parseDraft(text));
      }
      return misses;
    };
    assert.equal(session(), 12);
    const second = session();
    assert.equal(second, 2, `second session: ${second} of 12 texts parsed again (oldest-first eviction: all 12)`);
    assert.ok(files(dir).length <= 10);
  });

  test('eviction goes by last use: a text read recently stays, an older unread one goes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-models-'));
    const cache = new ModelDiskCache(dir, () => {}, 'build', { files: 3, bytes: Number.MAX_SAFE_INTEGER, pruneEvery: 1 });
    for (const text of texts.slice(0, 3)) cache.write(text, parseDraft(text));
    // Written in order 40 days ago; the first is then used.
    const past = Date.now() / 1000 - 40 * 24 * 3600;
    files(dir).forEach((name, i) => require('node:fs').utimesSync(join(dir, name), past, past + i));
    assert.ok(cache.read(texts[0]!));
    cache.write(texts[3]!, parseDraft(texts[3]!));
    assert.ok(cache.read(texts[0]!), 'the text used last is kept');
    assert.equal(files(dir).length, 2, 'pruned to 90 % of 3');
  });

  test('bounded by bytes as well as by files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-models-'));
    const probe = new ModelDiskCache(mkdtempSync(join(tmpdir(), 'cd-models-')), () => {}, 'build');
    probe.write(texts[0]!, parseDraft(texts[0]!));
    const oneFile = require('node:fs').statSync(onlyFile((probe as unknown as { dir: string }).dir)).size as number;
    const cache = new ModelDiskCache(dir, () => {}, 'build', { files: 1000, bytes: oneFile * 3.5, pruneEvery: 1 });
    for (const text of texts) cache.write(text, parseDraft(text));
    const total = files(dir).reduce((sum, name) => sum + require('node:fs').statSync(join(dir, name)).size, 0);
    assert.ok(total <= oneFile * 3.5, `${total} bytes kept, bound ${oneFile * 3.5}`);
  });

  test('a FIFO planted as a cache entry is not waited on: reported, removed, the text parsed', () => {
    const { dir, cache, logs } = cacheIn();
    cache.write(A68, parseDraft(A68));
    const path = onlyFile(dir);
    require('node:fs').unlinkSync(path);
    if (require('node:child_process').spawnSync('mkfifo', [path]).status !== 0) return;
    assert.equal(cache.read(A68), undefined);
    assert.match(logs.join('\n'), /a FIFO \(named pipe\), not a regular file/);
  });
});
