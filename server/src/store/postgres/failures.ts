// A failure of the team corpus server in a user's words: what to check, not a driver's error code.
import { StoreUnavailableError } from '../corpusStore';

/** What went wrong, in a user's words. */
export function describeFailure(error: unknown): string {
  if (error instanceof StoreUnavailableError) return error.message;
  const err = error as { code?: string; message?: string };
  const message = err?.message ?? String(error);
  if (err?.code === 'ECONNREFUSED') return 'nothing listens there (connection refused): is the server running?';
  if (err?.code === 'ENOTFOUND' || err?.code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (err?.code === 'ECONNRESET') return 'the server closed the connection';
  if (err?.code === 'ETIMEDOUT' || /timeout expired|connection timeout/i.test(message)) return 'no answer within the connection timeout';
  if (/Query read timeout/i.test(message)) return 'no answer within the query timeout';
  if (err?.code === '57014') return 'a query took longer than the timeout and was cancelled';
  if (err?.code === '28P01' || err?.code === '28000') return `login refused (${message}): check the user, and the password in ~/.pgpass, the service file or PGPASSWORD`;
  if (/client password must be a non-empty string|no password supplied/i.test(message)) return 'the server asks for a password and none was found for this user, host, port and database in PGPASSWORD, the service file or ~/.pgpass';
  if (err?.code === '42P01') return 'the database holds no team corpus yet: load it with `compact-drafter corpus push`';
  return message;
}
