import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RegistryEntry } from '../../server/src/corpus';
import { startFakeLibrary, type FakeLibrary } from '../digitalLibraryServer';
import { sharedPath } from '../sharedData';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'compact-drafter.js');
const EXPORT = sharedPath('un-documents', 'undl', 'session_78_committee_3_drafts.xml');

/** Runs the CLI without blocking this process, so the stand-in library below can answer it. */
function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const folder = () => mkdtempSync(join(tmpdir(), 'cd-registry-'));
const resolved = async (cwd: string, text: string, args: string[] = []) => {
  writeFileSync(join(cwd, 'draft.md'), text);
  const { stdout } = await run(['refs', '--no-cache', ...args, 'draft.md'], cwd);
  return (JSON.parse(stdout).references as { symbol: string; resolved: boolean; title?: string; date?: string }[]).map((r) => `${r.symbol} ${r.resolved ? `${r.title} (${r.date})` : 'unresolved'}`);
};

describe('compact-drafter registry import', () => {
  test('the real export: every record imported into .compact-drafter/registry, and its documents resolve', async () => {
    const cwd = folder();
    const { status, stdout, stderr } = await run(['registry', 'import', EXPORT], cwd);
    assert.equal(status, 0, stderr);
    assert.match(stdout, /: 94 records, 94 imported \(94 documents and the 63 resolutions or decisions adopted from them\) → \.compact-drafter\/registry\/session_78_committee_3_drafts\.json$/m);
    // The Library's own slip in record 53 is reported; the record is imported without it.
    assert.match(stderr, /record 53 \(4025975\): 993 \$a “AA\/78\/481\/Add\.2” is not a document symbol; left out/);
    const written = JSON.parse(readFileSync(join(cwd, '.compact-drafter/registry/session_78_committee_3_drafts.json'), 'utf8')) as { documents: RegistryEntry[] };
    assert.equal(written.documents.length, 94 + 63);
    const migrants = written.documents.find((e) => e.symbol === 'A/C.3/78/L.52/Rev.1')!;
    assert.deepEqual(migrants.provenance?.title, [{ kind: 'library', from: 'UN Digital Library record 4027181' }]);
    assert.deepEqual(await resolved(cwd, 'Recalling draft resolution A/C.3/78/L.52/Rev.1 and A/C.3/78/L.73.'), [
      'A/C.3/78/L.52/Rev.1 Protection of migrants (2023-11-09)',
      'A/C.3/78/L.73 Subregional Centre for Human Rights and Democracy in Central Africa: programme budget implications of draft resolution A/C.3/78/L.55 (2023-11-15)',
    ]);
  });

  test('--out DIR, read back with --registry DIR or the "registry" of .compactdrafter.json; not read without them', async () => {
    const cwd = folder();
    assert.equal((await run(['registry', 'import', '--out', 'imports', EXPORT], cwd)).status, 0);
    const text = 'See A/C.3/78/L.47.';
    assert.deepEqual(await resolved(cwd, text), ['A/C.3/78/L.47 unresolved']);
    assert.deepEqual(await resolved(cwd, text, ['--registry', 'imports']), ['A/C.3/78/L.47 The human rights to safe drinking water and sanitation (2023-10-31)']);
    writeFileSync(join(cwd, '.compactdrafter.json'), JSON.stringify({ registry: ['imports'] }));
    assert.deepEqual(await resolved(cwd, text), ['A/C.3/78/L.47 The human rights to safe drinking water and sanitation (2023-10-31)']);
  });

  test('a partial file: the broken and cut-off records reported by position, the rest imported, exit 1', async () => {
    const cwd = folder();
    const xml = readFileSync(EXPORT, 'utf8');
    const records = xml.match(/<ns0:record[\s\S]*?<\/ns0:record>/g)!;
    const broken = records[1].replace('</ns0:subfield>', '</ns0:subfeld>');
    writeFileSync(join(cwd, 'partial.xml'), `<collection xmlns="http://www.loc.gov/MARC21/slim">${records[0]}${broken}${records[2]}${records[3].slice(0, 3000)}`);
    const { status, stdout, stderr } = await run(['registry', 'import', 'partial.xml'], cwd);
    assert.equal(status, 1);
    assert.match(stdout, /^partial\.xml: 4 records, 2 imported, 2 not .* → \.compact-drafter\/registry\/partial\.json$/m);
    assert.match(stderr, /partial\.xml: record 2 \(4026780\): the record is not well-formed XML/);
    assert.match(stderr, /partial\.xml: record 4 \(4026318\): the record is cut off/);
  });

  test('not a Digital Library export: nothing written, exit 2', async () => {
    const cwd = folder();
    writeFileSync(join(cwd, 'page.xml'), '<html><body>Sign in</body></html>');
    const { status, stdout, stderr } = await run(['registry', 'import', 'page.xml'], cwd);
    assert.equal(status, 2);
    assert.match(stderr, /page\.xml: file: not a MARCXML file/);
    assert.match(stdout, /0 imported; nothing written/);
    assert.equal(existsSync(join(cwd, '.compact-drafter')), false);
  });
});

describe('compact-drafter registry lookup', () => {
  let library: FakeLibrary;
  before(async () => {
    library = await startFakeLibrary();
  });
  after(() => library.close());

  test('off unless --online: nothing is sent', async () => {
    const cwd = folder();
    const requests = library.requests.length;
    const { status, stderr } = await run(['registry', 'lookup', 'A/C.3/78/L.47'], cwd, { COMPACT_DRAFTER_DIGITAL_LIBRARY_URL: library.url });
    assert.equal(status, 2);
    assert.match(stderr, /online lookup is off; add --online to ask the UN Digital Library for A\/C\.3\/78\/L\.47 \(one request, nothing else is sent\)/);
    assert.equal(library.requests.length, requests);
  });

  test('--online: one request for the one symbol; the record joins the registry and the citation resolves', async () => {
    const cwd = folder();
    const requests = library.requests.length;
    const { status, stdout, stderr } = await run(['registry', 'lookup', '--online', '--cache-dir', join(cwd, 'cache'), 'A/C.3/78/L.47'], cwd, { COMPACT_DRAFTER_DIGITAL_LIBRARY_URL: library.url });
    assert.equal(status, 0, stderr);
    assert.equal(stdout.trim(), 'A/C.3/78/L.47: The human rights to safe drinking water and sanitation, 2023-10-31 (UN Digital Library record 4026539) → .compact-drafter/registry/lookups.json');
    assert.deepEqual(library.requests.slice(requests).map((r) => r.symbol), ['A/C.3/78/L.47']);
    // The resolution adopted from it keeps the bundled registry's date (printed on it), not the draft's year.
    assert.deepEqual(await resolved(cwd, 'See A/C.3/78/L.47 and resolution 78/206.'), [
      'A/C.3/78/L.47 The human rights to safe drinking water and sanitation (2023-10-31)',
      'A/RES/78/206 The human rights to safe drinking water and sanitation (2023-12-19)',
    ]);
  });

  test('a symbol the Library does not have: said so, exit 1, nothing written', async () => {
    const cwd = folder();
    const { status, stderr } = await run(['registry', 'lookup', '--online', '--no-cache', 'A/HRC/RES/35/17'], cwd, { COMPACT_DRAFTER_DIGITAL_LIBRARY_URL: library.url });
    assert.equal(status, 1);
    assert.match(stderr, /The UN Digital Library has no record with the symbol A\/HRC\/RES\/35\/17\./);
    assert.equal(existsSync(join(cwd, '.compact-drafter')), false);
  });
});
