// The one folder walker: every place that lists a folder (the corpus loader, the workspace drafts
// scan, hence the CLI) goes through it, so each promise below holds everywhere.
//
// - Real paths: a symbolic link is resolved and what it points to is listed only if it lies inside
//   the folder being walked. A link to /etc/passwd or to ../../secrets in a corpus folder (git
//   commits links) is never read: it is reported as skipped.
// - Cycles: a folder is entered once, by its real path. Two links to "." made Node's recursive
//   readdir loop until it ran out of memory (RSS 1.4 GB, no request answered); a link back up
//   loaded each text 41 times. A file reached twice (a link beside its target) is listed once.
// - Limits: a depth and a file count, so a corpus path of "/" ends with a report, not a hang.
// - Faults: a subfolder that cannot be listed (removed meanwhile, no permission) is reported and
//   the walk goes on; it used to drop the whole corpus.
// - Only regular files are listed: FIFOs, sockets and devices are reported, never opened.

import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { kindOf } from './regularFile';

export interface WalkOptions {
  /** Which files are wanted, by the name they are listed under (extension checks). */
  readonly include: (name: string) => boolean;
  /** Folder names never entered (node_modules, .git). */
  readonly skipFolders?: ReadonlySet<string>;
  /** Real paths of folders not entered (the corpus folders, for the drafts scan). */
  readonly excludeRealPaths?: readonly string[];
  /** Folders deeper than this below the root are not entered. */
  readonly maxDepth?: number;
  /** At most this many files are listed. */
  readonly maxFiles?: number;
  /** At most this many folders are entered (a corpus path of "/" has few wanted files and millions of folders). */
  readonly maxFolders?: number;
}

export interface WalkedFile {
  /** The path as listed: the root joined with the names walked (what the user sees). */
  readonly path: string;
  /** Where it really is: always inside the root's real path. */
  readonly realPath: string;
}

export interface SkippedEntry {
  readonly path: string;
  readonly reason: string;
}

export interface WalkResult {
  /** False when the root does not exist (most workspaces have no corpus folder: not a problem). */
  readonly exists: boolean;
  readonly files: WalkedFile[];
  readonly skipped: SkippedEntry[];
}

export const DEFAULT_MAX_DEPTH = 32;
export const DEFAULT_MAX_FILES = 20_000;
export const DEFAULT_MAX_FOLDERS = 5_000;

/** True if `path` is `folder` or lies inside it (both real, absolute paths). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** Lists the wanted files under `root`, in path order; what was not listed, and why, is in `skipped`. */
export async function walkFolder(root: string, options: WalkOptions): Promise<WalkResult> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  const maxFolders = options.maxFolders ?? DEFAULT_MAX_FOLDERS;
  const files: WalkedFile[] = [];
  const skipped: SkippedEntry[] = [];
  let rootReal: string;
  try {
    rootReal = await realpath(root);
    const info = await stat(rootReal);
    if (!info.isDirectory()) return { exists: true, files, skipped: [{ path: root, reason: `${kindOf(info)}, not a folder: nothing read from it` }] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, files, skipped };
    return { exists: true, files, skipped: [{ path: root, reason: `could not be read (${describe(error)})` }] };
  }
  const entered = new Map<string, string>([[rootReal, root]]);
  const listed = new Set<string>();
  const excluded = options.excludeRealPaths ?? [];
  let full = false;

  const visit = async (dir: string, dirReal: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dirReal, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: dir, reason: `could not be listed (${describe(error)}); the other folders were read` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (full) return;
      const path = join(dir, entry.name);
      let real = join(dirReal, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (!isDirectory && !isFile) {
        // A link (or a file system that does not say): resolved, and kept only inside the root.
        try {
          real = await realpath(real);
          const info = await stat(real);
          isDirectory = info.isDirectory();
          isFile = info.isFile();
          if (!isDirectory && !isFile) {
            if (options.include(entry.name)) skipped.push({ path, reason: `${kindOf(info)}: not read` });
            continue;
          }
        } catch (error) {
          if (entry.isSymbolicLink() || options.include(entry.name)) skipped.push({ path, reason: `a link to nothing that can be read (${describe(error)})` });
          continue;
        }
        if (!isInside(real, rootReal)) {
          skipped.push({ path, reason: `a link to ${real}, outside ${root}: not followed` });
          continue;
        }
      }
      if (isDirectory) {
        if (options.skipFolders?.has(entry.name)) continue;
        if (excluded.some((folder) => isInside(real, folder))) continue;
        const first = entered.get(real);
        if (first !== undefined) {
          skipped.push({ path, reason: isInside(dirReal, real) ? `a link back to ${first} (a cycle): not followed` : `the same folder as ${first}: read once` });
          continue;
        }
        if (depth + 1 > maxDepth) {
          skipped.push({ path, reason: `more than ${maxDepth} folders deep: not read` });
          continue;
        }
        if (entered.size >= maxFolders) {
          full = true;
          skipped.push({ path: root, reason: `more than ${maxFolders} folders: the rest not read` });
          return;
        }
        entered.set(real, path);
        await visit(path, real, depth + 1);
      } else if (options.include(entry.name)) {
        if (listed.has(real)) continue;
        if (files.length >= maxFiles) {
          full = true;
          skipped.push({ path: root, reason: `more than ${maxFiles} files: the rest not read` });
          return;
        }
        listed.add(real);
        files.push({ path, realPath: real });
      }
    }
  };
  await visit(root, rootReal, 0);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { exists: true, files, skipped };
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'it no longer exists';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a loop of links';
  return (error as Error).message;
}
