// The embedded store on real files and real texts: it finds the candidates the in-memory index
// finds, builds incrementally, resumes a build killed between two commits, and a damaged file is
// detected (on open, or when a damaged paragraph or postings block is read) and rebuilt, the
// LMDB file and the data files beside it alike.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ReuseIndex } from '../../reuse/index';
import { unitFingerprints } from '../../reuse/index';
import { openStore } from '../reuseStore';
import { EmbeddedCorpusStore, StoreCorruptError } from './lmdbStore';
import { StoreRecordError } from './records';
import { dataFolderOf } from './storeData';
import { realInputs, sourcesOf } from './storeFixture';

const inputs = realInputs(60);
let dir: string;
before(() => (dir = mkdtempSync(join(tmpdir(), 'cd-store-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Queries: the fingerprints of paragraphs of the texts themselves (exact and with their words changed). */
function queries(): number[][] {
  const out: number[][] = [];
  for (const input of inputs.slice(0, 40)) {
    for (const unit of input.units.filter((u) => u.text.split(' ').length > 30).slice(0, 3)) {
      out.push(unitFingerprints(unit.text)!);
      out.push(unitFingerprints(unit.text.replace(/\b(the|and|of)\b/g, 'a'))!);
    }
  }
  return out.filter((fps) => fps.length > 0);
}

describe('the embedded corpus store', () => {
  test('finds the candidates the in-memory index finds (same units, same shared counts, same order)', () => {
    const store = EmbeddedCorpusStore.open(join(dir, 'same.lmdb'));
    try {
      store.syncSync(sourcesOf(inputs));
      const index = ReuseIndex.build({ documents: inputs.map((i) => ({ id: i.id, symbol: i.symbol, uri: i.uri, model: { paragraphs: i.units.map((u) => ({ label: u.label!, text: u.text })), spans: [] } })) });
      const asked = queries();
      assert.ok(asked.length > 50);
      let compared = 0;
      for (const fingerprints of asked) {
        const fromStore = store.reuse.candidates({ fingerprints }, { limit: 8 }).map((c) => ({ ...store.reuse.unit(c.unit), shared: c.shared }));
        const fromIndex = index.candidates({ fingerprints }, { limit: 8 }).map((c) => ({ ...index.unit(c.unit), shared: c.shared }));
        // Unit numbers differ (the store also numbers short paragraphs); what they are does not.
        assert.deepEqual(
          fromStore.map((c) => [c.document.id, c.label, c.shared, c.text]),
          fromIndex.map((c) => [c.document.id, c.label, c.shared, c.text]),
        );
        compared += fromStore.length;
      }
      assert.ok(compared > asked.length, 'queries of the texts themselves have candidates');
      const excluded = store.reuse.candidates({ fingerprints: asked[0]! }, { excludeSymbol: inputs[0]!.symbol!.toLowerCase() });
      assert.ok(excluded.every((c) => store.reuse.unit(c.unit).document.symbol !== inputs[0]!.symbol));
    } finally {
      store.closeSync();
    }
  });

  test('builds incrementally: unchanged texts are skipped, a changed one replaced, a gone one removed; it survives a reopen', async () => {
    const file = join(dir, 'incremental.lmdb');
    let store = EmbeddedCorpusStore.open(file);
    assert.deepEqual(store.syncSync(sourcesOf(inputs.slice(0, 20))), { added: 20, removed: 0, unchanged: 0 });
    const changed = { ...inputs[3]!, units: [...inputs[3]!.units, { label: 'new', text: 'Decides to remain seized of the matter and to consider the question again at its next session under the same agenda item' }], contentHash: 'changed' };
    const next = [...inputs.slice(0, 3), changed, ...inputs.slice(4, 19), ...inputs.slice(20, 22)];
    assert.deepEqual(store.syncSync(sourcesOf(next)), { added: 3, removed: 1, unchanged: 18 });
    store.closeSync();

    store = EmbeddedCorpusStore.open(file);
    try {
      const status = store.statusSync();
      assert.equal(status.state, 'ready');
      assert.equal(status.documents, 21);
      assert.equal((await store.document(inputs[19]!.symbol!)), undefined, 'the removed text is gone');
      assert.equal((await store.paragraph(changed.id, 'new'))?.text, changed.units.at(-1)!.text);
      const fps = unitFingerprints(inputs[19]!.units.find((u) => u.text.split(' ').length > 30)!.text)!;
      assert.ok(store.reuse.candidates({ fingerprints: fps }).every((c) => store.reuse.unit(c.unit).document.id !== inputs[19]!.id), 'no candidate of a removed text');
      assert.deepEqual(store.syncSync(sourcesOf(next)), { added: 0, removed: 0, unchanged: 21 });
      assert.equal((await store.documentText(inputs[0]!.id)), inputs[0]!.text);
      assert.equal((await store.searchDocuments({ symbolPrefix: inputs[0]!.symbol! })).at(0)?.symbol, inputs[0]!.symbol);
    } finally {
      store.closeSync();
    }
  });

  test('a build killed between two commits is resumed, and ends as a build done in one go', async () => {
    const file = join(dir, 'killed.lmdb');
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'storeFixture.ts'), 'build', file, '60'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const held = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        const commits = [...out.matchAll(/committed (\d+)/g)];
        if (commits.length >= 2) {
          child.kill('SIGKILL');
          resolve(Number(commits.at(-1)![1]));
        }
      });
      child.on('close', () => reject(new Error(`the build ended before it was killed: ${out}`)));
    });
    await new Promise((resolve) => child.once('close', resolve));
    const store = EmbeddedCorpusStore.open(file);
    try {
      const status = store.statusSync();
      assert.equal(status.state, 'building', 'the interrupted build is reported');
      assert.equal(store.tableReadFrom, 'documents', 'no table record of the killed build\'s last commit');
      assert.ok(status.documents >= held && status.documents < 60, `${status.documents} texts held after the kill`);
      const result = store.syncSync(sourcesOf(inputs));
      assert.equal(result.unchanged, status.documents, 'what was committed is kept');
      assert.equal(result.added, 60 - status.documents);
      assert.equal(store.statusSync().state, 'ready');
      const whole = EmbeddedCorpusStore.open(join(dir, 'whole.lmdb'));
      try {
        whole.syncSync(sourcesOf(inputs));
        assert.equal(store.statusSync().postings, whole.statusSync().postings);
        for (const fingerprints of queries().slice(0, 40)) {
          const of = (s: EmbeddedCorpusStore) => s.reuse.candidates({ fingerprints }).map((c) => [s.reuse.unit(c.unit).document.id, s.reuse.unit(c.unit).label, c.shared]);
          assert.deepEqual(of(store), of(whole));
        }
      } finally {
        whole.closeSync();
      }
    } finally {
      store.closeSync();
    }
  });

  test('open reads the unit table from the record the finished build wrote; a stale record is passed over for the documents, with the same answers', async () => {
    const file = join(dir, 'table.lmdb');
    const built = EmbeddedCorpusStore.open(file);
    built.syncSync(sourcesOf(inputs.slice(0, 30)));
    built.removeDocumentsSync([inputs[5]!.id]);
    built.finishBuild();
    built.closeSync();
    const answers = (store: EmbeddedCorpusStore) => ({
      hashes: [...store.documentHashesSync()].sort(),
      status: store.statusSync(),
      candidates: queries().slice(0, 30).map((fingerprints) => store.reuse.candidates({ fingerprints }, { excludeSymbol: inputs[1]!.symbol }).map((c) => [c.unit, c.shared, store.reuse.unit(c.unit).document.id])),
    });
    const fromRecord = EmbeddedCorpusStore.open(file);
    const expected = answers(fromRecord);
    assert.equal(fromRecord.tableReadFrom, 'record');
    assert.equal(expected.hashes.length, 29);
    // A change after the record was written (here a registry entry: the generation moves on) makes it stale.
    await fromRecord.putRegistry([]);
    fromRecord.closeSync();
    const fromDocuments = EmbeddedCorpusStore.open(file);
    try {
      assert.equal(fromDocuments.tableReadFrom, 'documents');
      assert.deepEqual({ ...answers(fromDocuments), status: undefined }, { ...expected, status: undefined });
      // Brought up to date with nothing to do, it writes the record again.
      assert.equal(fromDocuments.syncSync(sourcesOf([...inputs.slice(0, 5), ...inputs.slice(6, 30)])).unchanged, 29);
    } finally {
      fromDocuments.closeSync();
    }
    const again = EmbeddedCorpusStore.open(file);
    try {
      assert.equal(again.tableReadFrom, 'record');
    } finally {
      again.closeSync();
    }
  });

  test('a file overwritten at its start, cut short, or not a store at all is found corrupt, deleted and rebuilt', () => {
    for (const damage of ['header', 'truncated', 'text'] as const) {
      const file = join(dir, `damaged-${damage}.lmdb`);
      const store = EmbeddedCorpusStore.open(file);
      store.syncSync(sourcesOf(inputs.slice(0, 10)));
      store.closeSync();
      if (damage === 'header') overwrite(file, 0, Buffer.alloc(8192, 0x5a));
      else if (damage === 'truncated') {
        const fd = openSync(file, 'r+');
        ftruncateSync(fd, Math.floor(statSync(file).size / 3));
        closeSync(fd);
      } else writeFileSync(file, 'not a store\n'.repeat(2000));
      // Found before lmdb maps the file: handed to the engine, each of these crashes the process.
      assert.throws(() => EmbeddedCorpusStore.open(file), StoreCorruptError, damage);
      assertRebuilt(file, damage);
    }
  });

  /** A damaged store is reported, deleted and built again from nothing by openStore, and then answers. */
  function assertRebuilt(file: string, damage: string): void {
    const logged: string[] = [];
    const rebuilt = openStore(file, (message) => logged.push(message))!;
    try {
      assert.match(logged.join('\n'), /deleted, rebuilding it/, damage);
      assert.equal(rebuilt.statusSync().documents, 0);
      assert.equal(rebuilt.syncSync(sourcesOf(inputs.slice(0, 10))).added, 10);
      assert.equal(rebuilt.reuse.unit(0).text, inputs[0]!.units[0]!.text);
    } finally {
      rebuilt.closeSync();
    }
  }

  test('a paragraph whose bytes were changed on disk fails its checksum when read', () => {
    const file = join(dir, 'flipped.lmdb');
    const store = EmbeddedCorpusStore.open(file);
    store.syncSync(sourcesOf(inputs.slice(0, 5)));
    store.closeSync();
    const unit = inputs[2]!.units.find((u) => u.text.split(' ').length > 30)!;
    const [texts] = dataFiles(file, 'texts');
    const at = readFileSync(texts!).indexOf(Buffer.from(unit.text, 'utf8'));
    assert.ok(at > 0, 'the paragraph is in the text file as written');
    overwrite(texts!, at + 10, Buffer.from('XYZ'));
    const reopened = EmbeddedCorpusStore.open(file);
    try {
      const number = inputs.slice(0, 2).reduce((n, i) => n + i.units.length, 0) + inputs[2]!.units.indexOf(unit);
      assert.throws(() => reopened.reuse.unit(number), StoreRecordError);
    } finally {
      reopened.closeSync();
    }
  });

  test('a data file cut short, overwritten in its header or directory, or gone is found corrupt on open, deleted and rebuilt', () => {
    for (const damage of ['segment cut', 'segment header', 'segment directory', 'segment filter', 'text file cut', 'segment gone'] as const) {
      const file = join(dir, `data-${damage.replace(/ /g, '-')}.lmdb`);
      const store = EmbeddedCorpusStore.open(file);
      store.syncSync(sourcesOf(inputs.slice(0, 10)));
      store.closeSync();
      const [segment] = dataFiles(file, 'postings');
      const [texts] = dataFiles(file, 'texts');
      if (damage === 'segment cut') truncate(segment!, statSync(segment!).size - 100);
      else if (damage === 'segment header') overwrite(segment!, 20, Buffer.from('XYZ'));
      else if (damage === 'segment directory') overwrite(segment!, 64 + 4 * 1000, Buffer.from([1, 2, 3]));
      else if (damage === 'segment filter') overwrite(segment!, statSync(segment!).size - 8, Buffer.from([1, 2, 3]));
      else if (damage === 'text file cut') truncate(texts!, statSync(texts!).size - 1);
      else rmSync(segment!);
      assert.throws(() => EmbeddedCorpusStore.open(file), StoreCorruptError, damage);
      assertRebuilt(file, damage);
    }
  });

  test('a postings block whose bytes were changed fails its checksum when a scan reads it', () => {
    const file = join(dir, 'block.lmdb');
    const store = EmbeddedCorpusStore.open(file);
    store.syncSync(sourcesOf(inputs.slice(0, 10)));
    store.closeSync();
    const [segment] = dataFiles(file, 'postings');
    // The last bytes of the data are the last block's postings (postingsSegment.ts: the header's
    // third field is the data's length, after the header and the directory of 2^18 + 1 offsets).
    const dataBytes = readFileSync(segment!).readDoubleLE(8 + 2 * 8);
    overwrite(segment!, 64 + (2 ** 18 + 1) * 4 + dataBytes - 2, Buffer.from([0xff, 0x7f]));
    const reopened = EmbeddedCorpusStore.open(file);
    try {
      assert.throws(() => {
        // Every fingerprint of the texts held: the last block is read too.
        for (const input of inputs.slice(0, 10)) for (const unit of input.units) reopened.reuse.candidates({ fingerprints: unitFingerprints(unit.text) ?? [] });
      }, StoreRecordError);
    } finally {
      reopened.closeSync();
    }
  });

  test('built in many batches, with texts replaced and removed, its segments merged: the answers of a store built in one batch each time, no unlisted file left', () => {
    const file = join(dir, 'merged.lmdb');
    const store = EmbeddedCorpusStore.open(file, { batchUnits: 150 });
    const whole = EmbeddedCorpusStore.open(join(dir, 'merged-whole.lmdb'));
    try {
      store.syncSync(sourcesOf(inputs));
      const changed = inputs.slice(10, 20).map((input) => ({ ...input, units: input.units.slice(1), contentHash: `${input.contentHash}-changed` }));
      const next = [...inputs.slice(0, 10), ...changed, ...inputs.slice(30)];
      store.syncSync(sourcesOf(next));
      // The same two syncs in one batch each: the same unit numbers, in one segment each.
      whole.syncSync(sourcesOf(inputs));
      whole.syncSync(sourcesOf(next));
      assert.ok(dataFiles(file, 'postings').length <= 3, `${dataFiles(file, 'postings').length} segments`);
      assert.equal(store.statusSync().postings, whole.statusSync().postings);
      assert.equal(store.statusSync().units, whole.statusSync().units);
      for (const fingerprints of queries()) {
        const of = (s: EmbeddedCorpusStore) => s.reuse.candidates({ fingerprints }).map((c) => [s.reuse.unit(c.unit).document.id, s.reuse.unit(c.unit).label, c.shared]);
        assert.deepEqual(of(store), of(whole));
      }
    } finally {
      store.closeSync();
      whole.closeSync();
    }
    // Every file in the folder is one the store lists (it opens, and deletes none).
    const before = readdirSync(dataFolderOf(file)).sort();
    EmbeddedCorpusStore.open(file).closeSync();
    assert.deepEqual(readdirSync(dataFolderOf(file)).sort(), before);
  });
});

/** The store's data files of one kind (storeData.ts). */
function dataFiles(store: string, kind: 'texts' | 'postings'): string[] {
  return readdirSync(dataFolderOf(store)).filter((name) => name.startsWith(`${kind}-`)).map((name) => join(dataFolderOf(store), name));
}

function truncate(file: string, size: number): void {
  const fd = openSync(file, 'r+');
  ftruncateSync(fd, size);
  closeSync(fd);
}

function overwrite(file: string, at: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, at);
  } finally {
    closeSync(fd);
  }
}
