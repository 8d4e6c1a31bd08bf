// `compact-drafter import` end to end: official PDFs and a Word file into a corpus folder, then the
// imported texts resolving pinpoints in `check`, `refs` and the language server's hover.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { PDF_DIR, ROOT } from '../import/shared';
import { positionOf, startServer, type TestServer } from '../protocol/lspClient';

const CLI = join(ROOT, 'bin', 'compact-drafter.js');

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: join(cwd, '.cache') } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const DRAFT = [
  '*Recalling* the political declaration of the high-level political forum (resolution 78/1, paragraph 3),',
  '',
  '*Recalling also* the Pact for the Future (resolution 79/1, paragraph 300) and resolution 80/85, paragraph 2,',
  '',
].join('\n');

describe('compact-drafter import', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'cd-import-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('imports real PDFs and a Word file into the corpus folder; a bad file gets its error and nothing written', () => {
    writeFileSync(join(folder, 'not-a-pdf.pdf'), '<html><body>Error 404</body></html>');
    const { code, out, err } = run(
      folder,
      'import',
      '--out',
      'corpus',
      join(PDF_DIR(), 'A_RES_78_1.pdf'),
      join(PDF_DIR(), 'A_RES_79_1.pdf'),
      join(PDF_DIR(), 'A_RES_80_85.pdf'),
      'not-a-pdf.pdf',
      join(ROOT, 'test', 'fixtures', 'import', 'A-RES-79-175.docx'),
    );
    assert.equal(code, 1, 'exit 1: one file failed');
    assert.match(out, /A_RES_79_1\.pdf → corpus\/A-RES-79-1\.md: A\/RES\/79\/1, 190 numbered paragraphs, 26 footnotes/);
    assert.match(out, /A-RES-79-175\.docx → corpus\/A-RES-79-175\.md: A\/RES\/79\/175, 17 numbered paragraphs, 27 footnotes/);
    assert.match(err, /not-a-pdf\.pdf: named \.pdf but it is an HTML page; nothing written/);
    assert.deepEqual(readdirSync(join(folder, 'corpus')).sort(), ['A-RES-78-1.md', 'A-RES-79-1.md', 'A-RES-79-175.md', 'A-RES-80-85.md']);
    const text = readFileSync(join(folder, 'corpus', 'A-RES-80-85.md'), 'utf8');
    assert.match(text, /^---\nsymbol: A\/RES\/80\/85\ntitle: Information from Non-Self-Governing Territories transmitted under Article 73 e of the Charter of the United Nations\ndate: 2025-12-05\n/);
    assert.match(text, /\nsource_file: A_RES_80_85\.pdf\nsource_sha256: [0-9a-f]{64}\n/);
    assert.match(text, /\n1\. Reaffirms that, in the absence of a decision by the General Assembly itself that a Non-Self-Governing Territory has attained/);
    assert.match(text, /Having examined the report of the Secretary-General,\[\^1\]\n/);
    assert.match(text, /\n\[\^1\]: A\/80\/63\.\n/);
  });

  test('a file written by hand is not overwritten without --force; an earlier import is', () => {
    writeFileSync(join(folder, 'corpus', 'A-RES-80-85.md'), '# my own notes\n');
    const refused = run(folder, 'import', '--out', 'corpus', join(PDF_DIR(), 'A_RES_80_85.pdf'));
    assert.equal(refused.code, 1);
    assert.match(refused.err, /corpus\/A-RES-80-85\.md exists and was not written by an import; give --force to replace it/);
    assert.equal(readFileSync(join(folder, 'corpus', 'A-RES-80-85.md'), 'utf8'), '# my own notes\n');
    assert.equal(run(folder, 'import', '--out', 'corpus', '--force', join(PDF_DIR(), 'A_RES_80_85.pdf')).code, 0);
    assert.equal(run(folder, 'import', '--out', 'corpus', join(PDF_DIR(), 'A_RES_80_85.pdf')).code, 0, 'an earlier import is replaced');
    assert.ok(!readdirSync(join(folder, 'corpus')).some((name) => name.endsWith('.tmp')), 'no temporary file left');
  });

  test('check and refs resolve pinpoints into the imported texts', () => {
    writeFileSync(join(folder, 'draft.md'), DRAFT);
    const check = run(folder, 'check', '--format', 'json', '--corpus', 'corpus', 'draft.md');
    const diagnostics = (JSON.parse(check.out) as { files: { diagnostics: { code: string; message: string }[] }[] }).files[0].diagnostics;
    const noSuch = diagnostics.filter((d) => d.code === 'no-such-paragraph');
    assert.equal(noSuch.length, 1, JSON.stringify(diagnostics));
    assert.match(noSuch[0].message, /79\/1 has no paragraph 300: its paragraphs run from 1 to 84/);
    const refs = JSON.parse(run(folder, 'refs', '--format', 'json', '--corpus', 'corpus', 'draft.md').out) as { references: { symbol: string; paragraphs: string[]; paragraphText: string | null; resolved: boolean }[] };
    const declaration = refs.references.find((r) => r.symbol === 'A/RES/78/1' && r.paragraphs.join() === '3');
    assert.ok(declaration?.resolved);
    assert.match(declaration.paragraphText ?? '', /^We emphasize that eradicating poverty in all its forms and dimensions/);
    const territories = refs.references.find((r) => r.symbol === 'A/RES/80/85' && r.paragraphs.join() === '2');
    assert.match(territories?.paragraphText ?? '', /^Requests the administering Powers concerned to respect their obligations under Article 73 e of the Charter/);
  });

  describe('hover in the language server', () => {
    let server: TestServer;
    const uri = 'file:///tmp/import-draft.md';
    before(async () => {
      assert.ok(existsSync(join(folder, 'corpus', 'A-RES-78-1.md')));
      server = await startServer({ workspaceFolder: folder });
      await server.open(uri, DRAFT);
    });
    after(() => server.stop());

    test('"resolution 78/1, paragraph 3" quotes the imported paragraph', async () => {
      const result = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(DRAFT, 'resolution 78/1, paragraph 3', 12) })) as Hover | null;
      const value = (result?.contents as MarkupContent | undefined)?.value ?? '';
      assert.match(value, /Paragraph 3: “We emphasize that eradicating poverty in all its forms and dimensions/);
    });
  });
});
