// The corpus folder's table of files kept in the embedded store (fileTable.ts), on a real folder of
// real texts and a real store: a second session reads no unchanged file (reads counted through the
// loader's file-system seam, not timed), and sees every change made on disk after the store was
// built: a text changed to the same size with its modification time put back, a new file, a
// deleted one, and a file written within RACY_MS of its read.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ReuseService } from '../reuse/service';
import { realInputs } from '../store/embedded/storeFixture';
import { entriesOfRecord, fileTableRecord, isUnchanged, RACY_MS, type FileEntry } from './fileTable';
import { loadCorpus } from './loadCorpus';
import type { CorpusFileSystem } from './loader';
import { readRegularFile } from '../files/regularFile';
import { stat } from 'node:fs/promises';

const inputs = realInputs(6);
const fileName = (k: number) => `${inputs[k]!.symbol!.replace(/\//g, '-')}.md`;
const fileText = (k: number) => `---\nsymbol: ${inputs[k]!.symbol}\ntitle: ${JSON.stringify(inputs[k]!.title)}\n---\n\n${inputs[k]!.text}`;
/** An hour ago: files older than RACY_MS, as a corpus folder's files mostly are. */
const anHourAgo = new Date(Date.now() - 3600_000);

let root: string;
let folder: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'cd-file-table-'));
  folder = join(root, 'corpus');
  mkdirSync(folder);
  for (let k = 0; k < 5; k++) writeBackdated(join(folder, fileName(k)), fileText(k));
});
after(() => rmSync(root, { recursive: true, force: true }));

function writeBackdated(path: string, text: string): void {
  writeFileSync(path, text);
  utimesSync(path, anHourAgo, anHourAgo);
}

/** The file system as the loader sees it, counting the files read. */
function countingFileSystem(): CorpusFileSystem & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile: (path, max) => {
      reads.push(path);
      return readRegularFile(path, max);
    },
    stat: async (path) => {
      const s = await stat(path, { bigint: true });
      return { size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs, ino: s.ino, isFile: () => s.isFile() };
    },
  };
}

/** One session: a reuse service with the store in `embedded` mode, the corpus loaded, its index brought up to date. */
async function session() {
  const reuse = new ReuseService(undefined, () => {}, () => {}, { mode: 'embedded', dir: join(root, 'stores') });
  const fileSystem = countingFileSystem();
  const corpus = await loadCorpus({ folders: [folder], fileTables: reuse.fileTables([folder]), fileSystem });
  reuse.indexFor(corpus);
  const store = reuse.store!;
  const held = store.documentHashesSync();
  store.closeSync();
  return { corpus, reads: fileSystem.reads.map((path) => path.split('/').pop()), held };
}

describe('the corpus folder\'s table of files, kept in the store', () => {
  test('the first session reads every file; the next reads none, and serves the same texts', async () => {
    const first = await session();
    assert.equal(first.reads.length, 5);
    const next = await session();
    assert.deepEqual(next.reads, []);
    const seen = (s: Awaited<ReturnType<typeof session>>) => s.corpus.documents.filter((d) => d.layer === 'workspace').map((d) => [d.id, d.symbol, d.title, d.textLength, d.contentHash]);
    assert.deepEqual(seen(next), seen(first));
    const doc = next.corpus.lookup(inputs[2]!.symbol!)!.document!;
    assert.equal(doc.text, fileText(2).replace(/^---\n[^]*?\n---\n/, (fm) => fm.replace(/[^\n]/g, ' ')), 'the text is read on demand, front matter blanked');
  });

  test('a text changed to the same size, its modification time put back, is read again and its new text indexed', async () => {
    const path = join(folder, fileName(1));
    const before = statSync(path);
    const [frontMatter, body] = readFileSync(path, 'utf8').split('\n---\n');
    const changed = `${frontMatter}\n---\n${body!.replace(/\bthe\b/, 'teh')}`;
    assert.equal(Buffer.byteLength(changed), before.size);
    writeFileSync(path, changed);
    utimesSync(path, before.atime, before.mtime);
    assert.equal(statSync(path).mtimeMs, before.mtimeMs, 'same size and modification time');
    const next = await session();
    assert.deepEqual(next.reads, [fileName(1)], 'only the changed file is read (its change time moved)');
    const doc = next.corpus.lookup(inputs[1]!.symbol!)!.document!;
    assert.match(doc.text, /\bteh\b/);
    assert.equal(next.held.get(doc.uri), doc.contentHash, 'the store holds the new text');
  });

  test('a new file is read and indexed; a deleted one leaves the corpus and the store', async () => {
    writeBackdated(join(folder, fileName(5)), fileText(5));
    unlinkSync(join(folder, fileName(0)));
    const next = await session();
    assert.deepEqual(next.reads, [fileName(5)]);
    assert.ok(next.corpus.lookup(inputs[5]!.symbol!)?.document);
    assert.equal(next.corpus.lookup(inputs[0]!.symbol!)?.document, undefined);
    assert.deepEqual([...next.held.keys()].filter((uri) => uri.startsWith('file:')).map((uri) => uri.split('/').pop()).sort(), [1, 2, 3, 4, 5].map(fileName).sort());
    assert.deepEqual((await session()).reads, [], 'and the session after reads none');
  });

  test('a file modified within RACY_MS of its read is read again at each start until it is older than that', async () => {
    const path = join(folder, fileName(3));
    writeFileSync(path, readFileSync(path, 'utf8'));
    assert.deepEqual((await session()).reads, [fileName(3)], 'changed: read');
    assert.deepEqual((await session()).reads, [fileName(3)], 'racily clean: its time is as recorded, but it may have changed in the same tick');
    utimesSync(path, anHourAgo, anHourAgo);
    assert.deepEqual((await session()).reads, [fileName(3)], 'its time changed: read (now long after it)');
    assert.deepEqual((await session()).reads, []);
  });
});

