// The two files libpq reads besides the environment, read as libpq reads them, so that a team's
// server is set up once for psql and every other PostgreSQL tool, Compact Drafter included:
// the connection service file (PGSERVICEFILE or ~/.pg_service.conf, then pg_service.conf in
// PGSYSCONFDIR, /etc/postgresql-common on Debian) and the password file (PGPASSFILE or ~/.pgpass).
// node-postgres reads neither the service file nor, from version 9 on, the password file.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

/** A service's parameters (host, port, dbname, user, password, sslmode, …), or undefined when no file defines it. */
export function readService(name: string, env: Env = process.env): { file: string; params: Record<string, string> } | undefined {
  const files = [env.PGSERVICEFILE ?? join(env.HOME ?? homedir(), '.pg_service.conf'), join(env.PGSYSCONFDIR ?? '/etc/postgresql-common', 'pg_service.conf')];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const params = serviceSection(text, name);
    if (params) return { file, params };
  }
  return undefined;
}

/** The `[name]` section of a service file: `key=value` lines, `#` comments. */
export function serviceSection(text: string, name: string): Record<string, string> | undefined {
  let current: string | undefined;
  let found: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = section[1]!.trim();
      if (current === name) found ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    if (current === name && found && eq > 0) found[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return found;
}

export interface PasswordQuery {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

/**
 * The password of the first matching line of the password file (`host:port:database:user:password`,
 * `*` for any, `\:` and `\\` escaped). As libpq does, a file others can read is ignored.
 */
export function readPassFile(query: PasswordQuery, env: Env = process.env): string | undefined {
  const file = env.PGPASSFILE ?? join(env.HOME ?? homedir(), '.pgpass');
  let text: string;
  try {
    const stat = statSync(file);
    if (!stat.isFile() || (process.platform !== 'win32' && (stat.mode & 0o077) !== 0)) return undefined;
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return passwordIn(text, query);
}

export function passwordIn(text: string, query: PasswordQuery): string | undefined {
  const wanted = [query.host, String(query.port), query.database, query.user];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const fields = splitPassLine(line);
    if (fields.length < 5) continue;
    const matches = wanted.every((value, i) => fields[i] === '*' || fields[i] === value);
    if (matches) return fields.slice(4).join(':');
  }
  return undefined;
}

function splitPassLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) field += line[++i];
    else if (c === ':' && fields.length < 4) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}
