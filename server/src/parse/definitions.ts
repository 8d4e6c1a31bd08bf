// The one thing Markdown reads across the whole document: definitions. "[^1]" is a footnote call only
// if some "[^1]: …" is defined anywhere in the draft, before or after it, and "[x]" a link only if some
// "[x]: url" is. A piece of a draft parsed alone is given stand-in definitions ("stubs") of the labels
// it may use that other pieces define, so it reads as it does in the whole draft.

import type { Nodes, Root } from 'mdast';

export type DefinitionKind = 'footnote' | 'link';

export interface Definition {
  readonly kind: DefinitionKind;
  /** As Markdown matches labels: case-folded, whitespace collapsed. */
  readonly id: string;
  /** As written in the source, so that a stub of it normalises to the same id. */
  readonly label: string;
}

/** micromark's normalizeIdentifier: labels match case-insensitively, with runs of whitespace as one space. */
export function normalizeIdentifier(value: string): string {
  return value
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

export function definitionKey(kind: DefinitionKind, id: string): string {
  return `${kind === 'footnote' ? '^' : '['}${id}`;
}

// Everything between brackets that could be a label: any "[…]" without unescaped brackets inside. A
// footnote call is "[^label]"; a link reference's label is "[label]" in "[text][label]", "[label][]"
// or "[label]". Over-reading only costs a stub.
const BRACKETED = /\[((?:\\[\s\S]|[^\\[\]])*)\]/g;

/** Keys (definitionKey) of the labels a piece of text may refer to. */
export function labelsUsed(text: string): string[] {
  if (!text.includes('[')) return [];
  const keys = new Set<string>();
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(text); m; m = BRACKETED.exec(text)) {
    const inner = m[1];
    keys.add(definitionKey('link', normalizeIdentifier(inner)));
    if (inner.startsWith('^')) {
      keys.add(definitionKey('footnote', normalizeIdentifier(inner.slice(1))));
      // "![^1]" is read through the image's label, "^1" as a whole.
      keys.add(definitionKey('footnote', normalizeIdentifier(inner).slice(1)));
    }
  }
  return [...keys];
}

/** The definitions of a tree, at any depth of block quotes, lists and footnote definitions, in document order. */
export function definitionsOf(nodes: readonly Nodes[]): Definition[] {
  const found: Definition[] = [];
  // Explicit stack: hostile input nests containers thousands deep.
  const stack: Nodes[] = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const label = node.label ?? node.identifier;
      found.push({ kind: node.type === 'definition' ? 'link' : 'footnote', id: normalizeIdentifier(label), label });
    }
    if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
  return found;
}

/** Markdown defining the given labels, each followed by a blank line so that nothing after it continues it. */
export function stubText(definitions: readonly Definition[]): string {
  return definitions.map((d) => (d.kind === 'footnote' ? `[^${d.label}]: x\n\n` : `[${d.label}]: #\n\n`)).join('');
}

/** Whether `nodes` are exactly the stubs of `definitions`, in order. */
export function areStubs(nodes: readonly Root['children'][number][], definitions: readonly Definition[]): boolean {
  if (nodes.length !== definitions.length) return false;
  return nodes.every((node, i) => {
    const expected = definitions[i];
    const type = expected.kind === 'footnote' ? 'footnoteDefinition' : 'definition';
    return node.type === type && 'identifier' in node && normalizeIdentifier(node.label ?? node.identifier) === expected.id;
  });
}
