// The corpus reader and the workspace scan on hostile and unlucky file systems (server/src/files/):
// real link cycles, links out of the folder, a folder removed while it is listed (by a real
// concurrent process), a corpus path that is a file, and the CLI with a hostile .compactdrafter.json.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CorpusDocument } from '../../server/src/corpus/document';
import { TEXT_BUDGET_CHARS } from '../../server/src/corpus/documentMemory';
import { loadCorpusFolder } from '../../server/src/corpus/loader';
import { walkFolder } from '../../server/src/files/walk';
import { startServer } from '../protocol/lspClient';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'compact-drafter.js');
const SECRET = 'SECRET-TOKEN-4f9a1c';

function folder(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'cd-fs-')));
}

function corpusText(symbol: string, body = '1. One.\n\n2. Two.\n'): string {
  return `---\nsymbol: ${symbol}\ntitle: A test text\ndate: 2020-01-01\n---\n\n${body}`;
}

/** A workspace whose corpus folder has two links to itself and one to its parent, and one text. */
function cyclicWorkspace(): string {
  const dir = folder();
  mkdirSync(join(dir, 'corpus', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'corpus', 'A-99-1.md'), corpusText('A/99/1'));
  writeFileSync(join(dir, 'corpus', 'sub', 'A-99-2.md'), corpusText('A/99/2'));
  symlinkSync('.', join(dir, 'corpus', 'self-a'));
  symlinkSync('.', join(dir, 'corpus', 'sub', 'self-b'));
  symlinkSync('..', join(dir, 'corpus', 'sub', 'up'));
  return dir;
}

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args, '--no-cache'], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the folder walker', () => {
  test('link cycles: every folder entered once, every text read once, the cycles reported', async () => {
    const dir = cyclicWorkspace();
    const loaded = await loadCorpusFolder(join(dir, 'corpus'), 'workspace');
    assert.deepEqual(loaded.documents.map((d) => d.symbol).sort(), ['A/99/1', 'A/99/2']);
    const messages = loaded.problems.map((p) => p.message);
    assert.equal(messages.filter((m) => /a link back to .* \(a cycle\)/.test(m)).length, 3, messages.join('\n'));
  });

  test('links out of the folder are not followed: a file, a folder, an absolute path', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'corpus'));
    mkdirSync(join(dir, 'private'));
    writeFileSync(join(dir, 'private', 'token.md'), corpusText('A/99/9', `1. The token is ${SECRET}.\n`));
    symlinkSync(join(dir, 'private', 'token.md'), join(dir, 'corpus', 'A-99-9.md'));
    symlinkSync('../private', join(dir, 'corpus', 'more'));
    symlinkSync('/etc/passwd', join(dir, 'corpus', 'A-99-8.md'));
    writeFileSync(join(dir, 'corpus', 'A-99-1.md'), corpusText('A/99/1'));
    // A link inside the folder is fine.
    symlinkSync('A-99-1.md', join(dir, 'corpus', 'alias.md'));
    const loaded = await loadCorpusFolder(join(dir, 'corpus'), 'workspace');
    assert.deepEqual(loaded.documents.map((d) => d.symbol), ['A/99/1']);
    const outside = loaded.problems.filter((p) => /outside .*: not followed/.test(p.message)).map((p) => p.uri.split('/').pop());
    assert.deepEqual(outside.sort(), ['A-99-8.md', 'A-99-9.md', 'more']);
    assert.ok(!JSON.stringify(loaded).includes(SECRET));
  });

  test('a text read again from its file after it was let go is not read through a link put there since (a checkout that turns it into a link out)', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'corpus'));
    mkdirSync(join(dir, 'private'));
    writeFileSync(join(dir, 'private', 'token.md'), corpusText('A/99/1', `1. The token is ${SECRET}.\n`));
    writeFileSync(join(dir, 'corpus', 'A-99-1.md'), corpusText('A/99/1'));
    const [text] = (await loadCorpusFolder(join(dir, 'corpus'), 'workspace')).documents;
    assert.match(text!.text, /One\./);
    // A text as large as the whole budget of kept texts pushes every other one out (corpus/documentMemory.ts).
    void new CorpusDocument('A/99/2', 'A/99/2', 'file:///elsewhere/A-99-2.md', 'workspace', { read: () => 'x', length: TEXT_BUDGET_CHARS, contentHash: 'h' }).text;
    rmSync(join(dir, 'corpus', 'A-99-1.md'));
    symlinkSync(join(dir, 'private', 'token.md'), join(dir, 'corpus', 'A-99-1.md'));
    assert.throws(() => text!.text, /A-99-1\.md: now a link to .*token\.md: not read again/);
    // The same file edited in place is still read again.
    rmSync(join(dir, 'corpus', 'A-99-1.md'));
    writeFileSync(join(dir, 'corpus', 'A-99-1.md'), corpusText('A/99/1', '1. One, edited.\n'));
    assert.match(text!.text, /One, edited\./);
  });

  test('a corpus path that is a file is reported, not ignored', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'corpus.md'), corpusText('A/99/1'));
    const loaded = await loadCorpusFolder(join(dir, 'corpus.md'), 'workspace');
    assert.match(loaded.problems[0]?.message ?? '', /a file|not a folder/);
  });

  test('limits: depth and file count end the walk with a report; "/" ends', async () => {
    const dir = folder();
    let deep = join(dir, 'corpus');
    for (let i = 0; i < 6; i++) deep = join(deep, `d${i}`);
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'deep.md'), 'x');
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, 'corpus', `f${i}.md`), 'x');
    const shallow = await walkFolder(join(dir, 'corpus'), { include: (n) => n.endsWith('.md'), maxDepth: 3 });
    assert.equal(shallow.files.length, 5);
    assert.ok(shallow.skipped.some((s) => /more than 3 folders deep/.test(s.reason)));
    const few = await walkFolder(join(dir, 'corpus'), { include: (n) => n.endsWith('.md'), maxFiles: 2 });
    assert.equal(few.files.length, 2);
    assert.ok(few.skipped.some((s) => /more than 2 files/.test(s.reason)));
    const everything = await walkFolder('/', { include: (n) => n.endsWith('.md'), maxFolders: 300 });
    assert.ok(everything.skipped.some((s) => /more than 300 folders/.test(s.reason)));
  });

  test('a subfolder removed while the corpus is listed costs only itself (a real concurrent process), 60 reloads', async () => {
    const dir = folder();
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (let i = 1; i <= 5; i++) writeFileSync(join(corpus, `A-99-${i}.md`), corpusText(`A/99/${i}`));
    const churn = spawn(process.execPath, [
      '-e',
      `const fs = require('fs'); const path = require('path'); const stop = ${JSON.stringify(join(dir, 'stop'))};
       while (!fs.existsSync(stop)) for (let i = 0; i < 20; i++) {
         const d = path.join(${JSON.stringify(corpus)}, 'tmp' + i, 'a', 'b');
         fs.mkdirSync(d, { recursive: true }); fs.writeFileSync(path.join(d, 'x.md'), 'x');
         fs.rmSync(path.join(${JSON.stringify(corpus)}, 'tmp' + i), { recursive: true, force: true });
       }`,
    ]);
    try {
      for (let i = 0; i < 60; i++) {
        const loaded = await loadCorpusFolder(corpus, 'workspace');
        const stable = loaded.documents.filter((d) => d.symbol?.startsWith('A/99/')).length;
        assert.equal(stable, 5, `reload ${i}: ${stable} of the 5 texts (problems: ${loaded.problems.map((p) => p.message).join('; ')})`);
      }
    } finally {
      writeFileSync(join(dir, 'stop'), '');
      await new Promise((resolve) => churn.on('exit', resolve));
    }
  });
});

