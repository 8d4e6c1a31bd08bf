// Creating a folder and its parents (mkdir -p) without Node's recursive mkdir: on Node 20 it loops
// forever, spinning a core, when the system answers ENOENT for a folder whose parent exists, as
// it does for any path under /proc. A cache folder set there hung the server and the CLI. Here
// each missing folder is made once, from the top, and the first failure is thrown.
import { existsSync, mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** The folders to make, outermost first (none if the folder exists). */
function missingFolders(folder: string): string[] {
  const missing: string[] = [];
  let at = resolve(folder);
  while (!existsSync(at)) {
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  return missing.reverse();
}

const alreadyThere = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EEXIST';

export function makeFolderSync(folder: string): void {
  for (const dir of missingFolders(folder)) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if (!alreadyThere(error)) throw error;
    }
  }
}

export async function makeFolder(folder: string): Promise<void> {
  for (const dir of missingFolders(folder)) {
    try {
      await mkdir(dir);
    } catch (error) {
      if (!alreadyThere(error)) throw error;
    }
  }
}
