import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { CorpusDocument } from './document';
import { BUNDLED_SCHEME } from '../protocol';
import { CORPUS_EXTENSIONS, documentFromBytes, type LoadedDocuments } from './loader';

/**
 * Bundled texts are known by this scheme inside the server. A client that can show such a document
 * (VS Code's extension, which asks for its text with compactDrafter/corpusText and opens it read-only)
 * receives it as is; every other client gets the file on disk (bundledFileUri): Neovim and Emacs
 * opened an empty buffer for the scheme.
 */
export { BUNDLED_SCHEME };

/** Whether a URI is the file of a bundled text (a client opened it from go to definition). */
export function isBundledFileUri(uri: string): boolean {
  return uri.startsWith(`${URI.file(join(bundledDataDir(), 'corpus')).toString()}/`);
}

/** The file:// URI of a bundled text ("compact-drafter-corpus:/A-68-283.md"); any other URI unchanged. */
export function bundledFileUri(uri: string): string {
  const prefix = `${BUNDLED_SCHEME}:/`;
  if (!uri.startsWith(prefix)) return uri;
  return URI.file(join(bundledDataDir(), 'corpus', decodeURIComponent(uri.slice(prefix.length)))).toString();
}

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

export function loadBundledDocuments(): LoadedDocuments {
  const dir = join(bundledDataDir(), 'corpus');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const documents: CorpusDocument[] = [];
  const problems: LoadedDocuments['problems'] = [];
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
