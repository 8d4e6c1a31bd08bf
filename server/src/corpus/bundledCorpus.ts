import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusDocument } from './document';
import { CORPUS_EXTENSIONS, documentFromBytes, type LoadedFolder } from './loader';

/** Bundled texts are served read-only under this scheme (go to definition opens them). */
export const BUNDLED_SCHEME = 'compact-drafter-corpus';

/**
 * server/data, found from wherever this code runs: the bundle (dist/), the sources under
 * tsx (server/src/corpus/) or an installed extension.
 */
export function bundledDataDir(): string {
  const candidates = [join(__dirname, '..', 'server', 'data'), join(__dirname, '..', '..', 'data'), join(__dirname, '..', 'data')];
  const found = candidates.find((dir) => existsSync(join(dir, 'corpus')));
  if (!found) throw new Error(`bundled corpus not found (looked in ${candidates.join(', ')})`);
  return found;
}

interface Manifest {
  files: Record<string, { title?: string; date?: string }>;
}

export function loadBundledDocuments(): LoadedFolder {
  const dir = join(bundledDataDir(), 'corpus');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const documents: CorpusDocument[] = [];
  const problems: LoadedFolder['problems'] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!CORPUS_EXTENSIONS.some((ext) => name.endsWith(ext))) continue;
    const uri = `${BUNDLED_SCHEME}:/${name}`;
    const result = documentFromBytes(readFileSync(join(dir, name)), uri, 'bundled');
    if (!(result instanceof CorpusDocument)) {
      problems.push(result);
      continue;
    }
    const extra = manifest.files[name];
    documents.push(extra ? new CorpusDocument(result.id, result.symbol, uri, 'bundled', result.text, extra.title ?? result.title, extra.date ?? result.date) : result);
  }
  return { documents, problems };
}
