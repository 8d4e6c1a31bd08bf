// WordprocessingML read with fast-xml-parser in document order (preserveOrder), and the few helpers
// the importer needs to walk it. No DTDs or entities beyond XML's own are processed.
import { XMLParser } from 'fast-xml-parser';

/** One element: its name, attributes (without prefix) and children in order; text nodes are "#text". */
export interface XmlNode {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlNode[];
  readonly text?: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

type Raw = Record<string, unknown>;

function convert(raw: Raw): XmlNode | undefined {
  const name = Object.keys(raw).find((key) => key !== ':@');
  if (!name) return undefined;
  if (name === '#text') return { name, attributes: {}, children: [], text: String(raw[name]) };
  const attributes = (raw[':@'] as Record<string, string> | undefined) ?? {};
  const children = ((raw[name] as Raw[]) ?? []).map(convert).filter((node): node is XmlNode => node !== undefined);
  return { name, attributes, children };
}

export function parseXml(text: string): XmlNode {
  const raws = parser.parse(text) as Raw[];
  const children = raws.map(convert).filter((node): node is XmlNode => node !== undefined);
  return { name: '#document', attributes: {}, children };
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** The first descendant with this name, depth first. */
export function find(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!node) return undefined;
  for (const c of node.children) {
    if (c.name === name) return c;
    const deeper = find(c, name);
    if (deeper) return deeper;
  }
  return undefined;
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  return node?.attributes[name];
}

export function textOf(node: XmlNode): string {
  if (node.text !== undefined) return node.text;
  return node.children.map(textOf).join('');
}
