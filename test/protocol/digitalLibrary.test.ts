import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { startFakeLibrary, type FakeLibrary } from '../digitalLibraryServer';
import { sharedPath } from '../sharedData';
import { positionOf, startServer, waitFor } from './lspClient';

const LOOK_UP = 'compactDrafter.server.lookUpDocument';
const IMPORT = 'compactDrafter.server.importLibraryExport';
const CLIENT_IMPORT = 'compactDrafter.importLibraryExport';
// A draft declares itself (the resolution's heading); ordinary Markdown is not checked.
const draft = ['*The Human Rights Council*,', '', 'Recalling draft resolution A/C.3/78/L.52/Rev.1 and Human Rights Council resolution 35/17,', '', 'Noting A/C.3/78/L.52/Rev.1 again,', ''].join('\n');

/** The server, in a fresh workspace, with every Digital Library request going to the stand-in on 127.0.0.1. */
async function serverFor(library: FakeLibrary, settings: object, options: { trusted?: boolean } = {}) {
  const workspace = mkdtempSync(join(tmpdir(), 'cd-undl-ws-'));
  const server = await startServer({
    workspaceFolder: workspace,
    env: { COMPACT_DRAFTER_DIGITAL_LIBRARY_URL: library.url },
    initializationOptions: { settings, trusted: options.trusted, clientCommands: [CLIENT_IMPORT], cacheDir: join(workspace, '.cache') },
  });
  const uri = `file://${workspace}/draft.md`;
  await server.open(uri, draft);
  const unknown = () => waitFor(() => server.diagnostics.get(uri)?.at(-1)?.diagnostics.filter((d) => d.code === 'unknown-document'), 5000, 'diagnostics');
  const actionsAt = async (diagnostic: Diagnostic) =>
    (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
  return { server, workspace, uri, unknown, actionsAt };
}

describe('unknown documents and the UN Digital Library, over LSP', () => {
  let library: FakeLibrary;
  const cleanup: (() => Promise<void>)[] = [];
  before(async () => {
    library = await startFakeLibrary(3000);
  });
  after(async () => {
    for (const done of cleanup) await done();
    await library.close();
  });

  test('online lookup on: one note per document, the quick fixes, the lookup, and the citation resolves', async () => {
    library.mode = 'normal';
    const { server, workspace, uri, unknown, actionsAt } = await serverFor(library, { onlineLookup: { enabled: true } });
    cleanup.push(async () => {
      await server.stop();
      rmSync(workspace, { recursive: true, force: true });
    });
    const notes = await unknown();
    assert.deepEqual(notes.map((d) => d.range.start), [positionOf(draft, 'A/C.3/78/L.52/Rev.1'), positionOf(draft, '35/17')]);
    assert.match(String(notes[0].message), /^Compact Drafter does not know A\/C\.3\/78\/L\.52\/Rev\.1 \(cited 2 times in this draft\), so its title, date and paragraphs cannot be checked\./);
    assert.deepEqual(notes[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start, r.message]), [[uri, positionOf(draft, 'A/C.3/78/L.52/Rev.1 again'), 'A/C.3/78/L.52/Rev.1 cited again']]);

    const actions = await actionsAt(notes[0]);
    assert.deepEqual(actions.map((a) => [a.title, a.command?.command, a.command?.arguments]), [
      ['Look up A/C.3/78/L.52/Rev.1 in the UN Digital Library', LOOK_UP, ['A/C.3/78/L.52/Rev.1']],
      ['Import a UN Digital Library export…', CLIENT_IMPORT, []],
      // Edits of the draft itself, no command: the drafter accepts the document, or silences the line.
      ['Ignore this document: accept A/C.3/78/L.52/Rev.1 in this draft (front matter)', undefined, undefined],
      ['Disable unknown-document for this line', undefined, undefined],
    ]);
    assert.ok(server.initialize.capabilities.executeCommandProvider?.commands.includes(LOOK_UP));

    const requests = library.requests.length;
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: LOOK_UP, arguments: ['A/C.3/78/L.52/Rev.1'] })) as { ok: boolean; message: string };
    assert.deepEqual(result, { ok: true, message: '' + 'A/C.3/78/L.52/Rev.1 found in the UN Digital Library (record 4027181): “Protection of migrants”, 2023-11-09. Kept in .compact-drafter/registry/lookups.json.' });
    assert.deepEqual(library.requests.slice(requests).map((r) => r.symbol), ['A/C.3/78/L.52/Rev.1'], 'one request, for the one symbol asked');
    assert.ok(existsSync(join(workspace, '.compact-drafter/registry/lookups.json')));
    await waitFor(() => server.messages.find((m) => m.message === result.message), 2000, 'the message shown to the user: ' + JSON.stringify(server.messages));
    // Reloaded: only the Human Rights Council resolution is still unknown.
    await waitFor(async () => ((await unknown()).length === 1 ? true : undefined), 5000, 'revalidation after the lookup');
    assert.match(String((await unknown())[0].message), /A\/HRC\/RES\/35\/17/);

    const missing = (await server.connection.sendRequest('workspace/executeCommand', { command: LOOK_UP, arguments: ['A/HRC/RES/35/17'] })) as { ok: boolean; message: string };
    assert.deepEqual(missing, { ok: false, message: 'The UN Digital Library has no record with the symbol A/HRC/RES/35/17.' });

    library.mode = 'too-many';
    const limited = (await server.connection.sendRequest('workspace/executeCommand', { command: LOOK_UP, arguments: ['A/C.3/78/L.47'] })) as { ok: boolean; message: string };
    assert.equal(limited.ok, false);
    assert.match(limited.message, /HTTP 429/);
    await waitFor(() => server.messages.find((m) => m.type === 2 && /HTTP 429/.test(m.message)), 2000, 'the 429 warning shown');

    library.mode = 'normal';
    const requestsBefore = library.requests.length;
    const held = (await server.connection.sendRequest('workspace/executeCommand', { command: LOOK_UP, arguments: ['A/C.3/78/L.47'] })) as { ok: boolean; message: string };
    assert.match(held.message, /asked to wait before the next request/);
    assert.equal(library.requests.length, requestsBefore, 'the Library’s Retry-After is honoured');
  });

  test('import command: the real export joins the workspace registry', async () => {
    const { server, workspace, unknown } = await serverFor(library, {});
    cleanup.push(async () => {
      await server.stop();
      rmSync(workspace, { recursive: true, force: true });
    });
    assert.equal((await unknown()).length, 2);
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: IMPORT, arguments: [sharedPath('un-documents', 'undl', 'session_78_committee_3_drafts.xml')] })) as { ok: boolean; message: string };
    assert.deepEqual(result, { ok: true, message: '94 of 94 UN Digital Library records imported into .compact-drafter/registry/session_78_committee_3_drafts.json.' });
    assert.equal(JSON.parse(readFileSync(join(workspace, '.compact-drafter/registry/session_78_committee_3_drafts.json'), 'utf8')).documents.length, 157);
    await waitFor(async () => ((await unknown()).length === 1 ? true : undefined), 5000, 'revalidation after the import');
  });

  test('online lookup off (the default): no lookup offered, the command refuses, nothing is sent', async () => {
    const { server, workspace, unknown, actionsAt } = await serverFor(library, {});
    cleanup.push(async () => {
      await server.stop();
      rmSync(workspace, { recursive: true, force: true });
    });
    const [note] = await unknown();
    assert.deepEqual((await actionsAt(note)).map((a) => a.title), [
      'Import a UN Digital Library export…',
      'Ignore this document: accept A/C.3/78/L.52/Rev.1 in this draft (front matter)',
      'Disable unknown-document for this line',
    ]);
    const requests = library.requests.length;
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: LOOK_UP, arguments: ['A/C.3/78/L.52/Rev.1'] })) as { ok: boolean; message: string };
    assert.equal(result.ok, false);
    assert.match(result.message, /^Online lookup is off\. Turn on the setting compactDrafter\.onlineLookup\.enabled/);
    assert.equal(library.requests.length, requests);
  });

  test('Restricted Mode: neither offered nor run, even with lookup turned on in the workspace settings', async () => {
    const { server, workspace, unknown, actionsAt } = await serverFor(library, { onlineLookup: { enabled: true } }, { trusted: false });
    cleanup.push(async () => {
      await server.stop();
      rmSync(workspace, { recursive: true, force: true });
    });
    const [note] = await unknown();
    // No command (lookup, import); only the edits of the draft itself.
    assert.deepEqual((await actionsAt(note)).map((a) => [a.title, a.command]), [
      ['Ignore this document: accept A/C.3/78/L.52/Rev.1 in this draft (front matter)', undefined],
      ['Disable unknown-document for this line', undefined],
    ]);
    const requests = library.requests.length;
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: LOOK_UP, arguments: ['A/C.3/78/L.52/Rev.1'] })) as { ok: boolean; message: string };
    assert.match(result.message, /Restricted Mode/);
    assert.equal(library.requests.length, requests);
  });
});
