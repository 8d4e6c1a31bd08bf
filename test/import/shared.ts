// Where the shared real documents are: `../shared` beside the repository (CI clones it there); a
// worktree one level deeper finds it two levels up. Tests that need it read it through here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export function sharedDir(): string {
  for (const candidate of [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared')]) {
    if (existsSync(join(candidate, 'un-documents'))) return candidate;
  }
  throw new Error(`../shared/un-documents not found beside ${ROOT}`);
}

export const PDF_DIR = (): string => join(sharedDir(), 'un-documents', 'pdf');
export const TEXTS = (): string => join(sharedDir(), 'un-documents', 'texts.jsonl');
