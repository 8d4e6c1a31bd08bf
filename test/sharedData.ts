import { existsSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..');

/**
 * A file of the shared real data (un-documents, corpus, facts), which lies beside the repository
 * (`../shared`, as CI clones it). A git worktree under a folder of worktrees has it one level up.
 */
export function sharedPath(...parts: string[]): string {
  for (const root of [join(REPO, '..', 'shared'), join(REPO, '..', '..', 'shared')]) {
    if (existsSync(join(root, ...parts))) return join(root, ...parts);
  }
  throw new Error(`../shared/${parts.join('/')} is missing: the shared real data must lie beside the repository`);
}
