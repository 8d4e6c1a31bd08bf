// Where the team corpus is and how to log in, resolved as libpq resolves it: the URL, then the
// service it names, then PG* variables; the password only from PGPASSWORD, the service file or
// ~/.pgpass (escapes and wildcards as libpq reads them); a URL with a password refused.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { corpusServerConnection, CorpusServerConfigError, INTERACTIVE_TIMEOUTS, redact } from './connection';
import { passwordIn, readPassFile, serviceSection } from './pgFiles';

const where = (target: string, env: Record<string, string> = {}) => {
  const { config, description } = corpusServerConnection(target, INTERACTIVE_TIMEOUTS, { HOME: '/nonexistent', PGUSER: 'me', ...env });
  return [config.host, config.port, config.database, config.user, description];
};

test('the URL, then the service, then PG* variables, then the defaults', () => {
  assert.deepEqual(where('postgres://drafter@db.example.org/team'), ['db.example.org', 5432, 'team', 'drafter', 'postgres://drafter@db.example.org:5432/team']);
  assert.deepEqual(where('postgresql://db:6543/team?sslmode=disable'), ['db', 6543, 'team', 'me', 'postgres://me@db:6543/team']);
  assert.deepEqual(where('', { PGHOST: 'h', PGPORT: '7', PGDATABASE: 'd' }), ['h', 7, 'd', 'me', 'postgres://me@h:7/d']);
  assert.deepEqual(where('postgres:///team', { PGHOST: 'from-env' }), ['from-env', 5432, 'team', 'me', 'postgres://me@from-env:5432/team']);
  const home = mkdtempSync(join(tmpdir(), 'cd-pgconf-'));
  writeFileSync(join(home, 'services'), '# comment\n[other]\nhost=wrong\n\n[team]\nhost = svc.example.org\nport=5440\ndbname=corpus\nuser=svc\n');
  assert.deepEqual(where('service=team', { PGSERVICEFILE: join(home, 'services'), PGHOST: 'env' }), ['svc.example.org', 5440, 'corpus', 'svc', 'postgres://svc@svc.example.org:5440/corpus']);
  assert.deepEqual(where('postgres://url-host/?service=team', { PGSERVICEFILE: join(home, 'services') }), ['url-host', 5440, 'corpus', 'svc', 'postgres://svc@url-host:5440/corpus']);
  assert.throws(() => where('service=none', { PGSERVICEFILE: join(home, 'services'), PGSYSCONFDIR: home }), /the PostgreSQL service "none" is not defined/);
});

test('a URL that holds a password, or is not PostgreSQL, is refused without repeating the password', () => {
  for (const target of ['postgres://u:s3cret@h/db', 'postgres://u@h/db?password=s3cret']) {
    assert.throws(() => where(target), (error: Error) => error instanceof CorpusServerConfigError && /holds a password/.test(error.message) && !error.message.includes('s3cret'));
  }
  assert.throws(() => where('mysql://h/db'), /should start with postgres:\/\//);
  assert.throws(() => where('postgres://h/db?options=-c%20x'), /a parameter Compact Drafter does not know: "options"/);
  assert.throws(() => where('postgres://h/db?sslmode=sometimes'), /"sometimes" is not an sslmode/);
  assert.equal(redact('postgres://u:s3cret@h/db'), 'postgres://u:***@h/db');
});

test('~/.pgpass: first matching line, * for any field, \\: and \\\\ escaped; ignored when others can read it', async () => {
  const query = { host: 'db', port: 5432, database: 'team', user: 'drafter' };
  const file = ['# comment', 'other:5432:team:drafter:no', 'db:5432:*:drafter:pa\\:ss\\\\word', '*:*:*:*:fallback'].join('\n');
  assert.equal(passwordIn(file, query), 'pa:ss\\word');
  assert.equal(passwordIn(file, { ...query, user: 'someone' }), 'fallback');
  assert.equal(passwordIn('db:5432:team:drafter', query), undefined);
  const home = mkdtempSync(join(tmpdir(), 'cd-pgpass-'));
  writeFileSync(join(home, '.pgpass'), 'db:5432:team:drafter:secret\n');
  chmodSync(join(home, '.pgpass'), 0o644);
  assert.equal(readPassFile(query, { HOME: home }), undefined);
  chmodSync(join(home, '.pgpass'), 0o600);
  assert.equal(readPassFile(query, { HOME: home }), 'secret');
  const { config } = corpusServerConnection('postgres://drafter@db/team', INTERACTIVE_TIMEOUTS, { HOME: home });
  assert.equal(await (config.password as () => Promise<string>)(), 'secret');
  const fromEnv = corpusServerConnection('postgres://drafter@db/team', INTERACTIVE_TIMEOUTS, { HOME: home, PGPASSWORD: 'env' });
  assert.equal(await (fromEnv.config.password as () => Promise<string>)(), 'env');
  assert.deepEqual(serviceSection('[a]\nx=1\n[b]\ny=2\n[a]\nz=3\n', 'a'), { x: '1', z: '3' });
});
