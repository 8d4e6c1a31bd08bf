// Why a cache folder could not be written, in words: Node's recursive mkdir under a read-only
// folder reports "ENOENT … mkdir", which reads as a missing file, not a folder the user cannot write,
// and a cache folder set inside a file reports "ENOTDIR … mkdir". Said here as the user would put it:
// which folder, why, and that nothing is cached (the server and the CLI go on without the cache).
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export function describeCacheFailure(dir: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  let writable = true;
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    writable = false;
  }
  if (!isFolder(existing)) return `${existing} is a file, not a folder: nothing is cached (set another cache folder)`;
  if (code === 'EROFS') return `${dir} is on a read-only file system: nothing is cached (set another cache folder)`;
  if (code === 'EACCES' || code === 'EPERM' || !writable) return `${existing} cannot be written (read-only or not yours): nothing is cached (set another cache folder)`;
  if (code === 'ENOSPC') return `no space left on the device of ${dir}`;
  // The folder above exists and is writable, yet the system says "no such file": /proc and its kind.
  if (code === 'ENOENT' && existing !== dir) return `${existing} does not take new folders (the system answers "no such file", as under /proc): nothing is cached (set another cache folder)`;
  return `${dir} cannot be written (${(error as Error).message})`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return true;
  }
}