describe('isUnchanged', () => {
  const entry: FileEntry = { path: '/c/a.md', realPath: '/c/a.md', size: 10, mtimeNs: '1000000000000000000', ctimeNs: '1000000000000000000', ino: '7', readAt: 1_000_000_000_000 + RACY_MS + 1, id: 'a.md', length: 10, contentHash: 'h' };
  const stat = { size: 10n, mtimeNs: 1000000000000000000n, ctimeNs: 1000000000000000000n, ino: 7n, isFile: () => true };
  const rows: { name: string; entry?: FileEntry; realPath?: string; stat?: Partial<typeof stat>; unchanged: boolean }[] = [
    { name: 'as recorded, read over RACY_MS after its modification', unchanged: true },
    { name: 'not in the table', entry: undefined, unchanged: false },
    { name: 'another real path (a link now leading elsewhere)', realPath: '/c/b.md', unchanged: false },
    { name: 'another size', stat: { size: 11n }, unchanged: false },
    { name: 'another modification time', stat: { mtimeNs: 1000000000000000001n }, unchanged: false },
    { name: 'another change time (rewritten, modification time put back)', stat: { ctimeNs: 1000000000000000001n }, unchanged: false },
    { name: 'another inode (replaced by a rename)', stat: { ino: 8n }, unchanged: false },
    { name: 'racily clean: read within RACY_MS of its modification', entry: { ...entry, readAt: 1_000_000_000_000 + RACY_MS }, unchanged: false },
    { name: 'no longer a regular file', stat: { isFile: () => false }, unchanged: false },
  ];
  for (const row of rows) {
    test(row.name, () => {
      assert.equal(isUnchanged('entry' in row ? row.entry : entry, row.realPath ?? '/c/a.md', { ...stat, ...row.stat }), row.unchanged);
    });
  }
});

describe('entriesOfRecord: a table is trusted only as this server wrote it', () => {
  const entry: FileEntry = { path: '/c/a.md', realPath: '/c/a.md', size: 10, mtimeNs: '1', ctimeNs: '1', ino: '7', readAt: 5, id: 'a.md', length: 10, contentHash: 'h' };
  test('a record written by this server is read back', () => {
    assert.deepEqual(entriesOfRecord(fileTableRecord([{ ...entry, symbol: 'A/RES/1/1' }])), [{ ...entry, symbol: 'A/RES/1/1', title: undefined, date: undefined }]);
    assert.equal(entriesOfRecord(fileTableRecord([{ ...entry, title: null } as unknown as FileEntry]))![0]!.title, undefined, 'no title is undefined, not null');
  });
  const rows: { name: string; record: unknown }[] = [
    { name: 'another server build (the metadata may be read otherwise)', record: { ...fileTableRecord([entry]), fingerprint: 'older' } },
    { name: 'not a record', record: 'files' },
    { name: 'entries not a list', record: { ...fileTableRecord([]), entries: {} } },
    { name: 'an entry without its hash', record: fileTableRecord([{ ...entry, contentHash: undefined } as unknown as FileEntry]) },
    { name: 'an entry with a size that is no number', record: fileTableRecord([{ ...entry, size: '10' } as unknown as FileEntry]) },
  ];
  for (const row of rows) {
    test(`passed over (every file read): ${row.name}`, () => {
      assert.equal(entriesOfRecord(row.record), undefined);
    });
  }
});
