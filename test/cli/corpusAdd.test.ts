// `compact-drafter corpus add`: a real UN text layer (A/RES/79/163, from ../shared/un-documents) becomes a
// corpus text whose paragraphs resolve; a line that is not a document is reported by number.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';

const ROOT = join(import.meta.dirname, '..', '..');
const texts = readFileSync(join(ROOT, '..', 'shared', 'un-documents', 'texts.jsonl'), 'utf8').split('\n');

test('a JSON-lines export becomes corpus texts that answer pinpoints; a broken line is reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-corpus-add-'));
  const line = texts.find((l) => l.includes('"symbol": "A/RES/79/163"'));
  assert.ok(line);
  writeFileSync(join(dir, 'export.jsonl'), `${line}\nnot json\n`);
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
  assert.equal(await main(['corpus', 'add', 'export.jsonl'], io, dir), 1);
  assert.match(out.join('\n'), /^1 text written to .*corpus; 1 not read$/);
  assert.deepEqual(err, ['export.jsonl:2: not a JSON object']);
  const written = readFileSync(join(dir, 'corpus', 'A-RES-79-163.md'), 'utf8');
  assert.match(written, /^---\nsymbol: A\/RES\/79\/163\ntitle: The right of the Palestinian people to self-determination\ndate: 2024-12-17\n/);
  assert.match(written, /Universal Declaration of Human Rights,\[\^2\]/);
  assert.match(written, /\n\[\^2\]: Resolution 217 A \(III\)\.\n/);
  assert.doesNotMatch(written, /24-24157|\n2\/2\n/);

  writeFileSync(join(dir, 'draft.md'), 'Recalling resolution 79/163, paragraph 2, and resolution 79/163, paragraph 9.\n');
  const refs: string[] = [];
  await main(['refs', '--format', 'json', '--no-cache', 'draft.md'], { out: (t) => refs.push(t), err: () => {} }, dir);
  const found = (JSON.parse(refs.join('\n')) as { references: { paragraphs: string[]; status: string }[] }).references;
  assert.deepEqual(found.map((r) => [r.paragraphs.join(), r.status]), [['2', 'resolved'], ['9', 'no-such-paragraph']]);
});
