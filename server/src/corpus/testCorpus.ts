// The one test-corpus builder: the bundled registry and seed texts (loaded once: each parses its
// text on first use, A/68/283 in a tenth of a second), plus whatever texts a test adds. For tests
// only; nothing in the product imports it.
import { bundledRegistry } from './bundledRegistry';
import { loadBundledDocuments } from './bundledCorpus';
import { Corpus } from './corpus';
import { CorpusDocument } from './document';
import type { Registry } from './registry';

let seeds: readonly CorpusDocument[] | undefined;
let bundled: Corpus | undefined;

/** The bundled seed texts, loaded once for the whole test run. */
export function bundledDocuments(): readonly CorpusDocument[] {
  seeds ??= loadBundledDocuments().documents;
  return seeds;
}

/** The bundled registry (or another) and the seed texts, plus extra documents; the plain one is built once. */
export function testCorpus(extra: readonly CorpusDocument[] = [], registry?: Registry): Corpus {
  if (extra.length === 0 && !registry) return (bundled ??= new Corpus(bundledRegistry(), bundledDocuments()));
  return new Corpus(registry ?? bundledRegistry(), [...bundledDocuments(), ...extra]);
}

/** A text of the user's own corpus folder, named after its symbol: "A/71/728" → file:///corpus/A-71-728.md. */
export function workspaceText(symbol: string, text = '1. Text.\n', facts: { readonly title?: string; readonly date?: string } = {}): CorpusDocument {
  return new CorpusDocument(symbol, symbol, `file:///corpus/${symbol.replace(/\//g, '-')}.md`, 'workspace', text, facts.title, facts.date);
}
