// A user's corpus folder is whatever they put in it. Each broken file (binary, not UTF-8, broken or
// odd front matter, a symbol that is not one, a symbol another file has, far too big) is reported
// with its file and the reason, and the good file beside it is still served.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { URI } from 'vscode-uri';
import { analyzeDraft } from '../../server/src/analysis';
import { CorpusDocument, documentFromBytes, loadCorpus, loadCorpusFolder, type Corpus, type CorpusProblem } from '../../server/src/corpus';
import { MAX_CORPUS_FILE_BYTES } from '../../server/src/corpus/loader';

const root = mkdtempSync(join(tmpdir(), 'compact-drafter-corpus-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A folder holding one bad file and one good file (A/72/501, a symbol the registry lacks, so only the file can make it resolve). */
function folderWith(name: string, bad: string | Uint8Array, badName = 'bad.md'): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, badName), bad);
  writeFileSync(join(dir, 'good.md'), '---\nsymbol: A/72/501\ntitle: A good report\ndate: 2017-09-01\n---\n\n1. The first paragraph of the good report.\n\n2. The second paragraph.\n');
  return dir;
}

function uriOf(dir: string, name: string): string {
  return URI.file(join(dir, name)).toString();
}

/** The good file resolves, to its paragraph, in a draft analysed against the corpus. */
function assertGoodFileServed(corpus: Corpus): void {
  const entry = corpus.lookup('A/72/501');
  assert.ok(entry?.document, 'the good file is in the corpus');
  assert.equal(entry.document.title, 'A good report');
  const analysis = analyzeDraft('See A/72/501, para. 2.', corpus);
  const ref = analysis.references.find((r) => r.symbol === 'A/72/501');
  assert.equal(ref?.resolution.status, 'resolved');
  assert.match(ref?.resolution.paragraphs[0].paragraph?.text ?? '', /^The second paragraph/);
}

function problemFor(problems: readonly CorpusProblem[], uri: string): CorpusProblem {
  const found = problems.filter((p) => p.uri === uri);
  assert.equal(found.length, 1, `one problem for ${uri}; got ${JSON.stringify(problems)}`);
  return found[0];
}

const utf8 = (text: string) => new TextEncoder().encode(text);

