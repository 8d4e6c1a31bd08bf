// `compact-drafter corpus push` into a real PostgreSQL (pgServer.ts), then refs and reuse with
// `--corpus-server` from a folder with no corpus of its own: the team's texts answer the pinpoints
// and are found as sources of reused wording. A second push sends only what changed; a server that
// is down leaves the local corpus answering, with a message; a URL holding a password is refused.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { unTextMarkdown } from '../../server/src/knowledge/unTextMarkdown';
import { sharedPath } from '../sharedData';
import { postgresSkipReason, startTestPostgres, type TestPostgres } from './pgServer';

const skip = postgresSkipReason();
let server: TestPostgres | undefined;
let url = '';

before(async () => {
  if (skip) return;
  server = await startTestPostgres();
  url = `postgres://${server.user}@127.0.0.1:${server.port}/${server.database}`;
  // The password as a team member's environment gives it.
  process.env.PGPASSWORD = server.password;
});
after(async () => {
  delete process.env.PGPASSWORD;
  await server?.stop();
});

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, cwd);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const SYMBOLS = ['A/RES/79/163', 'A/RES/79/175', 'A/RES/78/244'];

test('corpus push loads the team corpus; refs and reuse read it with --corpus-server', { skip }, async () => {
  const team = mkdtempSync(join(tmpdir(), 'cd-team-'));
  mkdirSync(join(team, 'corpus'));
  const lines = readFileSync(sharedPath('un-documents', 'texts.jsonl'), 'utf8').split('\n');
  for (const symbol of SYMBOLS) {
    const record = JSON.parse(lines.find((l) => l.includes(`"symbol": "${symbol}"`))!) as { symbol: string; title: string; text: string };
    writeFileSync(join(team, 'corpus', `${symbol.replace(/\//g, '-')}.md`), unTextMarkdown(record, 'texts.jsonl'));
  }
  const first = await run(['corpus', 'push', '--corpus-server', url], team);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /^postgres:\/\/drafter@127\.0\.0\.1:\d+\/corpus: 3 texts added, 0 changed, 0 unchanged; 0 registry entries; the team corpus holds 3 texts, \d+ paragraphs, 0 registry entries/);
  const again = await run(['corpus', 'push', '--corpus-server', url], team);
  assert.match(again.out, /: 0 texts added, 0 changed, 3 unchanged;/);
  const file = join(team, 'corpus', 'A-RES-79-175.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('Reaffirms', 'Reaffirms also'));
  assert.match((await run(['corpus', 'push', '--corpus-server', url], team)).out, /: 0 texts added, 1 changed, 2 unchanged;/);

  // A drafter's folder: no corpus of its own.
  const drafter = mkdtempSync(join(tmpdir(), 'cd-drafter-'));
  const cited = readFileSync(join(team, 'corpus', 'A-RES-79-163.md'), 'utf8').split('\n').find((l) => l.startsWith('2. '))!.slice(3);
  writeFileSync(join(drafter, 'draft.md'), `1. Recalling resolution 79/163, paragraph 2.\n\n2. ${cited}\n`);
  const records = async (args: string[]) => JSON.parse((await run(args, drafter)).out) as { references: { symbol: string; paragraphText: string | null }[] };
  const local = await records(['refs', '--no-cache', 'draft.md']);
  assert.equal(local.references[0]?.paragraphText, null);
  const withTeam = await records(['refs', '--no-cache', '--corpus-server', url, 'draft.md']);
  assert.equal(withTeam.references[0]?.symbol, 'A/RES/79/163');
  assert.equal(withTeam.references[0]?.paragraphText, cited);

  const reuse = await run(['reuse', '--no-cache', '--format', 'json', '--corpus-server', url, 'draft.md'], drafter);
  const matches = (JSON.parse(reuse.out) as { matches: { source: { symbol: string; paragraphs: string[] }; similarity: number }[] }).matches;
  assert.ok(matches.some((m) => m.source.symbol === 'A/RES/79/163' && m.source.paragraphs[0] === '2' && m.similarity === 1), reuse.out);
});

test('a corpus server that is down: the local corpus answers, and says so; a password in the URL is refused', async () => {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const drafter = mkdtempSync(join(tmpdir(), 'cd-drafter-'));
  writeFileSync(join(drafter, 'draft.md'), 'Recalling resolution 73/195, paragraph 21.\n');
  const down = await run(['refs', '--no-cache', '--corpus-server', `postgres://drafter@127.0.0.1:${port}/corpus`, 'draft.md'], drafter);
  assert.equal(down.code, 0);
  assert.match(down.err, /team corpus postgres:\/\/drafter@127\.0\.0\.1:\d+\/corpus: nothing listens there \(connection refused\): is the server running\?; using the local corpus only/);
  // The bundled Global Compact still answers.
  assert.match((JSON.parse(down.out) as { references: { paragraphText: string }[] }).references[0]!.paragraphText, /^We commit to adapt options and pathways for regular migration/);
  const secret = await run(['refs', '--corpus-server', `postgres://drafter:hunter2@127.0.0.1:${port}/corpus`, 'draft.md'], drafter);
  assert.equal(secret.code, 2);
  assert.match(secret.err, /holds a password, which would be kept in settings and shown in logs/);
  assert.doesNotMatch(secret.err, /hunter2/);
});
