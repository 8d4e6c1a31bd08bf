import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `content` over `path` only if the file still holds `expected` (what was read and
 * fixed): a draft changed meanwhile by someone else is left alone. The new text goes to a
 * temporary file beside it, flushed to disk, then renamed over the draft, so a crash leaves
 * either the old draft or the new one, never half of each.
 */
export async function writeIfUnchanged(path: string, expected: string, content: string): Promise<'written' | 'changed-on-disk'> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if ((await readFile(path, 'utf8')) !== expected) {
      await unlink(temp);
      return 'changed-on-disk';
    }
    await rename(temp, path);
    return 'written';
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}
