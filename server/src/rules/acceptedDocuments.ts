// Documents the drafter accepts without the corpus knowing them ("Ignore this document" on an
// unknown citation). Kept in the draft's own front matter, so the choice travels with the draft
// (to a colleague, to CI's `compact-drafter check`) and is visible where the draft is:
//
//   ---
//   accepted-documents: [A/HRC/RES/35/17, A/C.3/80/L.12]
//   ---
//
// A workspace settings file would silence the citation only for whoever has that workspace.
import { parseDocument, isSeq } from 'yaml';
import { readFrontMatter } from '../corpus/metadata';
import { parseSymbol } from '../references';
import type { TextEdit } from './rule';

export const ACCEPTED_DOCUMENTS_KEY = 'accepted-documents';

const canonical = (symbol: string) => parseSymbol(symbol.trim())?.canonical ?? symbol.trim();

/** The symbols the draft's front matter accepts, in canonical form. */
export function acceptedDocuments(text: string): ReadonlySet<string> {
  if (!text.startsWith('---')) return new Set();
  let fields: Record<string, unknown>;
  try {
    fields = readFrontMatter(text).fields;
  } catch {
    return new Set();
  }
  const value = fields[ACCEPTED_DOCUMENTS_KEY];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return new Set(list.filter((item): item is string => typeof item === 'string').map(canonical));
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** The edit that adds `symbol` to the accepted documents: into the front matter, which it creates if there is none. */
export function acceptDocumentEdit(text: string, symbol: string): TextEdit | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { range: { start: 0, end: 0 }, newText: `---\n${ACCEPTED_DOCUMENTS_KEY}: [${symbol}]\n---\n\n` };
  const yamlText = match[1] ?? '';
  const yaml = parseDocument(yamlText);
  if (yaml.errors.length) return undefined; // broken front matter: not ours to rewrite
  const list = yaml.get(ACCEPTED_DOCUMENTS_KEY);
  if (list !== undefined && !isSeq(list)) return undefined;
  if (acceptedDocuments(text).has(canonical(symbol))) return undefined;
  if (isSeq(list)) list.add(symbol);
  else yaml.set(ACCEPTED_DOCUMENTS_KEY, yaml.createNode([symbol], { flow: true }));
  const start = match[0].indexOf('\n') + 1;
  return { range: { start, end: start + yamlText.length }, newText: yaml.toString() };
}
