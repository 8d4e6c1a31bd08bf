import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { repairDoubleEncoding } from './mojibake';

/**
 * MARC 21 slim (MARCXML) as the UN Digital Library exports it: a <collection> of <record>s, each
 * with <controlfield tag> and <datafield tag ind1 ind2> holding <subfield code>s. The namespace may
 * be the default one or a prefix (the export in shared/ has `ns0:`); prefixes are dropped.
 *
 * Records are cut out of the file and parsed one by one, so a truncated or broken record is
 * reported with its position and the others are still read (fast-xml-parser would otherwise
 * reject the whole file for one bad tag).
 */

export interface MarcSubfield {
  readonly code: string;
  readonly value: string;
}

export interface MarcDatafield {
  readonly tag: string;
  readonly ind1: string;
  readonly ind2: string;
  readonly subfields: readonly MarcSubfield[];
}

export interface MarcRecord {
  /** 1-based position of the record in the file. */
  readonly position: number;
  readonly controlfields: ReadonlyMap<string, string>;
  readonly datafields: readonly MarcDatafield[];
}

export interface MarcProblem {
  /** 1-based position of the record in the file; 0 for the file as a whole. */
  readonly position: number;
  /** The record's 001 (control number) where it could be read. */
  readonly id?: string;
  readonly message: string;
}

export interface MarcReadResult {
  readonly records: MarcRecord[];
  readonly problems: MarcProblem[];
}

const RECORD_START = /<(?:[A-Za-z_][\w.-]*:)?record[\s>]/g;
const RECORD_END = /<\/(?:[A-Za-z_][\w.-]*:)?record\s*>/g;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  isArray: (name) => name === 'controlfield' || name === 'datafield' || name === 'subfield',
});

/** Every record of a MARCXML text, and a problem for each record (or file) that could not be read. */
export function readMarcXml(xml: string): MarcReadResult {
  const records: MarcRecord[] = [];
  const problems: MarcProblem[] = [];
  const chunks = recordChunks(xml);
  if (chunks.length === 0) {
    problems.push({ position: 0, message: /<(?:[\w.-]+:)?collection[\s>]/.test(xml) ? 'no records in the collection' : 'not a MARCXML file: no <record> element' });
  }
  chunks.forEach((chunk, index) => {
    const position = index + 1;
    const id = /<(?:[\w.-]+:)?controlfield\s+tag=["']001["']\s*>\s*([^<\s]+)/.exec(chunk.text)?.[1];
    if (!chunk.closed) {
      problems.push({ position, id, message: 'the record is cut off: it has no closing </record>' });
      return;
    }
    const valid = XMLValidator.validate(chunk.text);
    if (valid !== true) {
      problems.push({ position, id, message: `the record is not well-formed XML: ${valid.err.msg} (line ${valid.err.line} of the record)` });
      return;
    }
    const record = toRecord(parser.parse(chunk.text).record, position);
    if (record.controlfields.size === 0 && record.datafields.length === 0) {
      problems.push({ position, id, message: 'the record has no fields' });
      return;
    }
    records.push(record);
  });
  return { records, problems };
}

/** The values of subfield `code` in every `tag` field (optionally with first indicator `ind1`). */
export function subfieldValues(record: MarcRecord, tag: string, code: string, ind1?: string): string[] {
  return record.datafields
    .filter((field) => field.tag === tag && (ind1 === undefined || field.ind1 === ind1))
    .flatMap((field) => field.subfields.filter((s) => s.code === code).map((s) => s.value))
    .filter((value) => value.length > 0);
}

function recordChunks(xml: string): { text: string; closed: boolean }[] {
  const chunks: { text: string; closed: boolean }[] = [];
  RECORD_START.lastIndex = 0;
  const starts: number[] = [];
  for (let match; (match = RECORD_START.exec(xml)); ) starts.push(match.index);
  starts.forEach((start, i) => {
    const limit = starts[i + 1] ?? xml.length;
    RECORD_END.lastIndex = start;
    const end = RECORD_END.exec(xml);
    const closed = !!end && end.index < limit;
    const text = xml.slice(start, closed ? end.index + end[0].length : limit);
    // A prefixed record declares its namespace on itself in the Library's exports; one declared only on
    // the <collection> is added here so the cut-out record stays well-formed XML on its own.
    chunks.push({ text: withPrefixDeclared(text, xml), closed });
  });
  return chunks;
}

function withPrefixDeclared(chunk: string, whole: string): string {
  const prefix = /^<([A-Za-z_][\w.-]*):record/.exec(chunk)?.[1];
  if (!prefix || new RegExp(`^<${prefix}:record[^>]*xmlns:${prefix}=`).test(chunk)) return chunk;
  const uri = new RegExp(`xmlns:${prefix}=["']([^"']*)["']`).exec(whole)?.[1] ?? 'http://www.loc.gov/MARC21/slim';
  return chunk.replace(/^<([\w.-]+):record/, `<$1:record xmlns:${prefix}="${uri}"`);
}

type Raw = Record<string, unknown>;

function toRecord(raw: unknown, position: number): MarcRecord {
  const node = (raw && typeof raw === 'object' ? raw : {}) as Raw;
  const controlfields = new Map<string, string>();
  for (const field of asArray(node.controlfield)) {
    const tag = attribute(field, 'tag');
    if (tag) controlfields.set(tag, clean(text(field)));
  }
  const datafields: MarcDatafield[] = asArray(node.datafield).map((field) => ({
    tag: attribute(field, 'tag') ?? '',
    ind1: attribute(field, 'ind1') ?? ' ',
    ind2: attribute(field, 'ind2') ?? ' ',
    subfields: asArray((field as Raw).subfield).map((s) => ({ code: attribute(s, 'code') ?? '', value: clean(text(s)) })),
  }));
  return { position, controlfields, datafields };
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function attribute(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as Raw)[name];
  return typeof value === 'string' ? value : undefined;
}

function text(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object') {
    const value = (node as Raw)['#text'];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  }
  return '';
}

/** Whitespace as a reader sees it, and text encoded twice put right. */
function clean(value: string): string {
  return repairDoubleEncoding(value.replace(/\s+/g, ' ').trim());
}