describe('the CLI reads nothing outside the repository unless told to', () => {
  test('.compactdrafter.json pointing the corpus at ../.. or / is refused; --corpus still reads it', () => {
    const dir = folder();
    const repo = join(dir, 'repo');
    mkdirSync(join(dir, 'outside'), { recursive: true });
    mkdirSync(repo);
    writeFileSync(join(dir, 'outside', 'A-99-9.md'), corpusText('A/99/9', `1. The token is ${SECRET}.\n`));
    writeFileSync(join(repo, 'draft.md'), 'As said in A/99/9, para. 1.\n');
    writeFileSync(join(repo, '.compactdrafter.json'), JSON.stringify({ corpus: ['../outside', '/'] }));
    const refused = run(['refs', '--format', 'json', 'draft.md'], repo);
    assert.match(refused.stderr, /corpus folder .*outside lies outside the repository .*: not read; give it with --corpus/);
    assert.match(refused.stderr, /corpus folder \/ lies outside the repository/);
    assert.ok(!refused.stdout.includes(SECRET) && !refused.stdout.includes('A test text'));
    const given = run(['refs', '--format', 'json', '--corpus', '../outside', 'draft.md'], repo);
    assert.match(given.stdout, /A test text/);
  });

  test('.compactdrafter.json pointing the registry outside is neither read nor written; --registry and --out still are', () => {
    const dir = folder();
    const repo = join(dir, 'repo');
    mkdirSync(join(dir, 'outside-registry'), { recursive: true });
    mkdirSync(repo);
    const entry = { symbol: 'A/RES/99/7', title: `The token is ${SECRET}`, date: '2024-12-01', body: 'General Assembly', kind: 'resolution' };
    writeFileSync(join(dir, 'outside-registry', 'entries.json'), JSON.stringify({ documents: [entry] }));
    writeFileSync(join(repo, 'draft.md'), 'Recalling its resolution 99/7,\n');
    writeFileSync(join(repo, '.compactdrafter.json'), JSON.stringify({ registry: ['../outside-registry'] }));
    const refused = run(['refs', '--format', 'json', 'draft.md'], repo);
    assert.match(refused.stderr, /registry folder .*outside-registry lies outside the repository .*: not read; give it with --registry/);
    assert.ok(!refused.stdout.includes(SECRET), `refs printed a registry entry from outside: ${refused.stdout.slice(0, 300)}`);
    const given = run(['refs', '--format', 'json', '--registry', '../outside-registry', 'draft.md'], repo);
    assert.ok(given.stdout.includes(SECRET), 'a registry folder given on the command line is read');
    const imported = run(['registry', 'import', join(repo, 'missing.xml')], repo);
    assert.match(imported.stderr, /registry folder .*outside-registry lies outside the repository .*: not written; give it with --out/);
  });

  test('a corpus text linked to a file outside (/etc/passwd, a token) is never printed', () => {
    const dir = folder();
    mkdirSync(join(dir, 'corpus'));
    mkdirSync(join(dir, 'private'));
    writeFileSync(join(dir, 'private', 'token.md'), corpusText('A/99/9', `1. The General Assembly notes that the token is ${SECRET} and stays private to this file forever and ever and ever.\n`));
    symlinkSync(join(dir, 'private', 'token.md'), join(dir, 'corpus', 'A-99-9.md'));
    symlinkSync('/etc/passwd', join(dir, 'corpus', 'A-99-8.md'));
    writeFileSync(join(dir, 'draft.md'), 'The General Assembly notes that the token is SECRET and stays private to this file forever and ever and ever (A/99/9, para. 1).\n');
    for (const args of [['check', '--format', 'json'], ['reuse', '--format', 'json'], ['refs', '--format', 'json']]) {
      const { stdout, stderr } = run([...args, 'draft.md'], dir);
      assert.ok(!stdout.includes(SECRET) && !stdout.includes('root:'), `${args[0]} printed a file from outside: ${stdout.slice(0, 300)}`);
      assert.match(stderr, /A-99-9\.md: skipped: a link to .*token\.md, outside/);
    }
  });
});

describe('the server on a workspace with link cycles', () => {
  test('answers at once; Find All References counts each citation once', async () => {
    const dir = cyclicWorkspace();
    mkdirSync(join(dir, 'drafts'));
    symlinkSync('..', join(dir, 'drafts', 'loop'));
    writeFileSync(join(dir, 'drafts', 'one.md'), 'See A/RES/71/280.\n');
    writeFileSync(join(dir, 'drafts', 'two.md'), 'See A/RES/71/280.\n');
    const server = await startServer({ workspaceFolder: dir });
    try {
      const uri = `file://${join(dir, 'drafts', 'one.md')}`;
      await server.open(uri, 'See A/RES/71/280.\n');
      const locations = (await server.connection.sendRequest('textDocument/references', {
        textDocument: { uri },
        position: { line: 0, character: 6 },
        context: { includeDeclaration: true },
      })) as { uri: string }[];
      assert.deepEqual(locations.map((l) => l.uri.split('/').pop()).sort(), ['one.md', 'two.md']);
      const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 6 } })) as { contents: { value: string } } | null;
      assert.ok(hover?.contents.value.includes('71/280'));
    } finally {
      await server.stop();
    }
  });
});
