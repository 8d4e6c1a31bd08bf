// A process's CPU time so far (user + system) from /proc: on a shared machine the wall time is
// mostly waiting for a core, and this is the work done.
import { readFileSync } from 'node:fs';

/** User + system CPU time of a process, ms (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
