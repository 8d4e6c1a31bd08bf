// Where the team corpus's PostgreSQL server is and how to log in, resolved as libpq resolves it, so
// a server set up for psql works here unchanged: what the URL says, then the service it names
// (PGSERVICE, or ?service= in the URL; pgFiles.ts), then PGHOST, PGPORT, PGDATABASE, PGUSER, then
// the defaults. The password only ever comes from PGPASSWORD, the service file or ~/.pgpass: a URL
// given in settings or on the command line is shown in logs, kept in a workspace's settings file,
// or visible in the process list, so one holding a password is refused.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { ClientConfig } from 'pg';
import { type Env, readPassFile, readService } from './pgFiles';

/** A setting or option that cannot be used; its message is shown to the user as it is. */
export class CorpusServerConfigError extends Error {}

export interface CorpusServerTimeouts {
  /** To connect and log in: a host that drops packets or a server that accepts and never answers. */
  readonly connectMs: number;
  /** For each query, counted by the client (a connection that stops answering) and the server (a slow plan). */
  readonly queryMs: number;
}

/** The language server's: a hover waits at most this long before answering from the local layers. */
export const INTERACTIVE_TIMEOUTS: CorpusServerTimeouts = { connectMs: 3000, queryMs: 2000 };
/** corpus push: loading a corpus is long work, but a dead server is still reported within seconds. */
export const PUSH_TIMEOUTS: CorpusServerTimeouts = { connectMs: 10_000, queryMs: 600_000 };

export interface CorpusServerConnection {
  readonly config: ClientConfig;
  /** The server as shown in messages: no password, ever. */
  readonly description: string;
}

/**
 * The connection to a corpus server given as `postgres://[user@]host[:port]/database[?sslmode=…]`,
 * `postgres:///?service=NAME`, `service=NAME`, or "" (everything from the environment).
 */
export function corpusServerConnection(target: string, timeouts: CorpusServerTimeouts, env: Env = process.env): CorpusServerConnection {
  const fromUrl = parseTarget(target.trim());
  const serviceName = fromUrl.service ?? env.PGSERVICE;
  let service: Record<string, string> = {};
  if (serviceName) {
    const found = readService(serviceName, env);
    if (!found) throw new CorpusServerConfigError(`the PostgreSQL service "${serviceName}" is not defined in ${env.PGSERVICEFILE ?? '~/.pg_service.conf'} or pg_service.conf of ${env.PGSYSCONFDIR ?? '/etc/postgresql-common'}`);
    service = found.params;
  }
  const pick = (key: 'host' | 'port' | 'dbname' | 'user' | 'sslmode' | 'sslrootcert', envName: string): string | undefined =>
    fromUrl[key] || service[key] || env[envName] || undefined;
  const host = pick('host', 'PGHOST') ?? 'localhost';
  const port = Number(pick('port', 'PGPORT') ?? 5432);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new CorpusServerConfigError(`"${pick('port', 'PGPORT')}" is not a port number`);
  const user = pick('user', 'PGUSER') ?? userInfo().username;
  const database = pick('dbname', 'PGDATABASE') ?? user;
  const sslmode = pick('sslmode', 'PGSSLMODE') ?? 'prefer';
  const sslrootcert = pick('sslrootcert', 'PGSSLROOTCERT');
  const servicePassword = service.password;
  const config: ClientConfig = {
    host,
    port,
    user,
    database,
    // Asked for only when the server wants one.
    password: async () => env.PGPASSWORD ?? servicePassword ?? readPassFile({ host, port, database, user }, env) ?? '',
    ssl: sslOptions(sslmode, sslrootcert),
    application_name: 'compact-drafter',
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    statement_timeout: timeouts.queryMs,
    keepAlive: true,
  };
  return { config, description: `postgres://${encodeURIComponent(user)}@${host.includes(':') ? `[${host}]` : host}:${port}/${database}` };
}

interface TargetParams {
  host?: string;
  port?: string;
  dbname?: string;
  user?: string;
  sslmode?: string;
  sslrootcert?: string;
  service?: string;
}

function parseTarget(target: string): TargetParams {
  if (target === '') return {};
  const keyword = /^service\s*=\s*(\S+)$/.exec(target);
  if (keyword) return { service: keyword[1] };
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new CorpusServerConfigError(`"${redact(target)}" is not a PostgreSQL URL (postgres://host:port/database, or service=NAME)`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new CorpusServerConfigError(`"${redact(target)}" is not a PostgreSQL URL: it should start with postgres://`);
  }
  if (url.password || url.searchParams.has('password')) {
    throw new CorpusServerConfigError(
      'the corpus server URL holds a password, which would be kept in settings and shown in logs: remove it and put the password in ~/.pgpass, a PostgreSQL service file or PGPASSWORD',
    );
  }
  const known = new Set(['sslmode', 'sslrootcert', 'service', 'host', 'port', 'user', 'dbname', 'application_name', 'connect_timeout']);
  for (const key of url.searchParams.keys()) if (!known.has(key)) throw new CorpusServerConfigError(`the corpus server URL has a parameter Compact Drafter does not know: "${key}"`);
  const param = (name: string) => url.searchParams.get(name) ?? undefined;
  return {
    host: param('host') ?? (url.hostname ? decodeURIComponent(url.hostname.replace(/^\[(.*)\]$/, '$1')) : undefined),
    port: param('port') ?? (url.port || undefined),
    dbname: param('dbname') ?? (url.pathname.length > 1 ? decodeURIComponent(url.pathname.slice(1)) : undefined),
    user: param('user') ?? (url.username ? decodeURIComponent(url.username) : undefined),
    sslmode: param('sslmode'),
    sslrootcert: param('sslrootcert'),
    service: param('service'),
  };
}

/** libpq's sslmode as node-postgres's ssl option. node-postgres cannot fall back ("prefer", "allow"): those connect without TLS. */
function sslOptions(sslmode: string, rootCert: string | undefined): ClientConfig['ssl'] {
  switch (sslmode) {
    case 'disable':
    case 'allow':
    case 'prefer':
      return false;
    case 'require':
      // libpq's "require" encrypts without checking the certificate, unless a root certificate is given.
      return rootCert ? { ca: readFileSync(rootCert, 'utf8'), checkServerIdentity: () => undefined } : { rejectUnauthorized: false };
    case 'verify-ca':
      return { ...(rootCert ? { ca: readFileSync(rootCert, 'utf8') } : {}), checkServerIdentity: () => undefined };
    case 'verify-full':
      return rootCert ? { ca: readFileSync(rootCert, 'utf8') } : true;
    default:
      throw new CorpusServerConfigError(`"${sslmode}" is not an sslmode (disable, prefer, require, verify-ca, verify-full)`);
  }
}

/** A target as it may be shown: any password replaced. */
export function redact(target: string): string {
  return target.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@').replace(/([?&]password=)[^&]*/, '$1***');
}
