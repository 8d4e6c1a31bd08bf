// The entry bench/scale.ts (the embedded store's bench, issue #19) calls for the postgres.* keys and
// `equivalent`: measurePostgres({ paragraphs, server, root }) → { figures, equivalent }.
//
// The figures are measured on a throwaway PostgreSQL that this starts on 127.0.0.1 from the
// machine's binaries (bench/postgresScale.ts, test/postgres/pgServer.ts), never in a database the
// user named: the bench creates and fills tables, and `equivalent` needs a store holding exactly the
// texts compared. They are on the 1,190 real texts (30,418 paragraphs), not on `paragraphs`:
// pushing runs at about 500 paragraphs a second on this machine, so 1.5 million would take ~50
// minutes; the corpus size is in figures.paragraphs.
import { postgresFigures } from './postgresScale';

export async function measurePostgres(options: { paragraphs: number; server: string; root: string }): Promise<{ figures: Record<string, number> | null; equivalent: boolean | null; reason?: string }> {
  const measured = await postgresFigures({ log: (line) => process.stderr.write(`${line}\n`) });
  if ('skipped' in measured) return { figures: null, equivalent: null, reason: measured.skipped };
  if (options.server) process.stderr.write(`postgres: measured on a throwaway server on 127.0.0.1, not ${options.server.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@')}\n`);
  if (measured.differences.length) process.stderr.write(`postgres: differences:\n${measured.differences.join('\n')}\n`);
  return {
    figures: { paragraphs: measured.paragraphs, pushMs: measured.pushMs, scanMs: measured.scanMs, hoverP95Ms: measured.hoverP95Ms },
    equivalent: measured.equivalent,
  };
}
