// The requests behind "Compare with…" and the bracket list, over real LSP messages; and the status
// notification's counts of passages and alternatives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BracketsResponse, CompareResponse } from '../../server/src/protocol';
import { ROOT, startServer, type TestServer, waitFor } from './lspClient';

const zero = readFileSync(join(ROOT, 'examples', 'rounds', 'zero-draft.md'), 'utf8');
const rev1 = readFileSync(join(ROOT, 'examples', 'rounds', 'rev1.md'), 'utf8');
const uri = 'file:///tmp/rounds/zero-draft.md';
const revUri = 'file:///tmp/rounds/rev1.md';

describe('negotiation requests over stdio', () => {
  let server: TestServer;
  const statuses: { uri: string; bracketedPassages: number; alternatives: number }[] = [];
  before(async () => {
    server = await startServer({ capabilities: { textDocument: { diagnostic: {} } } });
    server.connection.onNotification('compactDrafter/status', (status) => {
      statuses.push(status);
    });
    await server.open(uri, zero);
    await server.open(revUri, rev1);
  });
  after(() => server.stop());

  test('compactDrafter/brackets: passages with alternatives and proponents, ad ref', async () => {
    const response = (await server.connection.sendRequest('compactDrafter/brackets', { uri })) as BracketsResponse;
    assert.deepEqual(response.summary, { passages: 3, alternatives: 6 });
    assert.deepEqual(response.adRef, ['5']);
    assert.deepEqual(
      response.passages.map((p) => [p.paragraph, p.alternatives.map((a) => `${a.proponent ?? ''}:${a.text}`).join(' | ')]),
      [
        ['4', ':implement | :take into account'],
        ['4', 'G77:in full | EU:delete'],
        ['5', ':shall | :should'],
      ],
    );
    assert.deepEqual(response.passages[0].range.start, { line: 16, character: 26 });
  });

  test('the status notification counts passages and alternatives', async () => {
    await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const status = await waitFor(() => statuses.find((s) => s.uri === uri), 5000, 'a status for the zero draft');
    assert.equal(status.bracketedPassages, 3);
    assert.equal(status.alternatives, 6);
  });

  test('compactDrafter/compare: rows with both rounds’ ranges, the report and the reordered old round', async () => {
    const response = (await server.connection.sendRequest('compactDrafter/compare', { uri: revUri, oldText: zero, oldName: 'zero-draft.md' })) as CompareResponse;
    assert.deepEqual(
      response.rows.map((r) => `${r.status} ${r.old.join('+')}>${r.new.join('+')}`),
      ['edited pp1>pp1', 'split pp2>pp2+pp3', 'unchanged pp3>pp4', 'edited 1>1', 'moved 3>2', 'split 2>3+4', 'edited 4>5', 'edited 5>6'],
    );
    const moved = response.rows[4];
    assert.equal(moved.newRanges[0].start.line, rev1.split('\n').findIndex((l) => l.startsWith('2. *Requests*')));
    assert.equal(moved.oldRanges[0].start.line, zero.split('\n').findIndex((l) => l.startsWith('3. *Requests*')));
    assert.match(response.markdown, /^# Compare: zero-draft\.md → rev1\.md/);
    // Every row the report shows has its heading line; unchanged rows in place are left out.
    response.rows.forEach((row, i) => {
      const line = response.headingLines[i];
      if (row.status === 'unchanged' && row.old[0] === row.new[0]) assert.equal(line, -1);
      else assert.match(response.markdown.split('\n')[line], /^\*\*[A-Z]/);
    });
    // The old round in the new order: old 3 (moved up) before old 2 (split).
    assert.ok(response.oldReordered.indexOf('3. *Requests*') < response.oldReordered.indexOf('2. *Calls upon*'));
  });
});