const cases: { name: string; bytes: string | Uint8Array; reason: RegExp }[] = [
  { name: 'a binary file (NUL bytes)', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), reason: /binary file/ },
  { name: 'a PDF saved as .md', bytes: Uint8Array.from([...utf8('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0x00, ...utf8('1 0 obj')]), reason: /binary file/ },
  { name: 'invalid UTF-8 (Latin-1 "é")', bytes: Uint8Array.from([...utf8('---\nsymbol: A/72/502\n---\n1. R'), 0xe9, ...utf8('sum')]), reason: /not valid UTF-8/ },
  { name: 'invalid UTF-8 (a truncated sequence at the end)', bytes: Uint8Array.from([...utf8('1. Text '), 0xe2, 0x80]), reason: /not valid UTF-8/ },
  { name: 'invalid UTF-8 (an encoded lone surrogate)', bytes: Uint8Array.from([...utf8('1. Text '), 0xed, 0xa0, 0x80]), reason: /not valid UTF-8/ },
  { name: 'invalid UTF-8 (an overlong encoding)', bytes: Uint8Array.from([...utf8('1. Text '), 0xc0, 0xaf]), reason: /not valid UTF-8/ },
  { name: 'UTF-16 with a byte-order mark but an odd number of bytes', bytes: Uint8Array.from([0xff, 0xfe, 0x31, 0x00, 0x2e]), reason: /not valid UTF-16/ },
  { name: 'UTF-16 that decodes to NUL characters', bytes: Uint8Array.from([0xff, 0xfe, 0x31, 0x00, 0x00, 0x00]), reason: /binary file/ },
  { name: 'broken front matter (bad YAML)', bytes: '---\nsymbol: A/72/503\ntitle: "unclosed\n---\n1. Text.\n', reason: /broken front matter/ },
  { name: 'broken front matter (bad indentation)', bytes: '---\nsymbol: A/72/503\n  title: x\n - y\n---\n1. Text.\n', reason: /broken front matter/ },
  { name: 'front matter with a duplicate key', bytes: '---\nsymbol: A/72/503\nsymbol: A/72/504\n---\n1. Text.\n', reason: /broken front matter/ },
  { name: 'front matter that is a list', bytes: '---\n- symbol\n- A/72/503\n---\n1. Text.\n', reason: /broken front matter: expected "key: value" lines/ },
  { name: 'front matter that is one word', bytes: '---\nsymbol\n---\n1. Text.\n', reason: /broken front matter: expected "key: value" lines/ },
  { name: 'a front-matter symbol that is not a symbol', bytes: '---\nsymbol: Report on migration\n---\n1. Text.\n', reason: /front matter symbol "Report on migration" is not a UN document symbol/ },
  { name: 'a front-matter symbol that is a number', bytes: '---\nsymbol: 42\n---\n1. Text.\n', reason: /front matter symbol "42" is not a UN document symbol/ },
  { name: 'a front-matter symbol with markup', bytes: '---\nsymbol: "[A/72/505](command:workbench.action.terminal.new)"\n---\n1. Text.\n', reason: /is not a UN document symbol/ },
];

describe('corpus errors: each reported with file and reason, the rest served', () => {
  for (const row of cases) {
    test(row.name, async () => {
      const dir = folderWith(row.name.replace(/\W+/g, '-'), row.bytes);
      const loaded = await loadCorpusFolder(dir, 'workspace');
      const problem = problemFor(loaded.problems, uriOf(dir, 'bad.md'));
      assert.match(problem.message, row.reason);
      assert.equal(problem.severity, 'error');
      assert.deepEqual(
        loaded.documents.map((d) => d.symbol),
        ['A/72/501'],
        'only the good file is loaded',
      );
      const corpus = await loadCorpus({ folders: [dir] });
      problemFor(corpus.problems, uriOf(dir, 'bad.md'));
      assertGoodFileServed(corpus);
    });
  }

  // Word's and Notepad's "Unicode text" is UTF-16 with a byte-order mark.
  for (const [name, bom, encode] of [
    ['little-endian', [0xff, 0xfe], (code: number) => [code & 0xff, code >> 8]],
    ['big-endian', [0xfe, 0xff], (code: number) => [code >> 8, code & 0xff]],
  ] as const) {
    test(`a UTF-16 ${name} file with a byte-order mark is read as text`, async () => {
      const text = '---\nsymbol: A/72/520\ntitle: Rapport — “Unicode”\n---\n\n1. The first paragraph.\n\n2. The second, with é and 移民.\n';
      const units = [...text].flatMap((ch) => [...String(ch)].map((_, i) => ch.charCodeAt(i)));
      const dir = folderWith(`utf16-${name}`, Uint8Array.from([...bom, ...units.flatMap((code) => encode(code))]));
      const corpus = await loadCorpus({ folders: [dir] });
      assert.deepEqual(corpus.problems.filter((p) => p.uri === uriOf(dir, 'bad.md')), []);
      const document = corpus.lookup('A/72/520')?.document;
      assert.equal(document?.title, 'Rapport — “Unicode”');
      assert.deepEqual(document?.model.paragraphs.map((p) => p.text), ['The first paragraph.', 'The second, with é and 移民.']);
      assertGoodFileServed(corpus);
    });
  }

  test('a duplicate symbol across files: the second is reported, naming the first, and the first is used', async () => {
    const dir = join(root, 'duplicates');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'a-first.md'), '---\nsymbol: A/72/510\ntitle: First copy\n---\n1. First copy text.\n');
    writeFileSync(join(dir, 'sub', 'b-second.md'), '---\nsymbol: a/72/510\ntitle: Second copy\n---\n1. Second copy text.\n');
    writeFileSync(join(dir, 'good.md'), '---\nsymbol: A/72/501\ntitle: A good report\n---\n\n1. The first paragraph of the good report.\n\n2. The second paragraph.\n');
    const corpus = await loadCorpus({ folders: [dir] });
    const problem = problemFor(corpus.problems, uriOf(dir, 'sub/b-second.md'));
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, /duplicate symbol A\/72\/510: also in .*a-first\.md; that file is used/);
    assert.equal(corpus.lookup('A/72/510')?.document?.title, 'First copy');
    assertGoodFileServed(corpus);
  });

  test('a duplicate symbol declared one way and derived from a file name the other', async () => {
    const dir = join(root, 'duplicates-by-name');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'A-72-511.md'), '1. Named by its file.\n');
    writeFileSync(join(dir, 'declared.md'), '---\nsymbol: A/72/511\n---\n1. Declared.\n');
    const corpus = await loadCorpus({ folders: [dir] });
    const problems = corpus.problems.filter((p) => /duplicate symbol A\/72\/511/.test(p.message));
    assert.equal(problems.length, 1, JSON.stringify(corpus.problems));
    assert.ok(corpus.lookup('A/72/511')?.document);
  });

  test('a 50 MB corpus file is skipped with a message, without being read (a sparse file in tmp)', async () => {
    const dir = folderWith('huge', '1. placeholder\n', 'huge.md');
    const path = join(dir, 'huge.md');
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const loaded = await loadCorpusFolder(dir, 'workspace');
    const problem = problemFor(loaded.problems, uriOf(dir, 'huge.md'));
    assert.match(problem.message, /^skipped: 50\.0 MB is more than the 10 MB a corpus file may have$/);
    assertGoodFileServed(await loadCorpus({ folders: [dir] }));
  });

  test('documentFromBytes refuses bytes over the limit too (a file that grew between stat and read)', () => {
    const result = documentFromBytes(new Uint8Array(MAX_CORPUS_FILE_BYTES + 1), 'file:///c/grown.md', 'workspace');
    assert.ok(!(result instanceof CorpusDocument));
    assert.match(result.message, /more than the 10 MB/);
  });

  test('odd but usable files load: a BOM, CRLF front matter, an empty front matter, front matter never closed', () => {
    const load = (text: string, name = 'x.md') => documentFromBytes(utf8(text), `file:///c/${name}`, 'workspace');
    const bom = load('\ufeff---\nsymbol: A/72/520\ntitle: With a BOM\n---\n1. Text.\n');
    assert.ok(bom instanceof CorpusDocument && bom.symbol === 'A/72/520' && bom.title === 'With a BOM');
    const crlf = load('---\r\nsymbol: A/72/521\r\ntitle: CRLF\r\n---\r\n1. Text.\r\n');
    assert.ok(crlf instanceof CorpusDocument && crlf.symbol === 'A/72/521' && crlf.title === 'CRLF');
    assert.equal(crlf.text.length, '---\r\nsymbol: A/72/521\r\ntitle: CRLF\r\n---\r\n1. Text.\r\n'.length, 'front matter blanked, offsets kept');
    const empty = load('---\n---\n1. Text.\n', 'A-72-522.md');
    assert.ok(empty instanceof CorpusDocument && empty.symbol === 'A/72/522');
    const unclosed = load('---\nsymbol: A/72/523\n1. Text.\n', 'A-72-524.md');
    assert.ok(unclosed instanceof CorpusDocument && unclosed.symbol === 'A/72/524', 'an unclosed block is not front matter');
  });

  test('a YAML alias bomb in front matter is refused quickly, not expanded', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const started = performance.now();
    const result = documentFromBytes(utf8(`---\nsymbol: A/72/530\n${lines.join('\n')}\n---\n1. Text.\n`), 'file:///c/bomb.md', 'workspace');
    assert.ok(performance.now() - started < 2_000);
    assert.ok(!(result instanceof CorpusDocument), 'reported');
    assert.match(result.message, /broken front matter/);
  });

  test('a corpus folder that is missing is no problem; one that is a file is reported (it was ignored silently)', async () => {
    const file = join(root, 'not-a-folder.md');
    writeFileSync(file, '1. Text.\n');
    const asFolder = await loadCorpusFolder(file, 'workspace');
    assert.deepEqual(asFolder.documents, []);
    assert.deepEqual(asFolder.problems.map((p) => p.message), ['skipped: a file, not a folder: nothing read from it']);
    assert.deepEqual(await loadCorpusFolder(join(root, 'missing'), 'workspace'), { documents: [], problems: [], entries: [], read: 0, changed: true });
  });
});
