// A throwaway PostgreSQL server for the integration tests: initdb into a temporary folder, started
// with pg_ctl on 127.0.0.1 on a free port, stopped and removed at the end. The binaries are Debian's
// (/usr/lib/postgresql/N/bin, what `apt-get install postgresql` gives; .ci/run installs it) or the
// first initdb/pg_ctl on PATH. PostgreSQL refuses to run as root, so as root the server runs as the
// `postgres` user (Debian's package creates it), else `nobody`, in a folder it owns.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface PostgresBinaries {
  readonly initdb: string;
  readonly pgCtl: string;
  /** The folder they are in. */
  readonly dir: string;
}

export interface TestPostgres {
  /** postgres://user:password@127.0.0.1:port/database */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** The server's log so far (for a failing test's message). */
  log(): string;
  /** Stops the server (fast) and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

/** Debian's versioned folders first (newest version first), then $PG_BIN, then PATH. */
export function findPostgresBinaries(): PostgresBinaries | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, 'bin')));
  }
  candidates.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  for (const dir of candidates) {
    const initdb = join(dir, 'initdb');
    const pgCtl = join(dir, 'pg_ctl');
    if (existsSync(initdb) && existsSync(pgCtl) && existsSync(join(dir, 'postgres'))) return { initdb, pgCtl, dir };
  }
  return undefined;
}

/**
 * Why the PostgreSQL tests cannot run here, or undefined when they can. In CI (CI set) a missing
 * PostgreSQL is a failure, not a skip: .ci/run installs it, so its absence is a broken setup.
 */
export function postgresSkipReason(): string | undefined {
  if (findPostgresBinaries()) return undefined;
  const reason = 'no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin, $PG_BIN or PATH: apt-get install postgresql';
  if (process.env.CI) throw new Error(`CI is set but ${reason}`);
  return reason;
}

interface Account {
  readonly uid: number;
  readonly gid: number;
  readonly name: string;
}

/** The unprivileged account to run the server as when we are root. */
function serverAccount(): Account | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':'));
  for (const name of ['postgres', 'nobody']) {
    const row = passwd.find((fields) => fields[0] === name);
    if (row) return { name, uid: Number(row[2]), gid: Number(row[3]) };
  }
  throw new Error('running as root, and neither a postgres nor a nobody account exists to run PostgreSQL as');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], account: Account | undefined, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
      // The server must not pick up the test's own PG* settings, nor a locale the system lacks.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC' },
      timeout: timeoutMs,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`)),
    );
  });
}

/** Starts a fresh server; the caller stops it (test `after`). Throws when it cannot be started. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const binaries = findPostgresBinaries();
  if (!binaries) throw new Error('no PostgreSQL binaries');
  const account = serverAccount();
  const root = mkdtempSync(join(tmpdir(), 'cd-postgres-'));
  const data = join(root, 'data');
  const logFile = join(root, 'server.log');
  const user = 'drafter';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const database = 'corpus';
  writeFileSync(join(root, 'pwfile'), `${password}\n`);
  if (account) {
    chownSync(root, account.uid, account.gid);
    chownSync(join(root, 'pwfile'), account.uid, account.gid);
  }
  chmodSync(root, 0o700);
  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      await run(binaries.pgCtl, ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '20'], account, 30_000).catch(() => {});
    }
    rmSync(root, { recursive: true, force: true });
  };
  // A test process that dies without `after` (an exception at load) must not leave a server behind.
  const stopOnExit = () => {
    if (started) spawnSync(binaries.pgCtl, ['stop', '-D', data, '-m', 'immediate'], account ? { uid: account.uid, gid: account.gid } : {});
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', stopOnExit);
  try {
    // Password authentication (scram), as a team's server would have: the tests log in with PGPASSWORD / a URL.
    await run(
      binaries.initdb,
      ['-D', data, '-U', user, `--pwfile=${join(root, 'pwfile')}`, '--auth=scram-sha-256', '--no-sync', '--encoding=UTF8', '--locale=C.UTF-8'],
      account,
      120_000,
    );
    const port = await freePort();
    const options = [
      `-c listen_addresses=127.0.0.1`,
      `-c port=${port}`,
      `-c unix_socket_directories=${root}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c shared_buffers=64MB',
      '-c max_connections=20',
    ].join(' ');
    await run(binaries.pgCtl, ['start', '-D', data, '-l', logFile, '-w', '-t', '60', '-o', options], account, 90_000);
    started = true;
    await createDatabase({ port, user, password, database });
    const url = `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
    return {
      url,
      host: '127.0.0.1',
      port,
      user,
      password,
      database,
      log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
      stop: async () => {
        process.removeListener('exit', stopOnExit);
        await stop();
      },
    };
  } catch (error) {
    process.removeListener('exit', stopOnExit);
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    await stop();
    throw new Error(`${(error as Error).message}${log ? `\nserver log:\n${log}` : ''}`);
  }
}

async function createDatabase(target: { port: number; user: string; password: string; database: string }): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ host: '127.0.0.1', port: target.port, user: target.user, password: target.password, database: 'postgres' });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${target.database}`);
  } finally {
    await client.end();
  }
}
