import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'compact-drafter.js');
const EXAMPLE = join(ROOT, 'examples', 'draft-resolution.md');

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cd-check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('compact-drafter check', () => {
  test('json: every diagnostic has the contract fields, 0-based ranges and fixes', () => {
    const { status, stdout } = run(['check', '--format', 'json', EXAMPLE]);
    const report = JSON.parse(stdout) as { files: { file: string; diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number } }; fixes: { title: string; edits: { newText: string }[] }[] }[] }[] };
    assert.equal(report.files.length, 1);
    const superseded = report.files[0].diagnostics.find((d) => d.code === 'superseded');
    assert.ok(superseded);
    assert.equal(superseded.severity, 'warning');
    assert.match(superseded.message, /80\/218 of 18 December 2025/);
    assert.equal(superseded.fixes[0].edits[0].newText, '80/218');
    const line = readFileSync(EXAMPLE, 'utf8').split('\n')[superseded.range.start.line];
    assert.equal(line.slice(superseded.range.start.character, superseded.range.start.character + 6), '67/172');
    assert.equal(status, report.files[0].diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
  });

  test('sarif: validates against the SARIF 2.1.0 schema', () => {
    const { stdout } = run(['check', '--format', 'sarif', EXAMPLE]);
    const sarif = JSON.parse(stdout);
    const ajv = new Ajv({ schemaId: 'id', allErrors: true });
    ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const valid = ajv.validate(schema, sarif);
    assert.ok(valid, ajv.errorsText(ajv.errors));
    const results = sarif.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
    assert.ok(results.some((r) => r.ruleId === 'superseded' && r.level === 'warning'));
    assert.ok(results.every((r) => r.locations[0].physicalLocation.region.startLine >= 1), 'SARIF lines are 1-based');
  });

  test('--fix rewrites the file, reports what it changed, and leaves the rest byte for byte', () => {
    const original = 'Recalling its resolution A/RES/67/172 and General Assembly resolution 67/172,\n\nSee A/Res/71/280.\n';
    const dir = workspace({ 'draft.md': original });
    const { status, stderr } = run(['check', '--fix', 'draft.md'], dir);
    const fixed = readFileSync(join(dir, 'draft.md'), 'utf8');
    assert.equal(fixed, 'Recalling its resolution A/RES/80/218 and General Assembly resolution 80/218,\n\nSee A/RES/71/280.\n');
    assert.match(stderr, /fixed draft\.md: superseded/);
    assert.match(stderr, /fixed draft\.md: malformed-symbol/);
    assert.equal(status, 0);
    // A second run finds nothing left to fix.
    const again = run(['check', '--format', 'json', 'draft.md'], dir);
    assert.deepEqual(JSON.parse(again.stdout).files[0].diagnostics, []);
  });

  test('.compactdrafter.json sets rule levels; an error makes the exit code 1', () => {
    const dir = workspace({
      'draft.md': 'Recalling resolution 67/172 and A/RES/99/999,\n',
      '.compactdrafter.json': JSON.stringify({ diagnostics: { superseded: 'error', 'unknown-document': 'off' } }),
    });
    const { status, stdout } = run(['check', '--format', 'json', 'draft.md'], dir);
    const diagnostics = JSON.parse(stdout).files[0].diagnostics as { code: string; severity: string }[];
    assert.deepEqual(diagnostics.map((d) => `${d.code}:${d.severity}`), ['superseded:error']);
    assert.equal(status, 1);
  });

  test('a broken .compactdrafter.json is reported and the defaults apply', () => {
    const dir = workspace({ 'draft.md': 'Recalling resolution 67/172,\n', '.compactdrafter.json': '{ "diagnostics": { "superseded": "loud" } }' });
    const { stdout, stderr } = run(['check', '--format', 'json', 'draft.md'], dir);
    assert.match(stderr, /"loud" is not one of/);
    assert.equal(JSON.parse(stdout).files[0].diagnostics[0].severity, 'warning');
  });

  test('text format ends with a count; --corpus adds a folder of texts', () => {
    const dir = workspace({ 'draft.md': 'As the report says (A/99/1, para. 3).\n' });
    const corpus = join(dir, 'texts');
    require('node:fs').mkdirSync(corpus);
    writeFileSync(join(corpus, 'A-99-1.md'), '---\nsymbol: A/99/1\ntitle: A test report\ndate: 2020-01-01\n---\n\n1. One.\n\n2. Two.\n\n3. Three.\n');
    const { stdout } = run(['check', '--corpus', 'texts', 'draft.md'], dir);
    assert.match(stdout, /0 errors, 0 warnings, 0 information, 0 hints in 1 file/);
    const without = run(['check', 'draft.md'], dir);
    assert.match(without.stdout, /unknown-document: Compact Drafter does not know A\/99\/1, so its title, date and paragraphs cannot be checked/);
  });
});
